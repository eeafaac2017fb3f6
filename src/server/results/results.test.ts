import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { activeCampaign } from '../../../test/support/factories';
import { auditLog, campaigns, implementationPlans, notifications, projectResults, projects, resultBatches } from '../db/schema';
import { as } from '../recommendations/test-helpers';
import { tinyPdf } from '../../../test/support/tiny-pdf';
import { lapseOverdueResults } from './lapse-results';

/** Close to the deadline: sessions idle out after 30 minutes of (test) clock. */
const SEPT = '2026-09-30T23:40:00+08:00';
const LAST_SECOND = '2026-09-30T23:59:59+08:00';
const ONE_SECOND_LATE = '2026-10-01T00:00:00+08:00';

let t: TestApp;
let applicant: Agent;
let recommender: Agent;

async function upload(agent: Agent, name: string, purpose: string) {
  const res = await agent.upload(`/api/files?purpose=${purpose}`, name, tinyPdf(name), 'application/pdf');
  expect(res.status).toBe(200);
  return res.body.id as string;
}

let shared: { report: string; process: string; evidence: string } | undefined;
async function resultBody(version: number) {
  // Uploads are rate-limited: the unit's three files are uploaded once and reused.
  shared ??= { report: await upload(applicant, '成果报告全文.pdf', 'result'), process: await upload(applicant, 'DOE试验记录.pdf', 'attachment'), evidence: await upload(applicant, '合格率统计.pdf', 'evidence') };
  return {
    report: {
      summary: '针对协作机器人关节减速器传动误差随运行时间增大的问题，开展传动精度保持性攻关。',
      problem: '关节减速器运行2000小时后传动误差超过1弧分，导致重复定位精度下降。',
      measures: '建立齿面修形与装配预紧力协同优化模型，运用DOE确定关键参数，导入SPC监控装配过程。',
      effects: '传动误差稳定在0.6弧分以内，一次装配合格率由92.1%提升至98.7%。',
      innovation: '形成企业标准1项，可推广至同类精密减速器生产企业。',
    },
    reportFileId: shared.report,
    processFileIds: [shared.process],
    team: [
      { name: '韩立新', role: '项目负责人', employer: '天津海河协作机器人科技有限公司' },
      { name: '邵红梅', role: '工艺攻关', employer: '天津海河协作机器人科技有限公司' },
    ],
    benefits: [
      { kind: 'quality_indicator', indicatorName: '一次装配合格率', description: '一次装配合格率提升', before: '92.1%', after: '98.7%', evidenceFileId: shared.evidence },
      { kind: 'economic', description: '减少返修与报废损失', amount: 326.5, unit: '万元' },
    ],
    version,
  };
}

async function approvedProject(name: string) {
  return insertProject(t, { applicant: 'demo_applicant', state: 'approved', name });
}

async function submitted(name: string) {
  const p = await approvedProject(name);
  const res = await applicant.post(`/api/applicant/results/${p.id}/submit`, await resultBody(p.version));
  expect(res.status).toBe(200);
  return res.body as { projectId: string; version: number };
}

async function accepted(name: string) {
  const s = await submitted(name);
  const res = await recommender.post(`/api/recommender/results/${s.projectId}/accept`, { version: s.version });
  expect(res.status).toBe(200);
  return res.body as { projectId: string; version: number };
}

async function forwardBody() {
  return { stampedPdfFileId: await upload(recommender, '成果报送函（盖章）.pdf', 'stamped_summary'), contactName: '周建华', contactPhone: '022-66881234' };
}

async function stateOf(id: string) {
  const [p] = await t.services.database.db.select().from(projects).where(eq(projects.id, id));
  return p.state;
}

beforeAll(async () => {
  t = await createTestApp({ now: SEPT });
  applicant = await as(t, 'demo_applicant');
  recommender = await as(t, 'demo_recommender');
});
afterAll(() => t.close());

