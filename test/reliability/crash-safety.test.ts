/**
 * Issue 7 — crash safety of the real server process. An upload is streaming when the server is
 * killed with SIGKILL (no shutdown hook runs); after a restart on the same data:
 *   - the crashed upload's temp file is swept (none visible in <store>/tmp),
 *   - no `files` row points at a missing object,
 *   - the audit chain verifies (`scripts/audit-verify.ts`, as `npm run audit:verify` runs it),
 *   - the same upload, retried, succeeds and reads back byte for byte.
 *
 * TODO(issue 7, batch submission): once the recommendation-batch submit command exists
 * (src/server/recommendations, "submit batch"), add the case "kill -9 during a batch submission":
 * after restart the batch is either fully submitted (all projects moved, one audit entry each) or
 * not at all, and retrying with the same Idempotency-Key gives the same answer.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { HttpAgent, REPO, startServer, type ServerProcess } from './support/server-process';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gg-crash-'));
const storeTmp = path.join(dataDir, 'files', 'tmp');
let databaseUrl: string | undefined;
let dbName: string | undefined;
let server: ServerProcess | undefined;

/** A valid PDF of `size` bytes: header, then comment lines (no active content by accident). */
function bigPdf(size: number, tag: string): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% 天津市质量攻关 ${tag}\n`, 'utf8');
  const line = Buffer.from(`% padding ${tag} ${'0123456789'.repeat(6)}\n`, 'latin1');
  const tail = Buffer.from('1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
  const n = Math.max(0, Math.floor((size - head.length - tail.length) / line.length));
  return Buffer.concat([head, ...Array.from({ length: n }, () => line), tail]);
}

function parts(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.part')) : [];
}

function envFor(): Record<string, string> {
  return databaseUrl ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir };
}

function auditVerify(): { status: number | null; out: string } {
  const r = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), ['scripts/audit-verify.ts'], { cwd: REPO, env: { ...process.env, ...envFor() }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Streams a multipart upload slowly; resolves when `onProgress` says stop or the server hangs up. */
function streamUpload(agent: HttpAgent, data: Buffer, fileName: string, onChunk: (sent: number) => Promise<boolean>): Promise<string> {
  const boundary = `----gg${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL('/api/files', agent.baseUrl);
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers: agent.headers({ 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + data.length + tail.length) }) });
    req.on('error', (err) => resolve(`error: ${err.message}`));
    req.on('response', (res) => resolve(`status ${res.statusCode}`));
    (async () => {
      req.write(head);
      let sent = 0;
      const chunk = 256 * 1024;
      while (sent < data.length) {
        const ok = req.write(data.subarray(sent, sent + chunk));
        sent += Math.min(chunk, data.length - sent);
        if (!ok) await new Promise((r) => req.once('drain', r));
        if (!(await onChunk(sent))) return; // leave the request hanging: the server is about to die
      }
      req.end(tail);
    })().catch((err) => resolve(`error: ${err.message}`));
  });
}

afterAll(async () => {
  await server?.kill9().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

describe('crash safety of the server process', () => {
  it('survives kill -9 during an upload: temp swept, no dangling row, audit chain intact, retry succeeds', async () => {
    if (process.env.TEST_DATABASE_URL) {
      dbName = `gg_crash_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const u = new URL(process.env.TEST_DATABASE_URL);
      u.pathname = `/${dbName}`;
      databaseUrl = u.toString();
    }
    server = await startServer(envFor());
    const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as { username: string; password: string }[];
    const password = accounts.find((a) => a.username === 'demo_applicant')!.password;
    const agent = await new HttpAgent(server.url).login('demo_applicant', password);

    // A first, complete upload so there is a row and an object from before the crash.
    const small = bigPdf(300 * 1024, 'before');
    const first = await streamUpload(agent, small, '项目申报书.pdf', async () => true);
    expect(first).toBe('status 200');

    // The large upload is killed mid-stream.
    const large = bigPdf(12 * 1024 * 1024, 'large');
    const victim = server;
    let killedAt = 0;
    const outcome = await streamUpload(agent, large, '佐证材料（大文件）.pdf', async (sent) => {
      if (sent < 3 * 1024 * 1024) return true;
      const p = parts(storeTmp);
      if (p.length && statSync(path.join(storeTmp, p[0])).size > 1024 * 1024) {
        killedAt = sent;
        await victim.kill9();
        return false;
      }
      return true;
    });
    expect(killedAt, `the server never spooled the upload to tmp (${outcome})\n${victim.output()}`).toBeGreaterThan(0);
    await victim.kill9(); // the upload may see the reset before the exit is reported: wait for it
    expect(victim.child.signalCode, `exit ${victim.child.exitCode}: ${victim.output().slice(-1500)}`).toBe('SIGKILL');
    const orphans = parts(storeTmp);
    expect(orphans.length, 'the crash left a partial temp file (what the sweep must clean)').toBeGreaterThan(0);

    // Restart on the same data.
    server = await startServer(envFor());
    const deadline = Date.now() + 10_000;
    while (parts(storeTmp).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(parts(storeTmp), 'orphaned temp files after restart').toEqual([]);

    // The retried upload succeeds and reads back identically.
    const agent2 = await new HttpAgent(server.url).login('demo_applicant', password);
    const boundary = `----gg${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="佐证材料（大文件）.pdf"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8'),
      large,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const retry = await agent2.fetch('/api/files', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    const dto = await retry.json();
    expect(retry.status, JSON.stringify(dto)).toBe(200);
    expect(dto.sha256).toBe(createHash('sha256').update(large).digest('hex'));
    const back = await agent2.fetch(`/api/files/${dto.id}`);
    expect(back.status).toBe(200);
    expect(createHash('sha256').update(Buffer.from(await back.arrayBuffer())).digest('hex')).toBe(dto.sha256);
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    server = undefined;

    // Offline checks on the same data: every row has its object; the audit chain verifies.
    const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : path.join(dataDir, 'pglite'), migrate: false, poolSize: 1 });
    try {
      const { rows } = await database.executeSql('SELECT storage_key, sha256, size FROM files');
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const r of rows) {
        const p = path.join(dataDir, 'files', r.storage_key.slice(0, 2), r.storage_key.slice(2, 4), r.storage_key);
        expect(existsSync(p), `files row → missing object ${r.storage_key}`).toBe(true);
        expect(statSync(p).size).toBe(Number(r.size));
      }
    } finally {
      await database.close();
    }
    const ok = auditVerify();
    expect(ok.status, ok.out).toBe(0);
    expect(ok.out).toMatch(/校验通过/);

    // The verifier can fail: tamper with one entry and it names it.
    const db2 = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : path.join(dataDir, 'pglite'), migrate: false, poolSize: 1 });
    const { rows: victimRow } = await db2.executeSql('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1');
    await db2.executeSql(`UPDATE audit_log SET action = 'login_tampered' WHERE seq = ${Number(victimRow[0].seq)}`);
    await db2.close();
    const broken = auditVerify();
    expect(broken.status, broken.out).toBe(1);
    expect(broken.out).toContain(`seq=${Number(victimRow[0].seq)}`);
  }, 240_000);
});
