import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { auditLog, projects } from '../db/schema';
import { INBOX_EXPORT_SHEET } from './find-inbox';
import { as } from './test-helpers';

let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.services.database.db;
  const make = async (key: string, applicant: string, name: string, opts: { state?: any; direction?: 'precise' | 'common'; dup?: number; minutes: number }) => {
    const p = await insertProject(t, { applicant, name, state: opts.state ?? 'submitted', direction: opts.direction });
    const submittedAt = new Date(Date.parse('2026-04-01T09:00:00+08:00') + opts.minutes * 60_000);
    await db
      .update(projects)
      .set({ submittedAt, duplicateScore: opts.dup === undefined ? null : String(opts.dup), duplicateFlag: (opts.dup ?? 0) >= 0.6 })
      .where(eq(projects.id, p.id));
    ids[key] = p.id;
  };
  // 东丽区 bureau (rec_120110; no demo-seed projects): app_007 信创服务器, app_010 车联测试, app_033 东丽航空.
  await make('reducer', 'app_007', '降低信创服务器主板焊接缺陷率', { dup: 0.72, minutes: 10 });
  await make('joint', 'app_007', '提升服务器电源模块输出一致性', { dup: 0.31, minutes: 20 });
  await make('server', 'app_010', '提高车联网测试设备标定效率', { direction: 'common', minutes: 30 });
  await make('enzyme', 'app_033', '降低航空部件热处理变形量', { state: 'returned', dup: 0.65, minutes: 40 });
  await make('draft', 'app_007', '信创服务器草稿项目', { state: 'draft', minutes: 50 });
  // 和平区 bureau's applicant: never in the 东丽区 inbox.
  await make('xiqing', 'app_029', '缩短城市服务工单响应时间', { minutes: 60 });
});
afterAll(async () => t.close());

