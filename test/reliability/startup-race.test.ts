/**
 * Issue 19 (2, 5) — start-up when several processes start at once.
 * PostgreSQL: two servers started together on a NEW database both come up (migrations and seeding
 * run under an advisory lock; without it one crashes in the migration), and the seed exists once.
 * PGlite: a second server (or a script) on a data directory in use refuses with a clear message
 * naming the owner's pid instead of a WebAssembly abort; a lock left by a killed process is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { DataDirInUseError, lockPathFor } from '../../src/server/db/data-dir-lock';
import { REPO, startServer, type ServerProcess } from '../support/server-process';
import { createScratchDatabase, dropDatabase } from '../support/scratch-database';

const pgUrl = process.env.TEST_DATABASE_URL;
const work = mkdtempSync(path.join(os.tmpdir(), 'gg-startup-'));
const servers: ServerProcess[] = [];
let createdDb: string | undefined;

afterAll(async () => {
  for (const s of servers) await s.kill9().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
  if (createdDb) await dropDatabase(pgUrl!, createdDb);
});

function script(name: string, env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  const r = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [`scripts/${name}.ts`], { cwd: REPO, env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.runIf(pgUrl)('two instances started at the same moment on a new PostgreSQL database', () => {
  it('both come up; migrations and the seed ran once', async () => {
    const scratch = await createScratchDatabase(pgUrl!, 'gg_race');
    createdDb = scratch.name;
    const env = (name: string) => ({ DATABASE_URL: scratch.url, DATA_DIR: path.join(work, name) });
    const started = await Promise.allSettled([startServer(env('a'), 240_000), startServer(env('b'), 240_000)]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    for (const s of started) expect(s.status, s.status === 'rejected' ? String(s.reason) : '').toBe('fulfilled');
    for (const s of servers) expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    const check = new pg.Client({ connectionString: scratch.url });
    await check.connect();
    try {
      const { rows: migrations } = await check.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      expect(migrations[0].n).toBe(readdirMigrations());
      const { rows: admins } = await check.query(`SELECT count(*)::int AS n FROM users WHERE username = 'demo_commission'`);
      expect(admins[0].n).toBe(1);
      const { rows: seeds } = await check.query(`SELECT count(*)::int AS n FROM meta WHERE key = 'seed:accounts'`);
      expect(seeds[0].n).toBe(1);
    } finally {
      await check.end();
    }
  }, 300_000);
});

async function until(done: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
}

function readdirMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(REPO, 'src/server/db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

describe.skipIf(pgUrl)('a PGlite data directory in use', () => {
  it('a second server and the scripts refuse with a clear message naming the owner; a stale lock is taken over', async () => {
    const dataDir = path.join(work, 'pglite-shared');
    const first = await startServer({ DATA_DIR: dataDir }, 240_000);
    servers.push(first);
    const lock = lockPathFor(path.join(dataDir, 'pglite'));
    // First start: the loud demo warning, and the demo password once (it is the one in demo-accounts.json).
    const password = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'))[0].password as string;
    expect(password).toMatch(/^Gg(-[A-Za-z0-9]{4}){4}$/);
    await until(() => first.output().includes('密码只在本次首次启动时显示'));
    expect(first.output()).toContain('演示数据已启用');
    expect(first.output()).toContain(password);
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(first.child.pid);

    await expect(startServer({ DATA_DIR: dataDir }, 120_000)).rejects.toThrow(new RegExp(`正在被进程 ${first.child.pid} 使用[\\s\\S]*in use by process ${first.child.pid}`));
    for (const name of ['audit-verify', 'backup']) {
      const r = script(name, { DATA_DIR: dataDir });
      expect(r.status, r.out).not.toBe(0);
      expect(r.out).toContain(`正在被进程 ${first.child.pid} 使用`);
      expect(r.out).not.toMatch(/RuntimeError|wasm|Aborted/i);
    }
    // In this process too: the error is typed, and nothing was opened.
    await expect(openDatabase({ dataDir: path.join(dataDir, 'pglite'), migrate: false })).rejects.toBeInstanceOf(DataDirInUseError);
    // The first server still serves.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    // kill -9 leaves the lock behind with a dead pid: the next start takes it over.
    await first.kill9();
    expect(existsSync(lock)).toBe(true);
    const ok = script('audit-verify', { DATA_DIR: dataDir });
    expect(ok.status, ok.out).toBe(0);
    expect(existsSync(lock)).toBe(false); // released at close
    // A lock naming a live process that is not ours (pid 1) is respected.
    writeFileSync(lock, JSON.stringify({ pid: 1, host: os.hostname(), startedAt: new Date().toISOString() }));
    const refused = script('audit-verify', { DATA_DIR: dataDir });
    expect(refused.status).toBe(2);
    expect(refused.out).toContain('正在被进程 1 使用');
    rmSync(lock);

    // A later start: loud again, but the password is not printed (it stays in demo-accounts.json).
    const again = await startServer({ DATA_DIR: dataDir }, 240_000);
    servers.push(again);
    await until(() => again.output().includes('密码见'));
    expect(again.output()).toContain('演示数据已启用');
    expect(again.output()).not.toContain(password);
    await again.stop();
  }, 500_000);
});
