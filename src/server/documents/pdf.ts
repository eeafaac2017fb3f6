/**
 * A small CJK-capable PDF writer on pdf-lib.
 *
 * Why this exists: pdf-lib's own font subsetting (`embedFont(buf, { subset: true })`) drops most
 * CJK glyphs, and embedding the whole font costs ~6 MB per file (see ../shared/research/stack.md).
 * So the builder below first *records* the whole document (flow blocks and fixed pages), then
 * collects every character used, subsets the vendored Noto Sans SC with `subset-font` (harfbuzz)
 * to just those characters plus printable ASCII, and embeds the result with `{ subset: false }`.
 *
 * Layout features: CJK word-wrap (break between any two CJK characters, keep Latin words and
 * numbers together, never start a line with closing punctuation such as `，。）`), headings with
 * keep-with-next, paragraphs with first-line indent, tables (borders, shading, column spans,
 * cell wrap, rows split across pages, header row repeated on each page), bordered boxes,
 * fixed-position pages (certificates), and page numbers `第 N 页 共 M 页`.
 *
 * Coordinates on fixed pages are in PDF points with the origin at the TOP-left corner.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FONTS_DIR } from '../paths';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  PageSizes,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setCharacterSpacing,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
  type Color,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import subsetFont from 'subset-font';

export { rgb, type Color };

// ---------------------------------------------------------------------------------------------
// Font loading and subsetting
// ---------------------------------------------------------------------------------------------

/** The vendored OFL font (Noto Sans SC Regular, TrueType outlines). Override with GONGGUAN_CJK_FONT. */
export const DEFAULT_CJK_FONT_PATH = path.join(FONTS_DIR, 'NotoSansSC-Regular.ttf');

let rawFontPromise: Promise<Buffer> | undefined;

/** Reads the raw font file once per process (about 10 MB) and keeps it in memory. */
export function loadCjkFont(): Promise<Buffer> {
  if (!rawFontPromise) {
    const path = process.env.GONGGUAN_CJK_FONT || DEFAULT_CJK_FONT_PATH;
    rawFontPromise = readFile(path).catch((err: unknown) => {
      rawFontPromise = undefined;
      throw new Error(`无法读取 PDF 中文字体文件 ${path}: ${(err as Error).message}`);
    });
  }
  return rawFontPromise;
}

/** Characters always kept in a subset: printable ASCII plus what page numbers and forms use. */
const BASE_CHARS = (() => {
  let s = '';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
  return s + '第页共　，。、：；（）□■—…“”《》';
})();

/** Unique code points of `text` plus BASE_CHARS, as one string. */
export function collectChars(text: string): string {
  const set = new Set<string>(Array.from(BASE_CHARS));
  for (const ch of text) if (ch >= ' ') set.add(ch);
  return Array.from(set).sort().join('');
}

/** Subsets the CJK font to the characters of `text` (plus ASCII). Returns a TrueType buffer. */
export async function subsetCjkFont(text: string): Promise<Buffer> {
  const raw = await loadCjkFont();
  // GSUB/GPOS are dropped on purpose: fontkit's layout would otherwise substitute glyphs in
  // context (e.g. the digits of `470.8 KB`), and pdf-lib only writes widths for glyphs reachable
  // from a code point, so substituted glyphs get the default width (1 em) and look spaced out.
  // (`dropTables`/`noLayoutClosure` exist in subset-font 2.9 but not in @types/subset-font 2.3.)
  const options = {
    targetFormat: 'truetype',
    dropTables: ['GSUB', 'GPOS', 'BASE', 'vhea', 'vmtx', 'VORG'],
    noLayoutClosure: true,
  } as Parameters<typeof subsetFont>[2];
  return subsetFont(raw, collectChars(text), options);
}

/**
 * A font subset made once and reused for many documents (batch rendering, e.g. a certificate run):
 * subsetting reads the whole 10 MB font each time, so a batch subsets once for the union of its
 * characters. `chars` is what the subset covers; a document using any other character falls back
 * to its own subset, so no glyph is ever missing.
 */