describe('提交成果: the unit submits', () => {
  it('submits a complete result: report, benefits with evidence, process files, team', async () => {
    const p = await approvedProject('协作机器人关节减速器传动精度保持性攻关');
    const res = await applicant.post(`/api/applicant/results/${p.id}/submit`, await resultBody(p.version));
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('results_submitted');
    expect(res.body.benefits[0]).toMatchObject({ kind: 'quality_indicator', indicatorName: '一次装配合格率', before: '92.1%', after: '98.7%' });
    expect(res.body.benefits[1].amount).toBe(326.5);
    expect(res.body.team).toHaveLength(2);
    expect(res.body.processFiles[0].name).toBe('DOE试验记录.pdf');
    const mine = await applicant.get('/api/applicant/results');
    expect(mine.body.items.find((i: { projectId: string }) => i.projectId === p.id).state).toBe('results_submitted');
  });

  it('refuses a missing section and an empty team by field, in Chinese', async () => {
    const p = await approvedProject('焊接机器人焊缝成形一致性攻关');
    const body = await resultBody(p.version);
    const res = await applicant.post(`/api/applicant/results/${p.id}/submit`, { ...body, report: { ...body.report, measures: '' }, team: [] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('请填写主要措施与技术路线');
    expect(JSON.stringify(res.body)).toContain('请至少填写1名参与人员');
  });

  it('refuses overlong text, a negative or non-numeric amount by name and saves nothing (never cut or clamped)', async () => {
    const p = await approvedProject('协作机器人关节润滑脂寿命一致性攻关');
    const body = await resultBody(p.version);
    const long = await applicant.post(`/api/applicant/results/${p.id}/submit`, {
      ...body,
      report: { ...body.report, summary: '成'.repeat(2001) },
      benefits: [{ ...body.benefits[0], indicatorName: '标'.repeat(101) }, { ...body.benefits[1], amount: -5 }],
    });
    expect(long.status).toBe(400);
    const text = JSON.stringify(long.body);
    for (const m of ['成果概述不能超过2000个字', '对应实施方案指标不能超过100个字', '金额或数量不能为负数']) expect(text).toContain(m);
    const nan = await applicant.post(`/api/applicant/results/${p.id}/submit`, { ...body, benefits: [body.benefits[0], { ...body.benefits[1], amount: 'abc' }] });
    expect(nan.status).toBe(400);
    const comment = await recommender.post(`/api/recommender/results/${p.id}/return`, { reason: '请补充', fieldComments: { effects: '意'.repeat(501) }, version: p.version });
    expect(comment.status).toBe(400);
    expect(JSON.stringify(comment.body)).toContain('逐项意见不能超过500个字');
    expect(await stateOf(p.id)).toBe('approved');
    const [r] = await t.services.database.db.select().from(projectResults).where(eq(projectResults.projectId, p.id));
    expect(r).toBeUndefined();
  });

  it('refuses a file another organisation uploaded', async () => {
    const p = await approvedProject('伺服电机编码器抗干扰可靠性攻关');
    const other = await as(t, 'app_002');
    const foreign = await upload(other, '他人文件.pdf', 'result');
    const res = await applicant.post(`/api/applicant/results/${p.id}/submit`, { ...(await resultBody(p.version)), reportFileId: foreign });
    expect(res.status).toBe(400);
    expect(res.body.fields.reportFileId).toContain('不是本单位上传的文件');
  });

  it('refuses when the project is not approved (409), is another unit’s (404), or the version is stale (409)', async () => {
    const p = await insertProject(t, { applicant: 'demo_applicant', state: 'under_review' });
    expect((await applicant.post(`/api/applicant/results/${p.id}/submit`, await resultBody(p.version))).status).toBe(409);
    const q = await approvedProject('工业机器人示教器人机交互可靠性攻关');
    expect((await (await as(t, 'app_002')).post(`/api/applicant/results/${q.id}/submit`, await resultBody(q.version))).status).toBe(404);
    const stale = await applicant.post(`/api/applicant/results/${q.id}/submit`, await resultBody(q.version - 1));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
  });
});

describe('效益数据 linked to the implementation plan’s indicators by identity', () => {
  async function withPlan(name: string) {
    const p = await approvedProject(name);
    const now = t.clock.now();
    const content = {
      goal: '一次装配合格率提升至98.5%以上',
      startOn: '2026-05-01',
      endOn: '2026-09-15',
      stages: [{ id: 's1', phase: 'plan', title: '现状调查', description: '' }],
      milestones: [],
      indicators: [
        { id: 'i1', name: '一次装配合格率', unit: '%', baseline: 92.1, target: 98.5 },
        { id: 'i2', name: '传动误差', unit: '弧分', baseline: 1.2, target: 0.6 },
      ],
      qualityTools: ['DOE'],
    };
    await t.services.database.db.insert(implementationPlans).values({ projectId: p.id, content, revisionNo: 1, firstSubmittedAt: now, createdAt: now, updatedAt: now });
    return p;
  }

  it('refuses an indicator that is not in the project’s current plan, naming the benefit row and the field', async () => {
    const p = await withPlan('协作机器人关节装配一致性攻关');
    const body = await resultBody(p.version);
    const byId = await applicant.post(`/api/applicant/results/${p.id}/submit`, { ...body, benefits: [{ ...body.benefits[0], indicatorId: 'i9' }, body.benefits[1]] });
    expect(byId.status).toBe(400);
    expect(byId.body.fields['benefits.0.indicatorId']).toBe('效益数据第1项：所选对应实施方案指标不在本项目当前实施方案中，请重新选择');
    const byName = await applicant.post(`/api/applicant/results/${p.id}/submit`, { ...body, benefits: [body.benefits[1], { ...body.benefits[0], indicatorName: '装配合格率' }] });
    expect(byName.status).toBe(400);
    expect(byName.body.fields['benefits.1.indicatorName']).toContain('效益数据第2项：对应实施方案指标“装配合格率”不在本项目当前实施方案中');
    expect(await stateOf(p.id)).toBe('approved');
  });

  it('links by id (or an exact name from older clients) and shows the planned target beside before/after', async () => {
    const p = await withPlan('协作机器人关节传动误差控制攻关');
    const body = await resultBody(p.version);
    const res = await applicant.post(`/api/applicant/results/${p.id}/submit`, {
      ...body,
      benefits: [{ ...body.benefits[0], indicatorName: null, indicatorId: 'i2', before: '1.2弧分', after: '0.58弧分' }, { ...body.benefits[0] }, body.benefits[1]],
    });
    expect(res.status).toBe(200);
    expect(res.body.benefits[0]).toMatchObject({ indicatorId: 'i2', indicatorName: '传动误差', planned: { baseline: 1.2, target: 0.6, unit: '弧分' } });
    expect(res.body.benefits[1]).toMatchObject({ indicatorId: 'i1', indicatorName: '一次装配合格率', planned: { target: 98.5 } });
    expect(res.body.benefits[2].planned).toBeNull();
    expect(res.body.planIndicators.map((x: { id: string }) => x.id)).toEqual(['i1', 'i2']);
  });
});

describe('成果审核: the recommender returns with per-field comments, accepts', () => {
  it('returns once with comments the unit sees, then accepts the resubmission', async () => {
    const s = await submitted('协作机器人力控打磨表面粗糙度一致性攻关');
    const badField = await recommender.post(`/api/recommender/results/${s.projectId}/return`, { reason: '请补充材料', fieldComments: { 'unit.name': '单位名称' }, version: s.version });
    expect(badField.status).toBe(400);
    const ret = await recommender.post(`/api/recommender/results/${s.projectId}/return`, { reason: '效益数据缺少佐证', fieldComments: { benefits: '经济效益请附财务部门出具的测算说明', effects: '请量化成效' }, version: s.version });
    expect(ret.status).toBe(200);
    expect(ret.body.state).toBe('results_returned');
    const seen = await applicant.get(`/api/applicant/results/${s.projectId}`);
    expect(seen.body.fieldComments).toEqual({ benefits: '经济效益请附财务部门出具的测算说明', effects: '请量化成效' });
    expect(seen.body.lastReason).toBe('效益数据缺少佐证');
    const again = await applicant.post(`/api/applicant/results/${s.projectId}/submit`, await resultBody(seen.body.version));
    expect(again.status).toBe(200);
    expect(again.body.returnCount).toBe(1);
    const ok = await recommender.post(`/api/recommender/results/${s.projectId}/accept`, { version: again.body.version });
    expect(ok.status).toBe(200);
    expect(ok.body.reviewState).toBe('accepted');
    expect((await recommender.post(`/api/recommender/results/${s.projectId}/accept`, { version: ok.body.version })).status).toBe(409);
  });

  it('refuses the applicant (403) and another recommender (404)', async () => {
    const s = await submitted('协作机器人关节模组温升控制攻关');
    expect((await applicant.post(`/api/recommender/results/${s.projectId}/accept`, { version: s.version })).status).toBe(403);
    const other = await as(t, 'rec_120101');
    expect((await other.post(`/api/recommender/results/${s.projectId}/accept`, { version: s.version })).status).toBe(404);
    expect((await other.get(`/api/recommender/results/${s.projectId}`)).status).toBe(404);
  });

  it('exports the 成果报告 as Word and PDF', async () => {
    const s = await submitted('协作机器人末端执行器夹持稳定性攻关');
    const docx = await recommender.get(`/api/recommender/results/${s.projectId}/report/docx`);
    expect(docx.status).toBe(200);
    expect(String(docx.headers['content-type'])).toContain('wordprocessingml');
    const pdf = await applicant.get(`/api/applicant/results/${s.projectId}/report/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('报送: one batch by the hard deadline (逾期不再接收)', () => {
  it('refuses without accepted results, and a stamped letter of another organisation (404)', async () => {
    const other = await as(t, 'rec_120101');
    const res = await other.post('/api/recommender/results/forward', { stampedPdfFileId: await upload(other, '函.pdf', 'stamped_summary'), contactName: '王芳', contactPhone: '022-23456789' });
    expect(res.status).toBe(400);
    expect(res.body.fields.projects).toContain('没有审核通过的成果');
    const foreign = await recommender.post('/api/recommender/results/forward', { stampedPdfFileId: await upload(other, '函2.pdf', 'stamped_summary'), contactName: '王芳', contactPhone: '022-23456789' });
    expect(foreign.status).toBe(404);
  });

  it('one second late is refused entirely; at the last second the batch lands entirely', async () => {
    const a = await accepted('协作机器人谐波减速器柔轮疲劳寿命攻关');
    const b = await accepted('协作机器人视觉引导定位精度攻关');
    const db = t.services.database.db;
    const batchesBefore = (await db.select().from(resultBatches)).length;
    t.clock.set(ONE_SECOND_LATE);
    const late = await recommender.post('/api/recommender/results/forward', await forwardBody());
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('deadline_passed');
    expect(late.body.message).toContain('逾期不再接收');
    expect(await stateOf(a.projectId)).toBe('results_submitted');
    expect(await stateOf(b.projectId)).toBe('results_submitted');
    expect((await db.select().from(resultBatches)).length).toBe(batchesBefore);

    t.clock.set(LAST_SECOND);
    const res = await recommender.post('/api/recommender/results/forward', await forwardBody());
    expect(res.status).toBe(200);
    expect(res.body.projectCount).toBeGreaterThanOrEqual(2);
    expect(res.body.summaryDocx.name).toContain('成果报送-');
    expect(res.body.summaryXlsx.name).toMatch(/\.xlsx$/);
    expect(await stateOf(a.projectId)).toBe('results_received');
    expect(await stateOf(b.projectId)).toBe('results_received');
    const [r] = await db.select().from(projectResults).where(eq(projectResults.projectId, a.projectId));
    expect(r.resultBatchId).toBe(res.body.id);
    const listed = await recommender.get('/api/recommender/results');
    expect(listed.body.batches.map((x: { id: string }) => x.id)).toContain(res.body.id);
    t.clock.set(SEPT);
  });

  it('a forward racing the deadline is judged once: it lands whole although the clock passes the deadline mid-way', async () => {
    const ids = [await accepted('协作机器人安全皮肤碰撞检测可靠性攻关'), await accepted('协作机器人控制柜散热可靠性攻关'), await accepted('协作机器人线缆耐弯折寿命攻关')].map((x) => x.projectId);
    const body = await forwardBody();
    // The deadline passes while the forward runs: the clock jumps past it when the 汇总表 is stored.
    const clock = t.clock;
    const files = t.services.files;
    const put = files.put.bind(files);
    clock.set('2026-09-30T23:59:59.900+08:00');
    files.put = async (...args: Parameters<typeof put>) => {
      clock.set(ONE_SECOND_LATE);
      return put(...args);
    };
    try {
      const res = await recommender.post('/api/recommender/results/forward', body);
      expect(res.status).toBe(200);
      expect(res.body.projectCount).toBe(3);
      expect(res.body.sentAt).toBe('2026-09-30T15:59:59.900Z');
    } finally {
      files.put = put;
    }
    expect(clock.now().toISOString()).toBe('2026-09-30T16:00:00.000Z');
    for (const id of ids) expect(await stateOf(id)).toBe('results_received');
    const db = t.services.database.db;
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'project'), eq(auditLog.action, 'forward_results')));
    expect(ids.every((id) => audits.some((x) => x.entityId === id))).toBe(true);
    clock.set(SEPT);
  });

  it('a keyed retry of a forward replays the same batch instead of forwarding twice', async () => {
    await accepted('协作机器人关节编码器零位漂移攻关');
    const body = await forwardBody();
    const key = { 'idempotency-key': 'forward-2026-09-30-binhai-001' };
    const first = await recommender.post('/api/recommender/results/forward', body, key);
    expect(first.status).toBe(200);
    const again = await recommender.post('/api/recommender/results/forward', body, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const rows = await t.services.database.db.select().from(resultBatches).where(eq(resultBatches.id, first.body.id));
    expect(rows).toHaveLength(1);
  });

  it('refuses to return or accept a result that is not awaiting the check (409)', async () => {
    const p = await approvedProject('协作机器人末端力传感器标定一致性攻关');
    const ret = await recommender.post(`/api/recommender/results/${p.id}/return`, { reason: '尚未提交', fieldComments: {}, version: p.version });
    expect(ret.status).toBe(409);
    expect(ret.body.message).toContain('不能执行“退回成果”操作');
    expect((await recommender.post(`/api/recommender/results/${p.id}/accept`, { version: p.version })).status).toBe(409);
  });

  it('after the deadline only a commission reopening (with a reason, audited) lets the forward in', async () => {
    const a = await accepted('协作机器人零点标定一致性攻关');
    const stamped = await forwardBody();
    t.clock.set('2026-10-03T09:00:00+08:00');
    const recommender = await t.login('demo_recommender');
    expect((await recommender.post('/api/recommender/results/forward', stamped)).status).toBe(409);
    const commission = await t.login('demo_commission');
    const campaign = await activeCampaign(t.services.database.db);
    const rec = await orgOfUser(t, 'demo_recommender');
    const reopened = await commission.post(`/api/campaigns/${campaign.id}/reopenings`, { window: 'results', organisationId: rec.id, closesAt: '2026-10-08T23:59:59+08:00', reason: '因系统维护影响报送，经批准补报' });
    expect(reopened.status).toBe(200);
    const res = await recommender.post('/api/recommender/results/forward', stamped);
    expect(res.status).toBe(200);
    expect(await stateOf(a.projectId)).toBe('results_received');
    const [audit] = await t.services.database.db.select().from(auditLog).where(eq(auditLog.entityId, reopened.body.id));
    expect(audit).toBeTruthy();
    t.clock.set(SEPT);
  });
});

describe('成果批次: the commission receives (签收) or returns (整批退回) a forwarded batch', () => {
  let commission: Agent;
  beforeAll(async () => {
    commission = await as(t, 'demo_commission');
  });

  async function forwarded(names: string[]) {
    const ids = [];
    for (const n of names) ids.push((await accepted(n)).projectId);
    const res = await recommender.post('/api/recommender/results/forward', await forwardBody());
    expect(res.status).toBe(200);
    return { batch: res.body as { id: string; version: number }, ids };
  }
  async function batchOf(id: string) {
    const res = await commission.get(`/api/commission/result-batches/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  it('lists the batches of all recommenders with filters; the detail carries the projects and the three files; 签收 once, audited, the recommender told', async () => {
    const { batch, ids } = await forwarded(['协作机器人关节油封泄漏控制攻关']);
    const rec = await orgOfUser(t, 'demo_recommender');
    const list = await commission.get(`/api/commission/result-batches?recommenderOrgId=${rec.id}&state=sent&pageSize=20`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: { id: string }) => b.id)).toContain(batch.id);
    expect(list.body.items.every((b: { recommenderName: string; state: string }) => b.recommenderName === rec.name && b.state === 'sent')).toBe(true);
    const other = await commission.get(`/api/commission/result-batches?q=${encodeURIComponent('和平区')}`);
    expect(other.body.items.map((b: { id: string }) => b.id)).not.toContain(batch.id);
    const d = await batchOf(batch.id);
    expect(d.projects.map((p: { projectId: string }) => p.projectId).sort()).toEqual([...ids].sort());
    expect(d.summaryXlsx.name).toMatch(/^成果报送-.*\.xlsx$/);
    expect(d.stampedPdf.name).toBe('成果报送函（盖章）.pdf');
    expect((await commission.get(`/api/files/${d.summaryDocx.fileId}`)).status).toBe(200);
    // The 成果汇总表 has the results columns, not the application's 附件6 ones.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await commission.get(`/api/files/${d.summaryXlsx.fileId}`)).raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toBe('2026年天津市质量攻关项目成果汇总表');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '立项编号', '项目名称', '承担单位', '所在区', '主要成效', '经济效益（万元）', '质量指标改善', '参与人员数', '联系人/电话']);
    const row = (ws.getRow(4).values as unknown[]).slice(1).map(String);
    expect(row[2]).toBe('协作机器人关节油封泄漏控制攻关');
    expect(row[5]).toBe('传动误差稳定在0.6弧分以内，一次装配合格率由92.1%提升至98.7%。');
    expect(row[6]).toBe('326.5');
    expect(row[7]).toBe('一次装配合格率：92.1%→98.7%');
    expect(row[8]).toBe('2');

    const ok = await commission.post(`/api/commission/result-batches/${batch.id}/receive`, { version: d.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'received', stateLabel: '已接收' });
    expect(ok.body.receivedAt).toBeTruthy();
    const twice = await commission.post(`/api/commission/result-batches/${batch.id}/receive`, { version: ok.body.version });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('已签收');
    const db = t.services.database.db;
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'result_batch'), eq(auditLog.entityId, batch.id), eq(auditLog.action, 'receive')));
    expect(audits).toHaveLength(1);
    const told = await db.select().from(notifications).where(and(eq(notifications.organisationId, rec.id), eq(notifications.title, '成果批次已被市市场监管委签收')));
    expect(told.length).toBeGreaterThanOrEqual(1);
    const mine = await recommender.get('/api/recommender/results');
    expect(mine.body.batches.find((b: { id: string }) => b.id === batch.id).stateLabel).toBe('已接收');
  });

  it('refuses when the actor is not the commission (applicant 403, recommender 403 on receive), the version is stale, or the batch does not exist (404)', async () => {
    const { batch } = await forwarded(['协作机器人关节轴承游隙一致性攻关']);
    expect((await applicant.post(`/api/commission/result-batches/${batch.id}/receive`, { version: 1 })).status).toBe(403);
    expect((await recommender.post(`/api/commission/result-batches/${batch.id}/receive`, { version: 1 })).status).toBe(403);
    expect((await recommender.post(`/api/commission/result-batches/${batch.id}/return`, { version: 1, reason: '材料不全请补正' })).status).toBe(403);
    expect((await recommender.get(`/api/commission/result-batches/${batch.id}`)).status).toBe(403);
    const stale = await commission.post(`/api/commission/result-batches/${batch.id}/receive`, { version: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await commission.post('/api/commission/result-batches/00000000-0000-4000-8000-000000000000/receive', { version: 1 })).status).toBe(404);
    const d = await batchOf(batch.id);
    expect(d.state).toBe('sent');
  });

  it('整批退回 refuses a reason under 4 characters (naming the field) and a second return; the projects go back to the check and can be forwarded again', async () => {
    const { batch, ids } = await forwarded(['协作机器人关节扭矩传感器温漂攻关', '协作机器人关节制动器响应时间攻关']);
    const d = await batchOf(batch.id);
    const short = await commission.post(`/api/commission/result-batches/${batch.id}/return`, { version: d.version, reason: '不全' });
    expect(short.status).toBe(400);
    expect(short.body.fields.reason).toBe('退回原因至少4个字，请写明具体情况');
    expect(await stateOf(ids[0])).toBe('results_received');

    const reason = '经济效益测算缺少财务部门盖章说明，请核实后重新报送';
    const ret = await commission.post(`/api/commission/result-batches/${batch.id}/return`, { version: d.version, reason });
    expect(ret.status).toBe(200);
    expect(ret.body).toMatchObject({ state: 'returned', returnReason: reason });
    const again = await commission.post(`/api/commission/result-batches/${batch.id}/return`, { version: ret.body.version, reason });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已退回');
    expect((await commission.post(`/api/commission/result-batches/${batch.id}/receive`, { version: ret.body.version })).status).toBe(409);
    const db = t.services.database.db;
    for (const id of ids) {
      expect(await stateOf(id)).toBe('results_submitted');
      const [r] = await db.select().from(projectResults).where(eq(projectResults.projectId, id));
      expect(r).toMatchObject({ reviewState: 'pending', resultBatchId: null });
    }
    // The returned batch still shows what went with it.
    expect((await batchOf(batch.id)).projects.map((p: { projectId: string }) => p.projectId).sort()).toEqual([...ids].sort());
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'project'), eq(auditLog.action, 'return_result_batch'), inArray(auditLog.entityId, ids)));
    expect(audits).toHaveLength(2);

    // The recommender checks again and forwards anew: a new batch.
    for (const id of ids) {
      const v = (await recommender.get(`/api/recommender/results/${id}`)).body.version;
      expect((await recommender.post(`/api/recommender/results/${id}/accept`, { version: v })).status).toBe(200);
    }
    const fwd = await recommender.post('/api/recommender/results/forward', await forwardBody());
    expect(fwd.status).toBe(200);
    expect(fwd.body.id).not.toBe(batch.id);
    for (const id of ids) expect(await stateOf(id)).toBe('results_received');
  });

  it('refuses the return once a project of the batch is in evaluation', async () => {
    const { batch, ids } = await forwarded(['协作机器人关节电机齿槽转矩抑制攻关', '协作机器人关节防护等级提升攻关']);
    const db = t.services.database.db;
    await db.update(projects).set({ state: 'in_evaluation' }).where(eq(projects.id, ids[1]));
    const d = await batchOf(batch.id);
    const res = await commission.post(`/api/commission/result-batches/${batch.id}/return`, { version: d.version, reason: '材料需要补充完善' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('已进入成果评定（评定中），不能整批退回');
    expect(await stateOf(ids[0])).toBe('results_received');
    expect((await batchOf(batch.id)).state).toBe('sent');
  });

  it('after the deadline (and the reopening) the return is refused until the commission reopens; a forward again respects the deadline', async () => {
    const { batch, ids } = await forwarded(['协作机器人关节装配预紧力一致性攻关']);
    const { batch: kept } = await forwarded(['协作机器人关节密封寿命攻关']);
    const d = await batchOf(batch.id);
    const ret = await commission.post(`/api/commission/result-batches/${batch.id}/return`, { version: d.version, reason: '成果报告缺少第三方检测报告' });
    expect(ret.status).toBe(200);
    const v = (await recommender.get(`/api/recommender/results/${ids[0]}`)).body.version;
    expect((await recommender.post(`/api/recommender/results/${ids[0]}/accept`, { version: v })).status).toBe(200);
    const body = await forwardBody();
    // Past the deadline and the 补报 reopening of the test above (closes 10-08): fresh sessions.
    t.clock.set('2026-10-09T08:00:00+08:00');
    try {
      const rec = await t.login('demo_recommender');
      const com = await t.login('demo_commission');
      const late = await rec.post('/api/recommender/results/forward', body);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('deadline_passed');
      expect(await stateOf(ids[0])).toBe('results_submitted');
      const k = (await com.get(`/api/commission/result-batches/${kept.id}`)).body;
      const closed = await com.post(`/api/commission/result-batches/${kept.id}/return`, { version: k.version, reason: '材料需要补充完善' });
      expect(closed.status).toBe(409);
      expect(closed.body.message).toContain('请先为该推荐单位开放成果补报');
      expect((await com.get(`/api/commission/result-batches/${kept.id}`)).body.state).toBe('sent');
    } finally {
      t.clock.set(SEPT);
    }
  });
});

