/**
 * 附件6 天津市质量攻关项目立项申报汇总表 — one table per recommender, sent as 盖章版 and Word
 * version with the applications. The columns are INFERRED (the official form was not found, see
 * ../shared/spec/rules-from-attachments.md, attachment 6).
 */
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import { BENEFIT_AREA_LABELS, DIRECTION_LABELS, type ApplicationForm, type Direction } from '../../domain/application-form';
import { A4, FONT_HEI, SIZE, chineseStyles, pageNumberFooter } from './docx-common';
import { injectTable, TABLE_PLACEHOLDER, tableXml } from './docx-fast-table';
import { formatDateCn, formatDateDot } from './format';

export interface SummaryRow {
  seq: number;
  projectName: string;
  applicantName: string;
  uscc: string;
  district: string;
  direction: Direction;
  chain: string;
  /** Benefit-area keys (`efficiency`…) or ready labels (`提质增效`…). */
  benefitAreas: string[];
  startDate: string;
  endDate: string;
  projectLead: string;
  phone: string;
  /** 联合单位 (共性技术攻关), already joined. */
  partners?: string;
  /** 推荐排序 (1 = first). */
  priority?: number;
  remark?: string;
}

export interface SummaryHeader {
  campaignYear: number;
  recommenderName: string;
  contactName: string;
  contactPhone: string;
  /** 填报日期, YYYY-MM-DD. */
  filledDate: string;
}

export const SUMMARY_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 30 },
  { header: '申报单位', width: 26 },
  { header: '统一社会信用代码', width: 21 },
  { header: '所属区', width: 10 },
  { header: '申报方向', width: 16 },
  { header: '所属产业链/领域', width: 14 },
  { header: '预期成效类别', width: 16 },
  { header: '项目起止时间', width: 22 },
  { header: '项目负责人', width: 11 },
  { header: '联系电话', width: 14 },
  { header: '联合单位', width: 28 },
  { header: '推荐排序', width: 8 },
  { header: '备注', width: 14 },
] as const;

/** A 汇总表 of any kind: its title, sheet name, columns and row cells (the application's 附件6, the results batch's 成果汇总表). */
export interface SummaryTableSpec {
  title: string;
  sheetName: string;
  columns: readonly { header: string; width: number; center?: boolean; text?: boolean }[];
  rows: (string | number)[][];
}

/** Columns whose data cells are centred (1-based) in 附件6. */
const CENTERED = new Set([1, 4, 5, 6, 10, 11, 13]);

export function applicationSummarySpec(header: SummaryHeader, rows: SummaryRow[]): SummaryTableSpec {
  return {
    title: summaryTitle(header.campaignYear),
    sheetName: '立项申报汇总表',
    columns: SUMMARY_COLUMNS.map((c, i) => ({ ...c, center: CENTERED.has(i + 1), text: i === 3 || i === 10 })),
    rows: rows.map(summaryRowValues),
  };
}

export function summaryTitle(year: number): string {
  return `${year}年天津市质量攻关项目立项申报汇总表`;
}

function benefitText(areas: string[]): string {
  return areas.map((a) => (BENEFIT_AREA_LABELS as Record<string, string>)[a] ?? a).join('、');
}

/** The 14 cell texts of a row, in column order. */
export function summaryRowValues(r: SummaryRow): (string | number)[] {
  return [
    r.seq,
    r.projectName,
    r.applicantName,
    r.uscc,
    r.district,
    DIRECTION_LABELS[r.direction] ?? r.direction,
    r.chain,
    benefitText(r.benefitAreas),
    `${formatDateDot(r.startDate)}—${formatDateDot(r.endDate)}`,
    r.projectLead,
    r.phone,
    r.partners ?? '',
    r.priority ?? '',
    r.remark ?? '',
  ];
}

/** Builds a summary row from an application form (the recommender's list view → 汇总表). */
export function summaryRowFromForm(form: ApplicationForm, seq: number, extra: { priority?: number; remark?: string } = {}): SummaryRow {
  const p = form.project ?? {};
  const u = form.unit ?? {};
  const partners = (form.consortium ?? []).map((c) => c.name).filter((n) => n && n !== u.name);
  return {
    seq,
    projectName: p.name ?? '',
    applicantName: u.name ?? '',
    uscc: u.uscc ?? '',
    district: u.district ?? '',
    direction: p.direction ?? 'precise',
    chain: p.chain === '其他' && p.chainOther ? `其他（${p.chainOther}）` : p.chain ?? '',
    benefitAreas: p.benefitAreas ?? [],
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    projectLead: u.projectLead?.name ?? '',
    phone: u.projectLead?.phone ?? '',
    partners: partners.length ? partners.join('；') : undefined,
    priority: extra.priority,
    remark: extra.remark,
  };
}

