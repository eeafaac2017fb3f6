/**
 * Test databases start from a template that is migrated and seeded once per run: a PGlite data-dir
 * dump (embedded) or a PostgreSQL template database (TEST_DATABASE_URL). Each test file then gets
 * its own fresh copy in a fraction of a second.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_FOLDER, openDatabase, type Database } from '../../src/server/db/client';
import { seedDemo, type DemoAccount } from '../../src/server/seed';
import { withDatabase } from './scratch-database';

export const TEST_PASSWORD = 'Gongguan@Test2026';
/** Tests run inside the 2026 application window unless they move the clock. */
export const TEST_NOW = '2026-04-10T10:00:00+08:00';

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const p = path.join(MIGRATIONS_FOLDER, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) h.update(f).update(readFileSync(p));
  }
  // The seed code shapes the template too.
  const seedDir = path.resolve(import.meta.dirname, '../../src/server/seed');
  for (const f of readdirSync(seedDir).sort()) h.update(f).update(readFileSync(path.join(seedDir, f)));
  return h.digest('hex').slice(0, 16);
}

export interface TemplateInfo {
  kind: 'pglite' | 'postgres';
  /** PGlite: path of the dump; PostgreSQL: template database name. */
  ref: string;
  adminUrl?: string;
  accounts: DemoAccount[];
}

export async function buildTemplate(): Promise<TemplateInfo> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const dir = path.join(os.tmpdir(), 'gongguan-test-templates');
  mkdirSync(dir, { recursive: true });
  if (pgUrl) {
    const name = `gg_tpl_${migrationsHash()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(pgUrl, name), poolSize: 2 });
    const accounts = await seedDemo(database.db, { dataDir: path.join(dir, name), now: new Date(TEST_NOW), password: TEST_PASSWORD });
    await database.close();
    return { kind: 'postgres', ref: name, adminUrl: pgUrl, accounts };
  }
  const file = path.join(dir, `pglite-${migrationsHash()}.tar.gz`);
  const accountsFile = `${file}.accounts.json`;
  if (existsSync(file) && existsSync(accountsFile)) {
    return { kind: 'pglite', ref: file, accounts: JSON.parse(readFileSync(accountsFile, 'utf8')) };
  }
  const database = await openDatabase({});
  const accounts = await seedDemo(database.db, { dataDir: path.join(dir, 'seed-scratch'), now: new Date(TEST_NOW), password: TEST_PASSWORD });
  const dump = await database.pglite!.dumpDataDir('gzip');
  const tmp = `${file}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  const { renameSync } = await import('node:fs');
  renameSync(tmp, file);
  writeFileSync(accountsFile, JSON.stringify(accounts));
  await database.close();
  return { kind: 'pglite', ref: file, accounts };
}

export async function dropTemplate(t: TemplateInfo): Promise<void> {
  if (t.kind !== 'postgres') return;
  const admin = new pg.Client({ connectionString: t.adminUrl });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`gg_t_%_${process.pid}`]);
  for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${t.ref} WITH (FORCE)`);
  await admin.end();
}

/** A fresh database for one test file, copied from the template. */
export async function openTestDatabase(t: TemplateInfo): Promise<Database> {
  if (t.kind === 'postgres') {
    const name = `gg_t_${randomBytes(5).toString('hex')}_${t.ref.split('_').pop()}`;
    const admin = new pg.Client({ connectionString: t.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${t.ref}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(t.adminUrl!, name), migrate: false, poolSize: 5 });
    const close = database.close;
    database.close = async () => {
      await close();
      const a = new pg.Client({ connectionString: t.adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await a.end();
    };
    return database;
  }
  return openDatabase({ loadDataDir: new Blob([readFileSync(t.ref)]), migrate: false });
}