describe('逾期未报送: the scheduled lapse with a moved clock', () => {
  it('does nothing before the deadline; after it, lapses every project never forwarded, visible to both sides', async () => {
    const approved = await approvedProject('协作机器人关节刹车可靠性攻关');
    const pendingReview = await submitted('协作机器人示教拖动手感一致性攻关');
    const lateBody = await resultBody(approved.version);
    t.clock.set(LAST_SECOND);
    expect((await lapseOverdueResults(t.services)).lapsed).toBe(0);
    // The demo reopening is for 滨海新区 only in a demo installed late; here none is live except the test's above (closes 10-08).
    t.clock.set('2026-10-09T00:00:00+08:00');
    const first = await lapseOverdueResults(t.services);
    expect(first.lapsed).toBeGreaterThanOrEqual(2);
    expect(await stateOf(approved.id)).toBe('lapsed');
    expect(await stateOf(pendingReview.projectId)).toBe('lapsed');
    expect((await lapseOverdueResults(t.services)).lapsed).toBe(0);
    // Back within the sessions' idle time to look: the lapse stays.
    t.clock.set(SEPT);
    const mine = await applicant.get('/api/applicant/results');
    expect(mine.body.items.find((i: { projectId: string }) => i.projectId === approved.id).state).toBe('lapsed');
    const theirs = await recommender.get('/api/recommender/results');
    expect(theirs.body.items.find((i: { projectId: string }) => i.projectId === pendingReview.projectId).state).toBe('lapsed');
    const [now] = await t.services.database.db.select().from(projects).where(eq(projects.id, approved.id));
    const late = await applicant.post(`/api/applicant/results/${approved.id}/submit`, { ...lateBody, version: now.version });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('逾期未报送');
  });

  it('lapses the 2026 projects also once 2027 is running (several years at once)', async () => {
    t.clock.set(SEPT);
    const approved = await approvedProject('协作机器人减速器背隙一致性攻关');
    const db = t.services.database.db;
    // The demo holds a 2027 draft; the commission opens it for applications.
    await db.update(campaigns).set({ status: 'active' }).where(eq(campaigns.year, 2027));
    try {
      // 2027 is running but its applications have not opened: the results pages still show 2026.
      const mine = await recommender.get('/api/recommender/results');
      expect(mine.body.items.map((i: { projectId: string }) => i.projectId)).toContain(approved.id);
      t.clock.set('2026-10-09T00:00:00+08:00');
      expect((await lapseOverdueResults(t.services)).lapsed).toBeGreaterThanOrEqual(1);
      expect(await stateOf(approved.id)).toBe('lapsed');
    } finally {
      await db.update(campaigns).set({ status: 'draft' }).where(eq(campaigns.year, 2027));
      t.clock.set(SEPT);
    }
  });
});
