/**
 * Backup and restore (issue 7), one code path for PGlite and PostgreSQL: a logical export of every
 * application table (row_to_json, in foreign-key order) taken in ONE read-only REPEATABLE READ
 * transaction, plus every stored object the `files` table references, plus manifest.json (row
 * counts, SHA-256 of every entry, schema migrations). The archive is a gzipped tar; manifest.json
 * is written last, so a truncated archive is detected on restore.
 *
 * Restore goes into an EMPTY target only (new PGlite data dir or empty PostgreSQL database),
 * verifies every checksum before writing, inserts in foreign-key order in one transaction, resets
 * identity sequences, stores the objects (local or S3 by configuration) and verifies the result.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { auditHead } from '../audit/checkpoints';
import { verifyAuditChain } from '../audit/verify-chain';
import type { Database, Db, DbOrTx } from '../db/client';
import type { FileStore } from '../files/file-store';
import { BackupKeyError, decryptStream, isEncryptedBackup } from './encryption';
import { extractTar, TarWriter } from './tar';

export const BACKUP_FORMAT = 'gongguan-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Not backed up: login sessions (a restored platform starts with everyone logged out). */
export const EXCLUDED_TABLES = ['sessions'];

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  source: 'pglite' | 'postgres';
  /** drizzle migration hashes applied to the source, oldest first. */
  migrations: string[];
  /** Tables in restore (foreign-key) order. */
  tables: { name: string; rows: number; entry: string; sha256: string; bytes: number }[];
  files: { key: string; size: number; entry: string; sha256: string }[];
  excludedTables: string[];
  /** The audit chain's head inside the snapshot: a receipt for `npm run audit:verify -- --receipt`. */
  auditHead?: { seq: number; hash: string } | null;
}

