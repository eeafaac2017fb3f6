/**
 * Issue 7.8 — scale-out: two app instances on ONE PostgreSQL and ONE S3-compatible store (s3rver on
 * loopback), each with its own connection pool, its own S3 client and its own pg-boss workers,
 * serve the same users:
 *   - a session made on A works on B (sessions live in the database);
 *   - a file uploaded through A downloads through B with identical bytes (objects live in S3; no
 *     instance keeps a local copy);
 *   - e-mail jobs enqueued by A (a recommender decision) and by both instances directly are each
 *     delivered exactly once by the workers of A or B (pg-boss hands a job to one worker).
 * PostgreSQL only: PGlite is one embedded database per process, so a second instance cannot share it
 * (the suite runs under TEST_DATABASE_URL in `npm run test:pg`).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import S3rver from 's3rver';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import type { Services } from '../src/server/context';
import { openDatabase, type Database } from '../src/server/db/client';
import { users } from '../src/server/db/schema';
import { S3FileStore } from '../src/server/files/s3-file-store';
import { PgBossQueue, type JobHandler } from '../src/server/jobs/queue';
import { registerWorkers } from '../src/server/jobs/workers';
import { insertProject } from './support/factories';
import { TEST_PASSWORD } from './support/template';
import { Agent, createTestApp, type TestApp } from './support/test-app';

/** The real queue, noting which instance's worker ran each job. */
class WatchedQueue extends PgBossQueue {
  constructor(
    database: Database,
    private readonly instance: string,
    private readonly ran: { instance: string; to: string; subject: string }[],
  ) {
    super(database);
  }
  override async work(name: string, handler: JobHandler) {
    await super.work(name, async (data) => {
      this.ran.push({ instance: this.instance, to: data?.to, subject: data?.subject });
      await handler(data);
    });
  }
}

interface Instance {
  name: string;
  app: FastifyInstance;
  services: Services;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined };

