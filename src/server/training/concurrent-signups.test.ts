/**
 * Issue #7 point 4 — "concurrent training sign-ups keep capacity": 28 applicants sign up at once for
 * a session of 10 seats; the session row lock (SELECT … FOR UPDATE) lets exactly 10 in, the
 * others get 409 名额已满. Runs on PGlite and PostgreSQL (TEST_DATABASE_URL).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSignups } from '../db/schema';
import { insertProject } from '../../../test/support/factories';
import { TEST_PASSWORD } from '../../../test/support/template';
import { Agent, createTestApp, type TestApp } from '../../../test/support/test-app';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董'];

let t: TestApp;

/**
 * Logs in from its own address: 28 separate applicant sessions would otherwise hit the login rate
 * limit (20 a minute per address), as they would in a real office behind one NAT.
 */
async function loginFrom(username: string, ip: string): Promise<Agent> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const agent = new Agent(t.app);
  for (const c of res.cookies) agent.cookies[c.name] = c.value;
  return agent;
}
let sessionId: string;
const applicants: { username: string; agent: Agent; projectId: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const provider = await t.login('demo_training');
  const created = await provider.post('/api/training/sessions', {
    title: '质量攻关宣贯培训（第一期）',
    venue: '天津市市场监督管理委员会二楼报告厅',
    startsAt: '2026-04-20 09:00',
    endsAt: '2026-04-20 16:30',
    capacity: 10,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  sessionId = created.body.id;
  for (let i = 2; i <= 29; i++) {
    const username = `app_${String(i).padStart(3, '0')}`;
    const project = await insertProject(t, { applicant: username, state: 'approved' });
    applicants.push({ username, agent: await loginFrom(username, `10.20.0.${i}`), projectId: project.id });
  }
}, 120_000);
afterAll(async () => t.close());

describe('training sign-ups under concurrency', () => {
  it('concurrent training sign-ups keep capacity', async () => {
    expect(applicants.length).toBeGreaterThanOrEqual(25);
    const results = await Promise.all(
      applicants.map((a, i) =>
        a.agent.post(`/api/applicant/training/sessions/${sessionId}/signups`, {
          projectId: a.projectId,
          attendeeName: `${SURNAMES[i]}建华`,
          attendeeRole: 'quality_head',
          attendeePhone: `139${String(20260000 + i).padStart(8, '0')}`,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const full = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(10);
    expect(full).toHaveLength(applicants.length - 10);
    for (const r of full) expect(r.body.message).toContain('名额已满');

    const [{ n }] = await t.services.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingSignups)
      .where(eq(trainingSignups.sessionId, sessionId));
    expect(Number(n)).toBe(10);

    const provider = await t.login('demo_training');
    const list = await provider.get('/api/training/sessions');
    const session = list.body.items.find((s: any) => s.id === sessionId);
    expect(session).toMatchObject({ capacity: 10, signedUp: 10, remaining: 0 });
  });

  it('replays a retried sign-up with the same Idempotency-Key instead of taking a second seat', async () => {
    const provider = await t.login('demo_training');
    const second = await provider.post('/api/training/sessions', {
      title: '质量攻关宣贯培训（第二期）',
      venue: '天津滨海新区会展中心B1会议室',
      startsAt: '2026-04-22 09:00',
      endsAt: '2026-04-22 12:00',
      capacity: 2,
    });
    expect(second.status).toBe(200);
    const a = applicants[0];
    const body = { projectId: a.projectId, attendeeName: '王建华', attendeeRole: 'project_lead', attendeePhone: '13920261234' };
    const headers = { 'idempotency-key': 'training-signup-retry-0001' };
    const first = await a.agent.post(`/api/applicant/training/sessions/${second.body.id}/signups`, body, headers);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const retried = await a.agent.post(`/api/applicant/training/sessions/${second.body.id}/signups`, body, headers);
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replay']).toBe('true');
    expect(retried.body.id).toBe(first.body.id);
    const rows = await t.services.database.db.select().from(trainingSignups).where(eq(trainingSignups.sessionId, second.body.id));
    expect(rows).toHaveLength(1);
    // Twins racing with one key (a double click): one seat, both answered with it.
    const twinBody = { projectId: a.projectId, attendeeName: '王建军', attendeeRole: 'key_technician', attendeePhone: '13920261235' };
    const twinHeaders = { 'idempotency-key': 'training-signup-twins-0001' };
    const twins = await Promise.all([0, 1].map(() => a.agent.post(`/api/applicant/training/sessions/${second.body.id}/signups`, twinBody, twinHeaders)));
    expect(twins.map((r) => r.status)).toEqual([200, 200]);
    expect(twins[0].body.id).toBe(twins[1].body.id);
    const afterTwins = await t.services.database.db.select().from(trainingSignups).where(eq(trainingSignups.sessionId, second.body.id));
    expect(afterTwins).toHaveLength(2);
    // Without the key the same person is refused as a duplicate, not counted twice.
    const again = await a.agent.post(`/api/applicant/training/sessions/${second.body.id}/signups`, body);
    expect(again.status).toBe(409);
    expect(again.body.fields?.attendeePhone).toContain('重复报名');
  });
});
