/**
 * 成果汇总表 of a results batch (issue 18): its own columns — 序号, 立项编号, 项目名称, 承担单位, 所在区,
 * 主要成效 (abridged for the table; the full text is in each 成果报告), 经济效益（万元）, 质量指标改善
 * (the first quality indicator, before → after), 参与人员数, 联系人/电话 — rendered by the shared
 * 汇总表 renderers (documents/summary-table.ts, `renderSummaryDocx` / `renderSummaryXlsx`).
 */
import { renderSummaryDocx, renderSummaryXlsx, type SummaryHeader, type SummaryTableSpec } from '../documents';
import type { ProjectRow } from '../projects/load-project';
import { readForm } from '../recommendations/review-data';
import type { BenefitRow, ResultRow } from './result-repository';

export const RESULT_SUMMARY_COLUMNS = [
  { header: '序号', width: 6, center: true },
  { header: '立项编号', width: 16, center: true, text: true },
  { header: '项目名称', width: 28 },
  { header: '承担单位', width: 26 },
  { header: '所在区', width: 10, center: true },
  { header: '主要成效', width: 40 },
  { header: '经济效益（万元）', width: 12, center: true },
  { header: '质量指标改善', width: 26 },
  { header: '参与人员数', width: 9, center: true },
  { header: '联系人/电话', width: 20, text: true },
] as const;

/** How many characters of 取得的成效 the table shows (marked with …). */
export const EFFECT_ABRIDGED = 80;

export interface ResultSummaryInput {
  p: ProjectRow;
  applicantName: string;
  r: ResultRow;
  benefits: BenefitRow[];
}

export function resultsSummaryTitle(year: number): string {
  return `${year}年天津市质量攻关项目成果汇总表`;
}

function abridged(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > EFFECT_ABRIDGED ? `${chars.slice(0, EFFECT_ABRIDGED).join('')}…` : chars.join('');
}

/** The 经济效益 in 万元: the economic figures given in 万元 (or without unit), summed; blank when none. */
function economicWan(benefits: BenefitRow[]): string {
  const amounts = benefits.filter((b) => b.kind === 'economic' && b.amount !== null && (!b.unit || b.unit === '万元')).map((b) => Number(b.amount));
  if (!amounts.length) return '';
  return String(Math.round(amounts.reduce((s, a) => s + a, 0) * 100) / 100);
}

function qualityChange(benefits: BenefitRow[]): string {
  const q = benefits.find((b) => b.kind === 'quality_indicator' && (b.before || b.after));
  if (!q) return '';
  return `${q.indicatorName ? `${q.indicatorName}：` : ''}${q.before ?? '—'}→${q.after ?? '—'}`;
}

export function resultSummaryCells(x: ResultSummaryInput, seq: number): (string | number)[] {
  const form = readForm(x.p.form);
  const report = (x.r.report ?? {}) as Record<string, string>;
  const contact = form.unit?.contact?.name ? form.unit.contact : form.unit?.projectLead;
  return [
    seq,
    x.p.projectNo ?? '',
    x.p.name,
    x.applicantName,
    form.unit?.district ?? '',
    abridged(report.effects ?? ''),
    economicWan(x.benefits),
    qualityChange(x.benefits),
    ((x.r.team as unknown[]) ?? []).length,
    [contact?.name, contact?.phone].filter(Boolean).join('/'),
  ];
}

export function resultSummarySpec(year: number, list: ResultSummaryInput[]): SummaryTableSpec {
  return { title: resultsSummaryTitle(year), sheetName: '成果汇总表', columns: RESULT_SUMMARY_COLUMNS, rows: list.map((x, i) => resultSummaryCells(x, i + 1)) };
}

export function resultSummaryFileName(header: SummaryHeader, ext: 'docx' | 'xlsx'): string {
  return `成果报送-${resultsSummaryTitle(header.campaignYear)}（${header.recommenderName}）.${ext}`;
}

export async function renderResultSummary(header: SummaryHeader, list: ResultSummaryInput[]) {
  const spec = resultSummarySpec(header.campaignYear, list);
  const [docx, xlsx] = await Promise.all([renderSummaryDocx(header, spec), renderSummaryXlsx(header, spec)]);
  return { docx, xlsx };
}
