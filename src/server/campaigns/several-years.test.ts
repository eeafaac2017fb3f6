/**
 * Several campaigns at once (issue 12): 2026 projects are in evaluation while the 2027 application
 * window is open. Lists and overviews take ?year= (default: the current campaign by date), and a
 * new application goes to the year whose application window is open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
let id2027: string;

async function open2027(at: string) {
  t.clock.set(at);
  const admin = await t.login('demo_commission');
  const c = (await admin.get('/api/campaigns')).body.items.find((x: any) => x.year === 2027);
  id2027 = c.id;
  const cal = await admin.put(`/api/campaigns/${c.id}/calendar`, { version: c.version, text: '2027-01-01至2027-01-03 元旦 休\n2027-02-06至2027-02-13 春节 休\n2027-02-14 调休 上班\n2027-10-01至2027-10-07 国庆节 休' });
  expect(cal.body.saved, JSON.stringify(cal.body)).toBe(true);
  const saved = cal.body.campaign;
  const res = await admin.put(`/api/campaigns/${c.id}`, { version: saved.version, title: saved.title, documentNo: '津市场监管质发〔2027〕1号', status: 'active', config: saved.config });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('several campaigns at once', () => {
  it('the demo holds a 2027 draft that only the commission sees in the year selector', async () => {
    const admin = await t.login('demo_commission');
    const res = await admin.get('/api/campaigns/years');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const years = res.body.items;
    expect(years.map((y: any) => [y.year, y.status, y.current])).toEqual([
      [2027, 'draft', false],
      [2026, 'active', true],
    ]);
    const rec = await t.login('demo_recommender');
    const recYears = await rec.get('/api/campaigns/years');
    expect(recYears.status, JSON.stringify(recYears.body)).toBe(200);
    expect(recYears.body.items.map((y: any) => y.year)).toEqual([2026]);
    expect((await rec.get('/api/recommender/applications?year=2027')).status).toBe(404);
  });

  it('opening 2027 before its application window hides nothing of 2026', async () => {
    await open2027('2026-12-01T02:00:00Z');
    const admin = await t.login('demo_commission');
    const years = (await admin.get('/api/campaigns/years')).body.items;
    expect(years.find((y: any) => y.current).year).toBe(2026);
    expect((await admin.get('/api/commission/overview')).body.year).toBe(2026);
    expect((await t.anonymous().get('/api/public/campaign')).body.year).toBe(2026);
  });

  it('while 2027 takes applications, 2026 lists stay reachable with ?year=2026 and the default is 2027', async () => {
    t.clock.set('2027-03-25T02:00:00Z');
    const admin = await t.login('demo_commission');
    expect((await admin.get('/api/campaigns/years')).body.items.find((y: any) => y.current).year).toBe(2027);

    const overview2026 = (await admin.get('/api/commission/overview?year=2026')).body;
    const overviewDefault = (await admin.get('/api/commission/overview')).body;
    expect(overview2026.year).toBe(2026);
    expect(overviewDefault).toMatchObject({ year: 2027, campaignId: id2027 });
    const applied = (o: any) => o.milestones.reduce((n: number, m: any) => n + m.count, 0);
    expect(applied(overview2026)).toBeGreaterThan(0);
    expect(applied(overviewDefault)).toBe(0);

    const approvals2026 = (await admin.get('/api/commission/approvals?year=2026')).body;
    expect(approvals2026.total).toBeGreaterThan(0);
    expect((await admin.get('/api/commission/approvals')).body.total).toBe(0);
    expect((await admin.get('/api/commission/batches?year=2026')).body.total).toBeGreaterThan(0);
    expect((await admin.get('/api/commission/batches')).body.total).toBe(0);
    const statuses2026 = (await admin.get('/api/commission/recommenders?year=2026')).body;
    expect(statuses2026.districtBureaus.sent).toBeGreaterThan(0);
    expect((await admin.get('/api/commission/recommenders')).body.districtBureaus.sent).toBe(0);

    expect((await admin.get('/api/commission/certificates/overview?year=2026')).body.campaignYear).toBe(2026);
    expect((await admin.get('/api/commission/certificates/overview')).body.campaignYear).toBe(2027);
    expect((await admin.get('/api/commission/certificates?year=2026')).status).toBe(200);

    const rec = await t.login('demo_recommender');
    expect((await rec.get('/api/campaigns/years')).body.items.map((y: any) => y.year)).toEqual([2027, 2026]);
    expect((await rec.get('/api/recommender/applications?year=2026')).body.total).toBeGreaterThan(0);
    expect((await rec.get('/api/recommender/applications')).body.total).toBe(0);
    // The batch a recommender composes now is the 2027 one (the year whose application window is open).
    expect((await rec.get('/api/recommender/batch')).body.campaignYear).toBe(2027);
    const bad = await rec.get('/api/recommender/applications?year=20266');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('年度应在2020年至2100年之间');
  });

  it('the applicant applies to the campaign whose application window is open (2027), and sees 2026 projects too', async () => {
    t.clock.set('2027-03-25T02:00:00Z');
    const applicant = await t.login('demo_applicant');
    expect((await t.anonymous().get('/api/public/campaign')).body).toMatchObject({ year: 2027, windows: expect.arrayContaining([expect.objectContaining({ key: 'application', open: true })]) });
    const created = await applicant.post('/api/applications', { direction: 'precise', name: '提升协作机器人关节减速器装配一致性质量攻关' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ campaignId: id2027, campaignYear: 2027 });
    const mine = (await applicant.get('/api/applications?pageSize=100')).body.items;
    expect(new Set(mine.map((p: any) => p.campaignYear))).toEqual(new Set([2026, 2027]));
  });
});
