/**
 * 立项审核 (program step 2) request tests: list / filters / export, approve, reject, bulk approve,
 * and a "refuses when…" case for every transition (wrong state, wrong role, stale version,
 * missing reason, before the application deadline). Applicants and recommenders see the outcome.
 */
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { activeCampaign } from '../../../test/support/factories';
import { auditLog, campaigns, notifications, projectReviews, projects } from '../db/schema';
import { APPROVAL_SORTS } from '../../shared/approvals';
import { as } from '../recommendations/test-helpers';
import { AFTER_DEADLINE, projectNoCounter, underReview } from './test-helpers';

let t: TestApp;
let reviewer: Agent;
const db = () => t.services.database.db;
// 东丽区 bureau (rec_120110) has no demo-seed projects: app_007 / app_010 / app_033 are its applicants.
const DONGLI_REC = 'rec_120110';
let dongliId: string;
const p: Record<string, typeof projects.$inferSelect> = {};

beforeAll(async () => {
  t = await createTestApp({ now: AFTER_DEADLINE });
  reviewer = await as(t, 'commission_reviewer');
  dongliId = (await orgOfUser(t, DONGLI_REC)).id;
  p.solder = await underReview(t, 'app_007', '降低信创服务器主板焊接缺陷率');
  p.calib = await underReview(t, 'app_010', '提高车联网测试设备标定效率', { direction: 'common' });
  p.heat = await underReview(t, 'app_033', '降低航空部件热处理变形量');
  p.power = await underReview(t, 'app_007', '提升服务器电源模块输出一致性');
  p.submitted = await insertProject(t, { applicant: 'app_010', state: 'submitted', name: '降低车载雷达支架装配偏差' });
});
afterAll(async () => t.close());

async function fresh(id: string) {
  return (await db().select().from(projects).where(eq(projects.id, id)))[0];
}

describe('立项审核 list and export', () => {
  it('lists the projects awaiting decision with counts, search, recommender/direction filters and sort', async () => {
    const res = await reviewer.get(`/api/commission/approvals?recommenderOrgId=${dongliId}&state=under_review&sort=name&order=asc`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.name)).toEqual(
      [p.solder, p.calib, p.heat, p.power].map((x) => x.name).sort((a, b) => a.localeCompare(b, 'en')),
    );
    expect(res.body.total).toBe(4);
    expect(res.body.counts).toMatchObject({ under_review: 4, approved: 0, rejected: 0 });
    expect(res.body.decisions).toMatchObject({ open: true, message: null });
    const item = res.body.items.find((i: any) => i.id === p.heat.id);
    expect(item).toMatchObject({ state: 'under_review', stateLabel: '立项审核中', recommenderName: '天津市东丽区市场监督管理局', projectNo: null, recommendationOpinion: expect.stringContaining('同意推荐') });
    // A submitted project (not yet sent by its recommender) is not in 立项审核.
    expect(res.body.items.some((i: any) => i.id === p.submitted.id)).toBe(false);

    const search = await reviewer.get(`/api/commission/approvals?q=${encodeURIComponent('热处理')}`);
    expect(search.body.items.map((i: any) => i.id)).toEqual([p.heat.id]);
    const byNo = await reviewer.get(`/api/commission/approvals?q=${encodeURIComponent(p.calib.applicationNo!)}`);
    expect(byNo.body.items.map((i: any) => i.id)).toEqual([p.calib.id]);
    const common = await reviewer.get(`/api/commission/approvals?recommenderOrgId=${dongliId}&direction=common`);
    expect(common.body.items.map((i: any) => i.id)).toEqual([p.calib.id]);
    const paged = await reviewer.get(`/api/commission/approvals?recommenderOrgId=${dongliId}&pageSize=3&page=2&sort=name`);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBe(4);
  });

  it('sorts by every offered key in both directions (decided ones by 立项编号)', async () => {
    for (const sort of APPROVAL_SORTS) {
      for (const order of ['asc', 'desc']) {
        const res = await reviewer.get(`/api/commission/approvals?sort=${sort}&order=${order}&pageSize=50`);
        expect([sort, order, res.status]).toEqual([sort, order, 200]);
      }
    }
    const byNo = await reviewer.get('/api/commission/approvals?state=approved&sort=projectNo&order=desc');
    const numbers = byNo.body.items.map((i: any) => i.projectNo);
    expect(numbers).toEqual([...numbers].sort().reverse());
    const byRecommender = await reviewer.get('/api/commission/approvals?sort=recommender&pageSize=200');
    const names = byRecommender.body.items.map((i: any) => i.recommenderName ?? '');
    expect(new Set(names).size).toBeGreaterThan(1);
    // Same recommender rows are adjacent when sorted by recommender.
    const firstIndex = new Map<string, number>();
    names.forEach((n: string, i: number) => {
      if (firstIndex.has(n)) expect(names[i - 1]).toBe(n);
      else firstIndex.set(n, i);
    });
  });

  it('shows the demo campaign’s earlier decisions under their states', async () => {
    const res = await reviewer.get('/api/commission/approvals?state=approved');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: any) => i.state === 'approved' && /^TJZLGG-2026-\d{4}$/.test(i.projectNo))).toBe(true);
  });

  it('exports exactly the filtered rows as .xlsx', async () => {
    const res = await reviewer.get(`/api/commission/approvals/export.xlsx?recommenderOrgId=${dongliId}&q=${encodeURIComponent('服务器')}&sort=name`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('filename*=');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.getWorksheet('立项审核项目列表')!;
    const names: string[] = [];
    ws.eachRow((row, i) => i > 1 && names.push(String(row.getCell(4).value)));
    expect(names.sort()).toEqual([p.solder.name, p.power.name].sort());
    expect(String(ws.getRow(1).getCell(3).value)).toBe('立项编号');
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'export_approvals'));
    expect(audit.summary).toMatchObject({ rows: 2 });
  });
});

