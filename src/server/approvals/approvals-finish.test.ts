/**
 * 立项审核 finished (issue 16): the 倾斜支持 marker and "共性技术优先" sort, the filters by
 * recommender / district / 雷同 flag / eligibility problems (server-side, paging stays right), and
 * 批量不予立项 with one shared reason (all-or-nothing, audited per project) with its refusals.
 */
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgOfUser } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { auditLog, organisations, projectReviews, projects } from '../db/schema';
import { as } from '../recommendations/test-helpers';
import { AFTER_DEADLINE, underReview } from './test-helpers';

let t: TestApp;
let reviewer: Agent;
const db = () => t.services.database.db;
// 东丽区 bureau (rec_120110) has no demo-seed projects: app_007 / app_010 / app_033 are its applicants.
const DONGLI_REC = 'rec_120110';
let dongliId: string;
const p: Record<string, typeof projects.$inferSelect> = {};
const base = () => `/api/commission/approvals?recommenderOrgId=${dongliId}`;
const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((i) => i.name);

beforeAll(async () => {
  t = await createTestApp({ now: AFTER_DEADLINE });
  reviewer = await as(t, 'commission_reviewer');
  dongliId = (await orgOfUser(t, DONGLI_REC)).id;
  // submittedAt order = creation order (the test clock does not move): a, b, c, d.
  p.a = await underReview(t, 'app_007', '甲降低主板焊接缺陷率');
  p.b = await underReview(t, 'app_010', '乙提高测试设备标定效率', { direction: 'common' });
  p.c = await underReview(t, 'app_033', '丙降低热处理变形量');
  p.d = await underReview(t, 'app_007', '丁共性检测方法攻关', { direction: 'common' });
  await db().update(projects).set({ duplicateFlag: true, duplicateScore: '0.8100' }).where(inArray(projects.id, [p.a.id, p.c.id]));
  await db()
    .update(projects)
    .set({ eligibility: { checkedAt: new Date().toISOString(), items: [{ id: 'start_date', label: '实施期起始', status: 'warning', message: '起始日期早于申报年度', blocking: false }, { id: 'registration', label: '注册地', status: 'pass', message: '', blocking: true }] } })
    .where(eq(projects.id, p.b.id));
  await db().update(organisations).set({ district: '宁河区' }).where(eq(organisations.id, (await orgOfUser(t, 'app_033')).id));
});
afterAll(async () => t.close());

describe('倾斜支持 marker and 共性技术优先 sort', () => {
  it('marks every 质量共性技术攻关 project and, with priority=preferred, lists them first (then the chosen sort)', async () => {
    const plain = await reviewer.get(`${base()}&sort=name&order=asc`);
    expect(plain.status).toBe(200);
    expect(plain.body.items.filter((i: any) => i.preferred).map((i: any) => i.id).sort()).toEqual([p.b.id, p.d.id].sort());
    expect(plain.body.items.find((i: any) => i.id === p.a.id).preferred).toBe(false);

    const pref = await reviewer.get(`${base()}&priority=preferred&sort=submittedAt&order=asc`);
    expect(names(pref)).toEqual([p.b, p.d, p.a, p.c].map((x) => x.name));
    const prefDesc = await reviewer.get(`${base()}&priority=preferred&sort=name&order=desc`);
    expect(prefDesc.body.items.slice(0, 2).every((i: any) => i.preferred)).toBe(true);
    expect(prefDesc.body.items.slice(2).some((i: any) => i.preferred)).toBe(false);
  });

  it('applies the priority on the server, so paging stays right', async () => {
    const page1 = await reviewer.get(`${base()}&priority=preferred&pageSize=2&page=1`);
    const page2 = await reviewer.get(`${base()}&priority=preferred&pageSize=2&page=2`);
    expect(page1.body.total).toBe(4);
    expect(page1.body.items.map((i: any) => i.id).sort()).toEqual([p.b.id, p.d.id].sort());
    expect(page2.body.items.map((i: any) => i.id).sort()).toEqual([p.a.id, p.c.id].sort());
  });

  it('refuses an unknown priority with a Chinese error naming the field', async () => {
    const res = await reviewer.get(`${base()}&priority=whatever`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/排序方式/);
  });
});

