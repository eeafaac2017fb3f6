/**
 * Issue 7 point 5 — kill -9 in the middle of a certificate run (证书发放). The real server process
 * with job workers issues certificates for 45 recognised projects; it is killed with SIGKILL once
 * some but not all are issued. On the crashed data:
 *   - every `certificates` row has a `files` row whose object hashes to its SHA-256 and parses as PDF,
 *   - no certificate without its file, numbers gap-free so far (1..k), one audit entry per certificate,
 *   - the audit chain verifies (verifyAuditChain).
 * After a restart on the same data the run resumes by itself and completes all 45 with numbers
 * 1..45, gap-free; the chain still verifies. (PGlite by default; PostgreSQL with TEST_DATABASE_URL.)
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateSeq } from '../../src/domain/certificate-number';
import { generateProject } from '../../src/domain/similarity.fixtures';
import { verifyAuditChain } from '../../src/server/audit/verify-chain';
import { openDatabase } from '../../src/server/db/client';
import { campaigns, organisations, projects } from '../../src/server/db/schema';
import { applicationFormFor } from '../support/factories';
import { HttpAgent, startServer, type ServerProcess } from '../support/server-process';
import { createScratchDatabase, dropDatabase } from '../support/scratch-database';

const N = 45;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gg-cert-crash-'));
let databaseUrl: string | undefined;
let dbName: string | undefined;
let server: ServerProcess | undefined;

const env = (): Record<string, string> => ({
  DATA_DIR: dataDir,
  RUN_WORKERS: 'true',
  // Paces the job (inert in production) so the kill lands midway on a fast machine too.
  GG_TEST_CERTIFICATE_PACE_MS: '50',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});

const open = () => openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : path.join(dataDir, 'pglite'), migrate: false, poolSize: 1 });

function objectPath(key: string): string {
  return path.join(dataDir, 'files', key.slice(0, 2), key.slice(2, 4), key);
}

function pdfPages(buf: Buffer): number {
  const file = path.join(dataDir, `check-${randomBytes(4).toString('hex')}.pdf`);
  writeFileSync(file, buf);
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  } finally {
    rmSync(file, { force: true });
  }
}

/** The certificates on disk, checked row by row; returns their sequence numbers, sorted. */
async function inspect(year: number) {
  const database = await open();
  try {
    const { rows } = await database.executeSql(
      `SELECT c.id, c.certificate_no, c.state, c.file_id, f.sha256, f.size, f.storage_key
         FROM certificates c LEFT JOIN files f ON f.id = c.file_id ORDER BY c.certificate_no`,
    );
    const problems: string[] = [];
    for (const r of rows) {
      if (!r.file_id || !r.storage_key) {
        problems.push(`${r.certificate_no}: no file row`);
        continue;
      }
      const p = objectPath(r.storage_key);
      if (!existsSync(p)) {
        problems.push(`${r.certificate_no}: object missing`);
        continue;
      }
      const bytes = readFileSync(p);
      if (createHash('sha256').update(bytes).digest('hex') !== r.sha256) problems.push(`${r.certificate_no}: hash mismatch`);
      if (bytes.length !== Number(r.size)) problems.push(`${r.certificate_no}: size mismatch`);
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || pdfPages(bytes) !== 1) problems.push(`${r.certificate_no}: not a one-page PDF`);
    }
    const seqs = rows.map((r) => certificateSeq(undefined, year, r.certificate_no)).sort((a, b) => (a ?? 0) - (b ?? 0));
    const audit = Number((await database.executeSql(`SELECT count(*) AS n FROM audit_log WHERE entity = 'certificate' AND action = 'issue'`)).rows[0].n);
    const [run] = (await database.executeSql('SELECT state, total, issued FROM certificate_runs ORDER BY created_at DESC LIMIT 1')).rows;
    const chain = await verifyAuditChain(database.db);
    // Objects stored by a transaction that never committed: unreferenced, never reachable (downloads go through a row).
    const keys = new Set((await database.executeSql('SELECT storage_key FROM files')).rows.map((r) => String(r.storage_key)));
    const objects = readdirSync(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && /^[0-9a-f]{64}$/.test(d.name));
    const unreferenced = objects.filter((d) => !keys.has(d.name)).length;
    return { count: rows.length, seqs, problems, audit, run, chain, unreferenced };
  } finally {
    await database.close();
  }
}

afterAll(async () => {
  await server?.kill9().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName) await dropDatabase(process.env.TEST_DATABASE_URL!, dbName);
});

