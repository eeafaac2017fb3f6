/**
 * 授课老师与培训资料 (issue 16): the provider sets lecturers and uploads materials; a unit signed up
 * for the session downloads them; another unit gets 404, a recommender or applicant cannot manage (403),
 * a file of the wrong type or without a title is refused in Chinese.
 * Seeded session 1 (src/server/seed/training.ts): 2026-04-24 09:00–16:30, 报名中 at the test clock.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { auditLog, trainingSessions } from '../db/schema';
import { tinyPdf } from '../../../test/support/tiny-pdf';

const PDF = tinyPdf('slides');
const FIRST = '质量攻关宣贯培训（第一期）：评价程序与要求';

let t: TestApp;
let provider: Agent;
let applicant: Agent;
let sessionId: string;
let materialId: string;
const db = () => t.services.database.db;
const session = async () => (await db().select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)))[0];
const q = (title: string, category: string) => `?title=${encodeURIComponent(title)}&materialCategory=${category}`;

beforeAll(async () => {
  t = await createTestApp();
  provider = await t.login('demo_training');
  applicant = await t.login('demo_applicant');
  const [s] = await db().select().from(trainingSessions).where(eq(trainingSessions.title, FIRST));
  sessionId = s.id;
  const project = await insertProject(t, { applicant: 'demo_applicant', state: 'approved', name: '提高协作机器人减速器装配一次合格率' });
  const signup = await applicant.post(`/api/applicant/training/sessions/${sessionId}/signups`, { projectId: project.id, attendeeName: '赵文静', attendeeRole: 'quality_head', attendeePhone: '13820261601' });
  expect(signup.status).toBe(200);
});
afterAll(async () => t.close());

describe('lecturers', () => {
  it('the provider sets the lecturers of its session (version checked, audited)', async () => {
    const { version } = await session();
    const res = await provider.put(`/api/training/sessions/${sessionId}/lecturers`, {
      version,
      items: [
        { name: '李明华', title: '正高级工程师', employer: '天津市质量管理协会' },
        { name: '陈晓东', title: '教授', employer: '天津大学管理与经济学部' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.lecturers.map((l: { name: string }) => l.name)).toEqual(['李明华', '陈晓东']);
    expect((await session()).version).toBe(version + 1);
    const stale = await provider.put(`/api/training/sessions/${sessionId}/lecturers`, { version, items: [] });
    expect(stale.status).toBe(409);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, sessionId), eq(auditLog.action, 'lecturers')));
    expect(JSON.stringify(audit.summary)).toContain('李明华（正高级工程师，天津市质量管理协会）');
  });

  it('refuses a lecturer without an employer, in Chinese naming the field', async () => {
    const res = await provider.put(`/api/training/sessions/${sessionId}/lecturers`, { version: (await session()).version, items: [{ name: '王强', title: '高级工程师', employer: '' }] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/[\u4e00-\u9fa5]/);
    expect(Object.keys(res.body.fields ?? {}).join()).toContain('employer');
    expect(JSON.stringify(res.body)).toContain('工作单位');
  });

  it('refuses applicants and recommenders (403)', async () => {
    for (const u of ['demo_applicant', 'demo_recommender']) {
      expect((await (await t.login(u)).put(`/api/training/sessions/${sessionId}/lecturers`, { version: 1, items: [] })).status, u).toBe(403);
    }
  });
});

describe('materials', () => {
  it('the provider uploads a material with a title and a category', async () => {
    const res = await provider.upload(`/api/training/sessions/${sessionId}/materials${q('质量攻关项目评价程序与评价标准解读', 'evaluation')}`, '评价程序解读.pdf', PDF, 'application/pdf');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '质量攻关项目评价程序与评价标准解读', category: 'evaluation', categoryLabel: '评价程序与评价标准', fileName: '评价程序解读.pdf', mime: 'application/pdf' });
    materialId = res.body.id;
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, sessionId), eq(auditLog.action, 'attach_material')));
    expect(audit.summary).toMatchObject({ material: '质量攻关项目评价程序与评价标准解读' });
  });

  it('refuses a file whose content is not an accepted type, in Chinese', async () => {
    const res = await provider.upload(`/api/training/sessions/${sessionId}/materials${q('质量工具讲义', 'quality_tools')}`, '讲义.pdf', Buffer.from('这不是PDF文件，只是一段文字。'), 'application/pdf');
    expect(res.status).toBe(415);
    expect(res.body.message).toContain('无法识别的文件类型');
  });

  it('refuses a material without a title or with an unknown category', async () => {
    const noTitle = await provider.upload(`/api/training/sessions/${sessionId}/materials?materialCategory=slides`, '课件.pdf', PDF, 'application/pdf');
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const badCategory = await provider.upload(`/api/training/sessions/${sessionId}/materials${q('课件', 'music')}`, '课件.pdf', PDF, 'application/pdf');
    expect(badCategory.status).toBe(400);
    expect(JSON.stringify(badCategory.body)).toContain('资料类别');
    expect(JSON.stringify(noTitle.body)).toContain('标题');
  });

  it('refuses a recommender or an applicant uploading (403)', async () => {
    for (const u of ['demo_recommender', 'demo_applicant']) {
      const res = await (await t.login(u)).upload(`/api/training/sessions/${sessionId}/materials${q('推荐单位课件', 'slides')}`, '课件.pdf', PDF, 'application/pdf');
      expect(res.status, u).toBe(403);
    }
  });

  it('a unit signed up for the session sees lecturers and materials and downloads the file', async () => {
    const list = await applicant.get('/api/applicant/training/resources');
    expect(list.status).toBe(200);
    const mine = list.body.items.find((i: { sessionId: string }) => i.sessionId === sessionId);
    expect(mine.lecturers[0]).toEqual({ name: '李明华', title: '正高级工程师', employer: '天津市质量管理协会' });
    expect(mine.materials.map((m: { id: string }) => m.id)).toEqual([materialId]);
    const file = await applicant.get(`/api/applicant/training/materials/${materialId}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.raw.toString('latin1')).toContain('% slides');
  });

  it('another applicant without a sign-up for the session gets 404, and no such session in its list', async () => {
    const other = await t.login('app_029');
    expect((await other.get(`/api/applicant/training/materials/${materialId}/file`)).status).toBe(404);
    const list = await other.get('/api/applicant/training/resources');
    expect(list.body.items.some((i: { sessionId: string }) => i.sessionId === sessionId)).toBe(false);
    expect((await (await t.login('demo_recommender')).get(`/api/applicant/training/materials/${materialId}/file`)).status).toBe(403);
  });

  it('the commission downloads it too; a removed material is gone for the unit (404)', async () => {
    const commission = await t.login('demo_commission');
    expect((await commission.get(`/api/training/materials/${materialId}/file`)).status).toBe(200);
    expect((await provider.delete(`/api/training/materials/${materialId}`)).status).toBe(200);
    expect((await applicant.get(`/api/applicant/training/materials/${materialId}/file`)).status).toBe(404);
  });

  it('a session the commission runs itself is not the provider’s: 404 for its materials', async () => {
    const commission = await t.login('demo_commission');
    const own = await commission.post('/api/training/sessions', { title: '质量攻关宣贯培训（市市场监管委专场）', venue: '天津市市场监督管理委员会三楼会议室', startsAt: '2026-05-08 09:00', endsAt: '2026-05-08 12:00', capacity: 40 });
    expect(own.status).toBe(200);
    expect((await provider.get(`/api/training/sessions/${own.body.id}/resources`)).status).toBe(404);
    expect((await provider.upload(`/api/training/sessions/${own.body.id}/materials${q('专场课件', 'slides')}`, '课件.pdf', PDF, 'application/pdf')).status).toBe(404);
    const up = await commission.upload(`/api/training/sessions/${own.body.id}/materials${q('专场课件', 'slides')}`, '课件.pdf', PDF, 'application/pdf');
    expect(up.status).toBe(200);
    expect((await provider.get(`/api/training/materials/${up.body.id}/file`)).status).toBe(404);
    // Cancelled: no more materials.
    const cancelled = await commission.post(`/api/training/sessions/${own.body.id}/cancel`, { version: own.body.version, reason: '场地调整，另行通知' });
    expect(cancelled.status).toBe(200);
    const late = await commission.upload(`/api/training/sessions/${own.body.id}/materials${q('补充课件', 'slides')}`, '课件.pdf', PDF, 'application/pdf');
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('已取消');
  });
});
