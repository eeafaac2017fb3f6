/**
 * Issue 7 — crash safety of the real server process. An upload is streaming when the server is
 * killed with SIGKILL (no shutdown hook runs); after a restart on the same data:
 *   - the crashed upload's temp file is swept (none visible in <store>/tmp),
 *   - no `files` row points at a missing object,
 *   - the audit chain verifies (`scripts/audit-verify.ts`, as `npm run audit:verify` runs it),
 *   - the same upload, retried, succeeds and reads back byte for byte.
 *
 * And a batch submission (报送) is killed right after the request is written: after a restart on the
 * same data the batch is either fully sent (batch sent with its 汇总表 stored, every project
 * under_review with the batch id, one audit entry each) or not at all (batch composing, projects
 * recommended, nothing stored), never a mix; the audit chain verifies; the retry with the same
 * Idempotency-Key succeeds or replays. A second batch case hits the "complete" outcome on purpose:
 * the server SIGKILLs itself right after the send committed, before answering
 * (GG_FAULT_KILL_AFTER_COMMIT) — the send is complete with its Idempotency-Key record (stored in the
 * same transaction), and the user's retry with the same key replays the answer instead of "已报送".
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { buildCommonApplication, buildPreciseApplication } from '../../src/server/documents/fixtures';
import type { ApplicationForm } from '../../src/domain/application-form';
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

function auditVerify(env: Record<string, string> = envFor()): { status: number | null; out: string } {
  const r = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), ['scripts/audit-verify.ts'], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
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

/** Separate installations for the batch cases (the upload case ends by tampering with its audit log). */
interface Installation {
  dir: string;
  dbUrl?: string;
  dbName?: string;
  server?: ServerProcess;
  env(extra?: Record<string, string>): Record<string, string>;
}
const installations: Installation[] = [];

async function createTestDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${name}`;
  return { name, url: u.toString() };
}

async function newInstallation(prefix: string): Promise<Installation> {
  const inst: Installation = {
    dir: mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}-`)),
    env(extra = {}) {
      return { DATA_DIR: this.dir, ...(this.dbUrl ? { DATABASE_URL: this.dbUrl } : {}), ...extra };
    },
  };
  installations.push(inst);
  if (process.env.TEST_DATABASE_URL) ({ name: inst.dbName, url: inst.dbUrl } = await createTestDatabase(prefix));
  return inst;
}