describe.skipIf(!process.env.TEST_DATABASE_URL)('two app instances on one PostgreSQL and one S3 store, with their job workers (PostgreSQL only: an embedded PGlite cannot be shared by two instances)', () => {
  let t: TestApp;
  let s3: S3rver;
  let s3Dir: string;
  let smtp: SMTPServer;
  const inbox: { rcpt: string[]; raw: string }[] = [];
  const ran: { instance: string; to: string; subject: string }[] = [];
  const instances: Instance[] = [];
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    // `t` only provides the fresh PostgreSQL copy of the demo database and the clock.
    t = await createTestApp();
    s3Dir = mkdtempSync(path.join(os.tmpdir(), 'gg-s3-scale-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'gongguan', configs: [] }] });
    const { port } = await s3.run();
    smtp = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

    for (const name of ['A', 'B']) {
      const database = await openDatabase({ databaseUrl: t.services.database.connectionString, migrate: false, poolSize: 3 });
      const files = new S3FileStore({ bucket: 'gongguan', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
      const services: Services = { database, clock: t.clock, files, jobs: new WatchedQueue(database, name, ran) };
      const app = await buildApp({ config: { allowedOrigins: [], cookieSecure: false, logLevel: 'warn' }, services, serveWeb: false });
      await app.ready();
      await registerWorkers(services, { env: { SMTP_URL: smtpUrl }, log: quiet });
      instances.push({ name, app, services });
    }
    [a, b] = instances;
  }, 120_000);

  afterAll(async () => {
    for (const i of instances) {
      await i.app.close();
      await i.services.jobs.stop();
      await i.services.database.close();
    }
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await s3.close();
    rmSync(s3Dir, { recursive: true, force: true });
    await t.close();
  });

  async function loginOn(instance: Instance, username: string): Promise<Agent> {
    const agent = new Agent(instance.app);
    const res = await agent.post('/api/auth/login', { username, password: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return agent;
  }

  /** The same browser (cookies and CSRF token) talking to the other instance. */
  function sameBrowserOn(instance: Instance, agent: Agent): Agent {
    const other = new Agent(instance.app);
    other.cookies = agent.cookies;
    return other;
  }

  it('a session made on A is valid on B, for reads and writes; logging out on B ends it on A', async () => {
    const onA = await loginOn(a, 'demo_applicant');
    const onB = sameBrowserOn(b, onA);
    const me = await onB.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('demo_applicant');
    // A write through B with the CSRF token issued by A.
    const created = await onB.post('/api/applications', {});
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await onA.get(`/api/applications/${created.body.id}`)).status).toBe(200);
    expect((await onB.post('/api/auth/logout')).status).toBe(200);
    expect((await onA.get('/api/auth/me')).status).toBe(401);
  });

  it('a file uploaded through A is downloaded through B with identical bytes, from the shared S3 store', async () => {
    const onA = await loginOn(a, 'demo_applicant');
    const onB = sameBrowserOn(b, onA);
    const head = Buffer.from('%PDF-1.4\n% 天津海河协作机器人科技有限公司 营业执照（副本）\n', 'utf8');
    const body = Buffer.concat(Array.from({ length: 3000 }, (_, i) => Buffer.from(`% 第${i}行 关节模组装配不良率统计 ${i * 7919}\n`, 'utf8')));
    const tail = Buffer.from('1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    const pdf = Buffer.concat([head, body, tail]);
    const sha = createHash('sha256').update(pdf).digest('hex');

    const up = await onA.upload('/api/files?purpose=attachment', '营业执照（副本）.pdf', pdf, 'application/pdf');
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body.sha256).toBe(sha);
    expect(await b.services.files.exists(sha), 'B sees the object A stored').toBe(true);

    const down = await onB.get(`/api/files/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(down.raw.length).toBe(pdf.length);
    expect(createHash('sha256').update(down.raw).digest('hex')).toBe(sha);
    // Another organisation's user cannot fetch it through either instance.
    const stranger = await loginOn(b, 'app_002');
    expect((await stranger.get(`/api/files/${up.body.id}`)).status).toBe(404);
  });

  it('e-mail jobs enqueued by A and by B are each delivered exactly once by the workers of A or B', async () => {
    await t.services.database.db.update(users).set({ email: 'wangjg@haihe-robot.com.cn' }).where(eq(users.username, 'demo_applicant'));
    const p = await insertProject(t, { applicant: 'demo_applicant', name: '降低协作机器人关节模组温升超标比例', state: 'submitted' });
    inbox.length = 0;
    ran.length = 0;

    // A recommender decision on A queues the applicant's e-mail after its commit.
    const rec = await loginOn(a, 'demo_recommender');
    const declined = await rec.post(`/api/recommender/applications/${p.id}/decline`, { version: p.version, reason: '项目开始时间早于2024年，不符合申报条件' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    // And more jobs straight from both instances, so both sets of workers compete for them.
    const direct: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const from = i % 2 ? a : b;
      const to = `liuxm${i}@tjbh.example.cn`;
      direct.push(to);
      expect(await from.services.jobs.send('notify-email', { to, subject: `【天津市质量攻关】推荐批次提醒（第${i}号）`, body: `请于2026年4月20日前报送推荐批次（第${i}号提醒）。` })).toBeTruthy();
    }
    const expected = ['wangjg@haihe-robot.com.cn', ...direct].sort();

    const deadline = Date.now() + 30_000;
    while (inbox.length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Longer than two polling rounds of both workers: a duplicate would have arrived by now.
    await new Promise((r) => setTimeout(r, 5000));

    expect(inbox.flatMap((m) => m.rcpt).sort()).toEqual(expected);
    expect(ran.map((r) => r.to).sort(), JSON.stringify(ran)).toEqual(expected);
    expect(ran.every((r) => r.instance === 'A' || r.instance === 'B')).toBe(true);
    const { rows } = await t.services.database.executeSql(`SELECT data->>'to' AS "to", state FROM pgboss.job WHERE name = 'notify-email'`);
    const ours = rows.filter((r) => expected.includes(r.to));
    expect(ours.map((r) => r.to).sort()).toEqual(expected);
    expect(ours.every((r) => r.state === 'completed'), JSON.stringify(ours)).toBe(true);
    console.log(`[scale-out] jobs run by A: ${ran.filter((r) => r.instance === 'A').length}, by B: ${ran.filter((r) => r.instance === 'B').length}`);
  }, 60_000);
});
