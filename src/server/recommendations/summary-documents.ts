/** 附件6 立项申报汇总表 for a recommender's list: header + rows in 推荐排序, rendered to Word/Excel. */
import { shanghaiDateString } from '../../domain/shanghai-time';
import { renderSummaryTableDocx, renderSummaryTableXlsx, summaryRowFromForm, summaryTitle, type SummaryHeader, type SummaryRow } from '../documents';
import type { DbOrTx } from '../db/client';
import { eq } from 'drizzle-orm';
import { organisations } from '../db/schema';
import { readForm } from './review-data';
import type { BatchRow } from './batch-repository';

export interface SummaryProject {
  form: unknown;
  recommendOrder: number | null;
}

export async function summaryHeader(db: DbOrTx, batch: Pick<BatchRow, 'recommenderOrgId' | 'contactName' | 'contactPhone'>, year: number, now: Date): Promise<SummaryHeader> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, batch.recommenderOrgId));
  return {
    campaignYear: year,
    recommenderName: org?.name ?? '',
    contactName: batch.contactName ?? org?.contactName ?? '',
    contactPhone: batch.contactPhone ?? org?.contactPhone ?? '',
    filledDate: shanghaiDateString(now),
  };
}

export function summaryRows(list: SummaryProject[]): SummaryRow[] {
  // `list` is already in 推荐排序; the printed rank is the position, so gaps never show.
  return list.map((p, i) => summaryRowFromForm(readForm(p.form), i + 1, { priority: i + 1 }));
}

export function summaryFileName(header: SummaryHeader, ext: 'docx' | 'xlsx' | 'pdf', prefix = ''): string {
  return `${prefix}${summaryTitle(header.campaignYear)}（${header.recommenderName}）.${ext}`;
}

export async function renderSummary(header: SummaryHeader, rows: SummaryRow[]) {
  const [docx, xlsx] = await Promise.all([renderSummaryTableDocx(header, rows), renderSummaryTableXlsx(header, rows)]);
  return { docx, xlsx };
}
