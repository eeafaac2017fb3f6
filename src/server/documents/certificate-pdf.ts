/**
 * 优秀成果证书 (landscape A4 certificate) and 公示名单 (publicity list) as PDF.
 * No seal is drawn: the issuing commission stamps or signs the official copy.
 */
import { createCjkPdf, fontCovers, prepareCjkFont, rgb, type PreparedCjkFont } from './pdf';
import { formatDateCn, formatDateUpper } from './format';

export const CERTIFICATE_TITLE = '天津市质量攻关优秀成果证书';

export interface CertificateInput {
  certificateNo: string;
  unitName: string;
  projectName: string;
  /** Optional grade, e.g. `一等`; omitted when the list is flat. */
  level?: string;
  /** Campaign year. */
  year: number;
  /** YYYY-MM-DD. */
  issuedDate: string;
  issuer: '天津市市场监督管理委员会';
}

const RED = rgb(0.69, 0.09, 0.12);
const GOLD = rgb(0.72, 0.55, 0.2);
const INK = rgb(0.1, 0.1, 0.1);

/** The body sentence of the certificate. */
export function certificateText(input: Pick<CertificateInput, 'projectName' | 'level' | 'year'>): string {
  const level = input.level ? `（${input.level}）` : '';
  return `你单位完成的“${input.projectName}”项目，被认定为${input.year}年天津市质量攻关优秀成果${level}。特发此证，以资鼓励。`;
}

/** Every character a certificate draws (what its font subset must cover). */
export function certificateChars(input: CertificateInput): string {
  return [
    CERTIFICATE_TITLE,
    `证书编号：${input.certificateNo}`,
    `（${input.certificateNo}）`,
    `${input.unitName}：`,
    certificateText(input),
    input.issuer,
    formatDateUpper(input.issuedDate),
  ].join('');
}

/** Renders one certificate (one landscape A4 page, subset font, well under 200 KB). */
export async function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  return renderWithFont(input, undefined);
}

export interface CertificateRenderer {
  /** Renders one certificate with the batch's font subset (or its own subset if it uses other characters). */
  render(input: CertificateInput): Promise<Buffer>;
  /** Whether `input` draws only characters of the batch subset. */
  covers(input: CertificateInput): boolean;
}

/**
 * Batch renderer (issue #6 figure 3: 1,000 certificates < 60 s): subsets the CJK font ONCE for the
 * union of the characters of `batch` (the inputs, or a string of characters) instead of once per
 * certificate. Keep batches to a few hundred certificates (`CERTIFICATE_BATCH_SIZE`): every
 * certificate embeds the whole batch subset, which must stay well inside the 200 KB budget.
 */
export async function createCertificateRenderer(batch: readonly CertificateInput[] | string): Promise<CertificateRenderer> {
  const text = typeof batch === 'string' ? batch : batch.map(certificateChars).join('');
  const font = await prepareCjkFont(text + CERTIFICATE_TITLE + '证书编号：天津市市场监督管理委员会' + YEAR_DIGITS);
  return {
    render: (input) => renderWithFont(input, font),
    covers: (input) => fontCovers(font, certificateChars(input)),
  };
}

/** At most this many certificates share one subset. */
export const CERTIFICATE_BATCH_SIZE = 200;
/**
 * At most this many distinct characters per shared subset: every certificate embeds the whole
 * subset, and ~900 distinct CJK characters already reach 200 KB per file (measured with
 * Noto Sans SC), so batches are cut well before that.
 */
export const CERTIFICATE_BATCH_MAX_CHARS = 600;

/**
 * Splits inputs, in order, into batches of at most `maxCertificates` whose union of characters
 * stays within `maxChars` (a single certificate is always a batch of its own, whatever its size).
 */
export function planCertificateBatches<T extends CertificateInput>(
  inputs: readonly T[],
  opts: { maxCertificates?: number; maxChars?: number } = {},
): T[][] {
  const maxN = opts.maxCertificates ?? CERTIFICATE_BATCH_SIZE;
  const maxChars = opts.maxChars ?? CERTIFICATE_BATCH_MAX_CHARS;
  const batches: T[][] = [];
  let cur: T[] = [];
  let chars = new Set<string>();
  for (const input of inputs) {
    const own = Array.from(certificateChars(input));
    const added = new Set(own.filter((c) => !chars.has(c))).size;
    if (cur.length && (cur.length >= maxN || chars.size + added > maxChars)) {
      batches.push(cur);
      cur = [];
      chars = new Set();
    }
    cur.push(input);
    for (const c of own) chars.add(c);
  }
  if (cur.length) batches.push(cur);
  return batches;
}

