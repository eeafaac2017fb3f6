/** S3-compatible store (by configuration). Objects are keyed by SHA-256 like the local store. */
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spoolToTemp, sweepTemp, type FileStore, type PutOptions, type StoredObject } from './file-store';

export interface S3Options {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  readonly swept: Promise<number>;
  constructor(private readonly opts: S3Options) {
    this.swept = sweepTemp(path.join(os.tmpdir(), 'gongguan-s3')).catch(() => 0);
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      credentials: opts.accessKeyId && opts.secretAccessKey ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } : undefined,
    });
  }

  async put(source: Readable | Buffer, opts: PutOptions): Promise<StoredObject> {
    const { tmpPath, sha256, size } = await spoolToTemp(source, path.join(os.tmpdir(), 'gongguan-s3'), opts.maxBytes);
    try {
      if (opts.inspect) await opts.inspect(tmpPath, size);
      if (!(await this.exists(sha256))) {
        await this.client.send(new PutObjectCommand({ Bucket: this.opts.bucket, Key: sha256, Body: await readFile(tmpPath), ContentLength: size }));
      }
      return { key: sha256, sha256, size };
    } finally {
      await rm(tmpPath, { force: true });
    }
  }

  async read(key: string): Promise<Buffer> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: key }));
    return Buffer.from(await res.Body!.transformToByteArray());
  }

  async stream(key: string): Promise<Readable> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: key }));
    return res.Body as Readable;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.opts.bucket, Key: key }));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: key }));
  }
}
