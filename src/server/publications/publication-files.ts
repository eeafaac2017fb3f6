/**
 * The files a publication carries, rendered from its immutable snapshot: the official PDF
 * (A4 landscape, 文号 and date, the table with its header repeated on every page, embedded subset
 * font) and the Excel workbook (same columns, a title row, filters).
 */
import ExcelJS from 'exceljs';
import type { PlanRow, PublicationDetail } from '../../shared/publications';
import { createCjkPdf, formatDateCn } from '../documents';

const COMMISSION = '天津市市场监督管理委员会';

export const PLAN_COLUMNS: { key: keyof PlanRow; header: string; width: number; xlsxWidth: number }[] = [
  { key: 'seq', header: '序号', width: 5, xlsxWidth: 6 },
  { key: 'projectNo', header: '立项编号', width: 13, xlsxWidth: 20 },
  { key: 'name', header: '项目名称', width: 26, xlsxWidth: 40 },
  { key: 'unit', header: '承担单位', width: 19, xlsxWidth: 32 },
  { key: 'district', header: '所在区', width: 8, xlsxWidth: 12 },
  { key: 'recommender', header: '推荐单位', width: 15, xlsxWidth: 28 },
  { key: 'direction', header: '攻关方向', width: 9, xlsxWidth: 16 },
  { key: 'chain', header: '产业链', width: 9, xlsxWidth: 14 },
];

/** 公示名单 / 认定结果: the result lists (技术评定等级 instead of 攻关方向 and 产业链; never expert names). */
export const RESULT_LIST_COLUMNS: typeof PLAN_COLUMNS = [
  ...PLAN_COLUMNS.filter((c) => c.key !== 'direction' && c.key !== 'chain'),
  { key: 'level', header: '技术评定等级', width: 18, xlsxWidth: 14 },
];

const columnsFor = (p: Pick<PublicationDetail, 'kind'>) => (p.kind === 'publicity_list' || p.kind === 'recognition_result' ? RESULT_LIST_COLUMNS : PLAN_COLUMNS);

const cell = (r: PlanRow, key: keyof PlanRow) => String(r[key] ?? '');

export function publicationFileName(p: Pick<PublicationDetail, 'title' | 'version'>, ext: 'pdf' | 'xlsx'): string {
  return `${p.title}${p.version > 1 ? `（第${p.version}版）` : ''}.${ext}`;
}

export async function renderPublicationPdf(p: PublicationDetail): Promise<Buffer> {
  const pdf = createCjkPdf({ title: p.title, subject: p.kindLabel, author: COMMISSION, landscape: true, margins: { top: 56, right: 48, bottom: 56, left: 48 }, fontSize: 9.5 });
  pdf.paragraph(p.documentNo, { align: 'center', size: 12, spaceAfter: 4 });
  pdf.heading(p.title, 0);
  if (p.version > 1 && p.correctionNote) pdf.paragraph(`更正说明（第${p.version}版）：${p.correctionNote}`, { size: 10.5, spaceAfter: 6 });
  const PLAN_COLUMNS = columnsFor(p);
  pdf.table({
    columns: PLAN_COLUMNS.map((c) => ({ header: c.header, width: c.width, align: c.key === 'seq' ? ('center' as const) : undefined })),
    rows: p.rows.map((r) => PLAN_COLUMNS.map((c) => cell(r, c.key))),
  });
  pdf.paragraph(`共 ${p.rows.length} 项`, { size: 10.5, spaceBefore: 8 });
  pdf.paragraph(COMMISSION, { align: 'right', size: 12, spaceBefore: 16 });
  pdf.paragraph(formatDateCn(p.publishedOn), { align: 'right', size: 12 });
  return pdf.render();
}

export async function renderPublicationXlsx(p: PublicationDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = COMMISSION;
  wb.title = p.title;
  const ws = wb.addWorksheet(p.kindLabel, { views: [{ state: 'frozen', ySplit: 3 }] });
  const PLAN_COLUMNS = columnsFor(p);
  ws.columns = PLAN_COLUMNS.map((c) => ({ key: c.key, width: c.xlsxWidth }));
  ws.addRow([`${p.title}${p.version > 1 ? `（第${p.version}版）` : ''}`]);
  ws.mergeCells(1, 1, 1, PLAN_COLUMNS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow([`${p.documentNo}　发布日期：${formatDateCn(p.publishedOn)}`]);
  ws.mergeCells(2, 1, 2, PLAN_COLUMNS.length);
  ws.addRow(PLAN_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const r of p.rows) ws.addRow(PLAN_COLUMNS.map((c) => r[c.key]));
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: PLAN_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