afterAll(async () => {
  await server?.kill9().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  for (const inst of installations) {
    await inst.server?.kill9().catch(() => undefined);
    rmSync(inst.dir, { recursive: true, force: true });
  }
  for (const name of [dbName, ...installations.map((i) => i.dbName)]) {
    if (!name) continue;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});

interface Called {
  status: number;
  body: any;
  replay: string | null;
}

async function call(agent: HttpAgent, method: string, pathname: string, body?: unknown, extra: Record<string, string> = {}): Promise<Called> {
  const res = await agent.fetch(pathname, { method, headers: body === undefined ? extra : { 'content-type': 'application/json', ...extra }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  return { status: res.status, body: json, replay: res.headers.get('idempotent-replay') };
}

async function ok(agent: HttpAgent, method: string, pathname: string, body?: unknown, extra?: Record<string, string>) {
  const r = await call(agent, method, pathname, body, extra);
  expect(r.status, `${method} ${pathname}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

function password(inst: Installation, username: string): string {
  const accounts = JSON.parse(readFileSync(path.join(inst.dir, 'demo-accounts.json'), 'utf8')) as { username: string; password: string }[];
  return accounts.find((a) => a.username === username)!.password;
}

/**
 * Through the API of a running installation: two complete applications of 天津海河协作机器人科技有限公司
 * submitted, both recommended by 滨海新区 (open through the seeded 补报窗口), the stamped 汇总表 attached —
 * a batch ready to send.
 */
async function readyBatch(inst: Installation) {
  const srv = inst.server!;
  const upload = async (agent: HttpAgent, name: string, purpose: string) => {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(bigPdf(8 * 1024, name))], { type: 'application/pdf' }), name);
    const res = await agent.fetch(`/api/files?purpose=${purpose}`, { method: 'POST', body: fd });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    return json as { id: string; name: string; size: number };
  };

  const applicant = await new HttpAgent(srv.url).login('demo_applicant', password(inst, 'demo_applicant'));
  const org = await ok(applicant, 'GET', '/api/applicant/organisation');
  const campaign = await ok(applicant, 'GET', '/api/public/campaign');
  const licence = await upload(applicant, '营业执照（副本）.pdf', 'attachment');
  const commitment = await upload(applicant, '申报单位承诺书（盖章）.pdf', 'commitment_scan');
  const complete = (form: ApplicationForm, name: string): ApplicationForm => {
    form.unit = { ...form.unit, name: org.name, uscc: org.uscc ?? undefined, district: org.district ?? undefined, address: org.address ?? undefined, nature: org.nature ?? 'enterprise' };
    form.project = { ...form.project, name };
    form.vetoDeclarations = Object.fromEntries(campaign.vetoChecklist.map((v: { id: string }) => [v.id, true]));
    form.attachments = [
      { kind: 'business_licence', fileId: licence.id, fileName: licence.name, size: licence.size },
      { kind: 'commitment_scan', fileId: commitment.id, fileName: commitment.name, size: commitment.size },
    ];
    form.benefits = { ...form.benefits, byArea: { ...(form.benefits.byArea ?? {}), efficiency: '产品一次合格率由96.2%提升至98.8%以上' } };
    if (!form.project.benefitAreas?.includes('efficiency')) form.project.benefitAreas = [...(form.project.benefitAreas ?? []), 'efficiency'];
    form.duplicateExplanation = '本项目为本单位2026年新立项目，与历年成果及本年度其他申报在攻关对象和技术路线上均不相同。';
    return form;
  };
  const second = buildCommonApplication();
  second.project = { ...second.project, direction: 'precise', targets: buildPreciseApplication().project.targets, chain: '协作机器人' };
  second.consortium = [];
  second.team = second.team.map((m) => ({ ...m, unit: org.name }));
  const created: string[] = [];
  for (const form of [complete(buildPreciseApplication(), '降低协作机器人关节模组装配不良率（断电演练）'), complete(second, '提升协作机器人控制柜焊点一次合格率（断电演练）')]) {
    const draft = await ok(applicant, 'POST', '/api/applications', {});
    const saved = await ok(applicant, 'PUT', `/api/applications/${draft.id}/draft`, { version: draft.version, form });
    await ok(applicant, 'POST', `/api/applications/${draft.id}/submit`, { version: saved.version }, { 'idempotency-key': `crash-submit-${draft.id}` });
    created.push(draft.id);
  }

  const recommender = await new HttpAgent(srv.url).login('demo_recommender', password(inst, 'demo_recommender'));
  for (const id of created) {
    const view = await ok(recommender, 'GET', `/api/recommender/applications/${id}`);
    await ok(recommender, 'POST', `/api/recommender/applications/${id}/recommend`, {
      version: view.project.version,
      opinion: '经核查，该单位申报材料齐全、内容真实，攻关目标明确、量化指标可考核，技术路线可行，同意推荐。',
      authenticity: { confirmed: true, notes: '已核对营业执照原件及承诺书盖章件，与申报书一致。' },
      recognitionConfirmed: true,
    });
  }
  let batch = await ok(recommender, 'GET', '/api/recommender/batch');
  if (!batch.contactName || !batch.contactPhone) batch = await ok(recommender, 'PUT', '/api/recommender/batch', { version: batch.version, contactName: '刘晓梅', contactPhone: '022-25201234' });
  const stamped = await upload(recommender, '立项申报汇总表（盖章版）.pdf', 'stamped_summary');
  batch = await ok(recommender, 'POST', '/api/recommender/batch/stamped', { version: batch.version, fileId: stamped.id });
  expect(batch.ready, JSON.stringify(batch.readiness)).toBe(true);
  expect(batch.state).toBe('composing');
  const projectIds: string[] = batch.projects.map((p: { id: string }) => p.id);
  expect(projectIds).toEqual(expect.arrayContaining(created));
  return { recommender, batchId: batch.id as string, version: batch.version as number, projectIds };
}

/** Offline, on the (crashed or stopped) data: what the batch send left. */
async function inspectBatch(inst: Installation, batchId: string, projectIds: string[], key: string, since: Date) {
  const database = await openDatabase({ databaseUrl: inst.dbUrl, dataDir: inst.dbUrl ? undefined : path.join(inst.dir, 'pglite'), migrate: false, poolSize: 1 });
  try {
    const [b] = (await database.executeSql('SELECT state, project_count, summary_docx_file_id, summary_xlsx_file_id FROM recommendation_batches WHERE id = $1', [batchId])).rows;
    const ps = (await database.executeSql(`SELECT id, state, batch_id FROM projects WHERE id IN (${projectIds.map((_, i) => `$${i + 1}`).join(', ')})`, projectIds)).rows;
    const summaries = (await database.executeSql('SELECT id, storage_key, size FROM files WHERE purpose = $1 AND created_at >= $2', ['summary_table', since.toISOString()])).rows;
    const batchAudit = Number((await database.executeSql(`SELECT count(*) AS n FROM audit_log WHERE entity = 'recommendation_batch' AND entity_id = $1 AND action = 'send'`, [batchId])).rows[0].n);
    const projectAudit = (await database.executeSql(`SELECT entity_id FROM audit_log WHERE action = 'send_batch' AND entity_id IN (${projectIds.map((_, i) => `$${i + 1}`).join(', ')})`, projectIds)).rows.map((r) => String(r.entity_id));
    const keyRows = Number((await database.executeSql('SELECT count(*) AS n FROM idempotency_keys WHERE key = $1', [key])).rows[0].n);
    return { b, ps, summaries, batchAudit, projectAudit, keyRows };
  } finally {
    await database.close();
  }
}
type BatchState = Awaited<ReturnType<typeof inspectBatch>>;

/** All or nothing: the invariants of each outcome. Returns which one it was. */
function expectAllOrNothing(inst: Installation, after: BatchState, batchId: string, projectIds: string[], note: string): 'complete' | 'absent' {
  if (after.b.state === 'sent') {
    expect(after.ps.every((p) => p.state === 'under_review' && p.batch_id === batchId), note).toBe(true);
    expect(Number(after.b.project_count), note).toBe(projectIds.length);
    expect(after.summaries.map((f) => f.id).sort(), note).toEqual([after.b.summary_docx_file_id, after.b.summary_xlsx_file_id].sort());
    for (const f of after.summaries) {
      const p = path.join(inst.dir, 'files', f.storage_key.slice(0, 2), f.storage_key.slice(2, 4), f.storage_key);
      expect(existsSync(p) && statSync(p).size === Number(f.size), `汇总表 object ${f.storage_key} missing after commit (${note})`).toBe(true);
    }
    expect(after.batchAudit, note).toBe(1);
    expect(after.projectAudit.sort(), note).toEqual([...projectIds].sort());
    // The stored answer committed with the send (idempotency record in the same transaction).
    expect(after.keyRows, `sent without its Idempotency-Key record: a retry would be refused (${note})`).toBe(1);
    return 'complete';
  }
  expect(after.b.state, note).toBe('composing');
  expect(after.ps.every((p) => p.state === 'recommended' && p.batch_id === null), note).toBe(true);
  expect(after.b.summary_docx_file_id, note).toBeNull();
  expect(after.summaries, note).toEqual([]);
  expect(after.batchAudit, note).toBe(0);
  expect(after.projectAudit, note).toEqual([]);
  expect(after.keyRows, note).toBe(0);
  return 'absent';
}

/** Sends the batch once more with the same key after a restart; then a second replay; then checks "sent exactly once". */
async function retryAfterRestart(inst: Installation, ready: Awaited<ReturnType<typeof readyBatch>>, key: string, since: Date, outcome: 'complete' | 'absent', note: string) {
  const { batchId, version, projectIds } = ready;
  inst.server = await startServer(inst.env());
  const again = await new HttpAgent(inst.server.url).login('demo_recommender', password(inst, 'demo_recommender'));
  const retry = await call(again, 'POST', '/api/recommender/batch/send', { batchId, version }, { 'idempotency-key': key });
  expect(retry.status, `${JSON.stringify(retry.body)} (${note})`).toBe(200);
  expect(retry.body).toMatchObject({ id: batchId, state: 'sent' });
  expect(retry.body.projects.map((p: { id: string; state: string }) => [p.id, p.state]).sort()).toEqual(projectIds.map((id) => [id, 'under_review']).sort());
  expect(retry.replay, note).toBe(outcome === 'complete' ? 'true' : null);
  const replay = await call(again, 'POST', '/api/recommender/batch/send', { batchId, version }, { 'idempotency-key': key });
  expect(replay.status).toBe(200);
  expect(replay.replay).toBe('true');
  expect(replay.body).toEqual(retry.body);
  await inst.server.stop();
  expect(inst.server.child.exitCode).toBe(0);
  inst.server = undefined;

  // Sent exactly once: one audit entry for the batch and one per project; the chain still verifies.
  const final = await inspectBatch(inst, batchId, projectIds, key, since);
  expect(final.b.state).toBe('sent');
  expect(final.ps.every((p) => p.state === 'under_review' && p.batch_id === batchId)).toBe(true);
  expect(final.batchAudit).toBe(1);
  expect(final.projectAudit.sort()).toEqual([...projectIds].sort());
  expect(final.summaries).toHaveLength(2);
  expect(final.keyRows).toBe(1);
  const chain = auditVerify(inst.env());
  expect(chain.status, chain.out).toBe(0);
  expect(chain.out).toMatch(/校验通过/);
}

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
  it('survives kill -9 during a batch submission: all or nothing, audit chain intact, the keyed retry succeeds', async () => {
    const inst = await newInstallation('gg_crash_batch');
    inst.server = await startServer(inst.env());
    const ready = await readyBatch(inst);
    const { recommender, batchId, version, projectIds } = ready;

    // 报送, killed with SIGKILL as soon as the command stores its first 汇总表 object (its transaction
    // is open), or right after the request is written if that never shows.
    const key = `crash-send-${randomBytes(6).toString('hex')}`;
    const payload = JSON.stringify({ batchId, version });
    const tmpDir = path.join(inst.dir, 'files', 'tmp');
    mkdirSync(tmpDir, { recursive: true });
    const victim = inst.server;
    let killedBy = '';
    const kill = (why: string) => {
      if (!killedBy) {
        killedBy = why;
        void victim.kill9();
      }
    };
    const watcher = watch(tmpDir, () => kill('first summary object being stored'));
    const startedAt = new Date(Date.now() - 1000);
    const outcome = await new Promise<string>((resolve) => {
      const req = http.request(new URL('/api/recommender/batch/send', victim.url), {
        method: 'POST',
        headers: recommender.headers({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), 'idempotency-key': key }),
      });
      req.on('error', (err) => resolve(`error: ${err.message}`));
      req.on('response', (res) => resolve(`status ${res.statusCode}`));
      req.end(payload, () => setTimeout(() => kill('request written'), 1000));
    });
    watcher.close();
    await victim.kill9();
    expect(victim.child.signalCode, `exit ${victim.child.exitCode}: ${victim.output().slice(-1500)}`).toBe('SIGKILL');
    inst.server = undefined;

    const after = await inspectBatch(inst, batchId, projectIds, key, startedAt);
    const note = `killed at: ${killedBy}; client saw: ${outcome}; state: ${JSON.stringify(after)}`;
    console.log(`[crash-safety] batch send killed at: ${killedBy}; client saw: ${outcome}; after restart the batch is ${after.b.state}`);
    const result = expectAllOrNothing(inst, after, batchId, projectIds, note);
    const chain = auditVerify(inst.env());
    expect(chain.status, chain.out).toBe(0);

    // Restart; the retry with the same Idempotency-Key succeeds (a fresh send) or replays the stored answer.
    await retryAfterRestart(inst, ready, key, startedAt, result, note);
  }, 300_000);

  it('survives kill -9 right after the batch submission committed: complete, and the keyed retry replays the answer', async () => {
    const inst = await newInstallation('gg_crash_sent');
    // The server SIGKILLs itself once the send has committed, before it answers (test-only fault hook).
    inst.server = await startServer(inst.env({ GG_FAULT_KILL_AFTER_COMMIT: 'POST /api/recommender/batch/send' }));
    const ready = await readyBatch(inst);
    const { recommender, batchId, version, projectIds } = ready;

    const key = `crash-sent-${randomBytes(6).toString('hex')}`;
    const startedAt = new Date(Date.now() - 1000);
    const victim = inst.server;
    const sent = await call(recommender, 'POST', '/api/recommender/batch/send', { batchId, version }, { 'idempotency-key': key }).then(
      (r) => `status ${r.status}`,
      (err: Error) => `error: ${err.message}`,
    );
    await victim.kill9(); // waits for the exit the fault hook caused
    expect(victim.child.signalCode, `exit ${victim.child.exitCode}: ${victim.output().slice(-1500)}`).toBe('SIGKILL');
    expect(sent, 'the client must not have received an answer').toMatch(/^error/);
    inst.server = undefined;

    const after = await inspectBatch(inst, batchId, projectIds, key, startedAt);
    const note = `killed after commit; client saw: ${sent}; state: ${JSON.stringify(after)}`;
    expect(expectAllOrNothing(inst, after, batchId, projectIds, note)).toBe('complete');
    const chain = auditVerify(inst.env());
    expect(chain.status, chain.out).toBe(0);

    // The user never saw an answer and retries with the same key: the stored answer is replayed.
    await retryAfterRestart(inst, ready, key, startedAt, 'complete', note);
  }, 300_000);
});
