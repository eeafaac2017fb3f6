/**
 * A minimal POSIX ustar writer and extractor (regular files only) for backup archives: no
 * dependency, streaming in both directions, gzip around it. Entry names are relative, use `/`,
 * stay under 100 bytes, and never contain `..` (checked on both sides).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

const BLOCK = 512;

export function assertSafeName(name: string): void {
  if (!name || name.startsWith('/') || name.split('/').some((s) => s === '..' || s === '') || name.includes('\\') || Buffer.byteLength(name) > 99) {
    throw new Error(`unsafe archive entry name: ${JSON.stringify(name)}`);
  }
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

export function tarHeader(name: string, size: number, mtime = new Date()): Buffer {
  assertSafeName(name);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) {
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        out.off('error', onError);
        resolve();
      };
      const onError = (err: Error) => {
        out.off('drain', onDrain);
        reject(err);
      };
      out.once('drain', onDrain);
      out.once('error', onError);
    });
  }
}

/** Writes entries one after the other into `out` (usually a gzip stream). */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  /** `source` must deliver exactly `size` bytes; otherwise the archive would be corrupt and this throws. */
  async add(name: string, size: number, source: Buffer | Readable | AsyncIterable<Buffer>, onChunk?: (chunk: Buffer) => void): Promise<void> {
    await write(this.out, tarHeader(name, size));
    let written = 0;
    const chunks: AsyncIterable<Buffer> | Buffer[] = Buffer.isBuffer(source) ? [source] : (source as AsyncIterable<Buffer>);
    for await (const raw of chunks) {
      const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      written += chunk.length;
      if (written > size) throw new Error(`archive entry ${name}: more than the declared ${size} bytes`);
      onChunk?.(chunk);
      await write(this.out, chunk);
    }
    if (written !== size) throw new Error(`archive entry ${name}: ${written} bytes, declared ${size}`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await write(this.out, Buffer.alloc(pad, 0));
  }

  async finish(): Promise<void> {
    await write(this.out, Buffer.alloc(BLOCK * 2, 0));
    this.out.end();
    await finished(this.out);
  }
}

function parseOctal(buf: Buffer): number {
  const s = buf.toString('ascii').replace(/\0.*$/s, '').trim();
  return s ? parseInt(s, 8) : 0;
}

/** Extracts a (gunzipped) tar stream into `dest`; returns the entry names in archive order. */
export async function extractTar(input: AsyncIterable<Buffer>, dest: string): Promise<string[]> {
  const names: string[] = [];
  let buf: Buffer = Buffer.alloc(0);
  let current: { out: Writable; remaining: number; pad: number } | null = null;
  let ended = false;
  const root = path.resolve(dest);
  for await (const chunk of input) {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      if (current) {
        if (current.remaining > 0) {
          if (!buf.length) break;
          const take = Math.min(current.remaining, buf.length);
          await write(current.out, buf.subarray(0, take));
          buf = buf.subarray(take);
          current.remaining -= take;
          if (current.remaining > 0) break;
          current.out.end();
          await finished(current.out);
        }
        if (buf.length < current.pad) break;
        buf = buf.subarray(current.pad);
        current = null;
      }
      if (ended || buf.length < BLOCK) break;
      const header = buf.subarray(0, BLOCK);
      buf = buf.subarray(BLOCK);
      if (header.every((b) => b === 0)) {
        ended = true;
        break;
      }
      const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      const size = parseOctal(header.subarray(124, 136));
      const type = String.fromCharCode(header[156] || 0x30);
      if (type !== '0') throw new Error(`unsupported archive entry type ${type} for ${name}`);
      assertSafeName(name);
      const target = path.resolve(root, name);
      if (!target.startsWith(root + path.sep)) throw new Error(`archive entry escapes the target: ${name}`);
      await mkdir(path.dirname(target), { recursive: true });
      names.push(name);
      current = { out: createWriteStream(target, { flags: 'wx' }), remaining: size, pad: (BLOCK - (size % BLOCK)) % BLOCK };
      if (size === 0) {
        current.out.end();
        await finished(current.out);
      }
    }
  }
  if (current && current.remaining > 0) {
    current.out.destroy();
    throw new Error('archive is truncated');
  }
  if (!ended) throw new Error('archive is truncated (no end marker)');
  return names;
}
