import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { insertProject } from '../../../test/support/factories';
import { DEFAULT_EVALUATION_CRITERIA } from '../../domain/evaluation';
import { evaluationOutcomes, expertConflicts, notifications, projectResults, projects, users } from '../db/schema';
import { tinyPdf } from '../../../test/support/tiny-pdf';
import { expireInvitations } from './expire-invitations';

const FIELD = '协作机器人';
const DEADLINE = '2026-05-20';
const SEED = 'TJ-2026-PJ-0001';

let t: TestApp;
let commission: Agent;
let expert: Agent;
let p1: string;
let p2: string;
let group: GroupBody;

interface GroupBody {
  id: string;
  state: string;
  version: number;
  seed?: string;
  drawSeedHash: string;
  members: { userId: string; username: string }[];
  candidates: { userId: string }[];
  projects: { id: string; state: string; version: number; blocker: string | null; tasks: { id: string; expertUserId: string; state: string }[]; aggregate: { score: number; trimmed: boolean; level: string } | null }[];
}

const items = (points: number) => Object.fromEntries(DEFAULT_EVALUATION_CRITERIA.sections.flatMap((s) => s.items).map((i) => [i.id, Math.round(i.max * points * 10) / 10]));
const OPINION = '成果选题聚焦关节轴承早期失效，数据翔实，对策有效，经济效益显著，具备推广价值。';
const sheet = (points: number, version: number, vetoes: string[] = []) => ({ items: items(points), vetoes, opinion: OPINION, version });

async function received(name: string) {
  const p = await insertProject(t, { applicant: 'demo_applicant', state: 'results_received', name });
  await t.services.database.db.update(projects).set({ chain: FIELD }).where(eq(projects.id, p.id));
  return p.id;
}
async function reload() {
  const res = await commission.get(`/api/commission/evaluation/groups/${group.id}`);
  expect(res.status).toBe(200);
  group = res.body;
  return group;
}
const taskOf = (projectId: string, userId: string) => group.projects.find((p) => p.id === projectId)!.tasks.find((x) => x.expertUserId === userId && x.state !== 'recused' && x.state !== 'declined')!;

/** An expert accepts, declares no conflict and submits `points` (share of each item's maximum). */
async function score(agent: Agent, taskId: string, points: number) {
  let v = (await agent.get(`/api/expert/tasks/${taskId}`)).body.version;
  v = (await agent.post(`/api/expert/tasks/${taskId}/accept`, { version: v })).body.version;
  v = (await agent.post(`/api/expert/tasks/${taskId}/declaration`, { kind: 'none', statement: true, version: v })).body.version;
  const res = await agent.post(`/api/expert/tasks/${taskId}/submit`, sheet(points, v));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

let demoExpertId: string;
let reportFileId: string;

beforeAll(async () => {
  t = await createTestApp();
  commission = await t.login('demo_commission');
  expert = await t.login('demo_expert');
  p1 = await received('协作机器人关节轴承早期失效检测攻关');
  p2 = await received('降低协作机器人末端执行器装配偏差');
  [{ id: demoExpertId }] = await t.services.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'demo_expert'));
  const unit = await t.login('demo_applicant');
  const up = await unit.upload('/api/files?purpose=result', '成果报告全文.pdf', tinyPdf('成果报告全文.pdf'), 'application/pdf');
  expect(up.status).toBe(200);
  reportFileId = up.body.id;
  await t.services.database.db.insert(projectResults).values({ projectId: p1, report: { summary: '针对关节轴承早期失效开展攻关。' }, reportFileId, reviewState: 'accepted' });
});
afterAll(() => t.close());

