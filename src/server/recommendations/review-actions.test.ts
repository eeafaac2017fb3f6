import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { FIXTURE_LEAD_ID } from '../documents/fixtures';
import { auditLog, notifications, organisations, projectReviews, projects, users } from '../db/schema';
import { AUTH, OPINION, as, completeProject, recommend } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const db = () => t.services.database.db;
const projectRow = async (id: string) => (await db().select().from(projects).where(eq(projects.id, id)))[0];
const audits = async (id: string, action: string) => db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));

describe('review view', () => {
  it('shows the form with masked ID numbers, attachments with file ids, completeness and actions', async () => {
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '降低协作机器人关节模组装配不良率' });
    const rec = await as(t, 'demo_recommender');
    const res = await rec.get(`/api/recommender/applications/${p.id}`);
    expect(res.status).toBe(200);
    const v = res.body;
    expect(v.project).toMatchObject({ id: p.id, name: '降低协作机器人关节模组装配不良率', state: 'submitted', stateLabel: '待推荐单位审核', version: p.version });
    expect(v.applicant.name).toBe('天津海河协作机器人科技有限公司');
    const body = JSON.stringify(v);
    expect(body).not.toContain(FIXTURE_LEAD_ID);
    expect(v.form.team[0].idNumber).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    expect(v.attachments.map((a: any) => a.kindLabel)).toEqual(['营业执照（或法人登记证书）', '申报单位承诺书（盖章扫描件）']);
    expect(v.attachments.every((a: any) => a.available && a.mime === 'application/pdf')).toBe(true);
    expect(v.completeness.every((c: any) => c.ok)).toBe(true);
    expect(v.authenticity).toBeNull();
    expect(v.actions.find((a: any) => a.action === 'recommend')).toMatchObject({ allowed: true, reasons: ['尚未确认申报材料真实性'] });
    // The recommender downloads the applicant's attachment through the file route.
    const file = await rec.get(`/api/files/${v.attachments[0].fileId}`);
    expect(file.status).toBe(200);
    expect(file.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lists what is missing when the attachments were never uploaded', async () => {
    const p = await insertProject(t, { applicant: 'demo_applicant', name: '提高减速器柔轮加工一致性' });
    const rec = await as(t, 'demo_recommender');
    const v = (await rec.get(`/api/recommender/applications/${p.id}`)).body;
    const licence = v.completeness.find((c: any) => c.key === 'business_licence');
    expect(licence).toMatchObject({ ok: false });
    expect(licence.detail).toContain('文件无法读取');
    expect(v.attachments.every((a: any) => a.available === false)).toBe(true);
    expect(v.actions.find((a: any) => a.action === 'recommend').allowed).toBe(false);
  });

  it('keeps an authenticity record with a site visit, newest first', async () => {
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '缩短协作机器人整机下线检测周期' });
    const rec = await as(t, 'demo_recommender');
    const first = await rec.put(`/api/recommender/applications/${p.id}/authenticity`, { confirmed: false, notes: '待现场核查' });
    expect(first.status).toBe(200);
    const second = await rec.put(`/api/recommender/applications/${p.id}/authenticity`, AUTH);
    expect(second.body).toMatchObject({ confirmed: true, siteVisit: AUTH.siteVisit });
    const v = (await rec.get(`/api/recommender/applications/${p.id}`)).body;
    expect(v.authenticity).toMatchObject({ confirmed: true, notes: AUTH.notes, siteVisit: AUTH.siteVisit });
    expect(v.reviews.map((r: any) => r.decision)).toEqual(['authenticity', 'authenticity']);
    const bad = await rec.put(`/api/recommender/applications/${p.id}/authenticity`, { confirmed: true, siteVisit: { date: '2026/04/08', people: '张伟', findings: '一致' } });
    expect(bad.status).toBe(400);
  });
});

