/**
 * 公示公布 (程序八) end to end at request level: choosing the list and opening the 公示, objections
 * from the public (named, in time, identity kept from everyone but the commission), the commission's
 * dispositions, the job closing the window, 公布 → recognised, the existing certificate run, revoke.
 * The clock starts at 2026-04-10 10:00 Beijing (a Friday): 5 working days close on Thu 2026-04-16.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvaluatedProject, insertProject } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { auditLog, certificates, notifications, projects, publications } from '../db/schema';
import { registerWorkers } from '../jobs/workers';
import { sweepPublicityWindows } from './close-publicity-job';

let t: TestApp;
let commission: Agent;
const db = () => t.services.database.db;
const names = {
  a: '降低新能源汽车线束端子压接不良率',
  b: '提高精密轴承套圈磨削尺寸一致性',
  c: '降低食品包装膜热封泄漏率',
  notProposed: '提升风电齿轮箱装配一次合格率',
  notAdopted: '降低铝型材挤压表面缺陷率',
};
const ids: Record<string, string> = {};
let windowId = '';
let windowVersion = 0;
const OBJECTOR = { name: '欧阳振宇', phone: '13820005678' };

const objection = (projectId: string, over: Record<string, unknown> = {}) => ({
  projectId,
  objectorName: OBJECTOR.name,
  objectorKind: 'person',
  contact: OBJECTOR.phone,
  content: '该项目申报的一次交检合格率提升数据与企业质量月报不一致，请核实效益数据的真实性。',
  ...over,
});
const openBody = (over: Record<string, unknown> = {}) => ({
  title: '2026年度天津市质量攻关优秀成果公示（第一批）',
  documentNo: '津市场监管质发〔2026〕31号',
  opensOn: '2026-04-10',
  projectIds: [ids.a, ids.b, ids.c],
  reasons: {},
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  await registerWorkers(t.services, { env: {} });
  commission = await t.login('demo_commission');
  ids.a = (await insertEvaluatedProject(t, { applicant: 'demo_applicant', name: names.a })).id;
  ids.b = (await insertEvaluatedProject(t, { applicant: 'app_002', name: names.b, level: 'good' })).id;
  ids.c = (await insertEvaluatedProject(t, { applicant: 'app_003', name: names.c })).id;
  ids.notProposed = (await insertEvaluatedProject(t, { applicant: 'app_004', name: names.notProposed, proposed: false })).id;
  ids.notAdopted = (await insertEvaluatedProject(t, { applicant: 'app_005', name: names.notAdopted, adopted: false })).id;
});
afterAll(async () => t.close());


describe('opening a 公示', () => {
  it('lists as candidates only evaluated projects whose outcome was adopted, proposed ones marked', async () => {
    const res = await commission.get('/api/commission/publicity');
    expect(res.status).toBe(200);
    const c = res.body.candidates.map((x: { name: string; proposed: boolean }) => [x.name, x.proposed]);
    expect(c).toEqual(expect.arrayContaining([[names.a, true], [names.notProposed, false]]));
    expect(c.map((x: unknown[]) => x[0])).not.toContain(names.notAdopted);
    expect(res.body.workingDays).toBe(5);
  });

  it('refuses when the caller is not the commission (recommender, applicant, expert: 403)', async () => {
    for (const who of ['demo_recommender', 'demo_applicant', 'demo_expert']) {
      const agent = await t.login(who);
      expect((await agent.get('/api/commission/publicity')).status).toBe(403);
      expect((await agent.post('/api/commission/publicity/windows', openBody())).status).toBe(403);
      expect((await agent.get('/api/commission/publicity/objections')).status).toBe(403);
    }
  });

  it('refuses a project whose evaluation outcome the commission has not adopted', async () => {
    const res = await commission.post('/api/commission/publicity/windows', openBody({ projectIds: [ids.a, ids.notAdopted], reasons: { [ids.notAdopted]: '评定组复核后建议增补' } }));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(`项目“${names.notAdopted}”的评定结论尚未经市市场监管委采纳`);
  });

  it('refuses a project that is not evaluated', async () => {
    const approved = await insertProject(t, { applicant: 'app_006', state: 'approved', name: '提高注塑件尺寸稳定性' });
    const res = await commission.post('/api/commission/publicity/windows', openBody({ projectIds: [approved.id] }));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('不是“已评定”状态');
  });

  it('refuses a change to the groups’ proposals without a reason, naming the project', async () => {
    const res = await commission.post('/api/commission/publicity/windows', openBody({ projectIds: [ids.a, ids.b, ids.c, ids.notProposed] }));
    expect(res.status).toBe(400);
    expect(res.body.fields[`reasons.${ids.notProposed}`]).toContain(`项目“${names.notProposed}”未经评定组建议认定，列入公示须填写调整理由`);
    const left = await commission.post('/api/commission/publicity/windows', openBody({ projectIds: [ids.a, ids.b] }));
    expect(left.status).toBe(400);
    expect(left.body.fields[`reasons.${ids.c}`]).toContain('不列入公示须填写调整理由');
  });

  it('refuses an opening day that is not a working day, or in the past', async () => {
    const weekend = await commission.post('/api/commission/publicity/windows', openBody({ opensOn: '2026-04-11' }));
    expect(weekend.status).toBe(400);
    expect(weekend.body.fields.opensOn).toContain('不是工作日');
    const past = await commission.post('/api/commission/publicity/windows', openBody({ opensOn: '2026-04-09' }));
    expect(past.body.fields.opensOn).toContain('不能早于今天');
  });

  it('opens the 公示: 5 working days, projects in publicity, the 公示名单 published, units and recommenders told', async () => {
    const res = await commission.post('/api/commission/publicity/windows', openBody(), { 'idempotency-key': 'open-publicity-1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'open', opensOn: '2026-04-10', closesOn: '2026-04-16', stateLabel: '公示中' });
    windowId = res.body.id;
    windowVersion = res.body.version;
    const states = await db().select({ state: projects.state }).from(projects).where(eq(projects.id, ids.a));
    expect(states[0].state).toBe('in_publicity');
    const pub = await t.anonymous().get(`/api/public/publications/${res.body.listPublicationId}`);
    expect(pub.body).toMatchObject({ kind: 'publicity_list', kindLabel: '公示名单', version: 1 });
    expect(pub.body.rows.map((r: { name: string; level: string }) => [r.name, r.level])).toEqual(expect.arrayContaining([[names.a, '优秀'], [names.b, '良好']]));
    const pdf = await t.anonymous().get(`/api/public/publications/${res.body.listPublicationId}/file.pdf`);
    expect(pdf.status).toBe(200);
    const told = await db().select().from(notifications).where(eq(notifications.title, '项目成果进入公示'));
    expect(await db().select().from(notifications).where(eq(notifications.title, '收到公示异议'))).toHaveLength(0);
    expect(told.length).toBe(3);
    expect(told.find((n) => n.body.includes(names.a))!.body).toContain('2026-04-10至2026-04-16');
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, 'publicity'), eq(auditLog.action, 'open_publicity')));
    expect(audit).toHaveLength(1);
  });
});

describe('objections from the public', () => {
  it('shows the 公示 publicly, accepting objections, without any objector or expert data', async () => {
    const res = await t.anonymous().get(`/api/public/publicity/${windowId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepting: true, closesOn: '2026-04-16', deadline: '2026-04-16T15:59:59.999Z' });
    expect(res.body.rows).toHaveLength(3);
  });

  it('refuses an anonymous objection and one without a valid phone, naming the field', async () => {
    const anon = await t.anonymous().post(`/api/public/publicity/${windowId}/objections`, objection(ids.a, { objectorName: '匿名群众' }));
    expect(anon.status).toBe(400);
    expect(anon.body.fields.objectorName).toContain('匿名异议不予受理');
    const phone = await t.anonymous().post(`/api/public/publicity/${windowId}/objections`, objection(ids.a, { contact: '12345' }));
    expect(phone.status).toBe(400);
    expect(JSON.stringify(phone.body.fields)).toContain('联系电话');
    const short = await t.anonymous().post(`/api/public/publicity/${windowId}/objections`, objection(ids.a, { content: '数据有问题' }));
    expect(JSON.stringify(short.body.fields)).toContain('异议内容至少20个字');
  });

  it('refuses an objection to a project not in the list', async () => {
    const res = await t.anonymous().post(`/api/public/publicity/${windowId}/objections`, objection(ids.notProposed));
    expect(res.status).toBe(400);
    expect(res.body.fields.projectId).toContain('不在本次公示名单中');
  });

  it('accepts a named objection with evidence until 23:59:59 of the last day and refuses it one second later', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const ev = await t.anonymous().upload(`/api/public/publicity/${windowId}/evidence`, '质量月报截图.png', png, 'image/png');
    expect(ev.status).toBe(200);
    const first = await t.anonymous().post(`/api/public/publicity/${windowId}/objections`, objection(ids.a, { evidenceFileId: ev.body.id }));
    expect(first.status).toBe(200);
    expect(first.body.message).toContain('身份保密');
    t.clock.set('2026-04-16T15:59:59.000Z');
    const last = await t.anonymous().post(`/api/public/publicity/${windowId}/objections`, objection(ids.b, { objectorName: '天津市某检测技术有限公司'.replace('某', '津南'), objectorKind: 'organisation', contact: '022-58950677' }));
    expect(last.status).toBe(200);
    t.clock.set('2026-04-16T16:00:00.000Z');
    const late = await t.anonymous().post(`/api/public/publicity/${windowId}/objections`, objection(ids.c));
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('逾期不予受理');
    t.clock.set('2026-04-16T15:00:00.000Z');
  });

  it('keeps the objector’s identity out of every non-commission payload', async () => {
    commission = await t.login('demo_commission'); // the clock moved days: a new session
    const payloads = [await t.anonymous().get(`/api/public/publicity/${windowId}`), await t.anonymous().get('/api/public/publicity')];
    const applicant = await t.login('demo_applicant');
    const recommender = await t.login('demo_recommender');
    payloads.push(await applicant.get('/api/notifications'), await recommender.get('/api/notifications'));
    for (const p of payloads) {
      const text = JSON.stringify(p.body);
      expect(text).not.toContain(OBJECTOR.name);
      expect(text).not.toContain(OBJECTOR.phone);
    }
    const audit = JSON.stringify(await db().select().from(auditLog).where(eq(auditLog.entity, 'objection')));
    const notices = await db().select().from(notifications).where(eq(notifications.title, '收到公示异议'));
    expect(notices).toHaveLength(2);
    expect(JSON.stringify(notices)).not.toContain(OBJECTOR.name);
    expect(audit).not.toContain(OBJECTOR.name);
    const list = await commission.get(`/api/commission/publicity/objections?publicityId=${windowId}`);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.find((o: { projectName: string }) => o.projectName === names.a)).toMatchObject({ objectorName: OBJECTOR.name, contact: OBJECTOR.phone, state: 'received', evidence: { name: '质量月报截图.png' } });
  });
});

describe('objector identity on every GET endpoint', () => {
  it('no GET endpoint shows the objector to an applicant, a recommender or the public', async () => {
    const spec = await t.anonymous().get('/api/openapi.json');
    const paths = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>)
      .filter(([, methods]) => 'get' in methods)
      .map(([p]) => p);
    expect(paths).toContain('/api/public/publicity/{id}');
    const fill = (p: string) => p.replace(/\{(id|projectId)\}/g, p.includes('publicity') ? windowId : ids.a).replace('{n}', '1').replace('{format}', 'docx').replace('{code}', '91120116MA05TEST1X');
    const agents = [t.anonymous(), await t.login('demo_applicant'), await t.login('demo_recommender')];
    let answered = 0;
    for (const agent of agents) {
      for (const p of paths) {
        const res = await agent.get(fill(p));
        const text = res.body !== undefined ? JSON.stringify(res.body) : '';
        expect(text, `${p} (${res.status})`).not.toContain(OBJECTOR.name);
        expect(text, `${p} (${res.status})`).not.toContain(OBJECTOR.phone);
        if (res.status === 200) answered++;
      }
    }
    expect(answered).toBeGreaterThan(30);
  });
});

describe('closing, dispositions and 公布', () => {
  it('refuses to publish while the 公示 period runs', async () => {
    const res = await commission.post(`/api/commission/publicity/windows/${windowId}/publish`, { version: windowVersion, title: '2026年度天津市质量攻关优秀成果认定结果', documentNo: '津市场监管质发〔2026〕35号' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('届满后方可公布');
  });

  it('the job closes the window only after its last day has ended (Beijing time)', async () => {
    expect(await sweepPublicityWindows(t.services)).toEqual({ opened: 0, closed: 0 });
    t.clock.set('2026-04-16T16:00:00.000Z');
    expect(await sweepPublicityWindows(t.services)).toEqual({ opened: 0, closed: 1 });
    commission = await t.login('demo_commission');
    expect(await sweepPublicityWindows(t.services)).toEqual({ opened: 0, closed: 0 });
    const w = await commission.get(`/api/commission/publicity/windows/${windowId}`);
    expect(w.body).toMatchObject({ state: 'closed', objections: { total: 2, open: 2 } });
    windowVersion = w.body.version;
    expect((await t.anonymous().get(`/api/public/publicity/${windowId}`)).body.accepting).toBe(false);
  });

  it('refuses to publish while an objection has no disposition', async () => {
    const res = await commission.post(`/api/commission/publicity/windows/${windowId}/publish`, { version: windowVersion, title: '2026年度天津市质量攻关优秀成果认定结果', documentNo: '津市场监管质发〔2026〕35号' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('还有2件异议尚未办结');
  });

  it('concludes objections: not upheld keeps the project; upheld takes it out and corrects the list', async () => {
    const list = (await commission.get(`/api/commission/publicity/objections?publicityId=${windowId}`)).body.items as { id: string; projectId: string; version: number }[];
    const onA = list.find((o) => o.projectId === ids.a)!;
    const onB = list.find((o) => o.projectId === ids.b)!;
    const recommender = await t.login('demo_recommender');
    expect((await recommender.post(`/api/commission/publicity/objections/${onA.id}/conclude`, { version: onA.version, outcome: 'upheld', reply: '经核实异议成立，不予认定。' })).status).toBe(403);
    const assigned = await commission.post(`/api/commission/publicity/objections/${onA.id}/assign`, { version: onA.version, assignee: '质量发展处 李明' });
    expect(assigned.body).toMatchObject({ state: 'assigned', assignee: '质量发展处 李明' });
    const stale = await commission.post(`/api/commission/publicity/objections/${onA.id}/conclude`, { version: onA.version, outcome: 'not_upheld', reply: '经调取企业质量月报核实，数据一致，异议不成立。' });
    expect(stale.status).toBe(409);
    const noReply = await commission.post(`/api/commission/publicity/objections/${onA.id}/conclude`, { version: assigned.body.version, outcome: 'not_upheld', reply: '不成立' });
    expect(noReply.body.fields.reply).toContain('答复意见至少10个字');
    const a = await commission.post(`/api/commission/publicity/objections/${onA.id}/conclude`, { version: assigned.body.version, outcome: 'not_upheld', reply: '经调取企业质量月报和检验记录核实，效益数据一致，异议不成立。' });
    expect(a.body).toMatchObject({ state: 'concluded', outcome: 'not_upheld', outcomeLabel: '异议不成立' });
    const again = await commission.post(`/api/commission/publicity/objections/${onA.id}/conclude`, { version: a.body.version, outcome: 'upheld', reply: '重新核实后认为异议成立，撤回认定建议。' });
    expect(again.status).toBe(409);
    const b = await commission.post(`/api/commission/publicity/objections/${onB.id}/conclude`, { version: onB.version, outcome: 'upheld', reply: '经现场核查，尺寸一致性数据未达攻关目标，异议成立。' });
    expect(b.status).toBe(200);
    const [pb] = await db().select().from(projects).where(eq(projects.id, ids.b));
    expect(pb.state).toBe('evaluated');
    const w = (await commission.get(`/api/commission/publicity/windows/${windowId}`)).body;
    expect(w.projects.map((p: { name: string }) => p.name)).toEqual(expect.not.arrayContaining([names.b]));
    const corrected = (await t.anonymous().get(`/api/public/publications/${w.listPublicationId}`)).body;
    expect(corrected).toMatchObject({ version: 2, correctionNote: expect.stringContaining(names.b) });
    expect(corrected.rows).toHaveLength(2);
    windowVersion = w.version;
  });

  it('publishes the 认定结果: the remaining projects recognised, the official list public, showcase drafts made', async () => {
    const body = { version: windowVersion, title: '2026年度天津市质量攻关优秀成果认定结果', documentNo: '津市场监管质发〔2026〕35号' };
    const res = await commission.post(`/api/commission/publicity/windows/${windowId}/publish`, body, { 'idempotency-key': 'publish-recognition-1' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('published');
    const replay = await commission.post(`/api/commission/publicity/windows/${windowId}/publish`, body, { 'idempotency-key': 'publish-recognition-1' });
    expect(replay.status).toBe(200);
    const twice = await commission.post(`/api/commission/publicity/windows/${windowId}/publish`, { ...body, version: res.body.version });
    expect(twice.status).toBe(409);
    const rows = await db().select({ id: projects.id, state: projects.state }).from(projects);
    const stateOf = (id: string) => rows.find((r) => r.id === id)!.state;
    expect([stateOf(ids.a), stateOf(ids.c), stateOf(ids.b)]).toEqual(['recognised', 'recognised', 'evaluated']);
    const result = (await t.anonymous().get(`/api/public/publications/${res.body.resultPublicationId}`)).body;
    expect(result).toMatchObject({ kind: 'recognition_result', kindLabel: '认定结果' });
    expect(result.rows.map((r: { name: string }) => r.name).sort()).toEqual([names.a, names.c].sort());
    const pubs = await db().select().from(publications).where(eq(publications.kind, 'recognition_result'));
    expect(pubs).toHaveLength(1);
  });

  it('the existing certificate run issues a certificate to a project walked through 公示', async () => {
    const started = await commission.post('/api/commission/certificates/runs');
    expect(started.status).toBe(200);
    await t.jobs.drain();
    const issued = await db().select().from(certificates).where(and(eq(certificates.projectId, ids.a), eq(certificates.state, 'issued')));
    expect(issued).toHaveLength(1);
  });

  it('revokes a recognition with a reason: the project revoked, its certificate voided; refuses without reason or by others', async () => {
    const [p] = await db().select().from(projects).where(eq(projects.id, ids.c));
    const applicant = await t.login('app_003');
    expect((await applicant.post(`/api/commission/publicity/projects/${ids.c}/revoke`, { version: p.version, reason: '发现成果数据造假' })).status).toBe(403);
    const noReason = await commission.post(`/api/commission/publicity/projects/${ids.c}/revoke`, { version: p.version, reason: '' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.fields)).toContain('撤销理由');
    const res = await commission.post(`/api/commission/publicity/projects/${ids.c}/revoke`, { version: p.version, reason: '经举报核实，成果效益数据存在虚报' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'revoked', voided: 1 });
    const [c] = await db().select().from(certificates).where(eq(certificates.projectId, ids.c));
    expect(c.state).toBe('void');
    const notRecognised = await commission.post(`/api/commission/publicity/projects/${ids.b}/revoke`, { version: 1, reason: '经举报核实，成果效益数据存在虚报' });
    expect(notRecognised.status).toBe(409);
  });
});

describe('a 公示 opening on a later working day', () => {
  it('is scheduled, not public, and the job opens it on its first day', async () => {
    commission = await t.login('demo_commission');
    const later = await insertEvaluatedProject(t, { applicant: 'app_007', name: '提高汽车轮毂低压铸造一次合格率' });
    // Now 2026-04-17 00:00 Beijing (Fri); the 公示 opens Mon 20 April. ids.b (proposed, back to evaluated) is left out with a reason.
    const res = await commission.post('/api/commission/publicity/windows', openBody({ title: '2026年度天津市质量攻关优秀成果公示（第二批）', opensOn: '2026-04-20', projectIds: [later.id], reasons: { [ids.b]: '异议成立，本年度不再列入公示' } }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'scheduled', opensOn: '2026-04-20', closesOn: '2026-04-24' });
    expect((await t.anonymous().get(`/api/public/publicity/${res.body.id}`)).status).toBe(404);
    t.clock.set('2026-04-19T15:59:59.000Z');
    expect(await sweepPublicityWindows(t.services)).toEqual({ opened: 0, closed: 0 });
    t.clock.set('2026-04-19T16:00:00.000Z');
    expect(await sweepPublicityWindows(t.services)).toEqual({ opened: 1, closed: 0 });
    expect((await t.anonymous().get(`/api/public/publicity/${res.body.id}`)).body).toMatchObject({ accepting: true, stateLabel: '公示中' });
  });
});

describe('不予认定', () => {
  it('closes an evaluated project with a reason; refuses without one, by others, or from another state', async () => {
    commission = await t.login('demo_commission');
    const [p] = await db().select().from(projects).where(eq(projects.id, ids.notProposed));
    const recommender = await t.login('demo_recommender');
    expect((await recommender.post(`/api/commission/publicity/projects/${p.id}/decline`, { version: p.version, reason: '评定结论为合格，未达优秀' })).status).toBe(403);
    const noReason = await commission.post(`/api/commission/publicity/projects/${p.id}/decline`, { version: p.version, reason: '无' });
    expect(noReason.body.fields.reason).toContain('不予认定理由至少4个字');
    const stale = await commission.post(`/api/commission/publicity/projects/${p.id}/decline`, { version: p.version + 1, reason: '评定组未建议认定为优秀成果' });
    expect(stale.status).toBe(409);
    const ok = await commission.post(`/api/commission/publicity/projects/${p.id}/decline`, { version: p.version, reason: '评定组未建议认定为优秀成果' });
    expect(ok.body).toMatchObject({ state: 'closed' });
    const [recognisedA] = await db().select().from(projects).where(eq(projects.id, ids.a));
    const wrong = await commission.post(`/api/commission/publicity/projects/${ids.a}/decline`, { version: recognisedA.version, reason: '评定组未建议认定为优秀成果' });
    expect(wrong.status).toBe(409);
  });
});

describe('宣传推广: showcase of recognised results', () => {
  it('the unit proposes its text, the commission approves it, the portal shows it; others are refused', async () => {
    commission = await t.login('demo_commission');
    const all = (await commission.get('/api/commission/showcase')).body.items as { id: string; projectId: string; version: number; state: string; summary: string }[];
    const entryA = all.find((e) => e.projectId === ids.a)!;
    const entryC = all.find((e) => e.projectId === ids.c)!;
    expect(entryA).toMatchObject({ state: 'draft', summary: expect.stringContaining('开展质量攻关') });
    expect((await t.anonymous().get('/api/public/excellent')).body.items).toHaveLength(0);

    const other = await t.login('app_002');
    expect((await other.post(`/api/applicant/showcase/${entryA.id}/propose`, { version: entryA.version, title: '线束端子压接不良率降低六成', summary: '通过压接参数优化和在线监测，线束端子压接不良率由1.2%降至0.45%，年节约返工成本80万元。', highlights: ['压接不良率下降62%'] })).status).toBe(404);
    const unit = await t.login('demo_applicant');
    const mine = (await unit.get('/api/applicant/showcase')).body.items;
    expect(mine.map((e: { id: string }) => e.id)).toEqual([entryA.id]);
    const bad = await unit.post(`/api/applicant/showcase/${entryA.id}/propose`, { version: entryA.version, title: '线', summary: '太短', highlights: [] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.fields)).toContain('成果简介至少20个字');
    const proposed = await unit.post(`/api/applicant/showcase/${entryA.id}/propose`, { version: entryA.version, title: '线束端子压接不良率降低六成', summary: '通过压接参数优化和在线监测，线束端子压接不良率由1.2%降至0.45%，年节约返工成本80万元。', highlights: ['压接不良率下降62%', '年节约返工成本80万元'] });
    expect(proposed.body).toMatchObject({ state: 'proposed' });
    expect((await t.anonymous().get('/api/public/excellent')).body.items).toHaveLength(0);

    const recommender = await t.login('demo_recommender');
    expect((await recommender.post(`/api/commission/showcase/${entryA.id}/approve`, { version: proposed.body.version })).status).toBe(403);
    const approved = await commission.post(`/api/commission/showcase/${entryA.id}/approve`, { version: proposed.body.version });
    expect(approved.body).toMatchObject({ state: 'approved', stateLabel: '已公开展示' });
    const pub = (await t.anonymous().get('/api/public/excellent')).body.items;
    expect(pub).toEqual([expect.objectContaining({ title: '线束端子压接不良率降低六成', unit: '天津海河协作机器人科技有限公司', highlights: ['压接不良率下降62%', '年节约返工成本80万元'] })]);
    expect(JSON.stringify(pub)).not.toContain('version');
    expect((await t.anonymous().get(`/api/public/excellent/${entryA.id}`)).status).toBe(200);

    // The revoked project's entry was taken down and cannot be approved.
    const refused = await commission.post(`/api/commission/showcase/${entryC.id}/approve`, { version: entryC.version });
    expect(refused.status).toBe(409);
    expect((await t.anonymous().get(`/api/public/excellent/${entryC.id}`)).status).toBe(404);
  });

  it('records an exchange conference listed publicly; refuses missing place', async () => {
    const bad = await commission.post('/api/commission/conferences', { title: '2026年度质量攻关成果经验交流会', heldOn: '2026-12-18', place: '' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.fields)).toContain('举办地点');
    const ok = await commission.post('/api/commission/conferences', { title: '2026年度质量攻关成果经验交流会', heldOn: '2026-12-18', place: '天津市市场监督管理委员会第一会议室' });
    expect(ok.status).toBe(200);
    expect((await t.anonymous().get('/api/public/conferences')).body.items[0]).toMatchObject({ place: '天津市市场监督管理委员会第一会议室' });
  });
});
