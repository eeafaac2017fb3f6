/**
 * 立项编号 (program step 2: the commission numbers the projects it approves). The format is campaign
 * data (`CampaignConfig.projectNoFormat`): `{year}` is the campaign year and one `{n…}` the
 * gap-free sequence, zero-padded to as many digits as there are n's.
 */

/** 天津质量攻关 → TJZLGG, as the certificate numbers (TJZLGG-2026-YX-0001): TJZLGG-2026-0001. */
export const DEFAULT_PROJECT_NO_FORMAT = 'TJZLGG-{year}-{nnnn}';

const SEQ = /\{(n+)\}/g;

/** Why a format cannot be used, in Chinese; null when it is fine. */
export function projectNoFormatProblem(format: string): string | null {
  const seqs = format.match(SEQ) ?? [];
  if (seqs.length !== 1) return '立项编号格式须包含且只包含一个序号占位符，如 {nnnn}';
  const rest = format.replace(SEQ, '').replace(/\{year\}/g, '');
  if (/[{}]/.test(rest)) return '立项编号格式只能使用 {year}（年度）和 {nnnn}（序号）两种占位符';
  if (/\s/.test(rest)) return '立项编号格式不能包含空格';
  // 立项编号 are unique across all years (projects.project_no has one unique index), so a format
  // without the year would collide with last year's numbers.
  if (!format.includes('{year}')) return '立项编号格式须包含年度占位符 {year}，以免与往年编号重复';
  return null;
}

export function formatProjectNo(format: string | undefined, year: number, n: number): string {
  const f = format && !projectNoFormatProblem(format) ? format : DEFAULT_PROJECT_NO_FORMAT;
  return f.replace(/\{year\}/g, String(year)).replace(SEQ, (_m, ns: string) => String(n).padStart(ns.length, '0'));
}

/**
 * When 立项审核 decisions may start: the campaign's `approvalOpensAt`, or by default the first
 * second after the application window closes (seed 四（一）/（二）: batches arrive by 4月20日, then
 * the commission reviews). Judged on the server clock.
 */
export function approvalOpensAt(config: { approvalOpensAt?: string; windows: { application: { closesAt: string } } }): Date {
  if (config.approvalOpensAt) return new Date(config.approvalOpensAt);
  return new Date(Date.parse(config.windows.application.closesAt) + 1000);
}