describe('return (退回补正)', () => {
  it('returns with a reason and per-field comments, notifies the applicant, audits', async () => {
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '降低谐波减速器回差超差比例' });
    const rec = await as(t, 'demo_recommender');
    const res = await rec.post(`/api/recommender/applications/${p.id}/return`, {
      version: p.version,
      reason: '攻关目标缺少基线数据来源',
      fieldComments: { 'content.goals': '请补充现状值的统计期间和数据来源', 'unit.projectLead.phone': '电话无法接通，请核实' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'returned', version: p.version + 1 });
    const [review] = await db().select().from(projectReviews).where(eq(projectReviews.projectId, p.id));
    expect(review).toMatchObject({ stage: 'recommendation', decision: 'return', reason: '攻关目标缺少基线数据来源', versionNo: 1 });
    expect(review.fieldComments).toEqual({ 'content.goals': '请补充现状值的统计期间和数据来源', 'unit.projectLead.phone': '电话无法接通，请核实' });
    expect((await projectRow(p.id)).lastReason).toBe('攻关目标缺少基线数据来源');
    const notes = await db().select().from(notifications).where(eq(notifications.organisationId, p.applicantOrgId));
    expect(notes.some((n) => n.title === '申报项目被退回补正' && n.body.includes('降低谐波减速器回差超差比例') && n.body.includes('逐项意见2条'))).toBe(true);
    expect(await audits(p.id, 'return')).toHaveLength(1);
    const v = (await rec.get(`/api/recommender/applications/${p.id}`)).body;
    expect(v.reviews[0].fieldComments).toContainEqual({ path: 'content.goals', label: '攻关目标与量化指标', comment: '请补充现状值的统计期间和数据来源' });
  });

  it('refuses: wrong state (409), stale version (409), another recommender (404), no reason / unknown field (400)', async () => {
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '提升关节编码器装配一致性' });
    const rec = await as(t, 'demo_recommender');
    const other = await as(t, 'rec_120101');
    expect((await other.post(`/api/recommender/applications/${p.id}/return`, { version: p.version, reason: '材料不全请补充' })).status).toBe(404);
    expect((await other.get(`/api/recommender/applications/${p.id}`)).status).toBe(404);

    const noReason = await rec.post(`/api/recommender/applications/${p.id}/return`, { version: p.version, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('退回原因');
    const badField = await rec.post(`/api/recommender/applications/${p.id}/return`, { version: p.version, reason: '材料不全请补充', fieldComments: { 'unit.favouriteColour': '无' } });
    expect(badField.status).toBe(400);
    expect(badField.body.message).toContain('unit.favouriteColour');

    const stale = await rec.post(`/api/recommender/applications/${p.id}/return`, { version: p.version - 1, reason: '材料不全请补充' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');

    const draft = await insertProject(t, { applicant: 'demo_applicant', state: 'draft' });
    expect((await rec.post(`/api/recommender/applications/${draft.id}/return`, { version: draft.version, reason: '材料不全请补充' })).status).toBe(404);

    const declined = await insertProject(t, { applicant: 'demo_applicant', state: 'not_recommended' });
    const wrong = await rec.post(`/api/recommender/applications/${declined.id}/return`, { version: declined.version, reason: '材料不全请补充' });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ code: 'invalid_state', message: '当前状态为“不予推荐”，不能执行“退回补正”操作' });
    expect((await projectRow(p.id)).state).toBe('submitted');
  });
});

