import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgOfUser } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { users } from '../db/schema';
import { notify } from './notify';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.services.database.db;
  const org = await orgOfUser(t, 'demo_applicant');
  const other = await orgOfUser(t, 'app_002');
  const [reviewer] = await db.select().from(users).where(eq(users.username, 'commission_reviewer'));
  const base = Date.parse('2026-04-01T09:00:00+08:00');
  await db.transaction(async (tx) => {
    await notify(tx, new Date(base), { organisationId: org.id, title: '宣贯培训通知', body: '4月15日在市市场监管委培训中心举办质量攻关宣贯培训', link: '/applicant/training' });
    await notify(tx, new Date(base + 60_000), { organisationId: org.id, title: '项目已立项', body: '“降低协作机器人关节模组装配不良率”已立项', link: '/applicant/applications' });
    await notify(tx, new Date(base + 120_000), { organisationId: other.id, title: '其他单位的通知', body: '不应被看到' });
    await notify(tx, new Date(base + 180_000), { organisationId: reviewer.organisationId, userId: reviewer.id, title: '只给郭丽坤的通知', body: '仅本人可见' });
  });
});
afterAll(async () => t.close());

describe('notification centre', () => {
  it('lists the organisation\'s notices newest first with the unread count, filtered by status and keyword', async () => {
    const a = await t.login('demo_applicant');
    const all = await a.get('/api/notifications');
    expect(all.status).toBe(200);
    const mineTitles = ['项目已立项', '宣贯培训通知'];
    expect(all.body.items.map((n: any) => n.title).filter((x: string) => mineTitles.includes(x))).toEqual(mineTitles);
    expect(all.body.items.map((n: any) => n.title)).not.toContain('其他单位的通知');
    expect(all.body.unread).toBe(all.body.total);
    expect((await a.get('/api/notifications/unread-count')).body.unread).toBe(all.body.unread);
    const found = await a.get(`/api/notifications?q=${encodeURIComponent('宣贯')}`);
    expect(found.body.items.map((n: any) => n.title)).toEqual(['宣贯培训通知']);
    expect(found.body.items[0].link).toBe('/applicant/training');
    const bad = await a.get('/api/notifications?status=archived');
    expect(bad.status).toBe(400);
  });

  it('marks one read, refuses another organisation\'s notice with 404, then marks all read', async () => {
    const a = await t.login('demo_applicant');
    const before = (await a.get('/api/notifications')).body;
    const target = before.items.find((n: any) => n.title === '项目已立项');
    expect((await a.post(`/api/notifications/${target.id}/read`)).status).toBe(200);
    const after = (await a.get('/api/notifications?status=read')).body;
    expect(after.items.map((n: any) => n.id)).toEqual([target.id]);
    expect((await a.get('/api/notifications/unread-count')).body.unread).toBe(before.unread - 1);

    const other = await t.login('app_002');
    const theirs = (await other.get('/api/notifications')).body.items.find((n: any) => n.title === '其他单位的通知');
    expect((await a.post(`/api/notifications/${theirs.id}/read`)).status).toBe(404);
    expect((await other.get('/api/notifications?status=unread')).body.items.map((n: any) => n.id)).toContain(theirs.id);

    expect((await a.post('/api/notifications/read-all')).status).toBe(200);
    expect((await a.get('/api/notifications/unread-count')).body.unread).toBe(0);
    expect((await other.get('/api/notifications/unread-count')).body.unread).toBeGreaterThan(0);
  });

  it('shows a notice addressed to one person to that person only', async () => {
    const reviewer = await t.login('commission_reviewer');
    const admin = await t.login('demo_commission');
    expect((await reviewer.get('/api/notifications')).body.items.map((n: any) => n.title)).toContain('只给郭丽坤的通知');
    expect((await admin.get('/api/notifications')).body.items.map((n: any) => n.title)).not.toContain('只给郭丽坤的通知');
  });
});