describe('forming a group', () => {
  it('refuses a recommender and an applicant on the commission routes', async () => {
    for (const u of ['demo_recommender', 'demo_applicant']) {
      const a = await t.login(u);
      expect((await a.get('/api/commission/evaluation/groups')).status).toBe(403);
      expect((await a.post('/api/commission/evaluation/groups', { field: FIELD, deadline: DEADLINE })).status).toBe(403);
    }
  });

  it('lists the field with its waiting results', async () => {
    const res = await commission.get('/api/commission/evaluation/fields');
    expect(res.body.items).toContainEqual(expect.objectContaining({ field: FIELD, waiting: 2 }));
  });

  it('refuses a deadline that is not in the future, naming the field', async () => {
    const res = await commission.post('/api/commission/evaluation/groups', { field: FIELD, deadline: '2026-04-10' });
    expect(res.status).toBe(400);
    expect(res.body.fields.deadline).toBe('评分截止日期应晚于今天（2026-04-10）');
  });

  it('draws a group reproducibly from the seed and stores only its hash', async () => {
    const res = await commission.post('/api/commission/evaluation/groups', { field: FIELD, deadline: DEADLINE, seed: SEED });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    group = res.body;
    expect(group.state).toBe('proposed');
    expect(group.seed).toBe(SEED);
    expect(group.drawSeedHash).toBe(createHash('sha256').update(SEED).digest('hex'));
    expect(group.members).toHaveLength(DEFAULT_EVALUATION_CRITERIA.groupSize);
    expect(group.projects.map((p) => p.id).sort()).toEqual([p1, p2].sort());
    expect((await reload()).seed).toBeUndefined();
    const again = await commission.post(`/api/commission/evaluation/groups/${group.id}/redraw`, { seed: SEED, version: group.version });
    expect(again.status).toBe(200);
    expect(again.body.members.map((m: { userId: string }) => m.userId)).toEqual(group.members.map((m) => m.userId));
    group = again.body;
  });

  it('refuses a second group for results already held by one', async () => {
    const res = await commission.post('/api/commission/evaluation/groups', { field: FIELD, deadline: DEADLINE });
    expect(res.status).toBe(400);
    expect(res.body.fields.field).toBe('“协作机器人”领域没有待评定的成果');
  });

  it('replaces one expert with a reason; refuses a short reason and an expert who is not a candidate', async () => {
    const out = group.members.find((m) => m.userId !== demoExpertId)!.userId;
    const inGroup = group.members.map((m) => m.userId).includes(demoExpertId);
    const incoming = inGroup ? group.candidates[0].userId : demoExpertId;
    expect((await commission.post(`/api/commission/evaluation/groups/${group.id}/replace`, { out, in: incoming, reason: '出差', version: group.version })).body.fields.reason).toContain('替换原因至少4个字');
    const member = group.members.find((m) => m.userId !== out)!.userId;
    const bad = await commission.post(`/api/commission/evaluation/groups/${group.id}/replace`, { out, in: member, reason: '专家出差无法参加评定', version: group.version });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.in).toContain('替换专家须在库');
    const ok = await commission.post(`/api/commission/evaluation/groups/${group.id}/replace`, { out, in: incoming, reason: '专家出差无法参加评定', version: group.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    group = ok.body;
    expect(group.members.map((m) => m.userId)).toContain(incoming);
    expect(group.members.map((m) => m.userId)).not.toContain(out);
    if (!group.members.map((m) => m.userId).includes(demoExpertId)) {
      group = (await commission.post(`/api/commission/evaluation/groups/${group.id}/replace`, { out: group.members[0].userId, in: demoExpertId, reason: '补充专业对口专家', version: group.version })).body;
    }
    expect(group.members.map((m) => m.userId)).toContain(demoExpertId);
  });

  it('commits: one task per expert and project, projects 评定中, experts notified; refuses committing twice', async () => {
    const res = await commission.post(`/api/commission/evaluation/groups/${group.id}/commit`, { version: group.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    group = res.body;
    expect(group.state).toBe('committed');
    expect(group.projects.every((p) => p.state === 'in_evaluation' && p.tasks.length === 5)).toBe(true);
    const notes = await t.services.database.db.select().from(notifications).where(eq(notifications.userId, demoExpertId));
    expect(notes.map((n) => n.title)).toContain('成果评定任务邀请');
    const twice = await commission.post(`/api/commission/evaluation/groups/${group.id}/commit`, { version: group.version });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('评定组已确认，不能重复确认');
    expect((await commission.post(`/api/commission/evaluation/groups/${group.id}/redraw`, { version: group.version })).status).toBe(409);
  });
});

describe('an expert task', () => {
  let task: string;
  it('shows the invitation without materials; refuses declaring before accepting and scoring before declaring', async () => {
    task = taskOf(p1, demoExpertId).id;
    const list = await expert.get('/api/expert/tasks');
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(task);
    const d = await expert.get(`/api/expert/tasks/${task}`);
    expect(d.body).toMatchObject({ state: 'invited', field: FIELD, deadline: DEADLINE, materials: null });
    const early = await expert.post(`/api/expert/tasks/${task}/declaration`, { kind: 'none', statement: true, version: d.body.version });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('请先接受评定任务');
    const accepted = await expert.post(`/api/expert/tasks/${task}/accept`, { version: d.body.version });
    expect(accepted.body.state).toBe('accepted');
    const scoring = await expert.put(`/api/expert/tasks/${task}/scores`, sheet(0.9, accepted.body.version));
    expect(scoring.status).toBe(409);
    expect(accepted.body.materials).toBeNull();
  });

  it('refuses another expert (404) and other roles (403)', async () => {
    const other = group.members.find((m) => m.userId !== demoExpertId)!;
    const a = await t.login(other.username);
    expect((await a.get(`/api/expert/tasks/${task}`)).status).toBe(404);
    expect((await a.post(`/api/expert/tasks/${task}/decline`, { reason: '时间冲突', version: 1 })).status).toBe(404);
    expect((await (await t.login('demo_applicant')).get(`/api/expert/tasks/${task}`)).status).toBe(403);
  });

  it('opens the materials after the signed no-conflict statement; refuses the statement without the tick', async () => {
    let d = (await expert.get(`/api/expert/tasks/${task}`)).body;
    const unticked = await expert.post(`/api/expert/tasks/${task}/declaration`, { kind: 'none', statement: false, version: d.version });
    expect(unticked.status).toBe(400);
    d = (await expert.post(`/api/expert/tasks/${task}/declaration`, { kind: 'none', statement: true, version: d.version })).body;
    expect(d.state).toBe('scoring');
    expect(d.declaration.kind).toBe('none');
    expect(d.materials).toMatchObject({ projectId: p1, name: '协作机器人关节轴承早期失效检测攻关', reportFile: { fileId: reportFileId } });
    const file = await expert.get(`/api/expert/tasks/${task}/files/${reportFileId}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('pdf');
    expect((await expert.get(`/api/expert/tasks/${task}/files/${p2}`)).status).toBe(404);
    const other = group.members.find((m) => m.userId !== demoExpertId)!;
    expect((await (await t.login(other.username)).get(`/api/expert/tasks/${task}/files/${reportFileId}`)).status).toBe(404);
  });

  it('refuses a score out of range, naming the item and the limit, and an incomplete submission', async () => {
    const d = (await expert.get(`/api/expert/tasks/${task}`)).body;
    const over = await expert.put(`/api/expert/tasks/${task}/scores`, { ...sheet(0.9, d.version), items: { ...items(0.9), effect: 21 } });
    expect(over.status).toBe(400);
    expect(over.body.fields['items.effect']).toBe('“效果验证真实、经济社会效益显著”的得分应在0至20分之间，当前为21分');
    const draft = await expert.put(`/api/expert/tasks/${task}/scores`, { items: { topic: 9 }, vetoes: [], opinion: '', version: d.version });
    expect(draft.status).toBe(200);
    const partial = await expert.post(`/api/expert/tasks/${task}/submit`, { items: { topic: 9 }, vetoes: [], opinion: OPINION, version: draft.body.version });
    expect(partial.status).toBe(400);
    expect(partial.body.fields['items.target']).toBe('请为“现状调查充分、目标明确可测”打分（0至10分）');
    const ok = await expert.post(`/api/expert/tasks/${task}/submit`, sheet(0.9, draft.body.version));
    expect(ok.body.state).toBe('submitted');
    expect((await expert.post(`/api/expert/tasks/${task}/submit`, sheet(0.9, ok.body.version))).status).toBe(409);
  });

  it('a declared conflict recuses the expert, writes a declared 回避 finding and tells the commission', async () => {
    await reload();
    const t2 = taskOf(p2, demoExpertId).id;
    let d = (await expert.get(`/api/expert/tasks/${t2}`)).body;
    d = (await expert.post(`/api/expert/tasks/${t2}/accept`, { version: d.version })).body;
    const res = await expert.post(`/api/expert/tasks/${t2}/declaration`, { kind: 'conflict', type: 'declared_relation', description: '近三年为该公司提供过技术咨询', version: d.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'recused', materials: null });
    const found = await t.services.database.db.select().from(expertConflicts).where(and(eq(expertConflicts.expertUserId, demoExpertId), eq(expertConflicts.projectId, p2)));
    expect(found.map((c) => c.source)).toContain('declared');
    const c = await commission.get(`/api/commission/conflicts?projectId=${p2}`);
    expect(c.body.items.map((x: { evidence: string }) => x.evidence).join()).toContain('近三年为该公司提供过技术咨询');
  });
});

describe('declining', () => {
  it('refuses a decline without a reason or at a stale version; a decline is final and tells the commission', async () => {
    await reload();
    const other = group.members.find((m) => m.userId !== demoExpertId)!;
    const a = await t.login(other.username);
    const tk = taskOf(p2, other.userId).id;
    const d = (await a.get(`/api/expert/tasks/${tk}`)).body;
    const empty = await a.post(`/api/expert/tasks/${tk}/decline`, { reason: '', version: d.version });
    expect(empty.status).toBe(400);
    expect(empty.body.fields.reason).toContain('请填写谢绝原因');
    expect((await a.post(`/api/expert/tasks/${tk}/decline`, { reason: '近期出差无法参加评定', version: d.version + 1 })).status).toBe(409);
    const ok = await a.post(`/api/expert/tasks/${tk}/decline`, { reason: '近期出差无法参加评定', version: d.version });
    expect(ok.body).toMatchObject({ state: 'declined', declineReason: '近期出差无法参加评定' });
    const again = await a.post(`/api/expert/tasks/${tk}/accept`, { version: ok.body.version });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('评定任务当前状态为“已谢绝”，不能接受');
    const notes = await t.services.database.db.select().from(notifications).where(eq(notifications.title, '专家谢绝评定任务'));
    expect(notes.map((n) => n.body).join()).toContain('近期出差无法参加评定');
  });
});

describe('conclusion', () => {
  it('refuses concluding a project with unsubmitted tasks', async () => {
    await reload();
    const p = group.projects.find((x) => x.id === p1)!;
    const res = await commission.post(`/api/commission/evaluation/groups/${group.id}/projects/${p1}/conclude`, { opinion: '评定组一致认为成果达到优秀水平。', proposed: true, version: p.version });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/^尚有4位专家未提交评分/);
  });

  it('concludes with the trimmed mean once every expert has submitted; refuses adopting before every project is concluded', async () => {
    const points = [0.95, 0.86, 0.88, 0.5];
    const others = group.members.filter((m) => m.userId !== demoExpertId);
    for (const [i, m] of others.entries()) await score(await t.login(m.username), taskOf(p1, m.userId).id, points[i]);
    await reload();
    const p = group.projects.find((x) => x.id === p1)!;
    expect(p.blocker).toBeNull();
    expect(p.aggregate).toMatchObject({ trimmed: true, score: 88, level: 'excellent' });
    const res = await commission.post(`/api/commission/evaluation/groups/${group.id}/projects/${p1}/conclude`, { opinion: '评定组一致认为成果达到优秀水平。', proposed: true, version: p.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    group = res.body;
    expect(group.projects.find((x) => x.id === p1)!.state).toBe('evaluated');
    const adopt = await commission.post(`/api/commission/evaluation/groups/${group.id}/adopt`, { version: group.version });
    expect(adopt.status).toBe(409);
    expect(adopt.body.message).toBe('评定组尚未对全部项目得出结论，不能采纳');
  });

  it('replaces the recused expert on the project, concludes it and adopts the whole group', async () => {
    const incoming = group.candidates[0];
    const quitters = new Set(group.projects.flatMap((x) => x.tasks).filter((x) => x.state === 'declined' || x.state === 'recused').map((x) => x.expertUserId));
    const busy = group.members.find((m) => !quitters.has(m.userId))!.userId;
    const nothing = await commission.post(`/api/commission/evaluation/groups/${group.id}/replace`, { out: busy, in: incoming.userId, reason: '专家工作调整', version: group.version });
    expect(nothing.status).toBe(409);
    expect(nothing.body.message).toBe('该专家没有谢绝或回避的评定任务，无需替换');
    const r = await commission.post(`/api/commission/evaluation/groups/${group.id}/replace`, { out: demoExpertId, in: incoming.userId, reason: '专家申报回避，替换专业对口专家', version: group.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    group = r.body;
    const [{ username }] = await t.services.database.db.select({ username: users.username }).from(users).where(eq(users.id, incoming.userId));
    for (const m of group.projects.find((x) => x.id === p2)!.tasks.filter((x) => x.state !== 'recused' && x.state !== 'declined')) {
      const u = m.expertUserId === incoming.userId ? username : group.members.find((x) => x.userId === m.expertUserId)!.username;
      await score(await t.login(u), m.id, 0.8);
    }
    await reload();
    const p = group.projects.find((x) => x.id === p2)!;
    expect(p.aggregate).toMatchObject({ score: 80, level: 'good' });
    const concluded = await commission.post(`/api/commission/evaluation/groups/${group.id}/projects/${p2}/conclude`, { opinion: '评定组认为成果达到良好水平。', proposed: false, version: p.version });
    expect(concluded.status).toBe(200);
    expect(concluded.body.state, JSON.stringify(concluded.body.projects.map((x: { outcome: unknown }) => x.outcome))).toBe('concluded');
    await reload();
    expect(group.state).toBe('concluded');
    const adopted = await commission.post(`/api/commission/evaluation/groups/${group.id}/adopt`, { version: group.version });
    expect(adopted.status).toBe(200);
    expect(adopted.body.state).toBe('adopted');
    const outcomes = await t.services.database.db.select().from(evaluationOutcomes).where(eq(evaluationOutcomes.groupId, group.id));
    expect(outcomes.map((o) => [o.projectId === p1, o.level, o.proposed, !!o.adoptedAt]).sort()).toEqual([
      [false, 'good', false, true],
      [true, 'excellent', true, true],
    ]);
    const [row] = await t.services.database.db.select().from(projects).where(eq(projects.id, p1));
    expect(row.evaluationLevel).toBe('excellent');
    expect((await commission.post(`/api/commission/evaluation/groups/${group.id}/adopt`, { version: adopted.body.version })).body.message).toBe('评定组结论已采纳，不能重复采纳');
  });

  it('the unit and its recommender see 已评定 and the adopted level, never an expert', async () => {
    const names = (await t.services.database.db.select({ name: users.displayName, username: users.username }).from(users).where(eq(users.role, 'expert'))).flatMap((e) => [e.name, e.username]);
    for (const [u, path] of [['demo_applicant', '/api/applicant/results'], ['demo_recommender', '/api/recommender/results']] as const) {
      const a = await t.login(u);
      const list = await a.get(path);
      expect(list.body.items.find((x: { projectId: string }) => x.projectId === p1)).toMatchObject({ state: 'evaluated', evaluationLevel: 'excellent' });
      const one = await a.get(`${path}/${p1}`);
      expect(one.status).toBe(200);
      const text = JSON.stringify([list.body, one.body]);
      for (const n of names) expect(text).not.toContain(n);
    }
  });
});

describe('a group per 攻关方向', () => {
  it('takes the direction’s received results and fills with experts of the general disciplines', async () => {
    const p3 = await insertProject(t, { applicant: 'app_002', state: 'results_received', direction: 'common', name: '焊接材料熔敷金属扩散氢含量控制共性技术攻关' });
    await t.services.database.db.update(projects).set({ chain: '焊材' }).where(eq(projects.id, p3.id));
    const fields = (await commission.get('/api/commission/evaluation/fields')).body.items.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['焊材', '质量共性技术攻关']));
    const res = await commission.post('/api/commission/evaluation/groups', { field: '质量共性技术攻关', deadline: DEADLINE });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.projects.map((p: { id: string }) => p.id)).toEqual([p3.id]);
    expect(res.body.members).toHaveLength(DEFAULT_EVALUATION_CRITERIA.groupSize);
    for (const m of res.body.members as { fields: string[] }[]) expect(m.fields.some((f) => DEFAULT_EVALUATION_CRITERIA.generalFields.includes(f))).toBe(true);
  });
});

describe('未响应', () => {
  it('after the deadline, unanswered invitations become no_response (once), and can no longer be accepted', async () => {
    const groups = await commission.get('/api/commission/evaluation/groups?state=proposed');
    const g = groups.body.items.find((x: { field: string }) => x.field === '质量共性技术攻关');
    const committed = await commission.post(`/api/commission/evaluation/groups/${g.id}/commit`, { version: g.version });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const m = committed.body.members[0];
    const tk = committed.body.projects[0].tasks.find((x: { expertUserId: string }) => x.expertUserId === m.userId).id;
    expect(await expireInvitations(t.services)).toEqual({ expired: 0 });
    t.clock.set('2026-05-21T09:00:00+08:00');
    try {
      const a = await t.login(m.username);
      const late = await a.post(`/api/expert/tasks/${tk}/accept`, { version: 1 });
      expect(late.status).toBe(409);
      expect(late.body.message).toBe(`评分截止日期（${DEADLINE}）已过，不能再接受此评定任务`);
      expect(await expireInvitations(t.services)).toEqual({ expired: 5 });
      expect(await expireInvitations(t.services)).toEqual({ expired: 0 });
      expect((await a.get(`/api/expert/tasks/${tk}`)).body.state).toBe('no_response');
      const notes = await t.services.database.db.select().from(notifications).where(eq(notifications.title, '评定任务未响应'));
      expect(notes.length).toBeGreaterThan(0);
    } finally {
      t.clock.set('2026-04-10T10:00:00+08:00');
    }
  });
});

describe('criteria in the campaign configuration', () => {
  it('refuses criteria whose items do not total 100, naming the total, and keeps the saved ones', async () => {
    const list = await commission.get('/api/campaigns');
    const c = list.body.items.find((x: { year: number }) => x.year === 2026);
    expect(c.config.evaluation.bands).toEqual({ excellent: 85, good: 75, qualified: 60 });
    const evaluation = structuredClone(c.config.evaluation);
    evaluation.sections[0].items[0].max = 15;
    const res = await commission.put(`/api/campaigns/${c.id}`, { version: c.version, title: c.title, documentNo: c.documentNo, status: c.status, config: { ...c.config, evaluation } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('评分项满分合计应为100分，当前为105分');
    expect((await commission.get('/api/campaigns')).body.items.find((x: { year: number }) => x.year === 2026).version).toBe(c.version);
  });
});