describe('recommend (推荐)', () => {
  it('recommends with opinion, completeness, authenticity; orders 1..n; notifies; audits', async () => {
    const rec = await as(t, 'demo_recommender');
    const a = await completeProject(t, { applicant: 'app_006', name: '提升服务器主板焊接一次合格率' });
    const b = await completeProject(t, { applicant: 'app_011', name: '降低酶制剂发酵批次间活性波动' });
    const ra = await rec.post(`/api/recommender/applications/${a.id}/recommend`, { version: a.version, opinion: OPINION, authenticity: AUTH });
    expect(ra.status).toBe(200);
    const before = await projectRow(b.id);
    const rb = await rec.post(`/api/recommender/applications/${b.id}/recommend`, { version: before.version, opinion: OPINION, authenticity: AUTH });
    expect(rb.status).toBe(200);
    const rowA = await projectRow(a.id);
    expect(rowA).toMatchObject({ state: 'recommended', recommendationOpinion: OPINION, version: a.version + 1 });
    expect((await projectRow(b.id)).recommendOrder).toBe(rowA.recommendOrder! + 1);
    const [review] = await db().select().from(projectReviews).where(and(eq(projectReviews.projectId, a.id), eq(projectReviews.decision, 'recommend')));
    expect((review.checklist as any).authenticity.siteVisit).toEqual(AUTH.siteVisit);
    expect((review.checklist as any).completeness.every((c: any) => c.ok)).toBe(true);
    const notes = await db().select().from(notifications).where(eq(notifications.organisationId, a.applicantOrgId));
    expect(notes.some((n) => n.title === '申报项目已获推荐')).toBe(true);
    expect(await audits(a.id, 'recommend')).toHaveLength(1);
  });

  it('refuses without 推荐意见 (400 naming it), too short, incomplete, unconfirmed authenticity', async () => {
    const rec = await as(t, 'demo_recommender');
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '降低协作机器人电缆弯折断线率' });
    const none = await rec.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: '', authenticity: AUTH });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('推荐意见');
    expect(none.body.fields).toHaveProperty('opinion');
    const short = await rec.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: '同意推荐', authenticity: AUTH });
    expect(short.status).toBe(400);
    expect(short.body.message).toBe('推荐意见至少20个字，请写明具体情况');
    const unconfirmed = await rec.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: OPINION });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.message).toContain('真实性');
    const falseAuth = await rec.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: OPINION, authenticity: { ...AUTH, confirmed: false } });
    expect(falseAuth.status).toBe(400);

    const incomplete = await insertProject(t, { applicant: 'demo_applicant', name: '提高伺服电机绕组绝缘合格率' });
    const inc = await rec.post(`/api/recommender/applications/${incomplete.id}/recommend`, { version: incomplete.version, opinion: OPINION, authenticity: AUTH });
    expect(inc.status).toBe(400);
    expect(inc.body.message).toContain('材料完整性');
    expect(inc.body.message).toContain('营业执照');
    expect((await projectRow(p.id)).state).toBe('submitted');
    expect((await projectRow(incomplete.id)).state).toBe('submitted');
  });

  it('uses the saved authenticity record when the request carries none', async () => {
    const rec = await as(t, 'demo_recommender');
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '提升协作机器人重复定位精度稳定性' });
    await rec.put(`/api/recommender/applications/${p.id}/authenticity`, AUTH);
    const res = await rec.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: OPINION });
    expect(res.status).toBe(200);
  });

  it('requires the recognition confirmation for an industry quality organisation and records it', async () => {
    const rec = await as(t, 'demo_recommender');
    const p = await completeProject(t, { applicant: 'app_039', name: '提升协作机器人产业链关键零部件检测一致性' });
    const v = (await rec.get(`/api/recommender/applications/${p.id}`)).body;
    expect(v.applicant).toMatchObject({ recognitionRequired: true, recognitionStatus: 'pending' });
    expect(v.completeness.find((c: any) => c.key === 'org_recognition').ok).toBe(true);
    const refused = await rec.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: OPINION, authenticity: AUTH });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toHaveProperty('recognitionConfirmed');
    const ok = await rec.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: OPINION, authenticity: AUTH, recognitionConfirmed: true });
    expect(ok.status).toBe(200);
    const [org] = await db().select().from(organisations).where(eq(organisations.id, p.applicantOrgId));
    expect(org.recognitionStatus).toBe('recognised');
  });

  it('regression: after a recognition confirmed on the recommend path the applicant still reads its organisation', async () => {
    const rec = await as(t, 'demo_recommender');
    const p = await completeProject(t, { applicant: 'app_039', name: '提升行业质量管理专业组织团体标准实施一致性' });
    const ok = await rec.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: OPINION, authenticity: AUTH, recognitionConfirmed: true });
    expect(ok.status).toBe(200);
    const applicant = await as(t, 'app_039');
    const mine = await applicant.get('/api/applicant/organisation');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ recognitionStatus: 'recognised', recognitionStatusLabel: '已确认认可' });
  });

  it('refuses after the application deadline without a reopening', async () => {
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '降低减速器装配工序能耗' });
    t.clock.set('2026-04-20T16:00:00Z');
    try {
      // A session idle for ten days has expired: log in again at the new time.
      const late = await t.login('demo_recommender');
      const res = await late.post(`/api/recommender/applications/${p.id}/recommend`, { version: p.version, opinion: OPINION, authenticity: AUTH });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('deadline_passed');
    } finally {
      // Back in time: the cached sessions (last seen on 04-10) are still fresh.
      t.clock.set('2026-04-10T10:00:00+08:00');
    }
  });
});

