/**
 * Issue 7 — backup and restore. A backup taken through POST /api/admin/backup while the app runs
 * is restored into a fresh, empty target (a new PGlite data dir, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set); every table's rows and every file are compared by checksum. The
 * scripts refuse a non-empty target, and a truncated or tampered archive is refused before
 * anything is written.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/server/audit/write-audit';
import { verifyAuditChain } from '../../src/server/audit/verify-chain';
import { openArchive, restoreInto, type Manifest } from '../../src/server/backup/backup';
import { openDatabase, type Database } from '../../src/server/db/client';
import { LocalFileStore } from '../../src/server/files/file-store';
import { MovableClock } from '../../src/server/clock';
import { insertProject } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { tableDigest, tablesOf } from './support/db-state';
import { REPO } from '../support/server-process';
import { createScratchDatabase, dropDatabase } from '../support/scratch-database';

let t: TestApp;
const work = mkdtempSync(path.join(os.tmpdir(), 'gg-backup-test-'));
const archivePath = path.join(work, 'backup.tar.gz');
const createdDbs: string[] = [];
const uploaded: string[] = [];

async function pdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.addPage().drawText(`Quality breakthrough ${createHash("sha256").update(title).digest("hex").slice(0, 8)} ${randomBytes(4).toString("hex")}`);
  return Buffer.from(await doc.save());
}

/** A fresh, empty restore target: PostgreSQL database under TEST_DATABASE_URL, else a PGlite dir. */
async function emptyTarget(name: string): Promise<{ url?: string; dataDir: string }> {
  const dataDir = path.join(work, name);
  if (!process.env.TEST_DATABASE_URL) return { dataDir };
  const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL, 'gg_restore');
  createdDbs.push(scratch.name);
  return { url: scratch.url, dataDir };
}

async function openTarget(target: { url?: string; dataDir: string }, migrate = true): Promise<Database> {
  return openDatabase({ databaseUrl: target.url, dataDir: target.url ? undefined : path.join(target.dataDir, 'pglite'), migrate, poolSize: 2 });
}

function script(name: string, args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  const r = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [`scripts/${name}.ts`, ...args], { cwd: REPO, env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  t = await createTestApp();
  // Data worth backing up: uploads (one twice: deduplicated object), projects, logins.
  const applicant = await t.login('demo_applicant');
  for (const name of ['项目申报书.pdf', '承诺书扫描件.pdf', '营业执照.pdf']) {
    const res = await applicant.upload('/api/files', name, await pdf(name), 'application/pdf');
    expect(res.status).toBe(200);
    uploaded.push(res.body.sha256);
  }
  const again = await applicant.upload('/api/files', '项目申报书（副本）.pdf', await t.services.files.read(uploaded[0]), 'application/pdf');
  expect(again.status).toBe(200);
  await insertProject(t, { applicant: 'demo_applicant', state: 'submitted' });
  await insertProject(t, { applicant: 'app_002', state: 'draft' });
  await t.login('demo_recommender');
});

afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
  for (const db of createdDbs) await dropDatabase(process.env.TEST_DATABASE_URL!, db);
});

describe('backup through the running app', () => {
  it('is refused to everyone but a commission administrator', async () => {
    for (const u of ['demo_applicant', 'demo_recommender', 'commission_reviewer']) {
      const res = await (await t.login(u)).post('/api/admin/backup');
      expect(res.status, u).toBe(403);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await t.anonymous().post('/api/admin/backup')).status).toBe(401);
  });

  it('streams one tar.gz with every table, every referenced file and a checksummed manifest', async () => {
    const admin = await t.login('demo_commission');
    const res = await admin.post('/api/admin/backup');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/gzip/);
    expect(String(res.headers['content-disposition'])).toMatch(/gongguan-backup-\d{8}T\d{6}\.tar\.gz/);
    writeFileSync(archivePath, res.raw);
    const archive = await openArchive(archivePath);
    try {
      const m: Manifest = archive.manifest;
      const tables = (await tablesOf(t.services.database)).filter((x) => x !== 'sessions');
      expect(m.tables.map((x) => x.name).sort()).toEqual(tables);
      // Parents come before children.
      const idx = (n: string) => m.tables.findIndex((x) => x.name === n);
      expect(idx('organisations')).toBeLessThan(idx('users'));
      expect(idx('campaigns')).toBeLessThan(idx('projects'));
      expect(idx('projects')).toBeLessThan(idx('project_versions'));
      expect(m.files.map((f) => f.key).sort()).toEqual([...new Set(uploaded)].sort());
      for (const f of m.files) expect(createHash('sha256').update(readFileSync(path.join(archive.dir, f.entry))).digest('hex')).toBe(f.key);
      expect(m.excludedTables).toEqual(['sessions']);
      // The backup itself is audited, inside the snapshot.
      const audit = readFileSync(path.join(archive.dir, 'db/audit_log.jsonl'), 'utf8');
      expect(audit).toContain('"action":"backup"');
    } finally {
      await archive.cleanup();
    }
  });
});

