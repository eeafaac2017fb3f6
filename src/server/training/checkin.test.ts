/**
 * 签到 by QR code: the provider opens the check-in (code + QR), the attendee checks in on a phone
 * with name and mobile — only in the session's window, once, audited — and the "refuses when…" cases.
 * Seeded session 1 (src/server/seed/training.ts): 2026-04-24 09:00–16:30, 刘建新 13702260101 signed up.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { auditLog, trainingSessions, trainingSignups } from '../db/schema';

let t: TestApp;
let provider: Agent;
let sessionId: string;
let code: string;
const db = () => t.services.database.db;
const PERSON = { name: '刘建新', phone: '13702260101' };

beforeAll(async () => {
  t = await createTestApp();
  provider = await t.login('demo_training');
  const [s] = await db().select().from(trainingSessions).where(eq(trainingSessions.title, '质量攻关宣贯培训（第一期）：评价程序与要求'));
  sessionId = s.id;
});
afterAll(async () => t.close());

describe('opening the check-in', () => {
  it('gives the provider a short code and a QR code of the check-in link, the same on every call', async () => {
    const res = await provider.post(`/api/training/sessions/${sessionId}/checkin`);
    expect(res.status).toBe(200);
    code = res.body.code;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(res.body.url).toMatch(new RegExp(`/checkin/${code}$`));
    expect(res.body.svg).toContain('<svg');
    expect(res.body.opensAt).toBe('2026-04-24T00:30:00.000Z'); // 08:30 Beijing, half an hour before the start
    const again = await provider.post(`/api/training/sessions/${sessionId}/checkin`);
    expect(again.body.code).toBe(code);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, sessionId), eq(auditLog.action, 'open_checkin')));
    expect(audits).toHaveLength(1);
  });

  it('refuses everyone but the provider and the commission', async () => {
    for (const u of ['demo_applicant', 'demo_recommender', 'demo_expert']) {
      expect((await (await t.login(u)).post(`/api/training/sessions/${sessionId}/checkin`)).status, u).toBe(403);
    }
  });
});

describe('checking in on a phone', () => {
  it('refuses before the window opens, and says when it opens', async () => {
    const info = await t.anonymous().get(`/api/public/checkin/${code}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ title: '质量攻关宣贯培训（第一期）：评价程序与要求', open: false });
    expect(info.body.message).toContain('2026-04-24 08:30');
    const res = await t.anonymous().post(`/api/public/checkin/${code}`, PERSON);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('签到尚未开始');
  });

  it('refuses a name and mobile that are not signed up for this session', async () => {
    t.clock.set('2026-04-24T08:45:00+08:00');
    const wrong = await t.anonymous().post(`/api/public/checkin/${code}`, { name: '刘建新', phone: '13702260999' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.phone).toContain('未找到');
    const otherName = await t.anonymous().post(`/api/public/checkin/${code}`, { name: '刘建', phone: PERSON.phone });
    expect(otherName.status).toBe(400);
    const badPhone = await t.anonymous().post(`/api/public/checkin/${code}`, { name: '刘建新', phone: '1370226' });
    expect(badPhone.status).toBe(400);
    expect((await t.anonymous().get('/api/public/checkin/ZZZZZZ')).status).toBe(404);
  });

  it('marks the attendee attended, once, audited; lower-case code works', async () => {
    const res = await t.anonymous().post(`/api/public/checkin/${code.toLowerCase()}`, PERSON);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ attendeeName: '刘建新', checkedInAt: '2026-04-24T00:45:00.000Z' });
    const [signup] = await db().select().from(trainingSignups).where(and(eq(trainingSignups.sessionId, sessionId), eq(trainingSignups.attendeePhone, PERSON.phone)));
    expect(signup.attended).toBe(true);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, sessionId), eq(auditLog.action, 'checkin')));
    expect(audit.summary).toMatchObject({ signupId: signup.id });
    expect(audit.actorUserId).toBeNull();

    const twice = await t.anonymous().post(`/api/public/checkin/${code}`, PERSON);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('无需重复签到');
    // The provider's roster shows it; the manual tick still corrects it (a fresh login: the clock moved on).
    t.clock.set('2026-04-24T10:00:00+08:00');
    provider = await t.login('demo_training');
    const roster = await provider.get(`/api/training/sessions/${sessionId}/roster`);
    expect(roster.body.items.find((i: { attendeeName: string }) => i.attendeeName === '刘建新').attended).toBe(true);
    const corrected = await provider.put(`/api/training/sessions/${sessionId}/attendance`, { items: [{ id: signup.id, attended: false }] });
    expect(corrected.status).toBe(200);
  });

  it('refuses after the session has ended', async () => {
    t.clock.set('2026-04-24T16:31:00+08:00');
    const res = await t.anonymous().post(`/api/public/checkin/${code}`, { name: '张玉梅', phone: '13702260102' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('签到已结束');
  });
});