/** Renders many certificates, one shared font subset per planned batch; yields in input order. */
export async function* renderCertificates<T extends CertificateInput>(inputs: readonly T[]): AsyncGenerator<{ input: T; pdf: Buffer }> {
  for (const batch of planCertificateBatches(inputs)) {
    const renderer = await createCertificateRenderer(batch);
    for (const input of batch) yield { input, pdf: await renderer.render(input) };
  }
}

/** The characters of any upper-case date (二〇二六年十一月二十日), so every issue date is covered. */
const YEAR_DIGITS = '〇一二三四五六七八九十年月日';

async function renderWithFont(input: CertificateInput, font: PreparedCjkFont | undefined): Promise<Buffer> {
  const pdf = createCjkPdf({
    font,
    landscape: true,
    pageNumbers: false,
    title: `${CERTIFICATE_TITLE}（${input.certificateNo}）`,
    subject: CERTIFICATE_TITLE,
    author: input.issuer,
  });
  pdf.fixedPage((p) => {
    const W = p.width;
    const H = p.height;
    // Double frame: thick red outer, thin gold inner, small corner squares.
    p.rect(18, 18, W - 36, H - 36, { borderColor: RED, borderWidth: 6 });
    p.rect(30, 30, W - 60, H - 60, { borderColor: GOLD, borderWidth: 1.5 });
    p.rect(36, 36, W - 72, H - 72, { borderColor: GOLD, borderWidth: 0.6 });
    for (const [x, y] of [
      [30, 30],
      [W - 42, 30],
      [30, H - 42],
      [W - 42, H - 42],
    ]) {
      p.rect(x, y, 12, 12, { fill: GOLD });
    }

    p.text(`证书编号：${input.certificateNo}`, W - 70, 70, { size: 11, align: 'right', color: INK });
    p.text(CERTIFICATE_TITLE, W / 2, 150, { size: 32, align: 'center', bold: true, color: RED, charSpace: 4 });
    p.line(W / 2 - 190, 172, W / 2 + 190, 172, { color: GOLD, width: 1 });

    p.textBox(`${input.unitName}：`, { x: 110, y: 220, width: W - 220 }, { size: 20, color: INK, lineHeight: 1.5 });
    p.textBox(certificateText(input), { x: 110, y: 268, width: W - 220 }, { size: 20, color: INK, lineHeight: 1.9, indent: 2 });

    p.text(input.issuer, W - 150, H - 130, { size: 16, align: 'center', color: INK });
    p.text(formatDateUpper(input.issuedDate), W - 150, H - 100, { size: 16, align: 'center', color: INK });
  });
  return pdf.render();
}

export interface PublicityListRow {
  seq: number;
  projectName: string;
  unitName: string;
  recommenderName: string;
  level?: string;
}

export interface PublicityListInput {
  title: string;
  period: { from: string; to: string };
  rows: PublicityListRow[];
  /** Contact for objections, e.g. `市市场监管委质量发展处，电话：022-xxxxxxxx`. */
  contact: string;
  /** The notice text (objection rules). Newlines start new paragraphs. */
  notice: string;
}

/** Renders the 公示名单 (A4 portrait, table repeated header, page numbers). */
export async function renderPublicityListPdf(input: PublicityListInput): Promise<Buffer> {
  const pdf = createCjkPdf({ title: input.title, subject: '公示名单', author: '天津市市场监督管理委员会' });
  pdf.heading(input.title, 0);
  for (const para of input.notice.split(/\r?\n/).filter((s) => s.trim())) pdf.paragraph(para.trim(), { indent: 2, size: 12, lineHeight: 1.7 });
  pdf.paragraph(`公示期：${formatDateCn(input.period.from)}至${formatDateCn(input.period.to)}`, { indent: 2, size: 12, lineHeight: 1.7 });
  pdf.paragraph(`联系方式：${input.contact}`, { indent: 2, size: 12, lineHeight: 1.7, spaceAfter: 8 });
  const withLevel = input.rows.some((r) => r.level);
  pdf.table({
    columns: [
      { header: '序号', width: 7, align: 'center' },
      { header: '项目名称', width: withLevel ? 36 : 40 },
      { header: '完成单位', width: withLevel ? 27 : 29 },
      { header: '推荐单位', width: withLevel ? 20 : 24 },
      ...(withLevel ? [{ header: '等级', width: 10, align: 'center' as const }] : []),
    ],
    rows: input.rows.map((r) => [String(r.seq), r.projectName, r.unitName, r.recommenderName, ...(withLevel ? [r.level ?? ''] : [])]),
  });
  return pdf.render();
}
