import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('campaign', () => {
  it('publishes the 2026 campaign to anyone, with windows judged on the server clock', async () => {
    const res = await t.anonymous().get('/api/public/campaign');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, documentNo: '津市场监管质发〔2026〕2号', earliestStartDate: '2024-01-01' });
    expect(res.body.windows.find((w: any) => w.key === 'application')).toMatchObject({ open: true, closesAt: '2026-04-20T23:59:59+08:00' });
    t.clock.set('2026-04-20T16:00:00Z');
    const later = await t.anonymous().get('/api/public/campaign');
    expect(later.body.windows.find((w: any) => w.key === 'application')).toMatchObject({ open: false, reason: 'closed' });
    t.clock.set('2026-04-10T02:00:00Z');
  });

  it('lets the commission edit a campaign with an optimistic version, and refuses a stale one', async () => {
    const admin = await t.login('demo_commission');
    const { body: list } = await admin.get('/api/campaigns');
    const c = list.items[0];
    const config = { ...c.config, publicityWorkingDays: 7, focusChains: [...c.config.focusChains, '低空经济'] };
    const ok = await admin.put(`/api/campaigns/${c.id}`, { version: c.version, title: c.title, documentNo: c.documentNo, status: c.status, config });
    expect(ok.status).toBe(200);
    expect(ok.body.config.publicityWorkingDays).toBe(7);
    expect(ok.body.version).toBe(c.version + 1);
    const stale = await admin.put(`/api/campaigns/${c.id}`, { version: c.version, title: c.title, documentNo: c.documentNo, status: c.status, config });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const audit = await admin.get('/api/audit?entity=campaign&action=update');
    expect(audit.body.items[0].summary.changed).toEqual(expect.arrayContaining(['publicityWorkingDays', 'focusChains']));
  });

  it('names the bad field of a campaign edit in Chinese', async () => {
    const admin = await t.login('demo_commission');
    const c = (await admin.get('/api/campaigns')).body.items[0];
    const bad = await admin.put(`/api/campaigns/${c.id}`, { version: c.version, title: c.title, status: c.status, config: { ...c.config, publicityWorkingDays: 0 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toContain('config.publicityWorkingDays');
    expect(bad.body.message).toMatch(/不能小于1/);
  });

  it('copies the campaign to 2028 as a draft with every date two years later (the demo already holds a 2027 draft)', async () => {
    const admin = await t.login('demo_commission');
    const c = (await admin.get('/api/campaigns')).body.items.find((x: any) => x.year === 2026);
    expect((await admin.post(`/api/campaigns/${c.id}/copy`, { year: 2027 })).status).toBe(409);
    const res = await admin.post(`/api/campaigns/${c.id}/copy`, { year: 2028 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2028, status: 'draft' });
    expect(res.body.config.windows.application.closesAt).toBe('2028-04-20T23:59:59+08:00');
    expect((await admin.post(`/api/campaigns/${c.id}/copy`, { year: 2028 })).status).toBe(409);
  });

  it('reopens the application window for one recommender, with a reason, audited', async () => {
    const admin = await t.login('demo_commission');
    const c = (await admin.get('/api/campaigns')).body.items.find((x: any) => x.year === 2026);
    const rec = (await admin.get('/api/admin/organisations?kind=recommender')).body.items.find((o: any) => o.name === '天津市和平区市场监督管理局');
    const noReason = await admin.post(`/api/campaigns/${c.id}/reopenings`, { window: 'application', organisationId: rec.id, closesAt: '2026-04-25T23:59:59+08:00', reason: '' });
    expect(noReason.status).toBe(400);
    const res = await admin.post(`/api/campaigns/${c.id}/reopenings`, { window: 'application', organisationId: rec.id, closesAt: '2026-04-25T23:59:59+08:00', reason: '系统故障导致材料未能按时报送' });
    expect(res.status).toBe(200);
    const list = await admin.get(`/api/campaigns/${c.id}/reopenings`);
    expect(list.body.items).toEqual([expect.objectContaining({ organisationName: '天津市和平区市场监督管理局', reason: '系统故障导致材料未能按时报送' })]);
    const audit = await admin.get('/api/audit?entity=window_reopening');
    expect(audit.body.items[0]).toMatchObject({ action: 'reopen', actorRole: 'commission' });
  });

  it('refuses campaign changes and reopenings to every other role', async () => {
    const admin = await t.login('demo_commission');
    const c = (await admin.get('/api/campaigns')).body.items[0];
    for (const u of ['demo_applicant', 'demo_recommender', 'demo_expert', 'demo_training']) {
      const a = await t.login(u);
      expect((await a.get('/api/campaigns')).status, u).toBe(403);
      expect((await a.put(`/api/campaigns/${c.id}`, { version: c.version, title: c.title, status: c.status, config: c.config })).status, u).toBe(403);
      expect((await a.post(`/api/campaigns/${c.id}/reopenings`, { window: 'application', organisationId: a.cookies.x ?? c.id, closesAt: '2026-04-25T23:59:59+08:00', reason: '想要补报窗口' })).status, u).toBe(403);
    }
  });
});
