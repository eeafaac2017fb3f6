/**
 * 优秀成果证书 (landscape A4 certificate) and 公示名单 (publicity list) as PDF.
 * No seal is drawn: the issuing commission stamps or signs the official copy.
 */
import { createCjkPdf, rgb } from './pdf';
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

/** Renders one certificate (one landscape A4 page, subset font, well under 200 KB). */
export async function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  const pdf = createCjkPdf({
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
