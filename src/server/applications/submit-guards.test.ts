import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgOfUser } from '../../../test/support/factories';
import { TEST_NOW } from '../../../test/support/template';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { activeCampaign } from '../../../test/support/factories';
import { auditLog, historicalResults } from '../db/schema';
import { docxVisibleText, pdfText, squash, zipEntryText } from '../documents/test-utils';
import { draftWith, readyForm } from './test-helpers';

let t: TestApp;
let applicant: Agent;
beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.login('demo_applicant');
});
afterAll(async () => t.close());

describe('who may see what', () => {
  let draftId: string;
  let submittedId: string;
  beforeAll(async () => {
    const d = await draftWith(applicant, await readyForm(t, applicant, 'demo_applicant', { name: '降低协作机器人谐波减速器回差超差率' }));
    draftId = d.id;
    const s = await draftWith(applicant, await readyForm(t, applicant, 'demo_applicant', { name: '提高协作机器人关节制动器响应一致性' }));
    const sub = await applicant.post(`/api/applications/${s.id}/submit`, { version: s.version });
    expect(sub.status).toBe(200);
    submittedId = s.id;
  });

  it('answers 404 to another applicant on GET, PUT, check, submit and export', async () => {
    const other = await t.login('app_002');
    const form = await readyForm(t, other, 'app_002');
    for (const id of [draftId, submittedId]) {
      expect((await other.get(`/api/applications/${id}`)).status).toBe(404);
      const put = await other.put(`/api/applications/${id}/draft`, { version: 1, form });
      expect(put.status).toBe(404);
      expect(put.body.message).toBe('申报书不存在或无权访问');
      expect((await other.post(`/api/applications/${id}/check`)).status).toBe(404);
      expect((await other.post(`/api/applications/${id}/submit`, { version: 2 })).status).toBe(404);
      expect((await other.get(`/api/applications/${id}/export.docx`)).status).toBe(404);
      expect((await other.get(`/api/applications/${id}/versions/1`)).status).toBe(404);
    }
  });

  it('hides a draft from the recommender (404) and shows it the submitted one', async () => {
    const rec = await t.login('demo_recommender');
    expect((await rec.get(`/api/applications/${draftId}`)).status).toBe(404);
    expect((await rec.get(`/api/applications/${draftId}/export.pdf`)).status).toBe(404);
    const seen = await rec.get(`/api/applications/${submittedId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.state).toBe('submitted');
    expect(seen.body.actions.map((a: any) => a.action)).toEqual(expect.arrayContaining(['return', 'recommend', 'decline', 'export']));
    expect(seen.body.actions.map((a: any) => a.action)).not.toContain('withdraw');
    const list = await rec.get('/api/applications?pageSize=200');
    expect(list.body.items.map((i: any) => i.id)).toContain(submittedId);
    expect(list.body.items.map((i: any) => i.id)).not.toContain(draftId);
    // the recommender cannot edit or submit the applicant's application
    expect((await rec.put(`/api/applications/${submittedId}/draft`, { version: seen.body.version, form: seen.body.form })).status).toBe(403);
  });

  it('answers 404 to a recommender the application was not sent to', async () => {
    const otherRec = await t.login('rec_120101');
    expect((await otherRec.get(`/api/applications/${submittedId}`)).status).toBe(404);
  });

  it('lets the commission read submitted applications but not drafts', async () => {
    const c = await t.login('commission_reviewer');
    expect((await c.get(`/api/applications/${submittedId}`)).status).toBe(200);
    expect((await c.get(`/api/applications/${draftId}`)).status).toBe(404);
  });

  it('exports the 申报书 as Word and PDF with the project name and a Chinese file name', async () => {
    const docx = await applicant.get(`/api/applications/${submittedId}/export.docx`);
    expect(docx.status).toBe(200);
    expect(String(docx.headers['content-type'])).toContain('wordprocessingml');
    expect(String(docx.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('提高协作机器人关节制动器响应一致性-申报书.docx')}`);
    const text = docxVisibleText(await zipEntryText(docx.raw, 'word/document.xml'));
    expect(text).toContain('提高协作机器人关节制动器响应一致性');
    expect(text).toContain('天津海河协作机器人科技有限公司');

    const rec = await t.login('demo_recommender');
    const pdf = await rec.get(`/api/applications/${submittedId}/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.headers['content-type'])).toContain('application/pdf');
    const pdfBody = squash(pdfText(pdf.raw));
    expect(pdfBody).toContain('提高协作机器人关节制动器响应一致性');
    expect(pdfBody).toMatch(/SB2026-\d{4}/);
    // the recommender's export is audited; the applicant's own is not
    const exports = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, submittedId), eq(auditLog.action, 'export_pdf')));
    expect(exports).toHaveLength(1);
  }, 60_000);
});

describe('naming rules', () => {
  it('blocks a submit on a naming error and names the field', async () => {
    const name = '关于提高协作机器人关节模组装配质量一致性与可靠性以及降低返修率的综合研究';
    const { id, version } = await draftWith(applicant, await readyForm(t, applicant, 'demo_applicant', { name }));
    const res = await applicant.post(`/api/applications/${id}/submit`, { version });
    expect(res.status).toBe(400);
    expect(res.body.fields['project.name']).toContain('超过30个字符');
    const detail = await applicant.get(`/api/applications/${id}`);
    expect(detail.body.state).toBe('draft');
    expect(detail.body.naming.some((v: any) => v.ruleId === 'max-length' && v.severity === 'error')).toBe(true);
  });

  it('lets a naming warning through and reports it', async () => {
    const { id, version } = await draftWith(applicant, await readyForm(t, applicant, 'demo_applicant', { name: '天津市协作机器人视觉标定误差降低' }));
    const res = await applicant.post(`/api/applications/${id}/submit`, { version });
    expect(res.status).toBe(200);
    expect(res.body.warnings.some((w: any) => w.path === 'project.name' && w.message.includes('天津市'))).toBe(true);
  });
});

describe('duplicate check', () => {
  it('flags a near-copy of a historical excellent result and shows the overlaps', async () => {
    const [h] = await t.services.database.db.select().from(historicalResults).where(eq(historicalResults.kind, 'excellent_result')).limit(1);
    const form = await readyForm(t, applicant, 'demo_applicant', { name: h.name });
    form.content.background = `${h.problem}经统计，2025年返工工时约600小时。`;
    form.content.technicalRoute = h.route ?? '';
    const { id, version } = await draftWith(applicant, form);

    const dup = await applicant.post(`/api/applications/${id}/duplicates`);
    expect(dup.status).toBe(200);
    expect(dup.body.flagged).toBe(true);
    expect(dup.body.matches[0]).toMatchObject({ source: 'historical', name: h.name });
    expect(dup.body.matches[0].id).toBeTruthy();
    const nameOverlap = dup.body.matches[0].overlaps.find((o: any) => o.field === 'name');
    expect(nameOverlap.fieldLabel).toBe('项目名称');
    const [s, e] = nameOverlap.queryRanges[0];
    expect(dup.body.query.name.slice(s, e).length).toBeGreaterThanOrEqual(4);

    const check = await applicant.post(`/api/applications/${id}/check`);
    expect(check.body.eligibility.find((i: any) => i.id === 'not_duplicate')).toMatchObject({ status: 'warning', blocking: false });

    const sub = await applicant.post(`/api/applications/${id}/submit`, { version });
    expect(sub.status).toBe(200);
    expect(sub.body.duplicateFlag).toBe(true);
    expect(sub.body.duplicateScore).toBeGreaterThanOrEqual(0.6);
    const rec = await t.login('demo_recommender');
    const seen = await rec.get(`/api/applications/${id}`);
    expect(seen.body.duplicateFlag).toBe(true);
    expect(seen.body.duplicates.matches[0].name).toBe(h.name);
  });

  it('does not flag an original application', async () => {
    const form = await readyForm(t, applicant, 'demo_applicant', { name: '缩短协作机器人关节模组老化测试时间' });
    form.content.background = '关节模组出厂前须在45℃环境下连续运行72小时老化，占用老化工位38个，成为交付瓶颈；老化失效数据显示90%的早期失效出现在前16小时。';
    form.content.goals = [{ indicator: '单台老化时长', unit: '小时', baseline: '72', target: '≤24' }];
    form.content.technicalRoute = '基于威布尔分布分析历史老化失效数据，设计加速老化剖面；引入电流纹波与温升在线判据，建立分级放行规则并经小批量对比验证。';
    const { id, version } = await draftWith(applicant, form);
    const sub = await applicant.post(`/api/applications/${id}/submit`, { version });
    expect(sub.status).toBe(200);
    expect(sub.body.duplicateFlag).toBe(false);
  });

  it('compares with the same year’s applications without revealing them to another applicant', async () => {
    const copier = await t.login('app_007');
    // demo_applicant's submitted '降低协作机器人谐波减速器…' sibling: copy the 提高…制动器 one word for word
    const form = await readyForm(t, copier, 'app_007', { name: '提高协作机器人关节制动器响应一致性' });
    const { id } = await draftWith(copier, form);
    const dup = await copier.post(`/api/applications/${id}/duplicates`);
    const m = dup.body.matches.find((x: any) => x.source === 'application');
    expect(m).toBeTruthy();
    expect(m.name).toBe('本年度其他申报项目（内容保密）');
    expect(m.id).toBeUndefined();
    expect(m.unitName).toBeUndefined();
    expect(JSON.stringify(dup.body)).not.toContain('天津海河协作机器人科技有限公司');
  });
});

describe('application deadline (2026-04-20 23:59:59 Beijing)', () => {
  it('refuses one second after the deadline and accepts one second before', async () => {
    const { id, version } = await draftWith(applicant, await readyForm(t, applicant, 'demo_applicant', { name: '降低协作机器人关节电缆弯折断线率' }));
    t.clock.set('2026-04-21T00:00:00+08:00');
    const late = await (await t.login('demo_applicant')).post(`/api/applications/${id}/submit`, { version });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('deadline_passed');
    expect(late.body.message).toBe('项目申报（推荐单位报送）已于2026年4月20日 23:59:59（北京时间）截止，逾期不再接收。如确需补报，请联系市市场监管委开通补报窗口');
    const detail = await (await t.login('demo_applicant')).get(`/api/applications/${id}`);
    expect(detail.body.state).toBe('draft');
    expect(detail.body.actions.find((a: any) => a.action === 'submit')).toMatchObject({ allowed: false });

    t.clock.set('2026-04-20T23:59:58+08:00');
    const ok = await (await t.login('demo_applicant')).post(`/api/applications/${id}/submit`, { version });
    expect(ok.status).toBe(200);
    t.clock.set(TEST_NOW);
  });

  it('accepts after the deadline through a window the commission reopened for the recommender, and only for it', async () => {
    const { id, version } = await draftWith(applicant, await readyForm(t, applicant, 'demo_applicant', { name: '提高协作机器人力矩传感器标定精度' }));
    const otherAgent = await t.login('app_002');
    const other = await draftWith(otherAgent, await readyForm(t, otherAgent, 'app_002', { name: '降低智能装备伺服驱动器早期失效率' }));
    t.clock.set('2026-04-22T09:00:00+08:00');
    const commission = await t.login('demo_commission');
    const campaign = await activeCampaign(t.services.database.db);
    const binhai = await orgOfUser(t, 'demo_recommender');
    const reopen = await commission.post(`/api/campaigns/${campaign.id}/reopenings`, {
      window: 'application',
      organisationId: binhai.id,
      closesAt: '2026-04-25T17:00:00+08:00',
      reason: '滨海新区部分企业因系统故障未能按时提交，开通补报',
    });
    expect(reopen.status).toBe(200);
    const a = await t.login('demo_applicant');
    const res = await a.post(`/api/applications/${id}/submit`, { version });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('submitted');
    // app_002 belongs to 西青区: its window stays closed
    const refused = await (await t.login('app_002')).post(`/api/applications/${other.id}/submit`, { version: other.version });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('deadline_passed');
    t.clock.set(TEST_NOW);
  });
});
