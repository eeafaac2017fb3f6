/**
 * 证书编号: gap-free per campaign, printed on the certificate. The format is campaign data
 * (`certificateNoFormat` in the campaign config) with `{year}` and one run of `n` in braces for
 * the sequence, zero-padded to its length; absent or invalid → DEFAULT_CERTIFICATE_NO_FORMAT.
 * The default follows the certificate fixture of the documents (`TJZLGG-2026-YX-0001`, YX = 优秀成果)
 * and stays distinct from the 立项编号.
 */
export const DEFAULT_CERTIFICATE_NO_FORMAT = 'TJZLGG-{year}-YX-{nnn}';

const SEQ = /\{(n+)\}/;

/** Chinese problem with a format, or null when it is usable. */
export function certificateNoFormatProblem(format: string): string | null {
  const runs = format.match(/\{n+\}/g) ?? [];
  if (runs.length !== 1) return '证书编号格式须包含且只包含一个序号占位符，如 {nnn}';
  // Certificate numbers are unique across years (certificates_no_uq): each year restarts at 1.
  if (!format.includes('{year}')) return '证书编号格式须包含年度占位符 {year}';
  if (/[\\/\s]/.test(format.replace(SEQ, ''))) return '证书编号格式不能包含空格或斜杠';
  return null;
}

export function formatCertificateNo(format: string | undefined | null, year: number, n: number): string {
  const f = format && !certificateNoFormatProblem(format) ? format : DEFAULT_CERTIFICATE_NO_FORMAT;
  return f.replace(/\{year\}/g, String(year)).replace(SEQ, (_, ns: string) => String(n).padStart(ns.length, '0'));
}

/** The sequence number of a certificate number in `format` (for checks), or null. */
export function certificateSeq(format: string | undefined | null, year: number, no: string): number | null {
  const f = format && !certificateNoFormatProblem(format) ? format : DEFAULT_CERTIFICATE_NO_FORMAT;
  const escaped = f.replace(/\{year\}/g, String(year)).replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${escaped.replace(/\{n+\}/, '(\\d+)').replace(/[{}]/g, '\\$&')}$`);
  const m = re.exec(no);
  return m ? Number(m[1]) : null;
}
