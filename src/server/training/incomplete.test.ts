/**
 * 未完成培训 (issue 16): approved projects whose 质量负责人 attended no session (the default
 * campaign rule) are listed to their recommender (own projects only) and to the commission (all);
 * a check-in by QR code takes a project off the list; the rule is campaign data.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { campaigns, trainingSessions } from '../db/schema';
import { activeCampaign } from '../../../test/support/factories';

let t: TestApp;
let recommender: Agent;
let commission: Agent;
let own: { id: string };
let foreign: { id: string };
const ids = (body: { items: { projectId: string }[] }) => body.items.map((i) => i.projectId);

beforeAll(async () => {
  t = await createTestApp();
  recommender = await t.login('demo_recommender');
  commission = await t.login('demo_commission');
  own = await insertProject(t, { applicant: 'demo_applicant', state: 'approved', name: '提高协作机器人谐波减速器装配一次合格率' });
  const hepingBureau = await orgOfUser(t, 'rec_120101');
  foreign = await insertProject(t, { applicant: 'app_029', state: 'approved', name: '提升光伏逆变器功率模块焊接质量稳定性', recommenderOrgId: hepingBureau.id });
});
afterAll(async () => t.close());

describe('未完成培训 list', () => {
  it('shows the recommender its own approved projects missing the rule, not another recommender’s', async () => {
    const res = await recommender.get('/api/recommender/training/incomplete');
    expect(res.status).toBe(200);
    expect(res.body.rule).toBe('每个已立项项目的质量负责人至少参加 1 场宣贯培训');
    expect(ids(res.body)).toContain(own.id);
    expect(ids(res.body)).not.toContain(foreign.id);
    const row = res.body.items.find((i: { projectId: string }) => i.projectId === own.id);
    expect(row).toMatchObject({ projectName: '提高协作机器人谐波减速器装配一次合格率', applicantName: '天津海河协作机器人科技有限公司', attendedSessions: 0, requiredSessions: 1, pendingSignups: 0 });
    const heping = await (await t.login('rec_120101')).get('/api/recommender/training/incomplete');
    expect(ids(heping.body)).toContain(foreign.id);
    expect(ids(heping.body)).not.toContain(own.id);
  });

  it('shows the commission all of them with their recommender', async () => {
    const res = await commission.get('/api/commission/training/incomplete');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expect.arrayContaining([own.id, foreign.id]));
    expect(res.body.approvedCount).toBeGreaterThanOrEqual(res.body.items.length);
  });

  it('refuses the provider, applicants and experts', async () => {
    expect((await (await t.login('demo_training')).get('/api/commission/training/incomplete')).status).toBe(403);
    expect((await (await t.login('demo_applicant')).get('/api/recommender/training/incomplete')).status).toBe(403);
    expect((await (await t.login('demo_expert')).get('/api/commission/training/incomplete')).status).toBe(403);
  });

  it('a signed-up 质量负责人 is pending; checking in by QR code takes the project off the list', async () => {
    const [s] = await t.services.database.db.select().from(trainingSessions).where(eq(trainingSessions.title, '质量攻关宣贯培训（第一期）：评价程序与要求'));
    const applicant = await t.login('demo_applicant');
    const signup = await applicant.post(`/api/applicant/training/sessions/${s.id}/signups`, { projectId: own.id, attendeeName: '孙海燕', attendeeRole: 'quality_head', attendeePhone: '13820261602' });
    expect(signup.status).toBe(200);
    const pending = (await recommender.get('/api/recommender/training/incomplete')).body.items.find((i: { projectId: string }) => i.projectId === own.id);
    expect(pending.pendingSignups).toBe(1);
    const { code } = (await (await t.login('demo_training')).post(`/api/training/sessions/${s.id}/checkin`)).body;
    t.clock.set('2026-04-24T09:10:00+08:00');
    expect((await t.anonymous().post(`/api/public/checkin/${code}`, { name: '孙海燕', phone: '13820261602' })).status).toBe(200);
    // Two weeks later on the test clock: the earlier sessions have expired, log in again.
    recommender = await t.login('demo_recommender');
    commission = await t.login('demo_commission');
    expect(ids((await recommender.get('/api/recommender/training/incomplete')).body)).not.toContain(own.id);
    expect(ids((await commission.get('/api/commission/training/incomplete')).body)).toContain(foreign.id);
  });

  it('follows the campaign rule: with 2 sessions required the project is flagged again', async () => {
    const db = t.services.database.db;
    const campaign = await activeCampaign(db);
    const config = campaign.config as Record<string, unknown>;
    await db.update(campaigns).set({ config: { ...config, training: { attendeesPerProject: 3, requiredAttendance: { minSessions: 2, role: 'any' } } } }).where(eq(campaigns.id, campaign.id));
    const res = await recommender.get('/api/recommender/training/incomplete');
    expect(res.body.rule).toBe('每个已立项项目的参训人员至少参加 2 场宣贯培训');
    expect(res.body.items.find((i: { projectId: string }) => i.projectId === own.id)).toMatchObject({ attendedSessions: 1, requiredSessions: 2 });
  });
});