describe('kill -9 during a certificate run', () => {
  it('leaves only complete certificates with gap-free numbers and an intact audit chain; the run resumes and completes all', async () => {
    if (process.env.TEST_DATABASE_URL) {
      ({ name: dbName, url: databaseUrl } = await createScratchDatabase(process.env.TEST_DATABASE_URL, 'gg_cert_crash'));
    }
    // First start seeds the demo; then, with the server stopped, 45 recognised projects go straight into the database.
    server = await startServer({ ...env(), RUN_WORKERS: 'false' });
    await server.stop();
    server = undefined;
    let year = 0;
    {
      const database = await open();
      try {
        const [campaign] = await database.db.select().from(campaigns).where(eq(campaigns.status, 'active'));
        year = campaign.year;
        const applicants = await database.db.select().from(organisations).where(eq(organisations.kind, 'applicant'));
        expect(applicants.length).toBeGreaterThan(10);
        for (let i = 0; i < N; i++) {
          const org = applicants[i % applicants.length];
          const name = `${generateProject(i + 101).name}（${i + 1}）`;
          const form = applicationFormFor(org, i % 3 === 0 ? 'common' : 'precise', { name });
          await database.db.insert(projects).values({
            campaignId: campaign.id,
            applicantOrgId: org.id,
            recommenderOrgId: org.defaultRecommenderId,
            state: 'recognised',
            name,
            direction: form.project.direction,
            chain: form.project.chain,
            form,
            submittedVersion: 1,
            applicationNo: `SB${year}-C${String(i + 1).padStart(4, '0')}`,
            projectNo: `TJZLGG-${year}-C${String(i + 1).padStart(4, '0')}`,
            recognitionLevel: ['一等', '二等', '三等'][i % 3],
          });
        }
      } finally {
        await database.close();
      }
    }

    server = await startServer(env());
    const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as { username: string; password: string; totpSecret?: string }[];
    const password = accounts.find((a) => a.username === 'demo_commission')!.password;
    const totpSecret = accounts.find((a) => a.username === 'demo_commission')!.totpSecret;
    const commission = await new HttpAgent(server.url).login('demo_commission', password, totpSecret);
    const started = await commission.fetch('/api/commission/certificates/runs', { method: 'POST', headers: { 'idempotency-key': 'crash-cert-run' } });
    const run = await started.json();
    expect(started.status, JSON.stringify(run)).toBe(200);
    // The demo seed may hold recognised projects of its own: they are issued too.
    expect(run.total).toBeGreaterThanOrEqual(N);
    const total: number = run.total;

    // Poll progress; kill once some but not all are issued.
    const victim = server;
    let seen = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const o = await (await commission.fetch('/api/commission/certificates/overview')).json();
      seen = o.run?.issued ?? 0;
      if (seen >= 5) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen, `the run never got going:\n${victim.output().slice(-2000)}`).toBeGreaterThanOrEqual(5);
    // A random moment of the next certificate: while rendering, storing its object, or in its transaction.
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 100)));
    await victim.kill9();
    expect(victim.child.signalCode).toBe('SIGKILL');
    server = undefined;

    const crashed = await inspect(year);
    const note = JSON.stringify({ seen, count: crashed.count, run: crashed.run });
    console.log(`[certificate-crash] killed after ${seen} seen issued; on disk: ${crashed.count} of ${total}, ${crashed.unreferenced} unreferenced object(s)`);
    expect(crashed.count, note).toBeGreaterThanOrEqual(seen);
    expect(crashed.count, `the run finished before the kill (${note})`).toBeLessThan(total);
    expect(crashed.problems, note).toEqual([]);
    expect(crashed.seqs, note).toEqual(Array.from({ length: crashed.count }, (_, i) => i + 1));
    expect(crashed.audit, note).toBe(crashed.count);
    expect(Number(crashed.run.issued), note).toBe(crashed.count);
    expect(crashed.chain.ok, JSON.stringify(crashed.chain)).toBe(true);

    // Restart on the same data: the workers resume the run without anyone pressing a button.
    server = await startServer(env());
    const again = await new HttpAgent(server.url).login('demo_commission', password, totpSecret);
    let overview: any;
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      overview = await (await again.fetch('/api/commission/certificates/overview')).json();
      if (overview.run?.state === 'done') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(overview.run, `${JSON.stringify(overview)}\n${server.output().slice(-2000)}`).toMatchObject({ id: run.id, state: 'done', issued: total, total });
    expect(overview).toMatchObject({ recognised: total, issued: total, pending: 0 });
    // Starting again has nothing to do.
    expect((await again.fetch('/api/commission/certificates/runs', { method: 'POST' })).status).toBe(409);
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    server = undefined;

    const final = await inspect(year);
    expect(final.problems).toEqual([]);
    expect(final.seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(final.audit).toBe(total);
    expect(final.chain.ok, JSON.stringify(final.chain)).toBe(true);
  }, 300_000);
});
