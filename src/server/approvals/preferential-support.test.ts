/** 倾斜支持 on the review screen: the campaign's reserve applied to the approvals per direction. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { activeCampaign } from '../../../test/support/factories';
import { campaigns, projects } from '../db/schema';

let t: TestApp;
const db = () => t.services.database.db;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('GET /api/commission/approvals/preferential', () => {
  it('without a reserve: 共性技术 preferred and listed first, no limits', async () => {
    const res = await (await t.login('commission_reviewer')).get('/api/commission/approvals/preferential');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reservedShare: null, plannedApprovals: null, priorityOrdering: true, reserved: 0 });
    expect(res.body.directions.map((d: { direction: string; preferred: boolean; label: string }) => [d.direction, d.preferred, d.label])).toEqual([
      ['common', true, '质量共性技术攻关'],
      ['precise', false, '质量精准提升攻关'],
    ]);
  });

  it('applies a 30% reserve of 10 planned approvals to the approvals so far (worked example)', async () => {
    const campaign = await activeCampaign(db());
    await db().update(campaigns).set({ config: { ...(campaign.config as object), preferentialSupport: { reservedShare: 0.3, plannedApprovals: 10, priorityOrdering: true } } }).where(eq(campaigns.id, campaign.id));
    // Start from no approvals: the seeded ones go back to review; then 1 共性技术 and 6 精准提升 approved.
    await db().update(projects).set({ state: 'under_review' }).where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'approved')));
    await insertProject(t, { applicant: 'app_011', state: 'approved', direction: 'common', name: '提升京津冀氢能储运阀门密封可靠性' });
    for (const [i, name] of ['降低铝合金压铸件气孔率', '提高冷轧板表面质量一次合格率', '降低注塑件翘曲不良率', '提升锂电池极片涂布一致性', '降低齿轮热处理畸变量', '提高光纤预制棒拉丝合格率'].entries()) {
      await insertProject(t, { applicant: `app_0${12 + i}`, state: 'approved', direction: 'precise', name });
    }
    const res = await (await t.login('demo_commission')).get('/api/commission/approvals/preferential');
    expect(res.body).toMatchObject({ base: 10, reserved: 3 });
    const [common, precise] = res.body.directions;
    expect(common).toMatchObject({ approved: 1, quota: 3, remaining: 2, status: 'open' });
    const waiting = await db().select().from(projects).where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'under_review')));
    expect(precise.underReview).toBe(waiting.filter((p) => p.direction === 'precise').length);
    expect(precise.underReview).toBeGreaterThan(0);
    expect(precise).toMatchObject({ approved: 6, quota: 7, remaining: 1, status: 'open' });

    await insertProject(t, { applicant: 'app_018', state: 'approved', direction: 'precise', name: '降低变压器局部放电超标率' });
    const after = await (await t.login('demo_commission')).get('/api/commission/approvals/preferential');
    expect(after.body.directions[1]).toMatchObject({ approved: 7, remaining: 0, status: 'reserve_at_risk' });
  });

  it('refuses everyone but the commission', async () => {
    for (const u of ['demo_applicant', 'demo_recommender', 'demo_expert', 'demo_training']) {
      expect((await (await t.login(u)).get('/api/commission/approvals/preferential')).status, u).toBe(403);
    }
  });

  it('refuses a reserve share outside (0, 1) in the campaign settings', async () => {
    const campaign = await activeCampaign(db());
    const res = await (await t.login('demo_commission')).put(`/api/campaigns/${campaign.id}`, {
      version: campaign.version,
      title: campaign.title,
      config: { ...(campaign.config as object), preferentialSupport: { reservedShare: 1.5, plannedApprovals: 10, priorityOrdering: true } },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('预留比例');
  });
});
