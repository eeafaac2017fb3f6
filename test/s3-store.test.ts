/**
 * The S3-compatible file store against a local S3 server (s3rver on loopback): the same contract
 * as the local store — content address, dedupe, size limit, inspection before keeping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/server/app-error';
import { S3FileStore } from '../src/server/files/s3-file-store';

let server: S3rver;
let store: S3FileStore;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gg-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'gongguan', configs: [] }] });
  const { port } = await server.run();
  store = new S3FileStore({ bucket: 'gongguan', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('S3FileStore', () => {
  it('stores by SHA-256, reads back, dedupes and deletes', async () => {
    const data = Buffer.from('%PDF-1.4 天津市质量攻关项目申报书 扫描件');
    const a = await store.put(data, { maxBytes: 1024 });
    expect(a.key).toMatch(/^[a-f0-9]{64}$/);
    expect((await store.read(a.key)).equals(data)).toBe(true);
    const b = await store.put(Readable.from([data]), { maxBytes: 1024 });
    expect(b.key).toBe(a.key);
    expect(await store.exists(a.key)).toBe(true);
    await store.delete(a.key);
    expect(await store.exists(a.key)).toBe(false);
  });

  it('refuses over the limit and keeps nothing a refused inspection saw', async () => {
    await expect(store.put(Buffer.alloc(2048, 1), { maxBytes: 1024 })).rejects.toMatchObject({ code: 'payload_too_large' });
    const data = Buffer.from('不是允许的文件类型');
    await expect(
      store.put(data, { maxBytes: 1024, inspect: async () => { throw new AppError('unsupported_file', 'no', '无法识别的文件类型'); } }),
    ).rejects.toMatchObject({ code: 'unsupported_file' });
    const { createHash } = await import('node:crypto');
    expect(await store.exists(createHash('sha256').update(data).digest('hex'))).toBe(false);
  });
});
