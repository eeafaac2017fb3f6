/**
 * 成果报告 in the official layout, as Word and PDF: title, project basics, the structured sections,
 * the benefit table, the team and the list of process materials. Built with the shared document
 * helpers (documents/docx-common.ts, the CJK PDF builder with the vendored font).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { BENEFIT_KIND_LABELS, RESULT_REPORT_SECTIONS, type ResultDetail } from '../../shared/results';
import { A4, borderedTable, chineseStyles, FONT_HEI, pageNumberFooter, SIZE, textRuns } from '../documents/docx-common';
import { createCjkPdf, formatDateCn } from '../documents';

export interface ResultDocInput {
  year: number;
  recommenderName: string;
  detail: ResultDetail;
}

const BENEFIT_HEADERS = ['类别', '对应指标', '说明', '攻关前', '攻关后', '金额/数量'];
const TEAM_HEADERS = ['序号', '姓名', '分工', '工作单位'];

function benefitCells(b: ResultDetail['benefits'][number]): string[] {
  return [BENEFIT_KIND_LABELS[b.kind], b.indicatorName ?? '', b.description, b.before ?? '', b.after ?? '', b.amount === null || b.amount === undefined ? '' : `${b.amount}${b.unit ?? ''}`];
}

export function resultDocTitle(year: number): string {
  return `${year}年天津市质量攻关项目成果报告`;
}

function basics(input: ResultDocInput): [string, string][] {
  const d = input.detail;
  return [
    ['项目名称', d.name],
    ['项目编号', d.projectNo ?? ''],
    ['项目单位', d.applicantName],
    ['推荐单位', input.recommenderName],
    ['提交日期', d.submittedAt ? formatDateCn(d.submittedAt.slice(0, 10)) : ''],
  ];
}

export async function renderResultDocx(input: ResultDocInput): Promise<Buffer> {
  const d = input.detail;
  const width = A4.width - 2 * 1440;
  const heading = (t: string) => new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: t, font: FONT_HEI, size: SIZE.四号 })] });
  const doc = new Document({
    title: resultDocTitle(input.year),
    styles: chineseStyles(),
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: resultDocTitle(input.year), font: FONT_HEI, size: SIZE.小二 })] }),
          borderedTable({ totalWidth: width, widths: [25, 75], rows: basics(input).map(([k, v]) => ({ cells: [{ text: k, shade: true, bold: true }, { text: v }] })) }),
          ...RESULT_REPORT_SECTIONS.flatMap(([key, label], i) => [heading(`${'一二三四五六七八九'[i]}、${label}`), new Paragraph({ indent: { firstLine: 480 }, children: textRuns(d.report?.[key] ?? '') })]),
          heading('六、效益数据'),
          borderedTable({ totalWidth: width, widths: [12, 16, 32, 12, 12, 16], header: BENEFIT_HEADERS.map((text) => ({ text })), rows: d.benefits.map((b) => ({ cells: benefitCells(b).map((text) => ({ text })) })), size: SIZE.五号 }),
          heading('七、参与人员'),
          borderedTable({ totalWidth: width, widths: [8, 18, 34, 40], header: TEAM_HEADERS.map((text) => ({ text })), rows: d.team.map((m, i) => ({ cells: [{ text: String(i + 1), align: 'center' as const }, { text: m.name }, { text: m.role }, { text: m.employer }] })), size: SIZE.五号 }),
          heading('八、附件'),
          new Paragraph({ children: textRuns([`成果报告全文：${d.reportFile?.name ?? '（未上传）'}`, ...d.processFiles.map((f, i) => `过程性材料${i + 1}：${f.name}`)].join('\n')) }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export async function renderResultPdf(input: ResultDocInput): Promise<Buffer> {
  const d = input.detail;
  const pdf = createCjkPdf({ title: resultDocTitle(input.year), subject: d.name });
  pdf.heading(resultDocTitle(input.year), 0);
  pdf.table({ columns: [{ width: 25 }, { width: 75 }], rows: basics(input).map(([k, v]) => [{ text: k, shade: true, bold: true }, v]) });
  RESULT_REPORT_SECTIONS.forEach(([key, label], i) => {
    pdf.heading(`${'一二三四五六七八九'[i]}、${label}`, 1);
    for (const para of (d.report?.[key] ?? '').split(/\r?\n/).filter((s) => s.trim())) pdf.paragraph(para.trim(), { indent: 2, lineHeight: 1.6 });
  });
  pdf.heading('六、效益数据', 1);
  pdf.table({ columns: BENEFIT_HEADERS.map((header, i) => ({ header, width: [12, 16, 32, 12, 12, 16][i] })), rows: d.benefits.map(benefitCells) });
  pdf.heading('七、参与人员', 1);
  pdf.table({ columns: TEAM_HEADERS.map((header, i) => ({ header, width: [8, 18, 34, 40][i] })), rows: d.team.map((m, i) => [String(i + 1), m.name, m.role, m.employer]) });
  pdf.heading('八、附件', 1);
  pdf.paragraph(`成果报告全文：${d.reportFile?.name ?? '（未上传）'}`);
  d.processFiles.forEach((f, i) => pdf.paragraph(`过程性材料${i + 1}：${f.name}`));
  return pdf.render();
}
