import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { EXPERT_IMPORT_COLUMNS } from '../../shared/experts';
import { projects } from '../db/schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家');
  ws.addRow([...EXPERT_IMPORT_COLUMNS]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let t: TestApp;
let commission: Agent;
let projectId: string;
const expertBody = (username: string, name: string, employer: string, extra: Record<string, unknown> = {}) => ({ username, name, employer, title: '高级工程师', fields: ['协作机器人'], ...extra });

beforeAll(async () => {
  t = await createTestApp();
  commission = await t.login('demo_commission');
  const p = await insertProject(t, { applicant: 'demo_applicant', state: 'approved', name: '协作机器人关节减速器传动精度保持性攻关' });
  const form = p.form as Record<string, any>;
  form.team = [{ name: '韩立新', unit: '天津海河协作机器人科技有限公司', role: '项目负责人' }, { name: '邵红梅', role: '工艺' }];
  form.consortium = [{ name: '天津职业技术师范大学', type: 'university', role: '检测方法' }];
  await t.services.database.db.update(projects).set({ form }).where(eq(projects.id, p.id));
  projectId = p.id;
});
afterAll(() => t.close());

async function conflictsOf(expertId: string) {
  const res = await commission.get(`/api/commission/conflicts?expertId=${expertId}&projectId=${projectId}`);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; type: string; evidence: string; source: string; decision: string | null; version: number }[];
}

describe('专家库 records', () => {
  it('the commission adds an expert, edits the rating, pauses it with a reason kept as history', async () => {
    const created = await commission.post('/api/commission/experts', expertBody('expert_fangyx', '方予轩', '天津科技大学', { district: '河西区', phone: '13612010001' }));
    expect(created.status).toBe(200);
    expect(created.body.temporaryPassword).toBeTruthy();
    const id = created.body.id;
    const rated = await commission.put(`/api/commission/experts/${id}`, { ...expertBody('', '方予轩', '天津科技大学'), rating: 4, ratingNote: '2025年评定意见详实', version: created.body.version });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toBe(4);
    const stale = await commission.put(`/api/commission/experts/${id}`, { ...expertBody('', '方予轩', '天津科技大学'), version: created.body.version });
    expect(stale.status).toBe(409);
    const short = await commission.post(`/api/commission/experts/${id}/status`, { status: 'paused', reason: '出差', version: rated.body.version });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('状态变更原因至少4个字');
    t.clock.advance(60_000);
    const paused = await commission.post(`/api/commission/experts/${id}/status`, { status: 'paused', reason: '本人申请暂停至年底', version: rated.body.version });
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    const history = await commission.get(`/api/commission/experts/${id}/history`);
    expect(history.body.items.map((h: { toStatus: string }) => h.toStatus)).toEqual(['active', 'paused']);
    expect(history.body.items[1].reason).toBe('本人申请暂停至年底');
  });

  it('refuses applicants, recommenders and experts on the commission area (403) and a missing expert (404)', async () => {
    for (const u of ['demo_applicant', 'demo_recommender', 'demo_expert']) {
      const a = await t.login(u);
      expect((await a.get('/api/commission/experts')).status).toBe(403);
    }
    expect((await commission.get('/api/commission/experts/00000000-0000-4000-8000-000000000000/history')).status).toBe(404);
  });

  it('imports all or nothing: one bad row is reported by row and column and nothing is imported', async () => {
    const bad = await sheet([
      ['expert_tanwj', '谭文杰', '河北工业大学', '', '教授', '焊材、质量管理', '红桥区', '13812010002', 'tanwj@hebut.edu.cn'],
      ['expert_ludm', '陆冬梅', '', '', '研究员', '计量检测', '', '', 'ludm@'],
    ]);
    const res = await commission.upload('/api/commission/experts/import', '专家.xlsx', bad, XLSX);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(false);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: '工作单位', message: '请填写工作单位' },
        { row: 3, column: '电子邮箱', message: '电子邮箱格式不正确' },
      ]),
    );
    expect((await commission.get('/api/commission/experts?q=谭文杰')).body.items).toHaveLength(0);

    const good = await sheet([
      ['expert_tanwj', '谭文杰', '河北工业大学', '', '教授', '焊材、质量管理', '红桥区', '13812010002', 'tanwj@hebut.edu.cn'],
      ['expert_ludm', '陆冬梅', '天津市计量监督检测科学研究院', '', '研究员', '计量检测', '', '', ''],
    ]);
    const ok = await commission.upload('/api/commission/experts/import', '专家.xlsx', good, XLSX);
    expect(ok.body.imported).toBe(true);
    expect(ok.body.experts.map((e: { username: string }) => e.username)).toEqual(['expert_tanwj', 'expert_ludm']);
    const listed = (await commission.get('/api/commission/experts?q=谭文杰')).body.items;
    expect(listed[0].fields).toEqual(['焊材', '质量管理']);
    const again = await commission.upload('/api/commission/experts/import', '专家.xlsx', good, XLSX);
    expect(again.body.errors[0]).toEqual({ row: 2, column: '用户名', message: '用户名“expert_tanwj”已被使用' });
  });
});