async function q(db: DbOrTx, text: string): Promise<any[]> {
  const res = (await db.execute(sql.raw(text))) as unknown as { rows: any[] };
  return res.rows;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Application tables, parents before children. */
export async function tablesInDependencyOrder(db: DbOrTx): Promise<string[]> {
  const tables = (await q(db, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)).map((r) => String(r.table_name));
  const edges = await q(
    db,
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) {
    const child = String(e.child).replace(/^public\./, '').replace(/"/g, '');
    const parent = String(e.parent).replace(/^public\./, '').replace(/"/g, '');
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new Error(`foreign keys form a cycle through ${t}`);
    state.set(t, 'visiting');
    for (const p of parents.get(t) ?? []) visit(p);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of tables) visit(t);
  return order;
}

async function primaryKey(db: DbOrTx, table: string): Promise<string[]> {
  const rows = await q(
    db,
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = 'public.${ident(table)}'::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
  );
  return rows.map((r) => String(r.attname));
}

async function migrationsOf(db: DbOrTx): Promise<string[]> {
  try {
    return (await q(db, `SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`)).map((r) => String(r.hash));
  } catch {
    return [];
  }
}

const PAGE = 1000;

/**
 * Streams a complete backup (tar.gz) into `out`. The database part is one consistent snapshot;
 * objects are immutable (content-addressed), so copying them after the snapshot is consistent too.
 */
export async function writeBackup(database: Database, store: FileStore, out: Writable, opts: { appVersion: string; now: Date }): Promise<Manifest> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'gg-backup-'));
  try {
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: opts.now.toISOString(),
      appVersion: opts.appVersion,
      source: database.kind,
      migrations: [],
      tables: [],
      files: [],
      excludedTables: EXCLUDED_TABLES,
    };
    const objects = new Map<string, number>();
    await database.db.transaction(
      async (tx) => {
        manifest.migrations = await migrationsOf(tx);
        manifest.auditHead = await auditHead(tx as unknown as Db);
        for (const table of await tablesInDependencyOrder(tx)) {
          if (EXCLUDED_TABLES.includes(table)) continue;
          const entry = `db/${table}.jsonl`;
          const file = path.join(work, `${table}.jsonl`);
          const w = createWriteStream(file);
          const hash = createHash('sha256');
          let rows = 0;
          let bytes = 0;
          const pk = await primaryKey(tx, table);
          const orderBy = pk.length ? pk.map(ident).join(', ') : '1';
          for (let offset = 0; ; offset += PAGE) {
            const page = await q(tx, `SELECT row_to_json(t)::text AS j FROM ${ident(table)} t ORDER BY ${orderBy} LIMIT ${PAGE} OFFSET ${offset}`);
            for (const r of page) {
              const line = Buffer.from(`${r.j}\n`, 'utf8');
              hash.update(line);
              bytes += line.length;
              if (!w.write(line)) await new Promise<void>((res) => w.once('drain', () => res()));
            }
            rows += page.length;
            if (page.length < PAGE) break;
          }
          w.end();
          await finished(w);
          manifest.tables.push({ name: table, rows, entry, sha256: hash.digest('hex'), bytes });
          if (table === 'files') {
            for (const r of await q(tx, `SELECT storage_key, max(size) AS size FROM files GROUP BY storage_key ORDER BY storage_key`)) objects.set(String(r.storage_key), Number(r.size));
          }
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    const gzip = createGzip();
    gzip.pipe(out);
    const tar = new TarWriter(gzip);
    for (const t of manifest.tables) await tar.add(t.entry, t.bytes, createReadStream(path.join(work, `${t.name}.jsonl`)));
    for (const [key, size] of objects) {
      const entry = `files/${key}`;
      const hash = createHash('sha256');
      await tar.add(entry, size, await store.stream(key), (c) => hash.update(c));
      const sha256 = hash.digest('hex');
      if (sha256 !== key) throw new Error(`stored object ${key} is damaged (its content hashes to ${sha256})`);
      manifest.files.push({ key, size, entry, sha256 });
    }
    const m = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    await tar.add('manifest.json', m.length, m);
    await tar.finish();
    await finished(out).catch(() => undefined);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export class RestoreError extends Error {}

/** True when the database holds no application table (a fresh PostgreSQL database or PGlite dir). */
export async function databaseIsEmpty(database: Database): Promise<boolean> {
  const { rows } = await database.executeSql(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`);
  return Number(rows[0].n) === 0;
}

async function sha256File(p: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(p)) h.update(c as Buffer);
  return h.digest('hex');
}

/**
 * Extracts and checks an archive (every checksum) without touching any target. An encrypted archive
 * (see encryption.ts) needs `key`; its authentication tag is checked before this returns.
 */
export async function openArchive(archive: string, opts: { key?: Buffer } = {}): Promise<{ dir: string; manifest: Manifest; cleanup(): Promise<void> }> {
  const encrypted = await isEncryptedBackup(archive).catch(() => false);
  if (encrypted && !opts.key) throw new RestoreError('备份文件已加密：请设置与备份时相同的 BACKUP_ENCRYPTION_KEY 后再恢复');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gg-restore-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const source = createReadStream(archive);
    const gunzip = createGunzip();
    // .pipe() would not pass an error on: a read error or a failed decryption must end the extraction.
    let plain: NodeJS.ReadableStream = source;
    if (encrypted) {
      const decrypt = decryptStream(opts.key!);
      decrypt.on('error', (err) => gunzip.destroy(err));
      plain = source.pipe(decrypt);
    }
    source.on('error', (err) => gunzip.destroy(err));
    const names = await extractTar(plain.pipe(gunzip), dir).catch((err) => {
      if (err instanceof RestoreError) throw err;
      if (err instanceof BackupKeyError) throw new RestoreError(err.message);
      // Garbage out of the cipher breaks gzip before the tag is checked: it is the same finding.
      if (encrypted) throw new RestoreError(`备份文件解密失败：文件已损坏或被篡改（${(err as Error).message}）`);
      throw new RestoreError(`备份文件无法读取或不完整：${(err as Error).message}`);
    });
    if (!names.includes('manifest.json')) throw new RestoreError('备份文件不完整：缺少 manifest.json（备份可能在写入过程中中断）');
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION) throw new RestoreError('不是本平台的备份文件，或备份格式版本不受支持');
    for (const e of [...manifest.tables, ...manifest.files]) {
      const p = path.join(dir, e.entry);
      const actual = await sha256File(p).catch(() => null);
      if (actual !== e.sha256) throw new RestoreError(`备份文件已损坏：${e.entry} 的校验值不符`);
    }
    return { dir, manifest, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

export interface RestoreReport {
  tables: { name: string; rows: number }[];
  files: number;
  auditEntries: number;
}

/**
 * Restores an opened archive into an EMPTY, freshly migrated database and a file store. The caller
 * opens the database (with migrations) only after checking the target was empty.
 */
export async function restoreInto(database: Database, store: FileStore, archive: { dir: string; manifest: Manifest }): Promise<RestoreReport> {
  const { manifest, dir } = archive;
  const migrations = await migrationsOf(database.db);
  if (JSON.stringify(migrations) !== JSON.stringify(manifest.migrations)) {
    throw new RestoreError('备份的数据库结构版本与当前程序不一致，请使用与备份时相同版本的程序恢复');
  }
  const order = await tablesInDependencyOrder(database.db);
  const inArchive = new Map(manifest.tables.map((t) => [t.name, t]));
  const missing = order.filter((t) => !inArchive.has(t) && !manifest.excludedTables.includes(t));
  if (missing.length) throw new RestoreError(`备份中缺少数据表：${missing.join('、')}`);

  await database.db.transaction(async (tx) => {
    for (const table of order) {
      if ((Number((await q(tx, `SELECT count(*)::int AS n FROM ${ident(table)}`))[0].n) ?? 0) > 0) throw new RestoreError(`目标数据库不是空的（${table} 已有数据），拒绝恢复`);
    }
    for (const table of order) {
      const t = inArchive.get(table);
      if (!t || t.rows === 0) continue;
      let batch: string[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const json = `[${batch.join(',')}]`;
        await tx.execute(sql`INSERT INTO ${sql.raw(ident(table))} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${sql.raw(ident(table))}, ${json}::json)`);
        batch = [];
      };
      const lines = createInterface({ input: createReadStream(path.join(dir, t.entry), 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        batch.push(line);
        if (batch.length >= 500) await flush();
      }
      await flush();
    }
    // Identity and serial columns continue after the restored rows.
    const seqCols = await q(
      tx,
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
    );
    for (const c of seqCols) {
      const tbl = ident(String(c.table_name));
      const col = ident(String(c.column_name));
      await q(tx, `SELECT setval(pg_get_serial_sequence('public.${tbl.replace(/'/g, "''")}', '${String(c.column_name).replace(/'/g, "''")}'), COALESCE((SELECT max(${col}) FROM ${tbl}), 1), (SELECT max(${col}) FROM ${tbl}) IS NOT NULL)`);
    }
  });

  for (const f of manifest.files) {
    const stored = await store.put(createReadStream(path.join(dir, f.entry)), { maxBytes: Number.MAX_SAFE_INTEGER });
    if (stored.key !== f.key) throw new RestoreError(`文件 ${f.key} 恢复后校验值不符`);
  }

  // Verify what was restored.
  const tables: RestoreReport['tables'] = [];
  for (const t of manifest.tables) {
    const n = Number((await q(database.db, `SELECT count(*)::int AS n FROM ${ident(t.name)}`))[0].n);
    if (n !== t.rows) throw new RestoreError(`数据表 ${t.name} 恢复后行数不符（${n} ≠ ${t.rows}）`);
    tables.push({ name: t.name, rows: n });
  }
  for (const r of await q(database.db, `SELECT DISTINCT storage_key FROM files`)) {
    if (!(await store.exists(String(r.storage_key)))) throw new RestoreError(`文件 ${r.storage_key} 恢复后缺失`);
  }
  const chain = await verifyAuditChain(database.db);
  if (!chain.ok) throw new RestoreError(`恢复后审计日志哈希链校验失败（seq=${chain.brokenSeq}）`);
  if (manifest.auditHead) {
    const head = await auditHead(database.db);
    if (head?.seq !== manifest.auditHead.seq || head.hash !== manifest.auditHead.hash) throw new RestoreError(`恢复后审计日志末尾与备份清单不符（应为 seq=${manifest.auditHead.seq}）`);
  }
  return { tables, files: manifest.files.length, auditEntries: chain.entries };
}
