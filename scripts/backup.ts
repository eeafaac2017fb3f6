/**
 * `npm run backup -- [--out <file>] [--server <url>]`
 *
 * Writes ONE archive (tar.gz): every application table (logical export, one consistent snapshot),
 * every stored file the database references, and manifest.json (row counts, SHA-256 of every entry).
 *
 * - PostgreSQL (DATABASE_URL): runs at any time, also while the platform serves traffic.
 * - PGlite (DATA_DIR): PGlite belongs to ONE process. With the server stopped this opens DATA_DIR
 *   directly (a running server's data directory is refused); while the server runs use
 *   `--server http://127.0.0.1:3000`, which logs in as a commission administrator
 *   (BACKUP_USERNAME / BACKUP_PASSWORD) and downloads POST /api/admin/backup.
 *
 * The archive holds personal data and password hashes: it is created 0600 (owner only), written as
 * `<out>.partial` and renamed when complete; on any failure the partial file is removed. With
 * BACKUP_ENCRYPTION_KEY set (32 bytes, hex or base64) it is encrypted with AES-256-GCM while it
 * streams (default name `.tar.gz.enc`); `npm run restore` decrypts with the same key.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { writeBackup } from '../src/server/backup/backup';
import { backupKeyFrom, encryptStream } from '../src/server/backup/encryption';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { APP_VERSION } from '../src/server/routes';
import { fileStoreFor } from '../src/server/services';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Streams `produce`'s bytes (optionally encrypted) into a new 0600 file. */
async function writeArchive(file: string, key: Buffer | undefined, produce: (out: Writable) => Promise<unknown>): Promise<void> {
  const plain = new PassThrough();
  const sink = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const stages: NodeJS.ReadWriteStream[] = key ? [encryptStream(key)] : [];
  const written = pipeline(plain, ...(stages as [NodeJS.ReadWriteStream]), sink);
  const produced = produce(plain).catch((err) => {
    plain.destroy(err);
    throw err;
  });
  await Promise.all([produced, written]);
}

async function viaServer(base: string, out: Writable) {
  const username = process.env.BACKUP_USERNAME;
  const password = process.env.BACKUP_PASSWORD;
  if (!username || !password) throw new Error('请设置 BACKUP_USERNAME 和 BACKUP_PASSWORD（市市场监管委系统管理员账户）');
  const login = await fetch(new URL('/api/auth/login', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`登录失败（HTTP ${login.status}）：${(await login.json().catch(() => ({}))).message ?? ''}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('gg_csrf='))?.slice('gg_csrf='.length) ?? '';
  const res = await fetch(new URL('/api/admin/backup', base), { method: 'POST', headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf } });
  if (res.status !== 200 || !res.body) throw new Error(`备份下载失败（HTTP ${res.status}）：${(await res.json().catch(() => ({}))).message ?? ''}`);
  await pipeline(Readable.fromWeb(res.body as any), out);
}

async function offline(out: Writable) {
  const config = loadConfig();
  const pgliteDir = path.join(config.dataDir, 'pglite');
  if (!config.databaseUrl && !existsSync(pgliteDir)) throw new Error(`找不到数据库：${pgliteDir} 不存在`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : pgliteDir, migrate: false, poolSize: 2 });
  try {
    const manifest = await writeBackup(database, fileStoreFor(config), out, { appVersion: APP_VERSION, now: new Date() });
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`数据表 ${manifest.tables.length} 张，共 ${rows} 行；文件 ${manifest.files.length} 个`);
  } finally {
    await database.close();
  }
}

async function main() {
  const key = backupKeyFrom();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  const out = path.resolve(arg('out') ?? `gongguan-backup-${stamp}.tar.gz${key ? '.enc' : ''}`);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  const server = arg('server');
  try {
    await writeArchive(partial, key, (sink) => (server ? viaServer(server, sink) : offline(sink)));
  } catch (err) {
    rmSync(partial, { force: true }); // never leave an empty or half archive behind
    throw err;
  }
  renameSync(partial, out); // only a complete archive gets the real name
  console.log(`备份完成：${out}${key ? '（已用 AES-256-GCM 加密）' : ''}`);
}

main().catch((err) => {
  console.error('备份失败：', err instanceof Error ? err.message : err);
  process.exit(1);
});
