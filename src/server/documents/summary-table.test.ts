import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { renderSummaryTableDocx, renderSummaryTableXlsx, SUMMARY_COLUMNS, summaryRowFromForm, summaryRowValues } from './summary-table';
import { buildCommonApplication, buildSummaryHeader, buildSummaryRows, FIXTURE_UNIT_USCC } from './fixtures';
import { docxVisibleText, zipEntryText } from './test-utils';

const HEADERS = ['序号', '项目名称', '申报单位', '统一社会信用代码', '所属区', '申报方向', '所属产业链/领域', '预期成效类别', '项目起止时间', '项目负责人', '联系电话', '联合单位', '推荐排序', '备注'];

async function readXlsx(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  return ws;
}

describe('summary rows', () => {
  it('formats a row in column order', () => {
    const [row] = buildSummaryRows(1);
    expect(summaryRowValues(row)).toEqual([
      1,
      '降低协作机器人减速器装配不良率',
      '天津瀚海精密传动科技有限公司',
      FIXTURE_UNIT_USCC,
      '滨海新区',
      '质量精准提升攻关',
      '协作机器人',
      '提质增效、自主创新',
      '2025.03.01—2026.08.31',
      '李文涛',
      '13820061000',
      '',
      1,
      '优先推荐',
    ]);
  });

  it('builds a row from a common-technology application with its partners', () => {
    const row = summaryRowFromForm(buildCommonApplication(), 7, { priority: 2 });
    expect(row.direction).toBe('common');
    expect(row.partners).toContain('天津大学');
    expect(row.partners).not.toContain('天津新能智联汽车电子有限公司');
    expect(row.priority).toBe(2);
  });
});

describe('renderSummaryTableXlsx', () => {
  it('writes title, header info, column headers and every row value', async () => {
    const header = buildSummaryHeader();
    const rows = buildSummaryRows(12);
    const ws = await readXlsx(await renderSummaryTableXlsx(header, rows));
    expect(ws.name).toBe('立项申报汇总表');
    expect(ws.getCell('A1').value).toBe('2026年天津市质量攻关项目立项申报汇总表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('N1').master.address).toBe('A1');
    const row2 = (ws.getRow(2).values as unknown[]).filter(Boolean).join('|');
    expect(row2).toContain('推荐单位（盖章）：天津市滨海新区市场监督管理局');
    expect(row2).toContain('联系人：刘晓梅');
    expect(row2).toContain('联系电话：022-65305678');
    expect(row2).toContain('填报日期：2026年4月18日');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(SUMMARY_COLUMNS.map((c) => c.header)).toEqual(HEADERS);
    rows.forEach((r, i) => {
      const values = (ws.getRow(4 + i).values as unknown[]).slice(1);
      const expected = summaryRowValues(r);
      expected.forEach((v, j) => expect(values[j] ?? '').toBe(v));
    });
    // Layout: borders, wrap, frozen header, A4 landscape, repeated header rows.
    expect(ws.getCell('B4').border?.top?.style).toBe('thin');
    expect(ws.getCell('B4').alignment?.wrapText).toBe(true);
    expect(ws.getCell('D4').value).toBe(FIXTURE_UNIT_USCC);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('1:3');
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
  });

  it('handles 5,000 rows', { timeout: 90_000 }, async () => {
    const rows = buildSummaryRows(5000);
    const buf = await renderSummaryTableXlsx(buildSummaryHeader(), rows);
    const ws = await readXlsx(buf);
    expect(ws.rowCount).toBe(3 + 5000);
    expect(ws.getCell('A5003').value).toBe(5000);
    expect(ws.getCell('B5003').value).toBe(rows[4999].projectName);
    expect(ws.getCell('N5003').border?.right?.style).toBe('thin');
  });
});

describe('renderSummaryTableDocx', () => {
  it('writes a landscape table with the same columns and rows', async () => {
    const rows = buildSummaryRows(25);
    const buf = await renderSummaryTableDocx(buildSummaryHeader(), rows);
    const xml = await zipEntryText(buf, 'word/document.xml');
    const text = docxVisibleText(xml);
    expect(text).toContain('2026年天津市质量攻关项目立项申报汇总表');
    expect(text).toContain('推荐单位（盖章）：天津市滨海新区市场监督管理局');
    for (const h of HEADERS) expect(text).toContain(h);
    for (const r of rows) expect(text).toContain(r.applicantName);
    expect(xml).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="16838"[^>]*w:h="11906"/);
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('escapes XML special characters and handles 5,000 rows', { timeout: 90_000 }, async () => {
    const rows = buildSummaryRows(5000);
    rows[1] = { ...rows[1], projectName: '提高<A&B>型焊丝"一次合格率" $& $1', remark: '第一行\n第二行' };
    const buf = await renderSummaryTableDocx(buildSummaryHeader(), rows);
    const xml = await zipEntryText(buf, 'word/document.xml');
    expect(xml).not.toContain('GONGGUAN_FAST_TABLE_PLACEHOLDER');
    expect((xml.match(/<w:tr[ >]/g) ?? []).length).toBe(5001);
    const text = docxVisibleText(xml);
    expect(text).toContain('提高&lt;A&amp;B&gt;型焊丝&quot;一次合格率&quot; $&amp; $1');
    expect(text).toContain(rows[4999].applicantName);
    expect(xml).toMatch(/第一行<\/w:t><\/w:r><w:r>.*?<w:br\/><w:t xml:space="preserve">第二行/);
  });
});
