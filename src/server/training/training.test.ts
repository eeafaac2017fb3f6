/**
 * 宣贯培训 request tests: sessions (create / edit / cancel), sign-ups (sign up / cancel),
 * attendance, export — and a "refuses when…" case for every action. Clock: 2026-04-10 10:00 Beijing.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaigns, notifications, trainingSignups } from '../db/schema';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { TEST_NOW } from '../../../test/support/template';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
let provider: Agent;
let commission: Agent;
let applicant: Agent;
let otherApplicant: Agent;
let recommender: Agent;
let ownProject: { id: string; name: string };
let secondProject: { id: string; name: string };
let foreignProject: { id: string; name: string };
let submittedProject: { id: string; name: string };

const session = (over: Record<string, unknown> = {}) => ({
  title: '质量攻关宣贯培训：质量工具与方法',
  venue: '天津市市场监督管理委员会二楼报告厅',
  startsAt: '2026-04-24 09:00',
  endsAt: '2026-04-24 16:30',
  capacity: 30,
  ...over,
});

let phoneSeq = 0;
const attendee = (projectId: string, name: string, role = 'key_technician') => ({
  projectId,
  attendeeName: name,
  attendeeRole: role,
  attendeePhone: `1380022${String(++phoneSeq).padStart(4, '0')}`,
});

async function createSession(over: Record<string, unknown> = {}, who: Agent = provider) {
  const res = await who.post('/api/training/sessions', session(over));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string; version: number; title: string };
}

async function signUp(sessionId: string, body: ReturnType<typeof attendee>, who: Agent = applicant) {
  return who.post(`/api/applicant/training/sessions/${sessionId}/signups`, body);
}

beforeAll(async () => {
  t = await createTestApp();
  provider = await t.login('demo_training');
  commission = await t.login('demo_commission');
  applicant = await t.login('demo_applicant');
  otherApplicant = await t.login('app_029');
  recommender = await t.login('demo_recommender');
  ownProject = await insertProject(t, { applicant: 'demo_applicant', state: 'approved', name: '提高协作机器人关节模组装配一次合格率' });
  secondProject = await insertProject(t, { applicant: 'demo_applicant', state: 'approved', name: '降低协作机器人控制柜返修率' });
  foreignProject = await insertProject(t, { applicant: 'app_029', state: 'approved', name: '提升光伏逆变器焊接质量稳定性' });
  submittedProject = await insertProject(t, { applicant: 'demo_applicant', state: 'submitted', name: '缩短减速器交付周期' });
});
// Clock moves stay within minutes: a day's jump would end the agents' sessions (idle timeout).
afterEach(() => t.clock.set(TEST_NOW));
afterAll(async () => t.close());

describe('training sessions (provider / commission)', () => {
  it('starts with the demo seed’s sessions and attendees of approved projects', async () => {
    const list = await provider.get('/api/training/sessions?q=评价程序与要求');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ startsAtText: '2026-04-24 09:00', capacity: 120, signedUp: 2, phase: 'upcoming' });
    const roster = await provider.get(`/api/training/sessions/${list.body.items[0].id}/roster`);
    expect(roster.body.items.map((i: any) => i.attendeeName)).toEqual(expect.arrayContaining(['刘建新', '张玉梅']));
  });

  it('creates a session in Beijing time with seats left, audited', async () => {
    const res = await provider.post('/api/training/sessions', session({ title: '质量攻关宣贯培训（滨海新区专场）', capacity: 40 }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: '质量攻关宣贯培训（滨海新区专场）',
      startsAtText: '2026-04-24 09:00',
      endsAtText: '2026-04-24 16:30',
      startsAt: '2026-04-24T01:00:00.000Z',
      capacity: 40,
      signedUp: 0,
      remaining: 40,
      status: 'open',
      phase: 'upcoming',
      phaseLabel: '报名中',
      providerName: '天津市质量攻关培训服务中心（演示）',
      version: 1,
    });
    const audit = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'training_session'), eq(auditLog.entityId, res.body.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const list = await provider.get('/api/training/sessions?q=滨海新区专场');
    expect(list.body.items.map((s: any) => s.id)).toEqual([res.body.id]);
  });

  it('refuses to create when the start has passed, the end is not after the start, or capacity < 1', async () => {
    const past = await provider.post('/api/training/sessions', session({ startsAt: '2026-04-10 09:59', endsAt: '2026-04-10 12:00' }));
    expect(past.status).toBe(400);
    expect(past.body.fields.startsAt).toContain('晚于当前时间');
    const backwards = await provider.post('/api/training/sessions', session({ endsAt: '2026-04-24 08:00' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields.endsAt).toContain('晚于开始时间');
    const impossible = await provider.post('/api/training/sessions', session({ startsAt: '2026-02-30 09:00' }));
    expect(impossible.status).toBe(400);
    expect(impossible.body.fields.startsAt).toContain('开始时间');
    const zero = await provider.post('/api/training/sessions', session({ capacity: 0 }));
    expect(zero.status).toBe(400);
    expect(zero.body.message).toContain('容量');
  });

  it('refuses every provider action to applicants, recommenders and experts (403)', async () => {
    const s = await createSession();
    const expert = await t.login('demo_expert');
    for (const who of [applicant, recommender, expert]) {
      expect((await who.post('/api/training/sessions', session())).status).toBe(403);
      expect((await who.put(`/api/training/sessions/${s.id}`, { ...session(), version: 1 })).status).toBe(403);
      expect((await who.post(`/api/training/sessions/${s.id}/cancel`, { version: 1, reason: '场地检修' })).status).toBe(403);
      expect((await who.get(`/api/training/sessions/${s.id}/roster`)).status).toBe(403);
      expect((await who.put(`/api/training/sessions/${s.id}/attendance`, { items: [] })).status).toBe(403);
      expect((await who.get(`/api/training/sessions/${s.id}/roster.xlsx`)).status).toBe(403);
    }
  });

  it('edits with the version read; refuses a stale version (409)', async () => {
    const s = await createSession();
    const ok = await provider.put(`/api/training/sessions/${s.id}`, { ...session({ venue: '天津市质量攻关培训服务中心一号教室', capacity: 25 }), version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ venue: '天津市质量攻关培训服务中心一号教室', capacity: 25, version: 2 });
    const stale = await provider.put(`/api/training/sessions/${s.id}`, { ...session({ capacity: 20 }), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
  });

  it('refuses a capacity below the current sign-ups, naming the field', async () => {
    const s = await createSession({ capacity: 5 });
    expect((await signUp(s.id, attendee(ownProject.id, '孙海涛', 'quality_head'))).status).toBe(200);
    expect((await signUp(s.id, attendee(ownProject.id, '李文涛', 'project_lead'))).status).toBe(200);
    const res = await provider.put(`/api/training/sessions/${s.id}`, { ...session({ capacity: 1 }), version: s.version });
    expect(res.status).toBe(409);
    expect(res.body.fields.capacity).toBe('容量不能少于已报名人数（2人）');
    expect((await provider.put(`/api/training/sessions/${s.id}`, { ...session({ capacity: 2 }), version: s.version })).status).toBe(200);
  });

  it('announces a new time to the applicants signed up', async () => {
    const s = await createSession();
    expect((await signUp(s.id, attendee(ownProject.id, '王建国', 'quality_head'))).status).toBe(200);
    const res = await provider.put(`/api/training/sessions/${s.id}`, { ...session({ startsAt: '2026-04-25 09:00', endsAt: '2026-04-25 12:00' }), version: s.version });
    expect(res.status).toBe(200);
    const org = await orgOfUser(t, 'demo_applicant');
    const notes = await t.services.database.db.select().from(notifications).where(eq(notifications.organisationId, org.id));
    const note = notes.find((n) => n.title === '宣贯培训时间或地点变更' && n.body.includes('2026-04-25 09:00'));
    expect(note?.body).toContain('王建国');
  });

  it('refuses to edit or cancel a session that has started, or a cancelled one (409)', async () => {
    const s = await createSession({ startsAt: '2026-04-10 10:05', endsAt: '2026-04-10 12:00' });
    t.clock.set('2026-04-10T10:06:00+08:00');
    const edit = await provider.put(`/api/training/sessions/${s.id}`, { ...session(), version: s.version });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toContain('培训已开始');
    const cancel = await provider.post(`/api/training/sessions/${s.id}/cancel`, { version: s.version, reason: '讲师临时有事' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.message).toContain('培训已开始');
    t.clock.set(TEST_NOW);
    const c = await createSession();
    expect((await provider.post(`/api/training/sessions/${c.id}/cancel`, { version: 1, reason: '场地临时检修' })).status).toBe(200);
    const again = await provider.put(`/api/training/sessions/${c.id}`, { ...session(), version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已取消');
  });

  it('cancels with a reason and notifies every applicant signed up', async () => {
    const s = await createSession({ title: '质量攻关宣贯培训（东丽区专场）' });
    expect((await signUp(s.id, attendee(ownProject.id, '赵丽娜', 'quality_head'))).status).toBe(200);
    expect((await signUp(s.id, attendee(foreignProject.id, '钱志强', 'project_lead'), otherApplicant)).status).toBe(200);
    const shortReason = await provider.post(`/api/training/sessions/${s.id}/cancel`, { version: 1, reason: '改期' });
    expect(shortReason.status).toBe(400);
    expect(shortReason.body.message).toContain('原因');
    const stale = await provider.post(`/api/training/sessions/${s.id}/cancel`, { version: 7, reason: '场地临时检修，改期举办' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const res = await provider.post(`/api/training/sessions/${s.id}/cancel`, { version: 1, reason: '场地临时检修，改期举办' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', phase: 'cancelled', cancelReason: '场地临时检修，改期举办', version: 2 });
    for (const [user, person] of [
      ['demo_applicant', '赵丽娜'],
      ['app_029', '钱志强'],
    ]) {
      const org = await orgOfUser(t, user);
      const notes = await t.services.database.db.select().from(notifications).where(eq(notifications.organisationId, org.id));
      const note = notes.find((n) => n.title === '宣贯培训场次已取消' && n.body.includes('东丽区专场'));
      expect(note?.body).toContain('场地临时检修，改期举办');
      expect(note?.body).toContain(person);
    }
    const twice = await provider.post(`/api/training/sessions/${s.id}/cancel`, { version: 2, reason: '场地临时检修，改期举办' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('已取消');
    expect((await provider.get('/api/training/sessions?status=cancelled')).body.items.map((i: any) => i.id)).toContain(s.id);
  });

  it('hides a session the commission runs itself from the provider (404), the commission sees all', async () => {
    const own = await createSession({ title: '质量攻关宣贯培训（委机关直办）' }, commission);
    expect((await provider.get(`/api/training/sessions/${own.id}/roster`)).status).toBe(404);
    expect((await provider.put(`/api/training/sessions/${own.id}`, { ...session(), version: 1 })).status).toBe(404);
    expect((await provider.post(`/api/training/sessions/${own.id}/cancel`, { version: 1, reason: '场地临时检修' })).status).toBe(404);
    expect((await provider.get(`/api/training/sessions/${own.id}/roster.xlsx`)).status).toBe(404);
    expect((await provider.put(`/api/training/sessions/${own.id}/attendance`, { items: [{ id: own.id, attended: true }] })).status).toBe(404);
    expect((await provider.get('/api/training/sessions?pageSize=200')).body.items.map((i: any) => i.id)).not.toContain(own.id);
    const all = (await commission.get('/api/training/sessions?pageSize=200')).body.items.map((i: any) => i.id);
    expect(all).toContain(own.id);
    expect((await commission.get(`/api/training/sessions/${own.id}/roster`)).body.session.providerName).toBe('天津市市场监督管理委员会');
    expect((await provider.get('/api/training/sessions/4f1c2b7e-9d3a-4c5b-8e6f-1a2b3c4d5e6f/roster')).status).toBe(404);
  });
});

describe('sign-ups (applicant)', () => {
  it('lists open sessions with seats left and its own count; not cancelled or started ones', async () => {
    const open = await createSession({ title: '质量攻关宣贯培训（第三期）', capacity: 3 });
    const soon = await createSession({ title: '质量攻关宣贯培训（明早场）', startsAt: '2026-04-10 10:20', endsAt: '2026-04-10 11:00' });
    const gone = await createSession({ title: '质量攻关宣贯培训（已取消场）' });
    await provider.post(`/api/training/sessions/${gone.id}/cancel`, { version: 1, reason: '场地临时检修' });
    expect((await signUp(open.id, attendee(foreignProject.id, '周晓明'), otherApplicant)).status).toBe(200);
    expect((await signUp(open.id, attendee(ownProject.id, '吴敏'))).status).toBe(200);
    const list = await applicant.get('/api/applicant/training/sessions');
    expect(list.status).toBe(200);
    expect(list.body.attendeesPerProject).toBe(3);
    const item = list.body.items.find((i: any) => i.id === open.id);
    expect(item).toMatchObject({ capacity: 3, signedUp: 2, remaining: 1, mySignedUp: 1 });
    expect(list.body.items.map((i: any) => i.id)).toContain(soon.id);
    expect(list.body.items.map((i: any) => i.id)).not.toContain(gone.id);
    t.clock.set('2026-04-10T10:20:00+08:00');
    expect((await applicant.get('/api/applicant/training/sessions')).body.items.map((i: any) => i.id)).not.toContain(soon.id);
    const projects = await applicant.get('/api/applicant/training/projects');
    expect(projects.body.items.map((p: any) => p.id).sort()).toEqual([ownProject.id, secondProject.id].sort());
  });

  it('signs up an attendee of its own approved project (masked phone in its list)', async () => {
    const s = await createSession({ title: '质量攻关宣贯培训（第四期）' });
    const res = await signUp(s.id, { projectId: ownProject.id, attendeeName: '孙海涛', attendeeRole: 'quality_head', attendeePhone: '13812345678' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ attendeeName: '孙海涛', attendeeRoleLabel: '质量负责人', attendeePhone: '138****5678', projectName: ownProject.name, attended: null });
    const mine = await applicant.get('/api/applicant/training/signups');
    const row = mine.body.items.find((i: any) => i.id === res.body.id);
    expect(row).toMatchObject({ sessionTitle: '质量攻关宣贯培训（第四期）', attendeePhone: '138****5678', canCancel: true, phaseLabel: '报名中' });
    expect(JSON.stringify(mine.body)).not.toContain('13812345678');
    const audit = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'training_signup'), eq(auditLog.entityId, res.body.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].summary)).not.toContain('13812345678');
  });

  it('refuses another applicant’s project (404) and a project not approved (409)', async () => {
    const s = await createSession();
    const foreign = await signUp(s.id, attendee(foreignProject.id, '郑凯'));
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain(foreignProject.name);
    const notApproved = await signUp(s.id, attendee(submittedProject.id, '郑凯'));
    expect(notApproved.status).toBe(409);
    expect(notApproved.body.message).toContain('已立项');
    expect((await signUp('4f1c2b7e-9d3a-4c5b-8e6f-1a2b3c4d5e6f', attendee(ownProject.id, '郑凯'))).status).toBe(404);
    const rows = await t.services.database.db.select().from(trainingSignups).where(eq(trainingSignups.sessionId, s.id));
    expect(rows).toHaveLength(0);
  });

  it('refuses a cancelled session and one that has started (409)', async () => {
    const cancelled = await createSession();
    await provider.post(`/api/training/sessions/${cancelled.id}/cancel`, { version: 1, reason: '讲师行程冲突' });
    const c = await signUp(cancelled.id, attendee(ownProject.id, '冯雪'));
    expect(c.status).toBe(409);
    expect(c.body.message).toContain('已取消');
    const started = await createSession({ startsAt: '2026-04-10 10:10', endsAt: '2026-04-10 12:00' });
    t.clock.set('2026-04-10T10:10:00+08:00');
    const s = await signUp(started.id, attendee(ownProject.id, '冯雪'));
    expect(s.status).toBe(409);
    expect(s.body.message).toContain('报名已截止');
  });

  it('refuses the same person twice and more than 3 attendees of one project per session', async () => {
    const s = await createSession();
    const first = attendee(ownProject.id, '陈思远', 'quality_head');
    expect((await signUp(s.id, first)).status).toBe(200);
    const samePhone = await signUp(s.id, { ...attendee(secondProject.id, '陈思远'), attendeePhone: first.attendeePhone });
    expect(samePhone.status).toBe(409);
    expect(samePhone.body.fields.attendeePhone).toContain('重复报名');
    const sameName = await signUp(s.id, attendee(ownProject.id, '陈思远'));
    expect(sameName.status).toBe(409);
    expect(sameName.body.fields.attendeeName).toContain('重复报名');
    expect((await signUp(s.id, attendee(ownProject.id, '林雨桐', 'project_lead'))).status).toBe(200);
    expect((await signUp(s.id, attendee(ownProject.id, '何嘉怡'))).status).toBe(200);
    const fourth = await signUp(s.id, attendee(ownProject.id, '郭子豪'));
    expect(fourth.status).toBe(409);
    expect(fourth.body.message).toContain('每个项目每场最多报名3人');
    // Another project of the same applicant has its own allowance.
    expect((await signUp(s.id, attendee(secondProject.id, '郭子豪'))).status).toBe(200);
  });

  it('takes the per-project limit from the campaign data', async () => {
    const db = t.services.database.db;
    const [c] = await db.select().from(campaigns).where(eq(campaigns.status, 'active'));
    await db.update(campaigns).set({ config: { ...(c.config as object), training: { attendeesPerProject: 1 } } }).where(eq(campaigns.id, c.id));
    try {
      const s = await createSession();
      expect((await signUp(s.id, attendee(ownProject.id, '马超', 'quality_head'))).status).toBe(200);
      const second = await signUp(s.id, attendee(ownProject.id, '罗兰'));
      expect(second.status).toBe(409);
      expect(second.body.message).toContain('每个项目每场最多报名1人');
    } finally {
      await db.update(campaigns).set({ config: c.config }).where(eq(campaigns.id, c.id));
    }
  });

  it('answers 409 名额已满 when the session is full', async () => {
    const s = await createSession({ capacity: 1 });
    expect((await signUp(s.id, attendee(ownProject.id, '梁栋'))).status).toBe(200);
    const full = await signUp(s.id, attendee(foreignProject.id, '宋佳'), otherApplicant);
    expect(full.status).toBe(409);
    expect(full.body.message).toContain('名额已满');
  });

  it('refuses a malformed phone or role, naming the field', async () => {
    const s = await createSession();
    const phone = await signUp(s.id, { ...attendee(ownProject.id, '韩磊'), attendeePhone: '02258950677' });
    expect(phone.status).toBe(400);
    expect(phone.body.message).toContain('参训人员手机号码');
    const role = await signUp(s.id, { ...attendee(ownProject.id, '韩磊'), attendeeRole: 'chairman' } as any);
    expect(role.status).toBe(400);
    expect(role.body.message).toContain('参训人员角色');
  });

  it('cancels its own sign-up before the start; refuses another’s (404) and after the start (409)', async () => {
    const s = await createSession({ startsAt: '2026-04-10 10:15', endsAt: '2026-04-10 12:00' });
    const a = await signUp(s.id, attendee(ownProject.id, '唐宁'));
    const b = await signUp(s.id, attendee(ownProject.id, '董明'));
    const foreign = await signUp(s.id, attendee(foreignProject.id, '于洋'), otherApplicant);
    expect((await applicant.post(`/api/applicant/training/signups/${foreign.body.id}/cancel`)).status).toBe(404);
    const ok = await applicant.post(`/api/applicant/training/signups/${a.body.id}/cancel`);
    expect(ok.status).toBe(200);
    expect((await t.services.database.db.select().from(trainingSignups).where(eq(trainingSignups.id, a.body.id))).length).toBe(0);
    expect((await applicant.post(`/api/applicant/training/signups/${a.body.id}/cancel`)).status).toBe(404);
    t.clock.set('2026-04-10T10:16:00+08:00');
    const late = await applicant.post(`/api/applicant/training/signups/${b.body.id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('培训已开始');
    expect((await provider.post(`/api/applicant/training/signups/${b.body.id}/cancel`)).status).toBe(403);
  });

  it('lets the recommender read (not change) its projects’ sign-ups, masked', async () => {
    const s = await createSession({ title: '质量攻关宣贯培训（推荐单位查看）' });
    const mine = await signUp(s.id, { projectId: ownProject.id, attendeeName: '谢婷', attendeeRole: 'project_lead', attendeePhone: '13698765432' });
    await signUp(s.id, attendee(foreignProject.id, '蒋涛'), otherApplicant);
    const res = await recommender.get('/api/recommender/training/signups');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: any) => i.id);
    expect(ids).toContain(mine.body.id);
    expect(res.body.items.find((i: any) => i.id === mine.body.id)).toMatchObject({ attendeePhone: '136****5432', canCancel: false });
    // app_029's project belongs to another district's bureau.
    expect(res.body.items.some((i: any) => i.attendeeName === '蒋涛')).toBe(false);
    expect((await recommender.post(`/api/applicant/training/signups/${mine.body.id}/cancel`)).status).toBe(403);
    expect((await recommender.post(`/api/applicant/training/sessions/${s.id}/signups`, attendee(ownProject.id, '蔡文'))).status).toBe(403);
  });
});

describe('roster, attendance and export', () => {
  let s: { id: string; version: number };
  let ids: string[];

  beforeAll(async () => {
    s = await createSession({ title: '质量攻关宣贯培训（出勤登记）', startsAt: '2026-04-10 10:25', endsAt: '2026-04-10 17:00' });
    const a = await signUp(s.id, { projectId: ownProject.id, attendeeName: '孙海涛', attendeeRole: 'quality_head', attendeePhone: '13512340001' });
    const b = await signUp(s.id, { projectId: foreignProject.id, attendeeName: '钱志强', attendeeRole: 'project_lead', attendeePhone: '13512340002' }, otherApplicant);
    ids = [a.body.id, b.body.id];
  });

  it('shows the provider the roster with full phones, the commission masked', async () => {
    const r = await provider.get(`/api/training/sessions/${s.id}/roster`);
    expect(r.status).toBe(200);
    expect(r.body.phoneMasked).toBe(false);
    expect(r.body.items.map((i: any) => i.attendeePhone).sort()).toEqual(['13512340001', '13512340002']);
    expect(r.body.session).toMatchObject({ signedUp: 2, remaining: 28 });
    const c = await commission.get(`/api/training/sessions/${s.id}/roster`);
    expect(c.body.phoneMasked).toBe(true);
    expect(c.body.items.map((i: any) => i.attendeePhone).sort()).toEqual(['135****0001', '135****0002']);
  });

  it('refuses attendance before the session starts (409)', async () => {
    const res = await provider.put(`/api/training/sessions/${s.id}/attendance`, { items: [{ id: ids[0], attended: true }] });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('培训开始后');
  });

  it('refuses an id that is not a sign-up of this session, changing nothing (400)', async () => {
    t.clock.set('2026-04-10T10:30:00+08:00');
    const res = await provider.put(`/api/training/sessions/${s.id}/attendance`, {
      items: [
        { id: ids[0], attended: true },
        { id: '4f1c2b7e-9d3a-4c5b-8e6f-1a2b3c4d5e6f', attended: true },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.fields['items.1.id']).toContain('不是本场次的报名记录');
    const [row] = await t.services.database.db.select().from(trainingSignups).where(eq(trainingSignups.id, ids[0]));
    expect(row.attended).toBeNull();
  });

  it('marks attendance in bulk once started; the applicant sees it', async () => {
    t.clock.set('2026-04-10T10:30:00+08:00');
    const res = await provider.put(`/api/training/sessions/${s.id}/attendance`, {
      items: [
        { id: ids[0], attended: true },
        { id: ids[1], attended: false },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 2, attendedCount: 1 });
    const mine = await applicant.get('/api/applicant/training/signups');
    expect(mine.body.items.find((i: any) => i.id === ids[0])).toMatchObject({ attended: true, phaseLabel: '进行中', canCancel: false });
    const audit = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'training_session'), eq(auditLog.entityId, s.id), eq(auditLog.action, 'attendance')));
    expect(audit).toHaveLength(1);
  });

  it('refuses attendance on a cancelled session (409)', async () => {
    const c = await createSession({ startsAt: '2026-04-10 10:12', endsAt: '2026-04-10 12:00' });
    const x = await signUp(c.id, attendee(ownProject.id, '沈静'));
    await provider.post(`/api/training/sessions/${c.id}/cancel`, { version: 1, reason: '讲师行程冲突' });
    t.clock.set('2026-04-10T10:13:00+08:00');
    const res = await provider.put(`/api/training/sessions/${c.id}/attendance`, { items: [{ id: x.body.id, attended: true }] });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('已取消');
  });

  it('exports the roster as .xlsx with attendance, audited', async () => {
    const res = await provider.get(`/api/training/sessions/${s.id}/roster.xlsx`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('宣贯培训报名名单-质量攻关宣贯培训（出勤登记）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.getWorksheet('报名名单')!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as any[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0][0]).toContain('质量攻关宣贯培训（出勤登记）');
    expect(rows[2]).toContain('参训人员');
    const sun = rows.find((r) => r.includes('孙海涛'))!;
    expect(sun).toContain('13512340001');
    expect(sun).toContain('出勤');
    expect(rows.find((r) => r.includes('钱志强'))).toContain('缺勤');
    const audit = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'training_session'), eq(auditLog.entityId, s.id), eq(auditLog.action, 'export')));
    expect(audit).toHaveLength(1);
    const masked = await commission.get(`/api/training/sessions/${s.id}/roster.xlsx`);
    expect(masked.status).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(masked.raw as any);
    const text = JSON.stringify(wb2.getWorksheet('报名名单')!.getSheetValues());
    expect(text).toContain('135****0001');
    expect(text).not.toContain('13512340001');
  });
});
