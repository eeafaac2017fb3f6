import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
let id2027: string;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('demo_commission');
  const c2026 = (await admin.get('/api/campaigns')).body.items.find((x: any) => x.year === 2026);
  const existing = (await admin.get('/api/campaigns')).body.items.find((x: any) => x.year === 2027);
  id2027 = existing?.id ?? (await admin.post(`/api/campaigns/${c2026.id}/copy`, { year: 2027 })).body.id;
});
afterAll(async () => t.close());

const NOTICE_2027 = [
  '# 国务院办公厅关于2027年部分节假日安排的通知',
  '2027-01-01 元旦 休',
  '2027-01-02 元旦 休',
  '2027-01-03 元旦 休',
  '2027-02-06至2027-02-13 春节 休',
  '2027-02-14 调休 上班',
  '2027-02-20 调休 上班',
  '2027-04-03至2027-04-05 清明节 休',
  '2027-05-01至2027-05-05 劳动节 休',
  '2027-10-01至2027-10-07 国庆节 休',
].join('\n');

async function current(admin: Awaited<ReturnType<TestApp['login']>>) {
  return (await admin.get(`/api/campaigns/${id2027}`)).body;
}

describe('holiday calendar per campaign', () => {
  it('refuses opening a campaign whose year has no holiday calendar, saying what to do', async () => {
    const admin = await t.login('demo_commission');
    const c = await current(admin);
    expect(c.config.calendar).toEqual({ holidays: [], workdays: [] });
    const res = await admin.put(`/api/campaigns/${id2027}`, { version: c.version, title: c.title, documentNo: c.documentNo, status: 'active', config: c.config });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('尚未录入2027年的节假日安排，不能开启本年度活动');
    expect(Object.keys(res.body.fields)).toEqual(['config.calendar.holidays']);
  });

  it('refuses a paste with a date of another year, naming the line, and saves nothing', async () => {
    const admin = await t.login('demo_commission');
    const c = await current(admin);
    const res = await admin.put(`/api/campaigns/${id2027}/calendar`, { version: c.version, text: `${NOTICE_2027}\n2026-10-08 国庆节 休` });
    expect(res.status).toBe(200);
    expect(res.body.saved).toBe(false);
    expect(res.body.problems).toEqual([{ line: 11, message: '第11行“2026-10-08 国庆节 休”：2026-10-08 不属于本年度活动的年份（2027年），请核对年份' }]);
    expect((await current(admin)).version).toBe(c.version);
  });

  it('refuses a 调休上班 on a weekday', async () => {
    const admin = await t.login('demo_commission');
    const c = await current(admin);
    const res = await admin.put(`/api/campaigns/${id2027}/calendar`, { version: c.version, text: '2027-01-01 元旦 休\n2027-02-12 调休 上班' });
    expect(res.body.saved).toBe(false);
    expect(res.body.problems[0].message).toContain('2027-02-12 是周五，本就是工作日；调休上班日应为周六或周日');
  });

  it('imports the pasted State Council notice, audited, with an optimistic version', async () => {
    const admin = await t.login('demo_commission');
    const c = await current(admin);
    const res = await admin.put(`/api/campaigns/${id2027}/calendar`, { version: c.version, text: NOTICE_2027 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.saved).toBe(true);
    expect(res.body.campaign.version).toBe(c.version + 1);
    expect(res.body.campaign.config.calendar.holidays).toHaveLength(3 + 8 + 3 + 5 + 7);
    expect(res.body.campaign.config.calendar.workdays).toEqual(['2027-02-14', '2027-02-20']);
    const stale = await admin.put(`/api/campaigns/${id2027}/calendar`, { version: c.version, text: NOTICE_2027 });
    expect(stale.status).toBe(409);
    const audit = await admin.get('/api/audit?entity=campaign&action=import_calendar');
    expect(audit.body.items[0].summary).toMatchObject({ year: 2027, source: 'paste', before: { holidays: 0 }, after: { holidays: 26, workdays: 2, covered: true } });
  });

  it('imports from Excel (日期|节日|安排), refusing a bad row by its row number', async () => {
    const admin = await t.login('demo_commission');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('节假日');
    ws.addRow(['日期', '节日', '安排']);
    ws.addRow([new Date(Date.UTC(2027, 0, 1)), '元旦', '休']);
    ws.addRow(['2027-02-06至2027-02-13', '春节', '休']);
    ws.addRow(['2027-02-14', '春节', '调休上班']);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    ws.addRow(['2027-02-31', '春节', '休']);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    let c = await current(admin);
    const refused = await admin.upload(`/api/campaigns/${id2027}/calendar/xlsx?version=${c.version}`, '2027年节假日.xlsx', bad, xlsx);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ saved: false, problems: [{ line: 5 }] });
    expect(refused.body.problems[0].message).toContain('日期无法识别');
    c = await current(admin);
    const ok = await admin.upload(`/api/campaigns/${id2027}/calendar/xlsx?version=${c.version}`, '2027年节假日.xlsx', good, xlsx);
    expect(ok.body.saved, JSON.stringify(ok.body)).toBe(true);
    expect(ok.body.campaign.config.calendar).toEqual({
      holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'],
      workdays: ['2027-02-14'],
    });
  });

  it('offers the calendar as Excel that imports back unchanged', async () => {
    const admin = await t.login('demo_commission');
    const before = await current(admin);
    const file = await admin.get(`/api/campaigns/${id2027}/calendar/template.xlsx`);
    expect(file.status).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('2027年节假日安排.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.raw as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '日期', '节日', '安排']);
    const back = await admin.upload(`/api/campaigns/${id2027}/calendar/xlsx?version=${before.version}`, '2027年节假日安排.xlsx', file.raw, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(back.body.saved, JSON.stringify(back.body)).toBe(true);
    expect(back.body.campaign.config.calendar).toEqual(before.config.calendar);
  });

  it('refuses saving a calendar entry of another year through the campaign form, naming the entry', async () => {
    const admin = await t.login('demo_commission');
    const c = await current(admin);
    const config = { ...c.config, calendar: { holidays: [...c.config.calendar.holidays, '2028-01-01'], workdays: c.config.calendar.workdays } };
    const res = await admin.put(`/api/campaigns/${id2027}`, { version: c.version, title: c.title, documentNo: c.documentNo, status: c.status, config });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('放假日 2028-01-01 不属于本年度活动的年份（2027年）');
    expect(Object.keys(res.body.fields)).toEqual([`config.calendar.holidays.${c.config.calendar.holidays.length}`]);
  });

  it('refuses every other role', async () => {
    for (const u of ['demo_applicant', 'demo_recommender', 'demo_expert']) {
      const a = await t.login(u);
      expect((await a.put(`/api/campaigns/${id2027}/calendar`, { version: 1, text: NOTICE_2027 })).status, u).toBe(403);
    }
  });
});
