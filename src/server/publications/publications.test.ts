/**
 * 公开发布 (立项计划): the seeded version 1, a correction as version 2 (v1 stays public, marked
 * 已更正), the public reading API with its cache headers, the files (PDF read back with pdftotext,
 * Excel re-read), the notices, the audit entry, and the "refuses when…" cases.
 */
import ExcelJS from 'exceljs';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { activeCampaign } from '../../../test/support/factories';
import { auditLog, notifications, projects, publications } from '../db/schema';
import { pdfText, squash } from '../documents/test-utils';
import { DEMO_PLAN_DOCUMENT_NO } from '../seed/publications';

let t: TestApp;
let commission: Agent;
const db = () => t.services.database.db;
const NEW_PROJECT = '提升高端轴承套圈热处理变形控制水平';

async function planStatus() {
  const res = await commission.get('/api/commission/publications/plan');
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  commission = await t.login('demo_commission');
});
afterAll(async () => t.close());

describe('the seeded 立项计划', () => {
  it('is public: listed per year, with its rows, and cacheable', async () => {
    const pub = t.anonymous();
    const list = await pub.get('/api/public/publications?year=2026');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('public, max-age=60');
    expect(list.body.years).toContain(2026);
    const [plan] = list.body.items;
    expect(plan).toMatchObject({ kind: 'project_plan', kindLabel: '项目计划', version: 1, documentNo: DEMO_PLAN_DOCUMENT_NO, correctedBy: null });
    const campaign = await activeCampaign(db());
    const approved = await db().select().from(projects).where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'approved')));
    expect(plan.rowCount).toBe(approved.length);

    const detail = await pub.get(`/api/public/publications/${plan.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.rows.map((r: { projectNo: string }) => r.projectNo).sort()).toEqual(approved.map((p) => p.projectNo).sort());
    expect(detail.body.rows[0]).toEqual(expect.objectContaining({ seq: 1, district: expect.any(String), recommender: expect.any(String), direction: expect.stringMatching(/攻关$/) }));
    // No internal ids in the public rows.
    expect(Object.keys(detail.body.rows[0]).sort()).toEqual(['chain', 'direction', 'district', 'name', 'projectNo', 'recommender', 'seq', 'unit']);

    const etag = String(detail.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await pub.request('GET', `/api/public/publications/${plan.id}`, undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('answers 404 for an unknown publication and 400 for a malformed id', async () => {
    const pub = t.anonymous();
    expect((await pub.get('/api/public/publications/8d7c5a52-3b0e-4a52-9f0a-0c3c1d9d1f11')).status).toBe(404);
    expect((await pub.get('/api/public/publications/not-an-id')).status).toBe(400);
  });
});

describe('publishing a correction', () => {
  let v1: string;
  let v2: string;

  it('refuses when the caller is not the commission', async () => {
    for (const u of ['demo_applicant', 'demo_recommender', 'demo_training']) {
      const a = await t.login(u);
      const res = await a.post('/api/commission/publications/plan', { title: '2026年天津市质量攻关项目计划', documentNo: '津市场监管质发〔2026〕9号', publishedOn: '2026-05-06', expectedVersion: 1, correctionNote: '补充遗漏项目' });
      expect(res.status).toBe(403);
    }
    expect((await t.anonymous().get('/api/commission/publications/plan')).status).toBe(401);
  });

  it('refuses when the correction note is missing, or the version seen is stale', async () => {
    const s = await planStatus();
    expect(s.latestVersion).toBe(1);
    v1 = s.versions[0].id;
    const body = { title: s.suggestedTitle, documentNo: '津市场监管质发〔2026〕9号', publishedOn: '2026-05-06' };
    const noNote = await commission.post('/api/commission/publications/plan', { ...body, expectedVersion: 1 });
    expect(noNote.status).toBe(400);
    expect(noNote.body.fields.correctionNote).toContain('更正说明');
    const stale = await commission.post('/api/commission/publications/plan', { ...body, expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('第1版');
    const badTitle = await commission.post('/api/commission/publications/plan', { ...body, title: '  ', expectedVersion: 1, correctionNote: '补充遗漏项目' });
    expect(badTitle.status).toBe(400);
    expect(badTitle.body.message).toContain('标题');
    expect(await db().select().from(publications)).toHaveLength(1);
  });

  it('publishes version 2 with the newly approved project; version 1 stays, marked corrected', async () => {
    const p = await insertProject(t, { applicant: 'app_002', state: 'approved', name: NEW_PROJECT });
    await db().update(projects).set({ projectNo: 'TJZLGG-2026-0099' }).where(eq(projects.id, p.id));
    const s = await planStatus();
    expect(s.preview.map((r: { name: string }) => r.name)).toContain(NEW_PROJECT);

    const res = await commission.post(
      '/api/commission/publications/plan',
      { title: s.suggestedTitle, documentNo: '津市场监管质发〔2026〕9号', publishedOn: '2026-05-06', expectedVersion: 1, correctionNote: '补充列入经复核立项的项目' },
      { 'Idempotency-Key': 'publish-plan-v2' },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, corrects: { id: v1, version: 1 }, correctedBy: null, correctionNote: '补充列入经复核立项的项目' });
    v2 = res.body.id;
    // A retried submit replays the answer and publishes nothing more.
    const retry = await commission.post('/api/commission/publications/plan', { title: s.suggestedTitle, documentNo: '津市场监管质发〔2026〕9号', publishedOn: '2026-05-06', expectedVersion: 1, correctionNote: '补充列入经复核立项的项目' }, { 'Idempotency-Key': 'publish-plan-v2' });
    expect(retry.body.id).toBe(v2);
    expect(await db().select().from(publications)).toHaveLength(2);

    const pub = t.anonymous();
    const old = await pub.get(`/api/public/publications/${v1}`);
    expect(old.body.correctedBy).toEqual({ id: v2, version: 2 });
    expect(old.body.rows.map((r: { name: string }) => r.name)).not.toContain(NEW_PROJECT);
    const cur = await pub.get(`/api/public/publications/${v2}`);
    expect(cur.body.rows.map((r: { name: string }) => r.name)).toContain(NEW_PROJECT);
    expect(cur.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const list = await pub.get('/api/public/publications?year=2026');
    expect(list.body.items.map((i: { version: number }) => i.version)).toEqual([2, 1]);

    const [audit] = await db().select().from(auditLog).where(eq(auditLog.entityId, v2)).orderBy(desc(auditLog.seq));
    expect(audit).toMatchObject({ entity: 'publication', action: 'correct_publication' });
    expect(audit.summary).toMatchObject({ version: 2, documentNo: '津市场监管质发〔2026〕9号' });
  });

  it('notifies every listed applicant and recommender', async () => {
    const app002 = await orgOfUser(t, 'app_002');
    const [p] = await db().select().from(projects).where(eq(projects.name, NEW_PROJECT));
    const rec = p.recommenderOrgId!;
    const notes = await db().select().from(notifications).where(and(inArray(notifications.organisationId, [app002.id, rec]), eq(notifications.link, `/publications/${v2}`)));
    expect(notes.find((n) => n.organisationId === app002.id)?.body).toContain(NEW_PROJECT);
    expect(notes.find((n) => n.organisationId === rec)?.body).toMatch(/推荐的\d+个项目已列入/);
    // The seeded plan's applicants are told too (they are listed again in version 2).
    const [seeded] = await db().select().from(projects).where(and(eq(projects.state, 'approved'), eq(projects.projectNo, 'TJZLGG-2026-0001')));
    const [demoNote] = await db().select().from(notifications).where(and(eq(notifications.organisationId, seeded.applicantOrgId), eq(notifications.link, `/publications/${v2}`)));
    expect(demoNote.title).toContain('已更正（第2版）');
  });

  it('serves the official PDF and the Excel of a version, immutable', async () => {
    const pub = t.anonymous();
    const pdf = await pub.get(`/api/public/publications/${v2}/file.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const text = squash(pdfText(pdf.raw));
    for (const s of ['津市场监管质发〔2026〕9号', '2026年天津市质量攻关项目计划', NEW_PROJECT, 'TJZLGG-2026-0099', '立项编号', '推荐单位', '天津市市场监督管理委员会', '2026年5月6日', '更正说明']) expect(text).toContain(squash(s));
    const again = await pub.request('GET', `/api/public/publications/${v2}/file.pdf`, undefined, { 'if-none-match': String(pdf.headers.etag) });
    expect(again.status).toBe(304);

    const xlsx = await pub.get(`/api/public/publications/${v2}/file.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-disposition'])).toContain(encodeURIComponent('（第2版）.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '立项编号', '项目名称', '承担单位', '所在区', '推荐单位', '攻关方向', '产业链']);
    const names: string[] = [];
    ws.eachRow((row, n) => n > 3 && names.push(String(row.getCell(3).value)));
    expect(names).toContain(NEW_PROJECT);
    const detail = await pub.get(`/api/public/publications/${v2}`);
    expect(names).toHaveLength(detail.body.rows.length);
  });
});

describe('refuses to publish', () => {
  it('when no project of the campaign is approved', async () => {
    await db().delete(publications);
    await db().update(projects).set({ state: 'under_review', projectNo: null }).where(eq(projects.state, 'approved'));
    const res = await commission.post('/api/commission/publications/plan', { title: '2026年天津市质量攻关项目计划', documentNo: '津市场监管质发〔2026〕5号', publishedOn: '2026-05-06', expectedVersion: 0 });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('尚无已立项');
  });

  it('with a correction note on a first publication', async () => {
    const res = await commission.post('/api/commission/publications/plan', { title: '2026年天津市质量攻关项目计划', documentNo: '津市场监管质发〔2026〕5号', publishedOn: '2026-05-06', expectedVersion: 0, correctionNote: '补充列入项目' });
    expect(res.status).toBe(400);
    expect(res.body.fields.correctionNote).toContain('首次发布');
  });
});