describe('回避 detection, one case per rule', () => {
  it('same employer as the project unit (by name or credit code)', async () => {
    const org = await orgOfUser(t, 'demo_applicant');
    const e = await commission.post('/api/commission/experts', expertBody('expert_c1', '许志成', '海河机器人（集团）', { employerUscc: org.uscc }));
    const found = await conflictsOf(e.body.id);
    expect(found.map((c) => c.type)).toEqual(['same_employer']);
    expect(found[0].evidence).toContain(`同单位：专家工作单位“海河机器人（集团）”即项目申报单位“${org.name}”`);
    expect(found[0].source).toBe('detected');
  });

  it('same employer as a consortium partner', async () => {
    const e = await commission.post('/api/commission/experts', expertBody('expert_c2', '冯晓光', '天津职业技术师范大学'));
    const found = await conflictsOf(e.body.id);
    expect(found.map((c) => c.type)).toEqual(['consortium_partner']);
    expect(found[0].evidence).toContain('联合体成员单位“天津职业技术师范大学”');
  });

  it('a member of the project team', async () => {
    const e = await commission.post('/api/commission/experts', expertBody('expert_c3', '邵红梅', '天津理工大学'));
    const found = await conflictsOf(e.body.id);
    expect(found.map((c) => c.type)).toEqual(['team_member']);
    expect(found[0].evidence).toContain('项目组成员：专家“邵红梅”');
  });

  it('staff of the project recommender', async () => {
    const rec = await orgOfUser(t, 'demo_recommender');
    const e = await commission.post('/api/commission/experts', expertBody('expert_c4', '严慧', rec.name));
    const found = await conflictsOf(e.body.id);
    expect(found.map((c) => c.type)).toEqual(['recommender_staff']);
    expect(found[0].evidence).toContain('推荐单位人员');
  });

  it('a relation the expert declares in its own profile', async () => {
    const expert = await t.login('demo_expert');
    const me = await expert.get('/api/expert/profile');
    expect(me.status).toBe(200);
    const org = await orgOfUser(t, 'demo_applicant');
    const saved = await expert.put('/api/expert/profile', { employer: me.body.employer, employerUscc: me.body.employerUscc, title: me.body.title, fields: me.body.fields, declarations: [{ organisation: org.name, relation: '2024年曾为该公司提供质量管理咨询' }], version: me.body.version });
    expect(saved.status).toBe(200);
    const found = (await conflictsOf(me.body.id)).filter((c) => c.type === 'declared_relation');
    expect(found).toHaveLength(1);
    expect(found[0].source).toBe('declared');
    expect(found[0].evidence).toContain('本人申报关系：与项目申报单位');
    // An expert cannot reach the commission's records of others.
    expect((await expert.get('/api/commission/conflicts')).status).toBe(403);
  });

  it('a commission decision is pinned: recomputation keeps it while undecided stale findings go', async () => {
    const e = await commission.post('/api/commission/experts', expertBody('expert_c5', '卢彬', '天津职业技术师范大学'));
    const [finding] = await conflictsOf(e.body.id);
    const decided = await commission.post(`/api/commission/conflicts/${finding.id}/decision`, { decision: 'confirmed', reason: '曾参与该校联合实验室', version: finding.version });
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toBe('confirmed');
    const e2 = await commission.post('/api/commission/experts', expertBody('expert_c6', '江涛', '天津职业技术师范大学'));
    // Both experts change employer: the detection no longer supports either finding.
    for (const [x, v] of [[e.body, e.body.version], [e2.body, e2.body.version]] as const) {
      const res = await commission.put(`/api/commission/experts/${x.id}`, { ...expertBody('', x.name, '南开大学'), version: v });
      expect(res.status).toBe(200);
    }
    expect((await commission.post('/api/commission/conflicts/recompute')).status).toBe(200);
    const kept = await conflictsOf(e.body.id);
    expect(kept).toHaveLength(1);
    expect(kept[0].decision).toBe('confirmed');
    expect(await conflictsOf(e2.body.id)).toEqual([]);
  });

  it('the commission decides a conflict itself (source decided); it survives recomputation', async () => {
    const e = await commission.post('/api/commission/experts', expertBody('expert_c7', '任远航', '中国民航大学'));
    expect(await conflictsOf(e.body.id)).toEqual([]);
    const bad = await commission.post('/api/commission/conflicts', { expertId: e.body.id, projectId, type: 'declared_relation', reason: '' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('请填写回避理由');
    const res = await commission.post('/api/commission/conflicts', { expertId: e.body.id, projectId, type: 'declared_relation', reason: '经核实，其子女在申报单位任职' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'decided', decision: 'confirmed', evidence: '市市场监管委认定：经核实，其子女在申报单位任职' });
    await commission.post('/api/commission/conflicts/recompute');
    expect((await conflictsOf(e.body.id)).map((c) => c.source)).toEqual(['decided']);
    const recommender = await t.login('demo_recommender');
    expect((await recommender.post('/api/commission/conflicts', { expertId: e.body.id, projectId, type: 'declared_relation', reason: '试图认定' })).status).toBe(403);
  });
});
