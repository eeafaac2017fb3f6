import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const byKey = (body: { milestones: { key: string; count: number }[] }) => Object.fromEntries(body.milestones.map((m) => [m.key, m.count]));

describe('GET /api/commission/overview (年度工作概况)', () => {
  it('counts the campaign projects per milestone, and moves when a project moves on', async () => {
    const commission = await t.login('commission_reviewer');
    const before = byKey((await commission.get('/api/commission/overview')).body);
    await insertProject(t, { applicant: 'app_005', state: 'draft' });
    await insertProject(t, { applicant: 'app_006', state: 'submitted' });
    await insertProject(t, { applicant: 'app_007', state: 'approved' });
    const res = await commission.get('/api/commission/overview');
    expect(res.status).toBe(200);
    expect(res.body.milestones.map((m: { label: string }) => m.label)).toEqual(['申报项目', '已推荐', '已立项', '已提交成果', '已认定优秀成果']);
    const after = byKey(res.body);
    expect(after.applied).toBe(before.applied + 2); // the draft does not count
    expect(after.recommended).toBe(before.recommended + 1);
    expect(after.approved).toBe(before.approved + 1);
    expect(after.resultsSubmitted).toBe(before.resultsSubmitted);
  });

  it('refuses everyone but the commission', async () => {
    for (const user of ['demo_applicant', 'demo_recommender', 'demo_expert', 'demo_training']) {
      const res = await (await t.login(user)).get('/api/commission/overview');
      expect(res.status, user).toBe(403);
      expect(res.body.milestones).toBeUndefined();
    }
    expect((await t.anonymous().get('/api/commission/overview')).status).toBe(401);
  });
});
