/**
 * Optional backup encryption (issue 19, 等保 data confidentiality): AES-256-GCM with a 32-byte key
 * from the environment (`BACKUP_ENCRYPTION_KEY`, 64 hex characters or base64). Streaming in both
 * directions, so no plaintext copy of the archive is ever written to disk.
 *
 * File layout: MAGIC (8 bytes "GGBAKE1\n") | key check (8 bytes, HMAC-SHA-256 of a fixed label, so a
 * wrong key is named at once) | IV (12 bytes) | ciphertext | GCM tag (16 bytes). The tag authenticates
 * the whole archive: any altered byte fails at the end of the stream, before the restore writes
 * anything (it extracts and checks the archive first).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual, type DecipherGCM } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';

export const ENCRYPTED_MAGIC = Buffer.from('GGBAKE1\n', 'ascii');
const CHECK_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = ENCRYPTED_MAGIC.length + CHECK_BYTES + IV_BYTES;

function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('gongguan backup key check').digest().subarray(0, CHECK_BYTES);
}

export class BackupKeyError extends Error {}

/** Parses BACKUP_ENCRYPTION_KEY; undefined when unset. Refuses anything but exactly 32 bytes. */
export function backupKeyFrom(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const raw = env.BACKUP_ENCRYPTION_KEY?.trim();
  if (!raw) return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new BackupKeyError('BACKUP_ENCRYPTION_KEY 必须是 32 字节的密钥（64 个十六进制字符或 base64），可用 openssl rand -hex 32 生成');
  }
  return key;
}

/** Plaintext in, MAGIC | IV | ciphertext | tag out. */
export function encryptStream(key: Buffer): Transform {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  let started = false;
  const header = (t: Transform) => {
    if (!started) t.push(Buffer.concat([ENCRYPTED_MAGIC, keyCheck(key), iv]));
    started = true;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      header(this);
      cb(null, cipher.update(chunk));
    },
    flush(cb) {
      header(this);
      this.push(cipher.final());
      this.push(cipher.getAuthTag());
      cb();
    },
  });
}

/** MAGIC | IV | ciphertext | tag in, plaintext out; errors at the end when the tag does not hold. */
export function decryptStream(key: Buffer): Transform {
  let head: Buffer = Buffer.alloc(0);
  let decipher: DecipherGCM | null = null;
  let held: Buffer = Buffer.alloc(0); // the last TAG_BYTES seen so far (may be the tag)
  const tampered = () => new BackupKeyError('备份文件解密失败：文件已损坏或被篡改（认证标签不符）');
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (!decipher) {
        head = Buffer.concat([head, chunk]);
        if (head.length < HEADER_BYTES) return cb();
        if (!head.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) return cb(new BackupKeyError('不是加密的备份文件'));
        if (!timingSafeEqual(head.subarray(ENCRYPTED_MAGIC.length, ENCRYPTED_MAGIC.length + CHECK_BYTES), keyCheck(key))) {
          return cb(new BackupKeyError('备份文件解密失败：密钥（BACKUP_ENCRYPTION_KEY）与备份时使用的不同'));
        }
        decipher = createDecipheriv('aes-256-gcm', key, head.subarray(HEADER_BYTES - IV_BYTES, HEADER_BYTES));
        chunk = head.subarray(HEADER_BYTES);
      }
      const all = Buffer.concat([held, chunk]);
      const cut = Math.max(0, all.length - TAG_BYTES);
      held = all.subarray(cut);
      cb(null, cut > 0 ? decipher.update(all.subarray(0, cut)) : undefined);
    },
    flush(cb) {
      if (!decipher || held.length < TAG_BYTES) return cb(new BackupKeyError('加密的备份文件不完整'));
      try {
        decipher.setAuthTag(held);
        this.push(decipher.final());
        cb();
      } catch {
        cb(tampered());
      }
    },
  });
}

/** True when the file starts with the encrypted-backup magic. */
export async function isEncryptedBackup(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(ENCRYPTED_MAGIC.length);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return bytesRead === buf.length && buf.equals(ENCRYPTED_MAGIC);
  } finally {
    await fh.close();
  }
}
