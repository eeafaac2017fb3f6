import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { users } from '../db/schema';
import { as, completeProject } from '../recommendations/test-helpers';
import { DEFAULT_MAIL_FROM, MAIL_FOOTER, createMailer } from './mailer';
import { notifyEmailHandler, registerWorkers, type WorkerLog } from './workers';

interface Received {
  from: string;
  rcpt: string[];
  raw: string;
}

let t: TestApp;
let smtp: SMTPServer;
let smtpUrl: string;
const inbox: Received[] = [];

beforeAll(async () => {
  t = await createTestApp();
  smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', rcpt: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

/** Minimal MIME reading for a single-part text message: unfolded headers, RFC 2047 words, body by its transfer encoding. */
function parseMessage(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const decodeWords = (v: string) =>
    v
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
        enc.toLowerCase() === 'b'
          ? Buffer.from(text, 'base64').toString('latin1')
          : text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      );
  const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');
  let bodyRaw = raw.slice(split + 4);
  const cte = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const body =
    cte === 'base64'
      ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? utf8((bodyRaw = bodyRaw.replace(/=\r\n/g, '')).replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))))
        : utf8(bodyRaw);
  return { headers, subject: utf8(decodeWords(headers.subject ?? '')), from: utf8(decodeWords(headers.from ?? '')), to: headers.to ?? '', body: body.replace(/\r\n/g, '\n') };
}

async function waitForMail(count: number) {
  const deadline = Date.now() + 10_000;
  while (inbox.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(inbox.length).toBeGreaterThanOrEqual(count);
}

describe('e-mail through SMTP (notify-email)', () => {
  it('delivers the queued e-mail of a recommender decision to the applicant’s users, in Chinese, correctly encoded', async () => {
    await t.services.database.db.update(users).set({ email: 'wangjg@haihe-robot.com.cn' }).where(eq(users.username, 'demo_applicant'));
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '降低协作机器人关节模组温升超标比例' });
    const rec = await as(t, 'demo_recommender');
    t.jobs.sent.length = 0;
    const res = await rec.post(`/api/recommender/applications/${p.id}/decline`, { version: p.version, reason: '项目开始时间早于2024年，不符合申报条件' });
    expect(res.status).toBe(200);
    const queued = t.jobs.sent.filter((j) => j.name === 'notify-email');
    expect(queued.map((j) => j.data.to)).toEqual(['wangjg@haihe-robot.com.cn']);

    // The workers, as the server registers them, with SMTP_URL pointing at the test server.
    inbox.length = 0;
    await registerWorkers(t.services, { env: { SMTP_URL: smtpUrl } });
    await t.jobs.drain();
    await waitForMail(1);

    const [mail] = inbox;
    expect(mail.rcpt).toEqual(['wangjg@haihe-robot.com.cn']);
    expect(mail.from).toBe('noreply@localhost');
    // Headers and body are 7-bit on the wire: the Chinese is encoded, not sent raw.
    expect(/[^\x00-\x7f]/.test(mail.raw)).toBe(false);
    const m = parseMessage(mail.raw);
    expect(m.to).toBe('wangjg@haihe-robot.com.cn');
    expect(m.subject).toBe('【天津市质量攻关】申报项目未获推荐');
    expect(m.from).toBe(DEFAULT_MAIL_FROM);
    expect(m.headers['content-type']).toMatch(/text\/plain; charset=utf-8/i);
    expect(m.body).toContain('降低协作机器人关节模组温升超标比例');
    expect(m.body).toContain('项目开始时间早于2024年，不符合申报条件');
    expect(m.body).toContain(MAIL_FOOTER);
    await t.services.database.db.update(users).set({ email: null }).where(eq(users.username, 'demo_applicant'));
  });

  it('uses MAIL_FROM as the sender when set', async () => {
    inbox.length = 0;
    const mailer = createMailer(smtpUrl, '滨海新区市场监督管理局 <scjg@tjbh.example.cn>');
    await notifyEmailHandler(mailer)({ to: 'liuxm@tjbh.example.cn', subject: '【天津市质量攻关】推荐批次已退回', body: '市市场监管委已退回您单位的推荐批次，请修改后重新报送。' });
    mailer.close();
    await waitForMail(1);
    const m = parseMessage(inbox[0].raw);
    expect(inbox[0].from).toBe('scjg@tjbh.example.cn');
    expect(m.from).toBe('滨海新区市场监督管理局 <scjg@tjbh.example.cn>');
    expect(m.subject).toBe('【天津市质量攻关】推荐批次已退回');
    expect(m.body).toContain('市市场监管委已退回您单位的推荐批次，请修改后重新报送。');
  });

  it('sends nothing without SMTP_URL and says so at debug level', async () => {
    inbox.length = 0;
    const logged: { level: string; msg?: string }[] = [];
    const log: WorkerLog = {
      debug: (_o, msg) => logged.push({ level: 'debug', msg }),
      info: (_o, msg) => logged.push({ level: 'info', msg }),
      warn: (_o, msg) => logged.push({ level: 'warn', msg }),
    };
    await t.jobs.send('notify-email', { to: 'wangjg@haihe-robot.com.cn', subject: '【天津市质量攻关】申报项目未获推荐', body: '您单位的申报项目未获推荐。' });
    await registerWorkers(t.services, { env: {}, log });
    await t.jobs.drain();
    await new Promise((r) => setTimeout(r, 200));
    expect(inbox).toHaveLength(0);
    expect(logged).toEqual([{ level: 'debug', msg: expect.stringContaining('SMTP_URL not set') }]);
  });

  it('fails the job (so the queue retries) when the SMTP server refuses, and drops a job without an address', async () => {
    const refusing = new SMTPServer({ secure: false, authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onRcptTo: (_a, _s, cb) => cb(new Error('邮箱不存在')) });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const mailer = createMailer(`smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}`);
    try {
      const handler = notifyEmailHandler(mailer, { debug: () => undefined, info: () => undefined, warn: () => undefined });
      await expect(handler({ to: 'nobody@haihe-robot.com.cn', subject: '【天津市质量攻关】测试', body: '正文' })).rejects.toThrow();
      await expect(handler({ to: '', subject: '【天津市质量攻关】测试', body: '正文' })).resolves.toBeUndefined();
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