describe('restore', () => {
  it('restores into a fresh target: every table row for row, every file by checksum, sequences continue', async () => {
    const target = await emptyTarget('restored');
    const archive = await openArchive(archivePath);
    const database = await openTarget(target);
    const store = new LocalFileStore(path.join(target.dataDir, 'files'));
    try {
      const report = await restoreInto(database, store, archive);
      expect(report.files).toBe(new Set(uploaded).size);
      for (const table of (await tablesOf(t.services.database)).filter((x) => x !== 'sessions')) {
        expect(await tableDigest(database, table), table).toEqual(await tableDigest(t.services.database, table));
      }
      const { rows } = await database.executeSql('SELECT storage_key FROM files');
      for (const r of rows) {
        expect(createHash('sha256').update(await store.read(r.storage_key)).digest('hex')).toBe(createHash('sha256').update(await t.services.files.read(r.storage_key)).digest('hex'));
      }
      expect((await database.executeSql('SELECT count(*)::int AS n FROM sessions')).rows[0].n).toBe(0);
      // Identity sequences continue after the restored rows: a new audit entry chains on.
      const before = await verifyAuditChain(database.db);
      await database.db.transaction((tx) => writeAudit(tx, { actor: null, clock: new MovableClock('2026-04-11T09:00:00+08:00'), ip: '127.0.0.1', requestId: 'restore-check' }, { entity: 'system', action: 'restore_check' }));
      const after = await verifyAuditChain(database.db);
      expect(after).toMatchObject({ ok: true, entries: before.entries + 1 });
      // A second restore into the now non-empty target is refused.
      await expect(restoreInto(database, store, archive)).rejects.toThrow(/不是空的/);
    } finally {
      await database.close();
      await archive.cleanup();
    }
  }, 240_000);

  it('refuses a truncated or tampered archive before writing anything', async () => {
    const whole = readFileSync(archivePath);
    const truncated = path.join(work, 'truncated.tar.gz');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(openArchive(truncated)).rejects.toThrow();

    // Tamper with one row inside an otherwise valid archive.
    const { TarWriter } = await import('../../src/server/backup/tar');
    const { createGzip } = await import('node:zlib');
    const { createWriteStream } = await import('node:fs');
    const archive = await openArchive(archivePath);
    const tampered = path.join(work, 'tampered.tar.gz');
    try {
      const gz = createGzip();
      gz.pipe(createWriteStream(tampered));
      const tar = new TarWriter(gz);
      for (const e of [...archive.manifest.tables, ...archive.manifest.files]) {
        let data = readFileSync(path.join(archive.dir, e.entry));
        if (e.entry === 'db/organisations.jsonl') data = Buffer.from(data.toString('utf8').replace('滨海新区', '河西区'), 'utf8');
        await tar.add(e.entry, data.length, data);
      }
      const m = readFileSync(path.join(archive.dir, 'manifest.json'));
      await tar.add('manifest.json', m.length, m);
      await tar.finish();
    } finally {
      await archive.cleanup();
    }
    await expect(openArchive(tampered)).rejects.toThrow(/校验值不符/);
  }, 60_000);

  it('scripts: restore refuses a non-empty data dir, restores into an empty one, and backup works offline', async () => {
    const busy = path.join(work, 'busy');
    mkdirSync(busy, { recursive: true });
    writeFileSync(path.join(busy, 'notes.txt'), '已有数据');
    if (!process.env.TEST_DATABASE_URL) {
      const refused = script('restore', [archivePath], { DATA_DIR: busy });
      expect(refused.status, refused.out).toBe(1);
      expect(refused.out).toMatch(/不是空的/);
    }
    const target = await emptyTarget('restored-by-script');
    const env: Record<string, string> = { DATA_DIR: target.dataDir, ...(target.url ? { DATABASE_URL: target.url } : {}) };
    const ok = script('restore', [archivePath], env);
    expect(ok.status, ok.out).toBe(0);
    expect(ok.out).toMatch(/恢复完成并已校验/);
    if (target.url) {
      const again = script('restore', [archivePath], { DATA_DIR: path.join(work, 'unused'), DATABASE_URL: target.url });
      expect(again.status, again.out).toBe(1);
      expect(again.out).toMatch(/不是空的/);
    }
    // Offline backup of the restored target gives the same rows and files.
    const second = path.join(work, 'second.tar.gz');
    const b = script('backup', ['--out', second], env);
    expect(b.status, b.out).toBe(0);
    const [m1, m2] = await Promise.all([openArchive(archivePath), openArchive(second)]);
    try {
      expect(m2.manifest.tables.map((x) => [x.name, x.rows, x.sha256])).toEqual(m1.manifest.tables.map((x) => [x.name, x.rows, x.sha256]));
      expect(m2.manifest.files).toEqual(m1.manifest.files);
    } finally {
      await m1.cleanup();
      await m2.cleanup();
    }
    // Personal data and password hashes: owner-only.
    expect(statSync(second).mode & 0o777).toBe(0o600);

    // Encrypted with a key from the environment: not readable as gzip, restored with the same key only.
    const key = randomBytes(32).toString('hex');
    const sealed = path.join(work, 'sealed.tar.gz.enc');
    const e = script('backup', ['--out', sealed], { ...env, BACKUP_ENCRYPTION_KEY: key });
    expect(e.status, e.out).toBe(0);
    expect(e.out).toMatch(/AES-256-GCM/);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    const sealedBytes = readFileSync(sealed);
    expect(sealedBytes.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))).toBe(false); // not a plain gzip
    expect(sealedBytes.includes(Buffer.from('audit_log'))).toBe(false);
    await expect(openArchive(sealed)).rejects.toThrow(/已加密.*BACKUP_ENCRYPTION_KEY/);
    await expect(openArchive(sealed, { key: randomBytes(32) })).rejects.toThrow(/解密失败：密钥/);
    const flipped = path.join(work, 'sealed-flipped.tar.gz.enc');
    const copy = Buffer.from(sealedBytes);
    copy[Math.floor(copy.length / 2)] ^= 0x01;
    writeFileSync(flipped, copy);
    await expect(openArchive(flipped, { key: Buffer.from(key, 'hex') })).rejects.toThrow(/解密失败：文件已损坏或被篡改/);
    const wrongKey = script('restore', [sealed], { DATA_DIR: path.join(work, 'sealed-wrong-key'), BACKUP_ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    expect(wrongKey.status, wrongKey.out).toBe(1);
    expect(wrongKey.out).toMatch(/解密失败/);
    expect(existsSync(path.join(work, 'sealed-wrong-key', 'pglite'))).toBe(false); // nothing written
    const sealedTarget = await emptyTarget('restored-from-sealed');
    const r = script('restore', [sealed], { DATA_DIR: sealedTarget.dataDir, ...(sealedTarget.url ? { DATABASE_URL: sealedTarget.url } : {}), BACKUP_ENCRYPTION_KEY: key });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/恢复完成并已校验/);

    // A backup that fails midway (a referenced object is missing from the store) leaves no file behind.
    const objects = path.join(target.dataDir, 'files');
    const victim = readdirSync(objects, { recursive: true }).map(String).find((f) => /[a-f0-9]{64}$/.test(f))!;
    rmSync(path.join(objects, victim));
    const failed = path.join(work, 'failed.tar.gz');
    const f = script('backup', ['--out', failed], env);
    expect(f.status, f.out).toBe(1);
    expect(f.out).toMatch(/备份失败/);
    expect(existsSync(failed)).toBe(false);
    expect(existsSync(`${failed}.partial`)).toBe(false);
    expect(readdirSync(work).filter((n) => n.endsWith('.partial'))).toEqual([]);
  }, 600_000);
});