describe('立项 and 不予立项', () => {
  it('approves: next 立项编号, one audit entry and one review, notices to the applicant and its recommender', async () => {
    const before = await projectNoCounter(t);
    const res = await reviewer.post(`/api/commission/approvals/${p.solder.id}/approve`, { version: p.solder.version });
    expect(res.status).toBe(200);
    const expected = `TJZLGG-2026-${String(before + 1).padStart(4, '0')}`;
    expect(res.body).toMatchObject({ id: p.solder.id, state: 'approved', stateLabel: '已立项（实施中）', version: p.solder.version + 1, projectNo: expected, rejectReason: null });
    expect(await projectNoCounter(t)).toBe(before + 1);

    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, p.solder.id), eq(auditLog.action, 'approve')));
    expect(audits).toHaveLength(1);
    expect(audits[0].summary).toMatchObject({ from: 'under_review', to: 'approved', projectNo: expected });
    const reviews = await db().select().from(projectReviews).where(and(eq(projectReviews.projectId, p.solder.id), eq(projectReviews.stage, 'approval')));
    expect(reviews.map((r) => r.decision)).toEqual(['approve']);
    const applicantOrg = await orgOfUser(t, 'app_007');
    const notes = await db().select().from(notifications).where(inArray(notifications.organisationId, [applicantOrg.id, dongliId]));
    expect(notes.find((n) => n.organisationId === applicantOrg.id && n.title === '申报项目已立项')?.body).toContain(expected);
    expect(notes.find((n) => n.organisationId === dongliId && n.title === '推荐项目已立项')?.body).toContain(expected);

    // The applicant sees 已立项 and the number on its application; the recommender in its inbox and review.
    const applicant = await as(t, 'app_007');
    const detail = await applicant.get(`/api/applications/${p.solder.id}`);
    expect(detail.body).toMatchObject({ state: 'approved', stateLabel: '已立项（实施中）', projectNo: expected });
    const mine = await applicant.get('/api/applications');
    expect(mine.body.items.find((i: any) => i.id === p.solder.id)).toMatchObject({ state: 'approved', projectNo: expected });
    const rec = await as(t, DONGLI_REC);
    const inbox = await rec.get('/api/recommender/applications?state=approved');
    expect(inbox.body.items.find((i: any) => i.id === p.solder.id)).toMatchObject({ stateLabel: '已立项（实施中）', projectNo: expected });
    const review = await rec.get(`/api/recommender/applications/${p.solder.id}`);
    expect(review.body.project).toMatchObject({ state: 'approved', projectNo: expected });
  });

  it('rejects with a reason that the applicant and its recommender see (未立项)', async () => {
    const reason = '攻关目标与2024年度优秀成果高度相似，创新性不足，未列入本年度计划';
    const res = await reviewer.post(`/api/commission/approvals/${p.heat.id}/reject`, { version: p.heat.version, reason: `  ${reason} ` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'rejected', stateLabel: '未立项', projectNo: null, rejectReason: reason });
    const applicant = await as(t, 'app_033');
    const detail = await applicant.get(`/api/applications/${p.heat.id}`);
    expect(detail.body).toMatchObject({ state: 'rejected', stateLabel: '未立项', lastReason: reason, projectNo: null });
    const rec = await as(t, DONGLI_REC);
    const inbox = await rec.get('/api/recommender/applications?state=rejected');
    expect(inbox.body.items.find((i: any) => i.id === p.heat.id)).toMatchObject({ stateLabel: '未立项', lastReason: reason });
    const applicantOrg = await orgOfUser(t, 'app_033');
    const [note] = await db().select().from(notifications).where(and(eq(notifications.organisationId, applicantOrg.id), eq(notifications.title, '申报项目未立项')));
    expect(note.body).toContain(reason);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, p.heat.id), eq(auditLog.action, 'reject')))).toHaveLength(1);
    const list = await reviewer.get(`/api/commission/approvals?recommenderOrgId=${dongliId}`);
    expect(list.body.counts).toMatchObject({ under_review: 2, approved: 1, rejected: 1 });
    expect(list.body.items.find((i: any) => i.id === p.heat.id)).toMatchObject({ rejectReason: reason, decidedAt: expect.any(String) });
  });

  it('replays a retried approve with the same Idempotency-Key (one number, one audit entry)', async () => {
    const row = await underReview(t, 'app_010', '缩短车联网终端软件升级失败恢复时间');
    const before = await projectNoCounter(t);
    const headers = { 'idempotency-key': `approve-${row.id}` };
    const first = await reviewer.post(`/api/commission/approvals/${row.id}/approve`, { version: row.version }, headers);
    const retry = await reviewer.post(`/api/commission/approvals/${row.id}/approve`, { version: row.version }, headers);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await projectNoCounter(t)).toBe(before + 1);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'approve')))).toHaveLength(1);
  });

  it('bulk approves in the order selected, all-or-nothing', async () => {
    const a = await underReview(t, 'app_007', '降低服务器机箱钣金件尺寸超差率');
    const b = await underReview(t, 'app_033', '提高航空紧固件镀层厚度一致性');
    const before = await projectNoCounter(t);
    const res = await reviewer.post('/api/commission/approvals/bulk-approve', { items: [{ id: b.id, version: b.version }, { id: a.id, version: a.version }] });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => [i.id, i.projectNo])).toEqual([
      [b.id, `TJZLGG-2026-${String(before + 1).padStart(4, '0')}`],
      [a.id, `TJZLGG-2026-${String(before + 2).padStart(4, '0')}`],
    ]);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'bulk_approve'))).toHaveLength(1);
  });

  it('numbers follow the campaign’s 立项编号格式', async () => {
    const campaign = await activeCampaign(db());
    await db().update(campaigns).set({ config: { ...(campaign.config as object), projectNoFormat: '津质攻{year}-{nnn}' } }).where(eq(campaigns.id, campaign.id));
    try {
      const row = await underReview(t, 'app_010', '降低车规级连接器插拔力波动');
      const res = await reviewer.post(`/api/commission/approvals/${row.id}/approve`, { version: row.version });
      expect(res.status).toBe(200);
      expect(res.body.projectNo).toBe(`津质攻2026-${String(await projectNoCounter(t)).padStart(3, '0')}`);
    } finally {
      await db().update(campaigns).set({ config: campaign.config }).where(eq(campaigns.id, campaign.id));
    }
  });
});