describe('decline and unrecommend', () => {
  it('declines with a reason (terminal), refusing a second decline', async () => {
    const rec = await as(t, 'demo_recommender');
    const p = await completeProject(t, { applicant: 'app_021', name: '降低车用汽油蒸汽压批次波动' });
    const noReason = await rec.post(`/api/recommender/applications/${p.id}/decline`, { version: p.version, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('不予推荐的原因');
    const res = await rec.post(`/api/recommender/applications/${p.id}/decline`, { version: p.version, reason: '与2024年度优秀成果高度雷同' });
    expect(res.body).toMatchObject({ state: 'not_recommended' });
    expect((await projectRow(p.id)).lastReason).toBe('与2024年度优秀成果高度雷同');
    const again = await rec.post(`/api/recommender/applications/${p.id}/decline`, { version: res.body.version, reason: '与2024年度优秀成果高度雷同' });
    expect(again.status).toBe(409);
    const notes = await db().select().from(notifications).where(eq(notifications.organisationId, p.applicantOrgId));
    expect(notes.some((n) => n.title === '申报项目未获推荐' && n.body.includes('高度雷同'))).toBe(true);
  });

  it('unrecommends back to submitted and closes the gap in the order; refuses when not recommended', async () => {
    const rec = await as(t, 'demo_recommender');
    const x = await completeProject(t, { applicant: 'demo_applicant', name: '提高机器人关节密封件寿命' });
    const y = await completeProject(t, { applicant: 'demo_applicant', name: '降低机器人控制柜故障率' });
    await recommend(t, 'demo_recommender', x.id);
    await recommend(t, 'demo_recommender', y.id);
    const xRow = await projectRow(x.id);
    const res = await rec.post(`/api/recommender/applications/${x.id}/unrecommend`, { version: xRow.version, reason: '需补充现场核查' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'submitted', recommendOrder: null });
    // The list (demo data included) is numbered 1..n again, y still last.
    const list = await rec.get('/api/recommender/applications?state=recommended&sort=recommendOrder&order=asc&pageSize=200');
    const orders = list.body.items.map((i: any) => i.recommendOrder);
    expect(orders).toEqual(orders.map((_: number, i: number) => i + 1));
    expect(list.body.items.at(-1).id).toBe(y.id);
    expect(list.body.items.map((i: any) => i.id)).not.toContain(x.id);
    const again = await rec.post(`/api/recommender/applications/${x.id}/unrecommend`, { version: res.body.version });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('当前状态为“待推荐单位审核”，不能执行“撤销推荐”操作');
  });
});

describe('order (推荐排序)', () => {
  it('sets 1..n for exactly the recommended projects, refusing partial or foreign lists', async () => {
    const rec = await as(t, 'demo_recommender');
    const inbox = await rec.get('/api/recommender/applications?state=recommended&sort=recommendOrder&order=asc&pageSize=200');
    const ids: string[] = inbox.body.items.map((i: any) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const reversed = [...ids].reverse();
    const res = await rec.put('/api/recommender/order', { ids: reversed });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(reversed.map((id, i) => ({ id, recommendOrder: i + 1 })));
    const after = await rec.get('/api/recommender/applications?state=recommended&sort=recommendOrder&order=asc&pageSize=200');
    expect(after.body.items.map((i: any) => i.id)).toEqual(reversed);
    expect((await rec.put('/api/recommender/order', { ids: reversed.slice(1) })).status).toBe(409);
    const foreign = await completeProject(t, { applicant: 'app_002', name: '提升智能装备减速机噪声一致性' });
    expect((await rec.put('/api/recommender/order', { ids: [...reversed, foreign.id] })).status).toBe(409);
    expect((await rec.put('/api/recommender/order', { ids: [reversed[0], reversed[0]] })).status).toBe(400);
  });
});

describe('bulk (批量审核, all-or-nothing)', () => {
  it('returns several applications with one shared reason', async () => {
    const rec = await as(t, 'demo_recommender');
    const ps = [
      await completeProject(t, { applicant: 'demo_applicant', name: '降低末端执行器夹持失效率' }),
      await completeProject(t, { applicant: 'app_006', name: '提高服务器电源模块老化通过率' }),
    ];
    const res = await rec.post('/api/recommender/applications/bulk', { action: 'return', ids: ps.map((p) => p.id), reason: '请按2026年申报书模板补充PDCA实施计划' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.state)).toEqual(['returned', 'returned']);
    for (const p of ps) {
      const [r] = await db().select().from(projectReviews).where(eq(projectReviews.projectId, p.id));
      expect(r.reason).toBe('请按2026年申报书模板补充PDCA实施计划');
    }
  });

  it('recommends in bulk with one opinion using saved authenticity records', async () => {
    const rec = await as(t, 'demo_recommender');
    const ps = [await completeProject(t, { applicant: 'app_011', name: '降低生物基材料发酵染菌率' }), await completeProject(t, { applicant: 'app_021', name: '提升清洁燃料调和精度' })];
    for (const p of ps) await rec.put(`/api/recommender/applications/${p.id}/authenticity`, AUTH);
    const res = await rec.post('/api/recommender/applications/bulk', { action: 'recommend', ids: ps.map((p) => p.id), opinion: OPINION });
    expect(res.status).toBe(200);
    expect(res.body.items.every((i: any) => i.state === 'recommended' && i.recommendOrder > 0)).toBe(true);
  });

  it('changes nothing when one item is refused and names every refused project', async () => {
    const rec = await as(t, 'demo_recommender');
    const ok = await completeProject(t, { applicant: 'demo_applicant', name: '提高示教器触摸屏装配良率' });
    const done = await insertProject(t, { applicant: 'demo_applicant', state: 'not_recommended', name: '降低焊接机器人送丝故障率' });
    const foreign = await completeProject(t, { applicant: 'app_002', name: '降低智能装备导轨磨损' });
    const res = await rec.post('/api/recommender/applications/bulk', { action: 'decline', ids: [ok.id, done.id, foreign.id], reason: '不符合2026年重点产业链方向' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('批量操作未执行：2个项目不符合条件');
    expect(res.body.fields['ids.1']).toContain('降低焊接机器人送丝故障率');
    expect(res.body.fields['ids.2']).toBe('所选项目：申报项目不存在或无权访问');
    expect((await projectRow(ok.id)).state).toBe('submitted');
    expect(await db().select().from(projectReviews).where(eq(projectReviews.projectId, ok.id))).toHaveLength(0);
    const noReason = await rec.post('/api/recommender/applications/bulk', { action: 'recommend', ids: [ok.id] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('推荐意见');
  });
});

describe('every transition refuses a stale version (409) and another recommender (404)', () => {
  it('recommend, decline, unrecommend', async () => {
    const rec = await as(t, 'demo_recommender');
    const other = await as(t, 'rec_120101');
    const s1 = await completeProject(t, { applicant: 'demo_applicant', name: '降低协作机器人装配线停线时间' });
    const r1 = await completeProject(t, { applicant: 'demo_applicant', name: '提高协作机器人出厂检验覆盖率' });
    await recommend(t, 'demo_recommender', r1.id);
    const r1v = (await projectRow(r1.id)).version;
    const cases: [string, string, object][] = [
      ['recommend', s1.id, { opinion: OPINION, authenticity: AUTH }],
      ['decline', s1.id, { reason: '不符合申报条件第三项' }],
      ['unrecommend', r1.id, { reason: '需补充材料' }],
    ];
    for (const [action, id, body] of cases) {
      const current = action === 'unrecommend' ? r1v : s1.version;
      const stale = await rec.post(`/api/recommender/applications/${id}/${action}`, { ...body, version: current - 1 });
      expect(stale.status, action).toBe(409);
      expect(stale.body.code, action).toBe('stale_version');
      const hidden = await other.post(`/api/recommender/applications/${id}/${action}`, { ...body, version: current });
      expect(hidden.status, action).toBe(404);
    }
    expect((await projectRow(s1.id)).state).toBe('submitted');
    expect((await projectRow(r1.id)).state).toBe('recommended');
  });
});

describe('API description', () => {
  it('documents the recommender and commission routes in OpenAPI', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const p of ['/api/recommender/applications', '/api/recommender/applications/{id}/recommend', '/api/recommender/batch/send', '/api/commission/batches/{id}/download.zip', '/api/commission/recommenders']) {
      expect(paths, p).toContain(p);
    }
  });
});

describe('permissions and e-mail', () => {
  it('refuses recommender routes to applicants, experts and the commission (403)', async () => {
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '提升协作机器人力矩传感器标定效率' });
    for (const u of ['demo_applicant', 'demo_expert', 'demo_commission']) {
      const a = await as(t, u);
      expect((await a.get('/api/recommender/applications')).status, u).toBe(403);
      expect((await a.get(`/api/recommender/applications/${p.id}`)).status, u).toBe(403);
      expect((await a.post(`/api/recommender/applications/${p.id}/return`, { version: p.version, reason: '材料不全请补充' })).status, u).toBe(403);
      expect((await a.post('/api/recommender/applications/bulk', { action: 'return', ids: [p.id], reason: '材料不全请补充' })).status, u).toBe(403);
    }
    expect((await t.anonymous().get('/api/recommender/applications')).status).toBe(401);
  });

  it('queues an e-mail to the applicant after commit when its users have an address', async () => {
    await db().update(users).set({ email: 'wangjg@haihe-robot.com.cn' }).where(eq(users.username, 'demo_applicant'));
    const p = await completeProject(t, { applicant: 'demo_applicant', name: '降低协作机器人关节温升' });
    const rec = await as(t, 'demo_recommender');
    t.jobs.sent.length = 0;
    await rec.post(`/api/recommender/applications/${p.id}/decline`, { version: p.version, reason: '项目开始时间早于2024年' });
    expect(t.jobs.sent).toContainEqual({ name: 'notify-email', data: expect.objectContaining({ to: 'wangjg@haihe-robot.com.cn', subject: '【天津市质量攻关】申报项目未获推荐' }) });
    // Nothing is queued when the command is refused.
    t.jobs.sent.length = 0;
    await rec.post(`/api/recommender/applications/${p.id}/decline`, { version: p.version, reason: '项目开始时间早于2024年' });
    expect(t.jobs.sent).toHaveLength(0);
    await db().update(users).set({ email: null }).where(eq(users.username, 'demo_applicant'));
  });
});