describe('立项审核 filters', () => {
  it('filters by recommender', async () => {
    const res = await reviewer.get(base());
    expect(res.body.items.map((i: any) => i.id).sort()).toEqual([p.a, p.b, p.c, p.d].map((x) => x.id).sort());
    const other = await reviewer.get(`/api/commission/approvals?recommenderOrgId=${(await orgOfUser(t, 'rec_120101')).id}`);
    expect(other.body.items.some((i: any) => [p.a.id, p.b.id, p.c.id, p.d.id].includes(i.id))).toBe(false);
  });

  it('filters by the applicant’s district', async () => {
    const res = await reviewer.get(`${base()}&district=${encodeURIComponent('宁河区')}`);
    expect(res.body.items.map((i: any) => i.id)).toEqual([p.c.id]);
    expect(res.body.counts.under_review).toBe(1);
    const tooLong = await reviewer.get(`${base()}&district=${encodeURIComponent('区'.repeat(30))}`);
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toMatch(/所在区/);
  });

  it('filters by the 雷同 flag', async () => {
    const flagged = await reviewer.get(`${base()}&duplicate=flagged`);
    expect(flagged.body.items.map((i: any) => i.id).sort()).toEqual([p.a.id, p.c.id].sort());
    expect(flagged.body.items.every((i: any) => i.duplicateFlag)).toBe(true);
    const clear = await reviewer.get(`${base()}&duplicate=clear`);
    expect(clear.body.items.map((i: any) => i.id).sort()).toEqual([p.b.id, p.d.id].sort());
  });

  it('filters by eligibility problems and lists them on the row', async () => {
    const res = await reviewer.get(`${base()}&eligibility=problems`);
    expect(res.body.items.map((i: any) => i.id)).toEqual([p.b.id]);
    expect(res.body.items[0].eligibilityProblems).toEqual(['实施期起始：起始日期早于申报年度']);
    const ok = await reviewer.get(`${base()}&eligibility=ok`);
    expect(ok.body.items.map((i: any) => i.id).sort()).toEqual([p.a.id, p.c.id, p.d.id].sort());
  });

  it('combines the filters with the export (exactly the filtered rows)', async () => {
    const res = await reviewer.get(`/api/commission/approvals/export.xlsx?recommenderOrgId=${dongliId}&duplicate=flagged&district=${encodeURIComponent('宁河区')}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.getWorksheet('立项审核项目列表')!;
    const cells: string[] = [];
    ws.eachRow((row) => cells.push(String(row.getCell(4).value)));
    expect(cells.slice(1)).toEqual([p.c.name]);
  });
});

describe('批量不予立项 with one shared reason', () => {
  const REASON = '攻关目标不可量化考核，且与往年成果雷同';

  it('refuses without a reason, naming the field, and changes nothing', async () => {
    for (const reason of [undefined, '', '太短']) {
      const res = await reviewer.post('/api/commission/approvals/bulk-reject', { items: [{ id: p.a.id, version: p.a.version }], reason });
      expect(res.status).toBe(400);
      expect(res.body.fields.reason).toMatch(/不予立项的原因/);
    }
    const long = await reviewer.post('/api/commission/approvals/bulk-reject', { items: [{ id: p.a.id, version: p.a.version }], reason: '长'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toMatch(/原因/);
    expect((await db().select().from(projects).where(eq(projects.id, p.a.id)))[0].state).toBe('under_review');
  });

  it('refuses when any project is in the wrong state: nothing changes', async () => {
    const approved = await reviewer.post(`/api/commission/approvals/${p.d.id}/approve`, { version: p.d.version });
    expect(approved.status).toBe(200);
    const res = await reviewer.post('/api/commission/approvals/bulk-reject', { items: [{ id: p.a.id, version: p.a.version }, { id: p.d.id, version: approved.body.version }], reason: REASON });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/批量不予立项未执行/);
    expect(res.body.fields['items.1']).toBeTruthy();
    expect(res.body.fields['items.0']).toBeUndefined();
    const rows = await db().select().from(projects).where(inArray(projects.id, [p.a.id, p.d.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.state]))).toEqual({ [p.a.id]: 'under_review', [p.d.id]: 'approved' });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'bulk_reject'))).toHaveLength(0);
  });

  it('refuses a stale version: nothing changes', async () => {
    const res = await reviewer.post('/api/commission/approvals/bulk-reject', { items: [{ id: p.a.id, version: p.a.version }, { id: p.c.id, version: p.c.version + 5 }], reason: REASON });
    expect(res.status).toBe(409);
    expect((await db().select().from(projects).where(eq(projects.id, p.a.id)))[0].state).toBe('under_review');
  });

  it('refuses everyone but the commission (403) and a draft / unknown id', async () => {
    for (const user of ['app_007', DONGLI_REC, 'demo_expert']) {
      const res = await (await as(t, user)).post('/api/commission/approvals/bulk-reject', { items: [{ id: p.a.id, version: p.a.version }], reason: REASON });
      expect([res.status, user]).toEqual([403, user]);
    }
    const unknown = await reviewer.post('/api/commission/approvals/bulk-reject', { items: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }], reason: REASON });
    expect(unknown.status).toBe(404);
    expect((await db().select().from(projects).where(eq(projects.id, p.a.id)))[0].state).toBe('under_review');
  });

  it('rejects every selected project with the same reason, one review and one audit entry each', async () => {
    const res = await reviewer.post('/api/commission/approvals/bulk-reject', { items: [{ id: p.a.id, version: p.a.version }, { id: p.c.id, version: p.c.version }], reason: REASON });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: p.a.id, state: 'rejected', rejectReason: REASON }),
      expect.objectContaining({ id: p.c.id, state: 'rejected', rejectReason: REASON }),
    ]);
    const rows = await db().select().from(projects).where(inArray(projects.id, [p.a.id, p.c.id]));
    expect(rows.every((r) => r.state === 'rejected' && r.lastReason === REASON)).toBe(true);
    const reviews = await db().select().from(projectReviews).where(and(inArray(projectReviews.projectId, [p.a.id, p.c.id]), eq(projectReviews.stage, 'approval')));
    expect(reviews.map((r) => r.reason)).toEqual([REASON, REASON]);
    for (const id of [p.a.id, p.c.id]) expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'reject')))).toHaveLength(1);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'bulk_reject'))).toHaveLength(1);
    const list = await reviewer.get(`${base()}&state=rejected`);
    expect(list.body.items.map((i: any) => i.rejectReason)).toEqual([REASON, REASON]);
  });
});

describe('申报书对比 (reuses GET /api/applications/:id)', () => {
  it('gives the commission both applications of a seeded 雷同 pair, pointing at each other', async () => {
    const pair = await db().select().from(projects).where(inArray(projects.name, ['提高检验检测报告一次审核通过率', '提高检验检测报告一次审核通过率研究']));
    expect(pair).toHaveLength(2);
    const commission = await as(t, 'demo_commission');
    for (const [me, other] of [pair, [...pair].reverse()]) {
      const res = await commission.get(`/api/applications/${me.id}`);
      expect(res.status).toBe(200);
      expect(res.body.duplicateFlag).toBe(true);
      expect(res.body.duplicates.matches[0]).toMatchObject({ source: 'application', id: other.id });
      expect(res.body.form.project.name).toBe(me.name);
    }
    const list = await reviewer.get('/api/commission/approvals?duplicate=flagged&state=under_review');
    expect(list.body.items.map((i: any) => i.id)).toEqual(expect.arrayContaining(pair.map((x) => x.id)));
    const common = await reviewer.get('/api/commission/approvals?priority=preferred&state=under_review');
    expect(common.body.items[0]).toMatchObject({ name: '富硒食品硒含量快速检测共性技术攻关', preferred: true });
  });

  it('does not open the pair to another district’s recommender or another applicant (404)', async () => {
    const [row] = await db().select().from(projects).where(eq(projects.name, '提高检验检测报告一次审核通过率'));
    const other = await as(t, DONGLI_REC);
    expect((await other.get(`/api/applications/${row.id}`)).status).toBe(404);
    expect((await (await as(t, 'app_007')).get(`/api/applications/${row.id}`)).status).toBe(404);
  });
});