export interface PreparedCjkFont {
  readonly bytes: Buffer;
  readonly chars: ReadonlySet<string>;
}

export async function prepareCjkFont(text: string): Promise<PreparedCjkFont> {
  const chars = collectChars(text);
  return { bytes: await subsetCjkFont(chars), chars: new Set(Array.from(chars)) };
}

/** Whether every drawable character of `text` is in the prepared subset. */
export function fontCovers(font: PreparedCjkFont, text: string): boolean {
  for (const ch of text) if (ch >= ' ' && !font.chars.has(ch)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Text measurement and line breaking
// ---------------------------------------------------------------------------------------------

/** Characters that must not begin a line (closing punctuation). */
const NO_LINE_START = new Set(Array.from('，。、；：？！）】》」』〉〕”’％…·,.;:?!)]}%'));
/** Characters that must not end a line (opening punctuation). */
const NO_LINE_END = new Set(Array.from('（【《「『〈〔“‘([{'));
const WORD_CHAR = /[A-Za-z0-9_\-.@/+#&=~'%:]/;

/** Measures text with a per-font glyph-advance cache (pdf-lib draws glyph advances without kerning). */
export class TextMeasurer {
  private readonly cache = new Map<string, number>();
  constructor(readonly font: PDFFont) {}

  /** Width of `text` at 1 pt. */
  unitWidth(text: string): number {
    let w = 0;
    for (const ch of text) {
      let cw = this.cache.get(ch);
      if (cw === undefined) {
        cw = this.font.widthOfTextAtSize(ch, 1000) / 1000;
        this.cache.set(ch, cw);
      }
      w += cw;
    }
    return w;
  }

  width(text: string, size: number, charSpace = 0): number {
    const n = Array.from(text).length;
    return this.unitWidth(text) * size + (n > 1 ? (n - 1) * charSpace : 0);
  }
}

/** Splits one paragraph (no newlines) into unbreakable tokens honouring the punctuation rules. */
export function tokenize(text: string): string[] {
  const chars = Array.from(text);
  const raw: string[] = [];
  for (let i = 0; i < chars.length; ) {
    if (WORD_CHAR.test(chars[i])) {
      let j = i;
      while (j < chars.length && WORD_CHAR.test(chars[j])) j++;
      raw.push(chars.slice(i, j).join(''));
      i = j;
    } else {
      raw.push(chars[i]);
      i++;
    }
  }
  const out: string[] = [];
  for (const tok of raw) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev !== ' ') {
      const first = Array.from(tok)[0];
      const prevChars = Array.from(prev);
      const last = prevChars[prevChars.length - 1];
      if (NO_LINE_START.has(first) || NO_LINE_END.has(last)) {
        out[out.length - 1] = prev + tok;
        continue;
      }
    }
    out.push(tok);
  }
  return out;
}

/** Normalises text for drawing: tabs to spaces, drops other control characters. */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/**
 * Wraps `text` into lines no wider than `width` points. Newlines are hard breaks. `firstIndent`
 * (points) is applied to the first line of every hard-broken paragraph.
 * Returns lines with their x-offset (the indent).
 */
export function wrapText(
  m: TextMeasurer,
  text: string,
  size: number,
  width: number,
  firstIndent = 0,
): { text: string; indent: number }[] {
  const lines: { text: string; indent: number }[] = [];
  for (const para of clean(text).split('\n')) {
    let indent = firstIndent;
    let cur = '';
    let curW = 0;
    const avail = () => Math.max(width - indent, size);
    const flush = () => {
      lines.push({ text: cur.replace(/\s+$/, ''), indent });
      indent = 0;
      cur = '';
      curW = 0;
    };
    const tokens = tokenize(para);
    if (tokens.length === 0) {
      lines.push({ text: '', indent: 0 });
      continue;
    }
    for (const tok of tokens) {
      if (cur === '' && tok === ' ') continue;
      const w = m.width(tok, size);
      if (curW + w <= avail() + 0.01) {
        cur += tok;
        curW += w;
        continue;
      }
      if (cur !== '') {
        flush();
        if (tok === ' ') continue;
        if (w <= avail() + 0.01) {
          cur = tok;
          curW = w;
          continue;
        }
      }
      // The token is wider than a line (e.g. a long URL or a glued run): break it by character.
      for (const ch of tok) {
        const cw = m.width(ch, size);
        if (cur !== '' && curW + cw > avail() + 0.01) flush();
        if (cur === '' && ch === ' ') continue;
        cur += ch;
        curW += cw;
      }
    }
    if (cur !== '' || lines.length === 0) flush();
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The document model
// ---------------------------------------------------------------------------------------------

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  /** Font size in points (default 10.5 = 五号). */
  size?: number;
  /** Simulated bold (fill + stroke), the font has a single weight. */
  bold?: boolean;
  color?: Color;
  align?: Align;
  /** Line height as a multiple of the size (default 1.6). */
  lineHeight?: number;
}

export interface ParagraphStyle extends TextStyle {
  /** First-line indent in characters (em), e.g. 2 for Chinese body text. */
  indent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
}

export interface TableCell {
  text: string;
  colSpan?: number;
  align?: Align;
  bold?: boolean;
  /** Light grey background (label cells). */
  shade?: boolean;
}

export interface TableRow {
  cells: (string | TableCell)[];
  /** Minimum row height in points. */
  minHeight?: number;
}

export interface TableColumn {
  header?: string;
  /** Relative width; all columns are scaled to the content width. */
  width: number;
  align?: Align;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: (TableRow | (string | TableCell)[])[];
  /** Draw (and repeat on each page) a header row from the column headers. Default: when any column has a header. */
  header?: boolean;
  fontSize?: number;
  spaceBefore?: number;
  spaceAfter?: number;
}

export interface BoxLine {
  text: string;
  align?: Align;
  /** First-line indent in characters. */
  indent?: number;
  bold?: boolean;
}

export interface BoxSpec {
  lines: BoxLine[];
  fontSize?: number;
  /** Minimum height in points. */
  minHeight?: number;
  spaceBefore?: number;
  spaceAfter?: number;
}

/** Operations on a fixed-position page. Coordinates: points, origin at the top-left corner. */
export type FixedOp =
  | {
      op: 'text';
      text: string;
      /** Anchor: left edge, centre or right edge depending on `align`. */
      x: number;
      /** Baseline, measured from the top of the page. */
      y: number;
      size: number;
      align?: Align;
      bold?: boolean;
      color?: Color;
      /** Extra space between characters (points). */
      charSpace?: number;
    }
  | {
      op: 'textBox';
      text: string;
      x: number;
      /** Top of the box, from the top of the page. */
      y: number;
      width: number;
      size: number;
      align?: Align;
      bold?: boolean;
      color?: Color;
      lineHeight?: number;
      /** First-line indent in characters. */
      indent?: number;
    }
  | { op: 'rect'; x: number; y: number; width: number; height: number; borderColor?: Color; borderWidth?: number; fill?: Color }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; color?: Color; width?: number };

export interface FixedPageBuilder {
  readonly width: number;
  readonly height: number;
  text(text: string, x: number, y: number, style: { size: number; align?: Align; bold?: boolean; color?: Color; charSpace?: number }): FixedPageBuilder;
  textBox(
    text: string,
    box: { x: number; y: number; width: number },
    style: { size: number; align?: Align; bold?: boolean; color?: Color; lineHeight?: number; indent?: number },
  ): FixedPageBuilder;
  rect(x: number, y: number, width: number, height: number, style?: { borderColor?: Color; borderWidth?: number; fill?: Color }): FixedPageBuilder;
  line(x1: number, y1: number, x2: number, y2: number, style?: { color?: Color; width?: number }): FixedPageBuilder;
}

type Block =
  | { kind: 'paragraph'; text: string; style: ParagraphStyle }
  | { kind: 'heading'; text: string; level: 0 | 1 | 2 | 3; style: ParagraphStyle }
  | { kind: 'table'; spec: TableSpec }
  | { kind: 'box'; spec: BoxSpec }
  | { kind: 'spacer'; height: number }
  | { kind: 'pageBreak' }
  | { kind: 'fixedPage'; ops: FixedOp[]; pageNumber: boolean };

export interface CjkPdfOptions {
  /** Page size in points, portrait orientation; default A4. */
  pageSize?: [number, number];
  landscape?: boolean;
  /** Margins in points; default top 72, bottom 72, left 72, right 72 (about 2.54 cm). */
  margins?: { top: number; right: number; bottom: number; left: number };
  /** Default body font size (10.5 pt). */
  fontSize?: number;
  /**
   * Page numbers `第 N 页 共 M 页` centred in the bottom margin. `false` turns them off;
   * `skipFirst: k` leaves the first k pages (e.g. a cover) unnumbered and counts from the next one.
   */
  pageNumbers?: false | { skipFirst?: number; size?: number };
  title?: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** A subset prepared for a batch (`prepareCjkFont`); used when it covers every character of the document. */
  font?: PreparedCjkFont;
}

export interface CjkPdf {
  readonly contentWidth: number;
  heading(text: string, level?: 0 | 1 | 2 | 3, style?: ParagraphStyle): CjkPdf;
  paragraph(text: string, style?: ParagraphStyle): CjkPdf;
  table(spec: TableSpec): CjkPdf;
  box(spec: BoxSpec): CjkPdf;
  spacer(height: number): CjkPdf;
  pageBreak(): CjkPdf;
  /** Adds a page drawn with absolute positions. Flow content after it starts on a new page. */
  fixedPage(draw: (p: FixedPageBuilder) => void, opts?: { pageNumber?: boolean }): CjkPdf;
  /** Lays the document out and returns the PDF bytes. */
  render(): Promise<Buffer>;
}

const BLACK = rgb(0, 0, 0);
const BORDER = rgb(0.2, 0.2, 0.2);
const SHADE = rgb(0.92, 0.92, 0.92);

const HEADING_STYLES: Record<0 | 1 | 2 | 3, ParagraphStyle> = {
  0: { size: 18, bold: true, align: 'center', spaceBefore: 6, spaceAfter: 14, lineHeight: 1.5 },
  1: { size: 14, bold: true, spaceBefore: 14, spaceAfter: 6, lineHeight: 1.5 },
  2: { size: 12, bold: true, spaceBefore: 8, spaceAfter: 4, lineHeight: 1.5 },
  3: { size: 10.5, bold: true, spaceBefore: 6, spaceAfter: 2, lineHeight: 1.5 },
};

/** Creates a CJK PDF builder. Nothing is laid out until `render()`. */
export function createCjkPdf(options: CjkPdfOptions = {}): CjkPdf {
  const [pw, ph] = options.pageSize ?? (PageSizes.A4 as [number, number]);
  const [pageW, pageH] = options.landscape ? [Math.max(pw, ph), Math.min(pw, ph)] : [pw, ph];
  const margins = options.margins ?? { top: 72, right: 72, bottom: 72, left: 72 };
  const baseSize = options.fontSize ?? 10.5;
  const blocks: Block[] = [];
  const texts: string[] = [options.title ?? '', options.subject ?? ''];

  const cellText = (c: string | TableCell) => (typeof c === 'string' ? c : c.text);

  const api: CjkPdf = {
    contentWidth: pageW - margins.left - margins.right,
    heading(text, level = 1, style) {
      texts.push(text);
      blocks.push({ kind: 'heading', text, level, style: { ...HEADING_STYLES[level], ...style } });
      return api;
    },
    paragraph(text, style = {}) {
      texts.push(text);
      blocks.push({ kind: 'paragraph', text, style });
      return api;
    },
    table(spec) {
      for (const c of spec.columns) texts.push(c.header ?? '');
      for (const r of spec.rows) for (const c of Array.isArray(r) ? r : r.cells) texts.push(cellText(c));
      blocks.push({ kind: 'table', spec });
      return api;
    },
    box(spec) {
      for (const l of spec.lines) texts.push(l.text);
      blocks.push({ kind: 'box', spec });
      return api;
    },
    spacer(height) {
      blocks.push({ kind: 'spacer', height });
      return api;
    },
    pageBreak() {
      blocks.push({ kind: 'pageBreak' });
      return api;
    },
    fixedPage(draw, opts) {
      const ops: FixedOp[] = [];
      const b: FixedPageBuilder = {
        width: pageW,
        height: pageH,
        text(text, x, y, s) {
          texts.push(text);
          ops.push({ op: 'text', text, x, y, ...s });
          return b;
        },
        textBox(text, box, s) {
          texts.push(text);
          ops.push({ op: 'textBox', text, ...box, ...s });
          return b;
        },
        rect(x, y, width, height, s) {
          ops.push({ op: 'rect', x, y, width, height, ...s });
          return b;
        },
        line(x1, y1, x2, y2, s) {
          ops.push({ op: 'line', x1, y1, x2, y2, ...s });
          return b;
        },
      };
      draw(b);
      blocks.push({ kind: 'fixedPage', ops, pageNumber: opts?.pageNumber ?? false });
      return api;
    },
    async render() {
      const doc = await PDFDocument.create();
      doc.registerFontkit(fontkit);
      const all = texts.join('');
      const fontBytes = options.font && fontCovers(options.font, all) ? options.font.bytes : await subsetCjkFont(all);
      const font = await doc.embedFont(fontBytes, { subset: false });
      if (options.title) doc.setTitle(options.title, { showInWindowTitleBar: true });
      if (options.subject) doc.setSubject(options.subject);
      if (options.author) doc.setAuthor(options.author);
      if (options.keywords) doc.setKeywords(options.keywords);
      doc.setCreator('攻关 Gongguan');
      doc.setProducer('攻关 Gongguan (pdf-lib)');
      doc.setLanguage('zh-CN');
      const layout = new FlowLayout(doc, font, pageW, pageH, margins, baseSize);
      for (const b of blocks) layout.add(b);
      layout.finishPageNumbers(options.pageNumbers);
      const bytes = await doc.save({ useObjectStreams: true });
      return Buffer.from(bytes);
    },
  };
  return api;
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

interface PreparedCell {
  x: number;
  width: number;
  lines: { text: string; indent: number }[];
  align: Align;
  bold: boolean;
  shade: boolean;
}

class FlowLayout {
  private readonly m: TextMeasurer;
  private page: PDFPage | undefined;
  /** Current y (PDF coordinates, from the bottom) of the top of the free space. */
  private y = 0;
  /** Pages that must not receive a page number. */
  private readonly unnumbered = new Set<PDFPage>();
  private readonly top: number;
  private readonly bottom: number;
  private readonly left: number;
  private readonly width: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly pageW: number,
    private readonly pageH: number,
    margins: { top: number; right: number; bottom: number; left: number },
    private readonly baseSize: number,
  ) {
    this.m = new TextMeasurer(font);
    this.top = pageH - margins.top;
    this.bottom = margins.bottom;
    this.left = margins.left;
    this.width = pageW - margins.left - margins.right;
  }

  add(b: Block): void {
    switch (b.kind) {
      case 'paragraph':
        return this.paragraph(b.text, b.style, false);
      case 'heading':
        return this.paragraph(b.text, b.style, true);
      case 'table':
        return this.table(b.spec);
      case 'box':
        return this.box(b.spec);
      case 'spacer':
        if (this.page) this.y -= b.height;
        return;
      case 'pageBreak':
        this.newPage();
        return;
      case 'fixedPage':
        return this.fixedPage(b.ops, b.pageNumber);
    }
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([this.pageW, this.pageH]);
    this.y = this.top;
    return this.page;
  }

  private current(): PDFPage {
    return this.page ?? this.newPage();
  }

  private isFreshPage(): boolean {
    return this.page !== undefined && this.y >= this.top - 0.01;
  }

  /** Makes sure `h` points are available, starting a new page if not (and if that helps). */
  private ensure(h: number): PDFPage {
    const page = this.current();
    if (this.y - h < this.bottom && !this.isFreshPage()) return this.newPage();
    return page;
  }

  drawText(page: PDFPage, text: string, x: number, baseline: number, size: number, opts: { bold?: boolean; color?: Color; charSpace?: number } = {}) {
    if (!text) return;
    const needState = opts.bold || opts.charSpace;
    if (needState) {
      page.pushOperators(pushGraphicsState());
      if (opts.bold) {
        page.pushOperators(setTextRenderingMode(TextRenderingMode.FillAndOutline), setLineWidth(size * 0.03), setStrokingColor(opts.color ?? BLACK));
      }
      if (opts.charSpace) page.pushOperators(setCharacterSpacing(opts.charSpace));
    }
    page.drawText(text, { x, y: baseline, size, font: this.font, color: opts.color ?? BLACK });
    if (needState) page.pushOperators(popGraphicsState());
  }

  /** Baseline offset from the top of a line box of height lh for text of `size`. */
  private baselineOffset(size: number, lh: number): number {
    return (lh - size) / 2 + size * 0.86;
  }

  private alignX(align: Align | undefined, x: number, width: number, textWidth: number): number {
    if (align === 'center') return x + (width - textWidth) / 2;
    if (align === 'right') return x + width - textWidth;
    return x;
  }

  private paragraph(text: string, style: ParagraphStyle, keepWithNext: boolean): void {
    const size = style.size ?? this.baseSize;
    const lh = size * (style.lineHeight ?? 1.6);
    const lines = wrapText(this.m, text, size, this.width, (style.indent ?? 0) * size);
    if (style.spaceBefore && this.page && !this.isFreshPage()) this.y -= style.spaceBefore;
    // Keep a heading with at least two lines of what follows; keep short paragraphs (≤ 3 lines) whole.
    const keep = keepWithNext ? lines.length * lh + this.baseSize * 1.6 * 3 : lines.length <= 3 ? lines.length * lh : lh * 2;
    this.ensure(keep);
    for (const line of lines) {
      const page = this.ensure(lh);
      const tw = this.m.width(line.text, size);
      const x = this.alignX(style.align, this.left + line.indent, this.width - line.indent, tw);
      this.drawText(page, line.text, x, this.y - this.baselineOffset(size, lh), size, { bold: style.bold, color: style.color });
      this.y -= lh;
    }
    if (style.spaceAfter) this.y -= style.spaceAfter;
  }

  private prepareRow(cells: (string | TableCell)[], colX: number[], colW: number[], columns: TableColumn[], size: number, pad: number, header: boolean): PreparedCell[] {
    const out: PreparedCell[] = [];
    let col = 0;
    for (const c of cells) {
      if (col >= colW.length) break;
      const cell: TableCell = typeof c === 'string' ? { text: c } : c;
      const span = Math.max(1, Math.min(cell.colSpan ?? 1, colW.length - col));
      let width = 0;
      for (let i = col; i < col + span; i++) width += colW[i];
      out.push({
        x: colX[col],
        width,
        lines: wrapText(this.m, cell.text ?? '', size, width - 2 * pad),
        align: cell.align ?? (header ? 'center' : columns[col].align ?? 'left'),
        bold: cell.bold ?? header,
        shade: cell.shade ?? header,
      });
      col += span;
    }
    // Missing trailing cells become one empty cell spanning the rest, so the border is closed.
    if (col < colW.length) {
      let width = 0;
      for (let i = col; i < colW.length; i++) width += colW[i];
      out.push({ x: colX[col], width, lines: [], align: 'left', bold: false, shade: false });
    }
    return out;
  }

  /** Draws a (part of a) row: each cell shows lines [from, from+count). Returns the height drawn. */
  private drawRow(page: PDFPage, cells: PreparedCell[], yTop: number, height: number, size: number, lh: number, pad: number, slice?: { from: number; count: number }) {
    for (const c of cells) {
      page.drawRectangle({
        x: c.x,
        y: yTop - height,
        width: c.width,
        height,
        borderColor: BORDER,
        borderWidth: 0.6,
        color: c.shade ? SHADE : undefined,
      });
      const lines = slice ? c.lines.slice(slice.from, slice.from + slice.count) : c.lines;
      // Whole rows are centred vertically; split rows are top-aligned.
      const textH = lines.length * lh;
      const y0 = slice ? yTop - pad : yTop - (height - textH) / 2;
      lines.forEach((line, i) => {
        const tw = this.m.width(line.text, size);
        const x = this.alignX(c.align, c.x + pad + line.indent, c.width - 2 * pad - line.indent, tw);
        this.drawText(page, line.text, x, y0 - i * lh - this.baselineOffset(size, lh), size, { bold: c.bold });
      });
    }
  }

  private table(spec: TableSpec): void {
    const size = spec.fontSize ?? this.baseSize;
    const lh = size * 1.45;
    const pad = Math.max(3, size * 0.4);
    const total = spec.columns.reduce((s, c) => s + c.width, 0) || 1;
    const colW = spec.columns.map((c) => (c.width / total) * this.width);
    const colX: number[] = [];
    colW.reduce((x, w) => (colX.push(x), x + w), this.left);
    const showHeader = spec.header ?? spec.columns.some((c) => c.header);
    const headerCells = showHeader
      ? this.prepareRow(spec.columns.map((c) => c.header ?? ''), colX, colW, spec.columns, size, pad, true)
      : undefined;
    const headerH = headerCells ? Math.max(...headerCells.map((c) => c.lines.length), 1) * lh + 2 * pad : 0;
    const drawHeader = (page: PDFPage) => {
      if (!headerCells) return;
      this.drawRow(page, headerCells, this.y, headerH, size, lh, pad);
      this.y -= headerH;
    };

    if (spec.spaceBefore && this.page && !this.isFreshPage()) this.y -= spec.spaceBefore;
    const rows = spec.rows.map((r) => (Array.isArray(r) ? { cells: r } : r));
    // Header plus the first row (or two lines of it) must fit, otherwise start on a new page.
    const firstRow = rows[0] ? this.prepareRow(rows[0].cells, colX, colW, spec.columns, size, pad, false) : [];
    const firstH = Math.min(Math.max(...firstRow.map((c) => c.lines.length), 1), 2) * lh + 2 * pad;
    let page = this.ensure(headerH + firstH);
    drawHeader(page);

    for (const row of rows) {
      const cells = this.prepareRow(row.cells, colX, colW, spec.columns, size, pad, false);
      const nLines = Math.max(...cells.map((c) => c.lines.length), 1);
      const rowH = Math.max(nLines * lh + 2 * pad, row.minHeight ?? 0);
      const usable = this.top - this.bottom - headerH;
      if (this.y - rowH < this.bottom && rowH <= usable) {
        page = this.newPage();
        drawHeader(page);
      }
      if (this.y - rowH >= this.bottom - 0.01) {
        this.drawRow(page, cells, this.y, rowH, size, lh, pad);
        this.y -= rowH;
        continue;
      }
      // The row is taller than a page: split it line by line across pages.
      let from = 0;
      while (from < nLines) {
        let fit = Math.floor((this.y - this.bottom - 2 * pad) / lh);
        if (fit < 1) {
          page = this.newPage();
          drawHeader(page);
          fit = Math.floor((this.y - this.bottom - 2 * pad) / lh);
        }
        const count = Math.min(fit, nLines - from);
        const h = count * lh + 2 * pad;
        this.drawRow(page, cells, this.y, h, size, lh, pad, { from, count });
        this.y -= h;
        from += count;
        if (from < nLines) {
          page = this.newPage();
          drawHeader(page);
        }
      }
    }
    if (spec.spaceAfter) this.y -= spec.spaceAfter;
    else this.y -= size * 0.6;
  }

  private box(spec: BoxSpec): void {
    const size = spec.fontSize ?? this.baseSize;
    const lh = size * 1.7;
    const pad = size;
    const inner = this.width - 2 * pad;
    const lines: { text: string; indent: number; align?: Align; bold?: boolean }[] = [];
    for (const l of spec.lines) {
      for (const w of wrapText(this.m, l.text, size, inner, (l.indent ?? 0) * size)) lines.push({ ...w, align: l.align, bold: l.bold });
    }
    const height = Math.max(lines.length * lh + 2 * pad, spec.minHeight ?? 0);
    if (spec.spaceBefore && this.page && !this.isFreshPage()) this.y -= spec.spaceBefore;
    const page = this.ensure(Math.min(height, this.top - this.bottom));
    const h = Math.min(height, this.y - this.bottom);
    page.drawRectangle({ x: this.left, y: this.y - h, width: this.width, height: h, borderColor: BORDER, borderWidth: 0.8 });
    // Lines are laid from the top; right-aligned trailing lines (signature, date) sit at the bottom.
    let trailing = 0;
    for (let i = lines.length - 1; i >= 0 && lines[i].align === 'right'; i--) trailing++;
    const topLines = lines.slice(0, lines.length - trailing);
    const bottomLines = lines.slice(lines.length - trailing);
    topLines.forEach((l, i) => {
      const tw = this.m.width(l.text, size);
      const x = this.alignX(l.align, this.left + pad + l.indent, inner - l.indent, tw);
      this.drawText(page, l.text, x, this.y - pad - i * lh - this.baselineOffset(size, lh), size, { bold: l.bold });
    });
    const bottomTop = this.y - h + pad + bottomLines.length * lh;
    bottomLines.forEach((l, i) => {
      const tw = this.m.width(l.text, size);
      const x = this.alignX('right', this.left + pad, inner - size * 2, tw);
      this.drawText(page, l.text, x, bottomTop - i * lh - this.baselineOffset(size, lh), size, { bold: l.bold });
    });
    this.y -= h + (spec.spaceAfter ?? size);
  }

  private fixedPage(ops: FixedOp[], pageNumber: boolean): void {
    const page = this.newPage();
    if (!pageNumber) this.unnumbered.add(page);
    const H = this.pageH;
    for (const op of ops) {
      switch (op.op) {
        case 'text': {
          const tw = this.m.width(op.text, op.size, op.charSpace);
          const x = op.align === 'center' ? op.x - tw / 2 : op.align === 'right' ? op.x - tw : op.x;
          this.drawText(page, op.text, x, H - op.y, op.size, { bold: op.bold, color: op.color, charSpace: op.charSpace });
          break;
        }
        case 'textBox': {
          const lh = op.size * (op.lineHeight ?? 1.6);
          const lines = wrapText(this.m, op.text, op.size, op.width, (op.indent ?? 0) * op.size);
          lines.forEach((l, i) => {
            const tw = this.m.width(l.text, op.size);
            const x = this.alignX(op.align, op.x + l.indent, op.width - l.indent, tw);
            this.drawText(page, l.text, x, H - op.y - i * lh - this.baselineOffset(op.size, lh), op.size, { bold: op.bold, color: op.color });
          });
          break;
        }
        case 'rect':
          page.drawRectangle({
            x: op.x,
            y: H - op.y - op.height,
            width: op.width,
            height: op.height,
            borderColor: op.borderColor,
            borderWidth: op.borderColor ? (op.borderWidth ?? 1) : undefined,
            color: op.fill,
          });
          break;
        case 'line':
          page.drawLine({ start: { x: op.x1, y: H - op.y1 }, end: { x: op.x2, y: H - op.y2 }, thickness: op.width ?? 1, color: op.color ?? BLACK });
          break;
      }
    }
    // Flow content after a fixed page starts on a fresh page.
    this.page = undefined;
  }

  finishPageNumbers(opts: CjkPdfOptions['pageNumbers']): void {
    if (opts === false) return;
    const skip = opts?.skipFirst ?? 0;
    const size = opts?.size ?? 9;
    const pages = this.doc.getPages();
    const numbered = pages.filter((p, i) => i >= skip && !this.unnumbered.has(p));
    numbered.forEach((page, i) => {
      const label = `第 ${i + 1} 页 共 ${numbered.length} 页`;
      const tw = this.m.width(label, size);
      this.drawText(page, label, (this.pageW - tw) / 2, this.bottom / 2 - size / 2, size, { color: rgb(0.25, 0.25, 0.25) });
    });
  }
}