describe('refuses when…', () => {
  it('the project is not 立项审核中 (approve / reject of a decided or unsent project: 409 invalid_state, Chinese)', async () => {
    const approved = await fresh(p.solder.id);
    const again = await reviewer.post(`/api/commission/approvals/${approved.id}/approve`, { version: approved.version });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'invalid_state', message: '当前状态为“已立项（实施中）”，不能执行“立项”操作' });
    const rejectApproved = await reviewer.post(`/api/commission/approvals/${approved.id}/reject`, { version: approved.version, reason: '重复立项，撤回决定' });
    expect(rejectApproved.status).toBe(409);
    expect(rejectApproved.body.message).toBe('当前状态为“已立项（实施中）”，不能执行“不予立项”操作');
    const rejected = await fresh(p.heat.id);
    const approveRejected = await reviewer.post(`/api/commission/approvals/${rejected.id}/approve`, { version: rejected.version });
    expect(approveRejected.status).toBe(409);
    expect(approveRejected.body.message).toContain('未立项');
    const submitted = await reviewer.post(`/api/commission/approvals/${p.submitted.id}/approve`, { version: p.submitted.version });
    expect(submitted.status).toBe(409);
    expect(submitted.body.message).toBe('当前状态为“待推荐单位审核”，不能执行“立项”操作');
    expect((await fresh(p.submitted.id)).state).toBe('submitted');
  });

  it('the version is stale (409 stale_version, nothing changes, no number taken)', async () => {
    const before = await projectNoCounter(t);
    const res = await reviewer.post(`/api/commission/approvals/${p.power.id}/approve`, { version: p.power.version + 5 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('stale_version');
    const rej = await reviewer.post(`/api/commission/approvals/${p.power.id}/reject`, { version: p.power.version - 1 || 99, reason: '材料不完整，不予立项' });
    expect(rej.status).toBe(409);
    expect(rej.body.code).toBe('stale_version');
    expect((await fresh(p.power.id)).state).toBe('under_review');
    expect(await projectNoCounter(t)).toBe(before);
  });

  it('the reject reason is missing or too short (400, the message names 不予立项的原因)', async () => {
    const missing = await reviewer.post(`/api/commission/approvals/${p.power.id}/reject`, { version: p.power.version });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual({ reason: '请填写不予立项的原因' });
    const blank = await reviewer.post(`/api/commission/approvals/${p.power.id}/reject`, { version: p.power.version, reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toBe('请填写不予立项的原因');
    const short = await reviewer.post(`/api/commission/approvals/${p.power.id}/reject`, { version: p.power.version, reason: '不行' });
    expect(short.status).toBe(400);
    expect(short.body.fields.reason).toContain('不予立项的原因至少4个字');
    expect((await fresh(p.power.id)).state).toBe('under_review');
  });

  it('the caller is not the commission (403 from the route guard, for every role and route)', async () => {
    for (const user of ['app_007', DONGLI_REC, 'demo_expert', 'demo_training']) {
      const agent = await as(t, user);
      const calls = [
        agent.get('/api/commission/approvals'),
        agent.get('/api/commission/approvals/export.xlsx'),
        agent.post(`/api/commission/approvals/${p.power.id}/approve`, { version: p.power.version }),
        agent.post(`/api/commission/approvals/${p.power.id}/reject`, { version: p.power.version, reason: '越权操作测试原因' }),
        agent.post('/api/commission/approvals/bulk-approve', { items: [{ id: p.power.id, version: p.power.version }] }),
      ];
      for (const res of await Promise.all(calls)) expect([res.status, user]).toEqual([403, user]);
    }
    expect((await fresh(p.power.id)).state).toBe('under_review');
    const anon = await t.anonymous().post(`/api/commission/approvals/${p.power.id}/approve`, { version: p.power.version });
    expect(anon.status).toBe(401);
  });

  it('the project is a draft or does not exist (404, existence does not leak, even with a bad body)', async () => {
    const draft = await insertProject(t, { applicant: 'app_007', state: 'draft', name: '信创服务器草稿项目' });
    for (const body of [{ version: draft.version }, { version: 'x' }]) {
      const res = await reviewer.post(`/api/commission/approvals/${draft.id}/approve`, body);
      expect(res.status).toBe(404);
    }
    const missing = await reviewer.post('/api/commission/approvals/4f1c2b7e-9d3a-4c5b-8e6f-1a2b3c4d5e6f/reject', { version: 1, reason: '不存在的项目测试' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('不存在或无权访问');
  });

  it('a bulk approve contains a refused project or a duplicate (nothing approved, each refusal named)', async () => {
    const ok = await underReview(t, 'app_010', '提高车联网路侧单元时钟同步精度');
    const before = await projectNoCounter(t);
    const approved = await fresh(p.solder.id);
    const res = await reviewer.post('/api/commission/approvals/bulk-approve', {
      items: [
        { id: ok.id, version: ok.version },
        { id: approved.id, version: approved.version },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_state');
    expect(res.body.message).toContain('批量立项未执行：1个项目不符合条件');
    expect(res.body.fields['items.1']).toContain(approved.name);
    expect((await fresh(ok.id)).state).toBe('under_review');
    expect(await projectNoCounter(t)).toBe(before);
    const dup = await reviewer.post('/api/commission/approvals/bulk-approve', { items: [{ id: ok.id, version: ok.version }, { id: ok.id, version: ok.version }] });
    expect(dup.status).toBe(400);
    expect(dup.body.fields.items).toBe('所选项目中有重复');
  });

  it('applications have not closed yet (409 window_not_open before 4月21日 00:00 Beijing time)', async () => {
    t.clock.set('2026-04-20T23:59:59.500+08:00');
    try {
      const before = await projectNoCounter(t);
      const res = await reviewer.post(`/api/commission/approvals/${p.power.id}/approve`, { version: p.power.version });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('window_not_open');
      expect(res.body.message).toBe('立项审核尚未开始：各推荐单位报送截止后方可立项，开始时间为2026年4月21日 00:00:00（北京时间）');
      const rej = await reviewer.post(`/api/commission/approvals/${p.power.id}/reject`, { version: p.power.version, reason: '目标不够量化，不予立项' });
      expect(rej.status).toBe(409);
      const list = await reviewer.get('/api/commission/approvals');
      expect(list.body.decisions).toMatchObject({ open: false, opensAt: '2026-04-20T16:00:00.000Z' });
      expect(await projectNoCounter(t)).toBe(before);
    } finally {
      t.clock.set(AFTER_DEADLINE);
    }
    const res = await reviewer.post(`/api/commission/approvals/${p.power.id}/approve`, { version: p.power.version });
    expect(res.status).toBe(200);
  });
});
