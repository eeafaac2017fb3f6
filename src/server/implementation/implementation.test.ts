/**
 * 项目实施 / 跟踪服务 request tests: plan (draft → submit → adjustment with reason, revisions kept),
 * reports (schedule, once per period, late), materials (versions, zip), visits with guidance,
 * answers, problems closed by the recommender, support requests, dashboards — and who is refused.
 * Clock: 2026-04-10 10:00 Beijing; the projects are approved "today".
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaigns, notifications, planRevisions } from '../db/schema';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { tinyPdf } from '../../../test/support/tiny-pdf';

const PDF = tinyPdf('implementation');

let t: TestApp;
let unit: Agent;
let otherUnit: Agent;
let recommender: Agent;
let otherRecommender: Agent;
let commission: Agent;
let project: { id: string; name: string };
let submittedProject: { id: string };

export const demoPlan = (over: Record<string, unknown> = {}) => ({
  goal: '关节模组装配一次合格率由92.0%提高到98.5%，返修率下降一半',
  startOn: '2026-04-15',
  endOn: '2026-12-31',
  stages: [
    { id: 's1', phase: 'plan', title: '现状调查与原因分析', description: '排列图找出主要缺陷，因果图分析末端因素' },
    { id: 's2', phase: 'do', title: '对策实施', description: '' },
    { id: 's3', phase: 'check', title: '效果检查', description: '' },
    { id: 's4', phase: 'act', title: '标准化与巩固', description: '' },
  ],
  milestones: [
    { id: 'm1', phase: 'plan', title: '完成原因分析', dueOn: '2026-05-31', owner: '王建国', doneOn: null },
    { id: 'm2', phase: 'do', title: '完成工装改进', dueOn: '2026-08-31', owner: '李敏', doneOn: null },
  ],
  indicators: [
    { id: 'i1', name: '装配一次合格率', unit: '%', baseline: 92, target: 98.5 },
    { id: 'i2', name: '返修率', unit: '%', baseline: 4.2, target: 2 },
  ],
  qualityTools: ['排列图', '因果图', '控制图', 'FMEA'],
  ...over,
});

const report = (period: string, value = 94.1) => ({
  period,
  done: '完成缺陷数据收集和排列图分析，确定三项主要缺陷',
  measurements: [{ indicatorId: 'i1', value, measuredOn: '2026-04-30' }],
  problems: '部分工位数据记录不完整',
  nextSteps: '开展因果分析并制定对策表',
});

/** Sessions expire when the clock moves by weeks: log in again. */
async function relogin() {
  unit = await t.login('demo_applicant');
  otherUnit = await t.login('app_029');
  recommender = await t.login('demo_recommender');
  otherRecommender = await t.login('rec_120101');
  commission = await t.login('demo_commission');
}

beforeAll(async () => {
  t = await createTestApp();
  await relogin();
  project = await insertProject(t, { applicant: 'demo_applicant', state: 'approved', name: '提高协作机器人关节模组装配一次合格率' });
  submittedProject = await insertProject(t, { applicant: 'demo_applicant', state: 'submitted', name: '降低协作机器人控制柜返修率' });
});
afterAll(() => t?.close());

describe('demo seed', () => {
  it('has approved demo projects with plans, reports (one late), a visit with guidance, and one project left without a plan', async () => {
    const all = await commission.get('/api/implementation/projects');
    const byName = new Map(all.body.items.map((r: any) => [r.name, r]));
    expect(byName.get('降低光伏组件隐裂不良率')).toMatchObject({ planStatus: 'submitted', adjustments: 1, reportsLate: 1, openItems: 1 });
    expect(byName.get('降低车用汽油硫含量批次波动')).toMatchObject({ planStatus: 'submitted', reportsLate: 0, openItems: 1 });
    expect(byName.get('降低电动自行车充电器过充保护失效率')).toMatchObject({ planStatus: 'none' });
    const pv = all.body.items.find((r: any) => r.name === '降低光伏组件隐裂不良率');
    const view = await commission.get(`/api/implementation/projects/${pv.id}`);
    expect(view.body.visits).toHaveLength(1);
    expect(view.body.chart[0].points.length).toBeGreaterThanOrEqual(1);
    expect(view.body.revisions.map((r: any) => r.kind)).toEqual(['initial', 'adjustment']);
  });
});

