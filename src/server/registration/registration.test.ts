import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgOfUser } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { generateUscc } from '../../domain/uscc';
import { draftWith, orgByName, readyForm, uploadPdf, usernameOfOrg } from '../applications/test-helpers';
import { auditLog, organisations, users } from '../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const PASSWORD = 'Haihe@Robot2026';

function request(over: { uscc: string; nature?: string; username: string; name?: string; password?: string; recommenderOrgId?: string }) {
  return {
    organisation: {
      name: over.name ?? '天津南开精密光学仪器有限公司',
      uscc: over.uscc,
      nature: over.nature ?? 'enterprise',
      address: '天津市南开区科研西路12号',
      contactName: '周建华',
      contactPhone: '13920031234',
      ...(over.recommenderOrgId ? { recommenderOrgId: over.recommenderOrgId } : {}),
    },
    account: { username: over.username, displayName: '周建华', phone: '13920031234', email: 'zhoujh@nk-optics.cn', password: over.password ?? PASSWORD },
  };
}

describe('POST /api/public/register', () => {
  it('registers a Tianjin enterprise with its district bureau as default recommender and logs it in', async () => {
    const uscc = generateUscc({ divisionCode: '120104', seed: 90_001 });
    const a = t.anonymous();
    const res = await a.post('/api/public/register', request({ uscc: uscc.toLowerCase(), username: 'nk_optics' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.organisation).toMatchObject({ uscc, district: '南开区', nature: 'enterprise', recognitionStatus: 'not_needed', defaultRecommender: { name: '天津市南开区市场监督管理局' } });
    expect(a.cookies.gg_session).toBeTruthy();
    const me = await a.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'nk_optics', role: 'applicant', organisation: { name: '天津南开精密光学仪器有限公司' } });
    // audited: organisation and user
    const orgId = res.body.organisation.id;
    const audits = await t.services.database.db.select().from(auditLog).where(eq(auditLog.entityId, orgId));
    expect(audits.map((x) => x.action)).toEqual(['register']);
    const userAudit = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.action, 'register'), eq(auditLog.entityId, res.body.user.id)));
    expect(userAudit).toHaveLength(1);
    // the new applicant can start an application straight away (CSRF token from the cookie)
    const created = await a.post('/api/applications', {});
    expect(created.status).toBe(200);
    expect(created.body.recommender.name).toBe('天津市南开区市场监督管理局');
    expect(created.body.form.unit.uscc).toBe(uscc);
  });

  it('names the illegal character of a bad credit code', async () => {
    const good = generateUscc({ divisionCode: '120104', seed: 90_002 });
    const bad = `${good.slice(0, 10)}O${good.slice(11)}`;
    const res = await t.anonymous().post('/api/public/register', request({ uscc: bad, username: 'bad_code_user' }));
    expect(res.status).toBe(400);
    expect(res.body.fields['organisation.uscc']).toContain('第11位“O”是非法字符');
    const [u] = await t.services.database.db.select().from(users).where(eq(users.username, 'bad_code_user'));
    expect(u).toBeUndefined();
  });

  it('refuses an enterprise registered outside Tianjin', async () => {
    const res = await t.anonymous().post('/api/public/register', request({ uscc: generateUscc({ divisionCode: '130600', seed: 90_003 }), username: 'hebei_firm' }));
    expect(res.status).toBe(400);
    expect(res.body.fields['organisation.uscc']).toContain('130600，不属于天津市');
  });

  it('refuses a credit code that is already registered, with a clear conflict', async () => {
    const taken = await orgOfUser(t, 'demo_applicant');
    const res = await t.anonymous().post('/api/public/register', request({ uscc: taken.uscc!, username: 'second_haihe' }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('conflict');
    expect(res.body.message).toContain('该统一社会信用代码已有单位注册');
  });

  it('refuses a weak password and names the rule', async () => {
    const res = await t.anonymous().post('/api/public/register', request({ uscc: generateUscc({ divisionCode: '120104', seed: 90_004 }), username: 'weak_pw', password: 'abcdefgh' }));
    expect(res.status).toBe(400);
    expect(res.body.fields['account.password']).toContain('密码长度至少为10位');
    expect(res.body.fields['account.password']).toContain('至少三类');
  });

  it('gives a municipal-level code no default recommender', async () => {
    const res = await t.anonymous().post(
      '/api/public/register',
      request({ uscc: generateUscc({ divisionCode: '120000', authority: '1', category: '2', seed: 90_005 }), nature: 'institution', username: 'tj_institute', name: '天津市质量技术研究中心' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.organisation.defaultRecommender).toBeNull();
    expect(res.body.notices.join()).toContain('选择推荐单位');
  });
});

describe('industry organisations outside Tianjin', () => {
  it('registers as pending, uploads evidence, and only its chosen recommender confirms', async () => {
    const association = await orgByName(t, '天津市焊接协会');
    const uscc = generateUscc({ divisionCode: '110105', authority: '5', category: '1', seed: 90_006 });
    const noRec = await t.anonymous().post('/api/public/register', request({ uscc, nature: 'industry_org', username: 'weld_alliance', name: '京津冀焊接质量技术联盟' }));
    expect(noRec.status).toBe(400);
    expect(noRec.body.fields['organisation.recommenderOrgId']).toContain('请选择');

    const a = t.anonymous();
    const res = await a.post('/api/public/register', request({ uscc, nature: 'industry_org', username: 'weld_alliance', name: '京津冀焊接质量技术联盟', recommenderOrgId: association.id }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.organisation).toMatchObject({ recognitionStatus: 'pending', defaultRecommender: { id: association.id } });
    const orgId = res.body.organisation.id;

    const assocUser = await t.login(await usernameOfOrg(t, association.id));
    // no evidence yet → cannot confirm
    const early = await assocUser.post(`/api/recommender/organisations/${orgId}/recognition`, { decision: 'confirm' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('尚未上传');

    // without recognised evidence the unit is not eligible: a complete application is refused
    const form = await readyForm(t, a, 'weld_alliance', { name: '降低药芯焊丝焊接飞溅率', chain: '焊材' });
    const draft = await draftWith(a, form);
    const refused = await a.post(`/api/applications/${draft.id}/submit`, { version: draft.version });
    expect(refused.status).toBe(400);
    expect(refused.body.fields['eligibility.registration']).toContain('认可证明');

    const file = await uploadPdf(a, '行业主管部门认可文件.pdf', 'org_recognition');
    const ev = await a.post('/api/applicant/organisation/recognition', { fileId: file.id });
    expect(ev.status, JSON.stringify(ev.body)).toBe(200);
    expect(ev.body.recognitionFileId).toBe(file.id);

    const queue = await assocUser.get('/api/recommender/recognitions');
    expect(queue.body.items.find((i: any) => i.organisationId === orgId)).toMatchObject({ recognitionStatus: 'pending', evidence: { fileName: '行业主管部门认可文件.pdf' } });
    const evidence = await assocUser.get(`/api/recommender/organisations/${orgId}/recognition/evidence`);
    expect(evidence.status).toBe(200);
    expect(evidence.raw.subarray(0, 5).toString()).toBe('%PDF-');

    // another recommender may not even know about it (404); the organisation cannot confirm itself (403)
    const otherRec = await t.login('demo_recommender');
    expect((await otherRec.post(`/api/recommender/organisations/${orgId}/recognition`, { decision: 'confirm' })).status).toBe(404);
    expect((await otherRec.get(`/api/recommender/organisations/${orgId}/recognition/evidence`)).status).toBe(404);
    expect((await a.post(`/api/recommender/organisations/${orgId}/recognition`, { decision: 'confirm' })).status).toBe(403);

    const reject = await assocUser.post(`/api/recommender/organisations/${orgId}/recognition`, { decision: 'reject', reason: '' });
    expect(reject.status).toBe(400);
    expect(reject.body.fields.reason).toContain('原因');
    const ok = await assocUser.post(`/api/recommender/organisations/${orgId}/recognition`, { decision: 'confirm', reason: '中国焊接协会认可文件核实无误' });
    expect(ok.status).toBe(200);
    expect(ok.body.recognitionStatus).toBe('recognised');
    const [org] = await t.services.database.db.select().from(organisations).where(eq(organisations.id, orgId));
    expect(org.recognitionStatus).toBe('recognised');
    const audits = await t.services.database.db.select().from(auditLog).where(eq(auditLog.entityId, orgId));
    expect(audits.map((x) => x.action)).toEqual(['register', 'recognition_evidence', 'recognition_confirm']);
    const mine = await a.get('/api/applicant/organisation');
    expect(mine.body.recognitionStatusLabel).toBe('已确认认可');
    // once recognised, the same application goes through
    const now = await a.get(`/api/applications/${draft.id}`);
    expect(now.body.eligibility.find((e: any) => e.id === 'registration').status).toBe('pass');
    const sub = await a.post(`/api/applications/${draft.id}/submit`, { version: now.body.version });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  });
});

describe('public look-ups', () => {
  it('checks a credit code character by character', async () => {
    const good = generateUscc({ divisionCode: '120116', seed: 90_007 });
    const ok = await t.anonymous().get(`/api/public/uscc/${good}`);
    expect(ok.body).toMatchObject({ valid: true, tianjin: true, district: '滨海新区', defaultRecommender: { name: '天津市滨海新区市场监督管理局' }, errors: [] });
    const wrongCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const bad = await t.anonymous().get(`/api/public/uscc/${wrongCheck}`);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.errors[0].message).toContain('第18位校验码应为');
    expect(bad.body.errors[0].position).toBe(18);
  });

  it('lists recommenders of the three kinds and proposes the district bureau for a code', async () => {
    const code = generateUscc({ divisionCode: '120101', seed: 90_008 });
    const res = await t.anonymous().get(`/api/public/recommenders?uscc=${code}`);
    expect(res.status).toBe(200);
    const kinds = new Set(res.body.items.map((i: any) => i.subtype));
    expect(kinds).toEqual(new Set(['district_bureau', 'industry_department', 'association']));
    expect(res.body.items.filter((i: any) => i.subtype === 'district_bureau')).toHaveLength(16);
    const heping = res.body.items.find((i: any) => i.id === res.body.defaultRecommenderId);
    expect(heping).toMatchObject({ name: '天津市和平区市场监督管理局', subtypeLabel: '区市场监督管理部门', district: '和平区' });
  });
});