describe('recommender inbox', () => {
  it('lists only the own recommender’s non-draft applications, with counts per state', async () => {
    const rec = await as(t, 'rec_120110');
    const res = await rec.get('/api/recommender/applications?pageSize=100');
    expect(res.status).toBe(200);
    const got = res.body.items.map((i: any) => i.id);
    expect(got).toEqual(expect.arrayContaining([ids.reducer, ids.joint, ids.server, ids.enzyme]));
    expect(got).not.toContain(ids.draft);
    expect(got).not.toContain(ids.xiqing);
    expect(res.body.total).toBe(4);
    expect(res.body.counts).toEqual({ submitted: 3, returned: 1 });
    const item = res.body.items.find((i: any) => i.id === ids.reducer);
    expect(item).toMatchObject({ applicantName: '天津信创服务器制造有限公司', stateLabel: '待推荐单位审核', duplicateScore: 0.72, duplicateFlag: true });
    // Other bureaus see their own only.
    const hp = await as(t, 'rec_120101');
    // (和平区 also has the demo's 雷同 pair awaiting 立项审核; of this test's applications it sees one.)
    const hpIds = (await hp.get('/api/recommender/applications?pageSize=200')).body.items.map((i: any) => i.id);
    expect(hpIds.filter((id: string) => Object.values(ids).includes(id))).toEqual([ids.xiqing]);
    const binhai = (await (await as(t, 'demo_recommender')).get('/api/recommender/applications?pageSize=200')).body.items.map((i: any) => i.id);
    expect(binhai.filter((id: string) => Object.values(ids).includes(id))).toEqual([]);
  });

  it('searches name, applicant and application number; filters; keeps counts across states', async () => {
    const rec = await as(t, 'rec_120110');
    const byName = await rec.get(`/api/recommender/applications?q=${encodeURIComponent('服务器')}`);
    expect(byName.body.items.map((i: any) => i.id).sort()).toEqual([ids.reducer, ids.joint].sort());
    const byApplicant = await rec.get(`/api/recommender/applications?q=${encodeURIComponent('东丽航空')}`);
    expect(byApplicant.body.items.map((i: any) => i.id)).toEqual([ids.enzyme]);
    const [row] = await t.services.database.db.select().from(projects).where(eq(projects.id, ids.server));
    const byNo = await rec.get(`/api/recommender/applications?q=${encodeURIComponent(row.applicationNo!)}`);
    expect(byNo.body.items.map((i: any) => i.id)).toEqual([ids.server]);
    const wildcard = await rec.get(`/api/recommender/applications?q=${encodeURIComponent('%')}`);
    expect(wildcard.body.total).toBe(0);

    const returned = await rec.get('/api/recommender/applications?state=returned');
    expect(returned.body.items.map((i: any) => i.id)).toEqual([ids.enzyme]);
    expect(returned.body.counts).toEqual({ submitted: 3, returned: 1 });
    const several = await rec.get('/api/recommender/applications?state=submitted,returned');
    expect(several.body.total).toBe(4);
    expect((await rec.get('/api/recommender/applications?direction=common')).body.items.map((i: any) => i.id)).toEqual([ids.server]);
    expect((await rec.get(`/api/recommender/applications?chain=${encodeURIComponent('智能网联汽车')}`)).body.items.map((i: any) => i.id)).toEqual([ids.server]);
    const flagged = await rec.get('/api/recommender/applications?duplicateFlag=true');
    expect(flagged.body.items.map((i: any) => i.id).sort()).toEqual([ids.reducer, ids.enzyme].sort());
    expect(flagged.body.counts).toEqual({ submitted: 1, returned: 1 });
    const bad = await rec.get('/api/recommender/applications?state=approved,nonsense');
    expect(bad.status).toBe(400);
  });

  it('sorts by submission time, name and duplicate score, and paginates', async () => {
    const rec = await as(t, 'rec_120110');
    const newest = await rec.get('/api/recommender/applications');
    expect(newest.body.items.map((i: any) => i.id)).toEqual([ids.enzyme, ids.server, ids.joint, ids.reducer]);
    const oldest = await rec.get('/api/recommender/applications?sort=submittedAt&order=asc');
    expect(oldest.body.items.map((i: any) => i.id)).toEqual([ids.reducer, ids.joint, ids.server, ids.enzyme]);
    const dup = await rec.get('/api/recommender/applications?sort=duplicateScore&order=desc');
    expect(dup.body.items.map((i: any) => i.id)).toEqual([ids.reducer, ids.enzyme, ids.joint, ids.server]);
    const nameAsc = (await rec.get('/api/recommender/applications?sort=name&order=asc')).body.items.map((i: any) => i.id);
    const nameDesc = (await rec.get('/api/recommender/applications?sort=name&order=desc')).body.items.map((i: any) => i.id);
    expect(nameDesc).toEqual([...nameAsc].reverse());
    const page1 = await rec.get('/api/recommender/applications?pageSize=3&page=1');
    const page2 = await rec.get('/api/recommender/applications?pageSize=3&page=2');
    expect(page1.body.items).toHaveLength(3);
    expect(page2.body.items.map((i: any) => i.id)).toEqual([ids.reducer]);
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
  });

  it('exports exactly the filtered rows, in the same order, and audits the export', async () => {
    const rec = await as(t, 'rec_120110');
    const res = await rec.get(`/api/recommender/applications/export.xlsx?state=submitted&sort=submittedAt&order=asc`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('2026年质量攻关申报项目列表.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.getWorksheet(INBOX_EXPORT_SHEET)!;
    const names: string[] = [];
    ws.eachRow((row, i) => i > 1 && names.push(String(row.getCell(3).value)));
    expect(names).toEqual(['降低信创服务器主板焊接缺陷率', '提升服务器电源模块输出一致性', '提高车联网测试设备标定效率']);
    expect(ws.getRow(2).getCell(7).value).toBe('待推荐单位审核');
    expect(ws.getRow(2).getCell(11).value).toBe('是');
    const entries = await t.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'export'));
    expect(entries.some((e) => (e.summary as any).rows === 3)).toBe(true);

    const other = await as(t, 'rec_120101');
    const theirs = await other.get('/api/recommender/applications/export.xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(theirs.raw as any);
    const rows: string[] = [];
    wb2.getWorksheet(INBOX_EXPORT_SHEET)!.eachRow((row, i) => i > 1 && rows.push(String(row.getCell(3).value)));
    expect(rows).toContain('缩短城市服务工单响应时间');
    expect(rows.filter((r) => names.includes(r))).toEqual([]);
  });

  it('refuses the inbox and the export to other roles', async () => {
    for (const u of ['demo_applicant', 'demo_expert', 'demo_commission', 'demo_training']) {
      const a = await as(t, u);
      expect((await a.get('/api/recommender/applications')).status, u).toBe(403);
      expect((await a.get('/api/recommender/applications/export.xlsx')).status, u).toBe(403);
    }
  });
});