describe('实施方案', () => {
  it('refuses when the project is not approved, the actor is not the unit, or another unit asks (404)', async () => {
    expect((await unit.put(`/api/implementation/projects/${submittedProject.id}/plan`, { plan: demoPlan(), submit: true, version: 0 })).status).toBe(409);
    expect((await recommender.put(`/api/implementation/projects/${project.id}/plan`, { plan: demoPlan(), submit: true, version: 0 })).status).toBe(403);
    expect((await otherUnit.put(`/api/implementation/projects/${project.id}/plan`, { plan: demoPlan(), submit: true, version: 0 })).status).toBe(404);
    expect((await otherRecommender.get(`/api/implementation/projects/${project.id}`)).status).toBe(404);
  });

  it('refuses a plan whose end is before its start or whose target equals the baseline, naming the field', async () => {
    const res = await unit.put(`/api/implementation/projects/${project.id}/plan`, {
      plan: demoPlan({ endOn: '2026-04-01', indicators: [{ id: 'i1', name: '装配一次合格率', unit: '%', baseline: 92, target: 92 }] }),
      submit: false,
      version: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.fields['plan.endOn']).toContain('结束日期');
    expect(res.body.fields['plan.indicators.0.target']).toContain('目标值');
  });

  it('saves a draft, submits it, and refuses a change without a reason or on a stale version', async () => {
    const draft = await unit.put(`/api/implementation/projects/${project.id}/plan`, { plan: demoPlan(), submit: false, version: 0 });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.kind).toBe('draft');
    const sub = await unit.put(`/api/implementation/projects/${project.id}/plan`, { plan: demoPlan(), submit: true, version: draft.body.version });
    expect(sub.body).toMatchObject({ kind: 'initial', revisionNo: 1 });
    const noReason = await unit.put(`/api/implementation/projects/${project.id}/plan`, { plan: demoPlan({ goal: '装配一次合格率提高到99%' }), submit: true, version: sub.body.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.reason).toContain('调整原因');
    const stale = await unit.put(`/api/implementation/projects/${project.id}/plan`, { plan: demoPlan(), submit: true, reason: '供应商更换后调整目标值', version: 1 });
    expect(stale.status).toBe(409);
    const notes = await t.services.database.db.select().from(notifications).where(eq(notifications.title, `实施方案已提交：${project.name}`));
    expect(notes).toHaveLength(1);
  });
});

describe('进展报告', () => {
  it('reports a period once, refuses an unknown period or indicator, and counts a missing one as late', async () => {
    const r1 = await unit.post(`/api/implementation/projects/${project.id}/reports`, report('2026-04'));
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    const again = await unit.post(`/api/implementation/projects/${project.id}/reports`, report('2026-04'));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('2026年4月');
    expect((await unit.post(`/api/implementation/projects/${project.id}/reports`, report('2026-09'))).status).toBe(400);
    const badIndicator = await unit.post(`/api/implementation/projects/${project.id}/reports`, { ...report('2026-04'), measurements: [{ indicatorId: 'x9', value: 1, measuredOn: '2026-04-30' }] });
    expect(badIndicator.status).toBe(400);
    expect((await recommender.post(`/api/implementation/projects/${project.id}/reports`, report('2026-04'))).status).toBe(403);

    // 2026-05 is due on 2026-06-10; a day later it is late and shown so.
    t.clock.set('2026-06-11T09:00:00+08:00');
    await relogin();
    const view = await recommender.get(`/api/implementation/projects/${project.id}`);
    expect(view.status).toBe(200);
    const may = view.body.slots.find((s: any) => s.period === '2026-05');
    expect(may).toMatchObject({ dueOn: '2026-06-10', status: 'late' });
    expect(view.body.counts.reportsLate).toBe(1);
    const late = await unit.post(`/api/implementation/projects/${project.id}/reports`, report('2026-05', 96.2));
    expect(late.status).toBe(200);
    const after = await unit.get(`/api/implementation/projects/${project.id}`);
    expect(after.body.slots.find((s: any) => s.period === '2026-05').status).toBe('submitted_late');
    expect(after.body.chart[0].points.map((p: any) => p.value)).toEqual([94.1, 96.2]);
    expect(after.body.timeline.some((e: any) => e.title.includes('逾期报送'))).toBe(true);
  });

  it('a fixed report date of the campaign is one more report to send, late like the others', async () => {
    const db = t.services.database.db;
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.status, 'active'));
    await db.update(campaigns).set({ config: { ...(campaign.config as object), progressSchedule: { frequency: 'monthly', dayOfMonth: 10, remindDaysBefore: 3, remindDaysAfter: 1, fixedDates: ['2026-06-05'] } } }).where(eq(campaigns.id, campaign.id));
    try {
      const view = await unit.get(`/api/implementation/projects/${project.id}`);
      expect(view.body.slots.find((s: any) => s.period === 'fixed:2026-06-05')).toMatchObject({ label: '2026-06-05专项报告', status: 'late' });
      const res = await unit.post(`/api/implementation/projects/${project.id}/reports`, report('fixed:2026-06-05', 95.4));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const after = await unit.get(`/api/implementation/projects/${project.id}`);
      expect(after.body.slots.find((s: any) => s.period === 'fixed:2026-06-05').status).toBe('submitted_late');
    } finally {
      await db.update(campaigns).set({ config: campaign.config }).where(eq(campaigns.id, campaign.id));
    }
  });

  it('an adjustment is a new dated revision with its reason; earlier revisions stay; a measured indicator cannot go', async () => {
    const view = await unit.get(`/api/implementation/projects/${project.id}`);
    const removed = await unit.put(`/api/implementation/projects/${project.id}/plan`, { plan: demoPlan({ indicators: [{ id: 'i2', name: '返修率', unit: '%', baseline: 4.2, target: 2 }] }), submit: true, reason: '合并指标口径', version: view.body.plan.version });
    expect(removed.status).toBe(400);
    expect(removed.body.message).toContain('装配一次合格率');
    const adj = await unit.put(`/api/implementation/projects/${project.id}/plan`, {
      plan: demoPlan({ indicators: [{ id: 'i1', name: '装配一次合格率', unit: '%', baseline: 92, target: 99 }, { id: 'i2', name: '返修率', unit: '%', baseline: 4.2, target: 2 }] }),
      submit: true,
      reason: '对策见效快于预期，目标值提高到99%',
      version: view.body.plan.version,
    });
    expect(adj.status, JSON.stringify(adj.body)).toBe(200);
    expect(adj.body).toMatchObject({ kind: 'adjustment', revisionNo: 2 });
    const revs = await t.services.database.db.select().from(planRevisions).where(eq(planRevisions.planId, adj.body.id));
    expect(revs.map((r) => [r.revisionNo, r.kind])).toEqual([
      [1, 'initial'],
      [2, 'adjustment'],
    ]);
    expect((revs[0].content as any).indicators[0].target).toBe(98.5);
    const audit = await t.services.database.db.select().from(auditLog).where(eq(auditLog.entity, 'implementation_plan'));
    expect(audit.map((a) => a.action)).toEqual(['save_draft', 'submit_plan', 'adjust']);
  });
});

