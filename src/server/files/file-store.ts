/**
 * Content-addressed file storage (issue 3). Local directory by default: stream to a temp file while
 * hashing, fsync, then rename into place (atomic: a crash leaves no half file under a real key).
 * S3-compatible by configuration. Files are deduplicated by SHA-256.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../app-error';

export interface StoredObject {
  key: string;
  sha256: string;
  size: number;
}

export interface PutOptions {
  maxBytes: number;
  /** Inspect the complete temp file before it is kept (type sniffing); throw to refuse it. */
  inspect?: (tmpPath: string, size: number) => Promise<void>;
}

export interface FileStore {
  readonly kind: 'local' | 's3';
  put(source: Readable | Buffer, opts: PutOptions): Promise<StoredObject>;
  read(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', 'upload over limit', `文件大小超过上限（${formatBytes(maxBytes)}），请压缩后重新上传`);
}

/** 20 MB, 1.5 MB, 64 KB — never "0 MB" for a small limit. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} 字节`;
}

/** Streams into `tmpDir`, counting and hashing; refuses past maxBytes without keeping anything. */
export async function spoolToTemp(source: Readable | Buffer, tmpDir: string, maxBytes: number): Promise<{ tmpPath: string; sha256: string; size: number }> {
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, tempName());
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) return cb(tooLarge(maxBytes));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
  const out = createWriteStream(tmpPath, { flags: 'wx' });
  try {
    await pipeline(input, counter, out);
    // @fastify/multipart marks a truncated stream instead of erroring.
    if ((input as Readable & { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
    const fh = await open(tmpPath, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (err) {
    await rm(tmpPath, { force: true });
    throw err;
  }
  return { tmpPath, sha256: hash.digest('hex'), size };
}

/**
 * Temp files are named for their writer (`<host>+<pid>+<uuid>.part`) so that a process starting
 * up can tell the leftovers of a crashed writer (same host, pid no longer alive) from uploads
 * another live process is still streaming. Anything older than a day is removed regardless.
 */
function tempName(): string {
  return `${encodeURIComponent(os.hostname())}+${process.pid}+${randomUUID()}.part`;
}

const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files left by crashed uploads; returns how many. Safe to run while others upload. */
export async function sweepTemp(tmpDir: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmpDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const p = path.join(tmpDir, name);
    const [host, pid] = name.split('+');
    let stale = false;
    try {
      stale = now - (await stat(p)).mtimeMs > STALE_TEMP_MS;
    } catch {
      continue; // finished or removed meanwhile
    }
    const orphan = pid !== undefined && decodeURIComponent(host) === os.hostname() && !pidAlive(Number(pid));
    if (stale || orphan) {
      await rm(p, { force: true });
      removed++;
    }
  }
  return removed;
}

export class LocalFileStore implements FileStore {
  readonly kind = 'local' as const;
  /** Settles once the start-up sweep of crashed uploads' temp files is done. */
  readonly swept: Promise<number>;
  constructor(private readonly root: string) {
    this.swept = sweepTemp(path.join(root, 'tmp')).catch(() => 0);
  }

  private pathFor(key: string): string {
    if (!/^[a-f0-9]{64}$/.test(key)) throw new AppError('not_found', `bad key ${key}`, '文件不存在');
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(source: Readable | Buffer, opts: PutOptions): Promise<StoredObject> {
    const { tmpPath, sha256, size } = await spoolToTemp(source, path.join(this.root, 'tmp'), opts.maxBytes);
    try {
      if (opts.inspect) await opts.inspect(tmpPath, size);
      const target = this.pathFor(sha256);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmpPath, target); // same content → same name: replacing it is harmless
      const dir = await open(path.dirname(target), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
      return { key: sha256, sha256, size };
    } finally {
      await rm(tmpPath, { force: true });
    }
  }

  async read(key: string): Promise<Buffer> {
    return readFile(this.pathFor(key));
  }

  async stream(key: string): Promise<Readable> {
    const p = this.pathFor(key);
    await stat(p);
    return createReadStream(p);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.pathFor(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}
