import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { HISTORY_COLUMNS } from '../../shared/applications';
import { auditLog, historicalResults } from '../db/schema';
import { draftWith, readyForm } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function workbook(rows: (string | number | null)[][], header: string[] = [...HISTORY_COLUMNS]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('历年成果');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const historyCount = async () => Number((await t.services.database.db.select({ n: count() }).from(historicalResults))[0].n);

describe('historical results (commission)', () => {
  it('serves an Excel template with the Chinese headers and an example row', async () => {
    const c = await t.login('demo_commission');
    const res = await c.get('/api/commission/history/template.xlsx');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('历年成果导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...HISTORY_COLUMNS]);
    expect(ws.getRow(2).getCell(1).value).toBe(2024);
  });

  it('refuses the import to anyone but the commission', async () => {
    const a = await t.login('demo_applicant');
    const res = await a.upload('/api/commission/history/import', '历年成果.xlsx', await workbook([[2024, '降低焊丝表面划伤率', '天津某焊材有限公司', '焊材', null, null, null, '优秀成果']]), XLSX);
    expect(res.status).toBe(403);
    expect((await a.get('/api/commission/history')).status).toBe(403);
  });

  it('reports every bad row in Chinese and imports nothing', async () => {
    const c = await t.login('demo_commission');
    const before = await historyCount();
    const data = await workbook([
      [2023, '提高光伏组件层压一次合格率', '天津某光伏科技有限公司', '光伏新能源', '层压气泡不良率高', '合格率≥99.2%', 'DOE优化层压温度曲线', '优秀成果'],
      ['二〇二三', '降低焊丝表面划伤率', '天津某焊材有限公司', '焊材', null, null, null, null],
      [2022, '', '天津某电子科技有限公司', null, null, null, null, null],
      [2023, '提高光伏组件层压一次合格率', '天津某光伏科技有限公司', null, null, null, null, null],
      [2030, '缩短电动自行车充电器老化时间', '天津某电子有限公司', '电动自行车', null, null, null, null],
    ]);
    const res = await c.upload('/api/commission/history/import', '2023年优秀成果.xlsx', data, XLSX);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('未导入任何数据');
    expect(res.body.fields['rows.3.year']).toBe('第3行“年度”：应为2000至2025之间的四位年份，当前为“二〇二三”');
    expect(res.body.fields['rows.4.name']).toBe('第4行“项目名称”：为必填项');
    expect(res.body.fields['rows.5.name']).toContain('与第2行重复');
    expect(res.body.fields['rows.6.year']).toContain('当前为“2030”');
    expect(await historyCount()).toBe(before);
  });

  it('refuses a file without the template headers and a file that is not Excel', async () => {
    const c = await t.login('demo_commission');
    const noHeader = await c.upload('/api/commission/history/import', 'x.xlsx', await workbook([[2024, 'a']], ['年度', '名称']), XLSX);
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.message).toContain('表头缺少列：项目名称');
    const notXlsx = await c.upload('/api/commission/history/import', 'x.xlsx', Buffer.from('年度,项目名称\n2024,降低焊丝划伤率'), XLSX);
    expect(notXlsx.status).toBe(415);
  });

  it('imports a valid file in one go, audits it, lists it and feeds the duplicate check', async () => {
    const c = await t.login('demo_commission');
    const before = await historyCount();
    const name = '降低车用汽油清净剂批次色度偏差';
    const problem = '清净剂批次间色度波动大，客户投诉集中在外观一致性，色度偏差超过±1.5号的批次占比达12%。';
    const route = '对原料胺值与反应温度进行DOE试验，确定关键参数窗口；引入在线色度仪与SPC控制图，实现批次放行前的色度预警。';
    const res = await c.upload(
      '/api/commission/history/import',
      '2024年优秀成果.xlsx',
      await workbook([
        [2024, name, '天津某燃油添加剂有限公司', '车用燃料', problem, '色度偏差≤±0.5号', route, '优秀成果'],
        [2024, '提高电动自行车锂电池包一致性', '天津某电池科技有限公司', '电动自行车', '电芯分选粒度粗', '压差≤20mV', '细化分选与配组规则', '一等'],
      ]),
      XLSX,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 2, kind: 'excellent_result', years: [2024] });
    expect(await historyCount()).toBe(before + 2);
    const audit = await t.services.database.db.select().from(auditLog).where(eq(auditLog.entity, 'historical_results'));
    expect(audit.at(-1)!.summary).toMatchObject({ rows: 2, fileName: '2024年优秀成果.xlsx' });

    const list = await c.get(`/api/commission/history?q=${encodeURIComponent('清净剂批次')}&year=2024`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ name, unitName: '天津某燃油添加剂有限公司', source: 'import' });

    // the same rows again are refused as already present
    const again = await c.upload('/api/commission/history/import', '2024年优秀成果.xlsx', await workbook([[2024, name, '天津某燃油添加剂有限公司', null, null, null, null, null]]), XLSX);
    expect(again.status).toBe(400);
    expect(again.body.fields['rows.2.name']).toContain('平台中已有');

    // the duplicate index is rebuilt: an application copying the new result is flagged
    const a = await t.login('app_021');
    const form = await readyForm(t, a, 'app_021', { name, chain: '车用燃料' });
    form.content.background = problem;
    form.content.technicalRoute = route;
    const { id } = await draftWith(a, form);
    const dup = await a.post(`/api/applications/${id}/duplicates`);
    expect(dup.body.flagged).toBe(true);
    expect(dup.body.matches[0]).toMatchObject({ source: 'historical', name, year: 2024 });
  });
});