describe('过程性材料', () => {
  it('files materials by phase, supersedes without deleting, and zips them for the recommender', async () => {
    const up = await unit.upload('/api/files?purpose=evidence', '排列图分析.pdf', PDF, 'application/pdf');
    expect(up.status).toBe(200);
    const m1 = await unit.post(`/api/implementation/projects/${project.id}/materials`, { phase: 'plan', milestoneId: 'm1', title: '缺陷排列图', fileId: up.body.id });
    expect(m1.status, JSON.stringify(m1.body)).toBe(200);
    const up2 = await unit.upload('/api/files?purpose=evidence', '排列图分析-修订.pdf', Buffer.concat([PDF, Buffer.from('%rev2\n')]), 'application/pdf');
    const m2 = await unit.post(`/api/implementation/projects/${project.id}/materials`, { phase: 'plan', milestoneId: 'm1', title: '缺陷排列图', fileId: up2.body.id, supersedesId: m1.body.id });
    expect(m2.body.versionNo).toBe(2);
    const again = await unit.post(`/api/implementation/projects/${project.id}/materials`, { phase: 'plan', title: '缺陷排列图', fileId: up2.body.id, supersedesId: m1.body.id });
    expect(again.status).toBe(409);
    const recUp = await recommender.upload('/api/files?purpose=evidence', '走访照片.pdf', PDF, 'application/pdf');
    const foreign = await unit.post(`/api/implementation/projects/${project.id}/materials`, { phase: 'plan', title: '别人的文件', fileId: recUp.body.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields.fileId).toBeTruthy();

    const zip = await recommender.request('GET', `/api/implementation/projects/${project.id}/materials.zip`);
    expect(zip.status).toBe(200);
    const names = Object.keys((await JSZip.loadAsync(zip.raw as Buffer)).files);
    expect(names.some((n) => n.includes('v1（已替换）'))).toBe(true);
    expect(names.some((n) => n.includes('v2') && n.includes('排列图分析-修订.pdf'))).toBe(true);
    expect((await otherRecommender.request('GET', `/api/implementation/projects/${project.id}/materials.zip`)).status).toBe(404);
    expect((await recommender.request('GET', `/api/implementation/projects/${project.id}/files/${up2.body.id}`)).status).toBe(200);
    expect((await recommender.request('GET', `/api/implementation/projects/${project.id}/files/${up.body.id}`)).status).toBe(200);
  });
});

describe('跟踪服务', () => {
  it('visit with guidance → the unit answers → the recommender closes; refused out of order or by the wrong party', async () => {
    const visit = await recommender.post(`/api/tracking/projects/${project.id}/visits`, {
      kind: 'visit',
      visitedOn: '2026-06-05',
      participants: '滨海新区市场监管局质量科 张伟、刘洋',
      findings: '现场查看装配线，排列图分析规范，对策表尚未明确责任人',
      guidance: ['建议对策表逐项明确责任人和完成时间，并用控制图监控关键工序'],
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    expect((await otherRecommender.post(`/api/tracking/projects/${project.id}/visits`, { kind: 'visit', visitedOn: '2026-06-05', participants: '和平区市场监管局 王强', findings: '不应看到该项目的走访' })).status).toBe(404);
    expect((await unit.post(`/api/tracking/projects/${project.id}/visits`, { kind: 'visit', visitedOn: '2026-06-05', participants: '王建国', findings: '自己走访自己' })).status).toBe(403);
    expect((await recommender.post(`/api/tracking/projects/${project.id}/visits`, { kind: 'visit', visitedOn: '2026-07-01', participants: '张伟', findings: '未来日期的走访' })).status).toBe(400);

    const view = await unit.get(`/api/implementation/projects/${project.id}`);
    const guidance = view.body.items.find((i: any) => i.kind === 'guidance');
    expect(guidance).toMatchObject({ state: 'open', visitId: visit.body.id });
    expect((await recommender.post(`/api/tracking/items/${guidance.id}/close`, { version: guidance.version })).status).toBe(409);
    expect((await recommender.post(`/api/tracking/items/${guidance.id}/answer`, { answer: '推荐单位不能答复', version: guidance.version })).status).toBe(403);
    expect((await otherRecommender.post(`/api/tracking/items/${guidance.id}/answer`, { answer: '不应看到', version: guidance.version })).status).toBe(404);
    const ans = await unit.post(`/api/tracking/items/${guidance.id}/answer`, { answer: '已修订对策表，6月15日起对压装工序实施X-R控制图', version: guidance.version });
    expect(ans.body).toMatchObject({ state: 'answered', version: guidance.version + 1 });
    expect((await unit.post(`/api/tracking/items/${guidance.id}/answer`, { answer: '再答复一次', version: ans.body.version })).status).toBe(409);
    expect((await unit.post(`/api/tracking/items/${guidance.id}/close`, { version: ans.body.version })).status).toBe(403);
    const closed = await recommender.post(`/api/tracking/items/${guidance.id}/close`, { note: '整改到位', version: ans.body.version });
    expect(closed.body.state).toBe('closed');
  });

  it('support request: the unit asks with a category, the recommender records the arrangement', async () => {
    expect((await unit.post(`/api/tracking/projects/${project.id}/items`, { kind: 'support', content: '需要扭矩扳手的校准服务' })).status).toBe(400);
    expect((await unit.post(`/api/tracking/projects/${project.id}/items`, { kind: 'guidance', content: '单位不能提指导意见' })).status).toBe(403);
    const ask = await unit.post(`/api/tracking/projects/${project.id}/items`, { kind: 'support', category: 'metrology', content: '需要扭矩扳手的校准服务' });
    expect(ask.status).toBe(200);
    expect((await unit.post(`/api/tracking/items/${ask.body.id}/answer`, { answer: '自己安排', version: 1 })).status).toBe(403);
    const arranged = await recommender.post(`/api/tracking/items/${ask.body.id}/answer`, { answer: '已协调天津市计量院6月20日上门校准', version: 1 });
    expect(arranged.body.state).toBe('answered');
  });

  it('a problem the unit reports is answered by the recommender and closed; visit files reach the unit; a visit on a project not approved is refused', async () => {
    const problem = await unit.post(`/api/tracking/projects/${project.id}/items`, { kind: 'problem', content: '关节模组供应商交付延迟，影响对策实施进度' });
    expect(problem.status).toBe(200);
    expect((await unit.post(`/api/tracking/items/${problem.body.id}/answer`, { answer: '自己答复自己', version: 1 })).status).toBe(403);
    const answered = await recommender.post(`/api/tracking/items/${problem.body.id}/answer`, { answer: '已协调区内两家备选供应商对接', version: 1 });
    expect(answered.body.state).toBe('answered');
    expect((await recommender.post(`/api/tracking/items/${problem.body.id}/close`, { version: answered.body.version })).body.state).toBe('closed');

    const photo = await recommender.upload('/api/files?purpose=evidence', '现场照片.pdf', Buffer.concat([PDF, Buffer.from('%photo\n')]), 'application/pdf');
    const visit = await recommender.post(`/api/tracking/projects/${project.id}/visits`, { kind: 'inspection', visitedOn: '2026-06-10', participants: '滨海新区市场监管局 张伟', findings: '检查控制图运行记录，数据完整', fileIds: [photo.body.id] });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    expect((await unit.request('GET', `/api/implementation/projects/${project.id}/files/${photo.body.id}`)).status).toBe(200);
    expect((await otherUnit.request('GET', `/api/implementation/projects/${project.id}/files/${photo.body.id}`)).status).toBe(404);
    const notSeen = await recommender.upload('/api/files?purpose=evidence', '未登记.pdf', Buffer.concat([PDF, Buffer.from('%other\n')]), 'application/pdf');
    expect((await unit.request('GET', `/api/implementation/projects/${project.id}/files/${notSeen.body.id}`)).status).toBe(404);
    const notes = await t.services.database.db.select().from(notifications).where(eq(notifications.title, `检查记录：${project.name}`));
    expect(notes).toHaveLength(1);

    const submitted = await recommender.post(`/api/tracking/projects/${submittedProject.id}/visits`, { kind: 'visit', visitedOn: '2026-06-10', participants: '张伟', findings: '尚未立项的项目不能登记走访' });
    expect(submitted.status).toBe(409);
  });

  it('dashboards: the recommender sees its projects only, the commission all; export and overview', async () => {
    await insertProject(t, { applicant: 'app_029', state: 'approved', name: '提升光伏逆变器焊接质量稳定性' });
    const mine = await recommender.get('/api/implementation/projects');
    expect(mine.body.items.map((r: any) => r.id)).toContain(project.id);
    const recOrg = await orgOfUser(t, 'demo_recommender');
    expect(mine.body.items.every((r: any) => r.recommenderName === recOrg.name)).toBe(true);
    const other = await otherRecommender.get('/api/implementation/projects');
    expect(other.body.items.map((r: any) => r.id)).not.toContain(project.id);
    const all = await commission.get('/api/implementation/projects');
    expect(all.body.items.length).toBeGreaterThan(mine.body.items.length);
    const row = mine.body.items.find((r: any) => r.id === project.id);
    expect(row).toMatchObject({ planStatus: 'submitted', adjustments: 1, openItems: 1 }); // the arranged support request
    const xlsx = await recommender.request('GET', '/api/tracking/projects.xlsx');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as any);
    const sheet = wb.getWorksheet('跟踪服务')!;
    expect(sheet.getRow(2).getCell(3).value).toBe('项目名称');
    expect(sheet.rowCount).toBe(2 + mine.body.items.length);
    const names = Array.from({ length: mine.body.items.length }, (_, i) => sheet.getRow(3 + i).getCell(3).value);
    expect(names).toContain(project.name);
    expect(names).not.toContain('提升光伏逆变器焊接质量稳定性');
    expect((await recommender.get('/api/tracking/overview')).status).toBe(403);
    const overview = await commission.get('/api/tracking/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.byDistrict.reduce((s: number, g: any) => s + g.projects, 0)).toBe(all.body.items.length);
  });
});
