import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function campaign2026(admin: Awaited<ReturnType<TestApp['login']>>) {
  return (await admin.get('/api/campaigns')).body.items.find((x: any) => x.year === 2026);
}

function withWindow(c: any, key: 'application' | 'results', patch: Record<string, string>) {
  return {
    version: c.version,
    title: c.title,
    documentNo: c.documentNo,
    status: c.status,
    config: { ...c.config, windows: { ...c.config.windows, [key]: { ...c.config.windows[key], ...patch } } },
  };
}

describe('campaign windows are editable until they open', () => {
  it('changes the results window one second before it opens (2026-05-01 00:00:00 北京时间), audited', async () => {
    t.clock.set('2026-04-30T15:59:59Z');
    const admin = await t.login('demo_commission');
    const c = await campaign2026(admin);
    const res = await admin.put(`/api/campaigns/${c.id}`, withWindow(c, 'results', { closesAt: '2026-10-09T23:59:59+08:00' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.config.windows.results.closesAt).toBe('2026-10-09T23:59:59+08:00');
    const audit = await admin.get('/api/audit?entity=campaign&action=update');
    expect(audit.body.items[0].summary.windowsAfter.results.closesAt).toBe('2026-10-09T23:59:59+08:00');
  });

  it('refuses changing the results window at its opening second, naming the window and pointing to 补报窗口', async () => {
    t.clock.set('2026-04-30T16:00:00Z');
    const admin = await t.login('demo_commission');
    const c = await campaign2026(admin);
    const res = await admin.put(`/api/campaigns/${c.id}`, withWindow(c, 'results', { closesAt: '2026-10-31T23:59:59+08:00' }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_state');
    expect(res.body.message).toContain('“成果提交（推荐单位报送）”窗口已于2026年5月1日 00:00:00（北京时间）开始');
    expect(res.body.message).toContain('补报窗口');
    expect(Object.keys(res.body.fields)).toEqual(['config.windows.results.closesAt']);
    expect((await campaign2026(admin)).config.windows.results.closesAt).toBe('2026-10-09T23:59:59+08:00');
  });

  it('refuses moving the open application window, but still saves other settings and grants a 补报窗口', async () => {
    t.clock.set('2026-04-10T02:00:00Z');
    const admin = await t.login('demo_commission');
    const c = await campaign2026(admin);
    const moved = await admin.put(`/api/campaigns/${c.id}`, withWindow(c, 'application', { closesAt: '2026-04-30T23:59:59+08:00' }));
    expect(moved.status).toBe(409);
    expect(moved.body.fields).toHaveProperty(['config.windows.application.closesAt']);
    const other = await admin.put(`/api/campaigns/${c.id}`, { ...withWindow(c, 'application', {}), config: { ...c.config, publicityWorkingDays: 6 } });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    const rec = (await admin.get('/api/admin/organisations?kind=recommender')).body.items.find((o: any) => o.name === '天津市和平区市场监督管理局');
    const reopen = await admin.post(`/api/campaigns/${c.id}/reopenings`, { window: 'application', organisationId: rec.id, closesAt: '2026-04-25T23:59:59+08:00', reason: '辖区企业材料盖章延误' });
    expect(reopen.status).toBe(200);
  });

  it('lets a draft campaign’s windows be edited whatever the date (nobody sees a draft yet)', async () => {
    const admin = await t.login('demo_commission');
    const c = await campaign2026(admin);
    const copy = await admin.post(`/api/campaigns/${c.id}/copy`, { year: 2031 });
    expect(copy.status).toBe(200);
    t.clock.set('2031-04-01T02:00:00Z');
    const later = await t.login('demo_commission');
    const res = await later.put(`/api/campaigns/${copy.body.id}`, withWindow(copy.body, 'application', { closesAt: '2031-04-25T23:59:59+08:00' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    t.clock.set('2026-04-10T02:00:00Z');
  });
});