function headerLine(h: SummaryHeader): { recommender: string; contact: string; phone: string; date: string } {
  return {
    recommender: `推荐单位（盖章）：${h.recommenderName}`,
    contact: `联系人：${h.contactName}`,
    phone: `联系电话：${h.contactPhone}`,
    date: `填报日期：${formatDateCn(h.filledDate)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Excel
// ---------------------------------------------------------------------------------------------

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER_ALL = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/**
 * Renders the 汇总表 as .xlsx: merged title, header info row, column headers (row 3, frozen and
 * repeated on every printed page), bordered wrapped cells, A4 landscape fit to width.
 */
export async function renderSummaryTableXlsx(header: SummaryHeader, rows: SummaryRow[]): Promise<Buffer> {
  return renderSummaryXlsx(header, applicationSummarySpec(header, rows));
}

export async function renderSummaryXlsx(header: SummaryHeader, spec: SummaryTableSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '攻关 Gongguan';
  wb.title = spec.title;
  const ncol = spec.columns.length;
  const ws = wb.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 3, topLeftCell: 'A4', activeCell: 'A4' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '1:3',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });

  // One shared style object per column: exceljs caches style ids by object identity (WeakMap),
  // so assigning the same object to every data cell keeps writeBuffer fast for thousands of rows.
  const dataFont = { name: '宋体', size: 10 };
  const colStyles: Partial<ExcelJS.Style>[] = spec.columns.map((c) => ({
    font: dataFont,
    border: BORDER_ALL,
    alignment: { vertical: 'middle', horizontal: c.center ? 'center' : 'left', wrapText: true },
    ...(c.text ? { numFmt: '@' } : {}),
  }));
  ws.columns = spec.columns.map((c) => ({ width: c.width })) as ExcelJS.Column[];

  const title = ws.getRow(1);
  title.values = [spec.title];
  title.height = 36;
  ws.mergeCells(1, 1, 1, ncol);
  const tc = ws.getCell(1, 1);
  tc.style = { font: { name: '黑体', size: 18 }, alignment: { horizontal: 'center', vertical: 'middle' } };

  const info = headerLine(header);
  const infoRow = ws.getRow(2);
  infoRow.height = 24;
  // The four header items share the width: 附件6's 14 columns give 1–4, 5–8, 9–11, 12–14.
  const cut = [0, Math.ceil((ncol * 2) / 7), Math.ceil((ncol * 4) / 7), Math.ceil((ncol * 11) / 14), ncol];
  const infoParts: [number, number, string][] = [info.recommender, info.contact, info.phone, info.date].map((text, i) => [cut[i] + 1, Math.max(cut[i] + 1, cut[i + 1]), text]);
  for (const [from, to, text] of infoParts) {
    if (to > from) ws.mergeCells(2, from, 2, to);
    const c = ws.getCell(2, from);
    c.value = text;
    c.style = { font: { name: '宋体', size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } };
  }

  const head = ws.getRow(3);
  head.values = spec.columns.map((c) => c.header);
  head.height = 30;
  const headStyle: Partial<ExcelJS.Style> = {
    font: { name: '黑体', size: 10.5 },
    border: BORDER_ALL,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } },
  };
  head.eachCell((c) => {
    c.style = headStyle;
  });

  const added = ws.addRows(spec.rows);
  for (const row of added) {
    for (let col = 1; col <= ncol; col++) row.getCell(col).style = colStyles[col - 1];
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: ncol } };

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// Word
// ---------------------------------------------------------------------------------------------

/** Renders the 汇总表 as .docx: A4 landscape, header row repeated on each page. */
export async function renderSummaryTableDocx(header: SummaryHeader, rows: SummaryRow[]): Promise<Buffer> {
  return renderSummaryDocx(header, applicationSummarySpec(header, rows));
}

export async function renderSummaryDocx(header: SummaryHeader, spec: SummaryTableSpec): Promise<Buffer> {
  const margin = {
    top: convertMillimetersToTwip(20),
    bottom: convertMillimetersToTwip(20),
    left: convertMillimetersToTwip(15),
    right: convertMillimetersToTwip(15),
  };
  // Landscape: the docx library swaps width/height itself when orientation is LANDSCAPE.
  const contentWidth = A4.height - margin.left - margin.right;
  const info = headerLine(header);
  const doc = new Document({
    creator: header.recommenderName,
    title: spec.title,
    styles: chineseStyles(SIZE.五号),
    sections: [
      {
        properties: {
          page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin },
        },
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [new TextRun({ text: spec.title, font: FONT_HEI, size: SIZE.小二 })],
          }),
          new Paragraph({
            spacing: { after: 120 },
            children: [new TextRun(`${info.recommender}        ${info.contact}        ${info.phone}        ${info.date}`)],
          }),
          // Placeholder replaced by the table XML below (docx-fast-table.ts: ~50× faster for large tables).
          new Paragraph({ children: [new TextRun(TABLE_PLACEHOLDER)] }),
        ],
      },
    ],
  });
  const table = tableXml({
    totalWidth: contentWidth,
    widths: spec.columns.map((c) => c.width),
    header: spec.columns.map((c) => ({ text: c.header })),
    rows: spec.rows.map((r) => ({
      cells: r.map((v, i) => ({ text: String(v), align: spec.columns[i]?.center ? ('center' as const) : undefined })),
    })),
    size: SIZE.小五,
  });
  return injectTable(await Packer.toBuffer(doc), table);
}
