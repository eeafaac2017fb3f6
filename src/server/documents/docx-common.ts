/**
 * Shared Word (docx) building blocks: Chinese fonts (宋体 body, 黑体 headings via eastAsia),
 * A4 page setup, bordered tables with label shading, page-number footers.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeightRule,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IStylesOptions,
} from 'docx';

export type Align = 'left' | 'center' | 'right';

/** Font sizes in half-points, named as in Chinese typesetting. */
export const SIZE = {
  一号: 52,
  二号: 44,
  小二: 36,
  三号: 32,
  四号: 28,
  小四: 24,
  五号: 21,
  小五: 18,
} as const;

export const FONT_SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
export const FONT_HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };

/** A4 in twips. */
export const A4 = { width: 11906, height: 16838 };

export const LABEL_FILL = 'E7E6E6';

export function alignment(a: Align | undefined) {
  return a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

/** Document styles: 宋体 小四 body with 1.5 line spacing, 黑体 headings. */
export function chineseStyles(bodySize: number = SIZE.小四): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT_SONG, size: bodySize },
        paragraph: { spacing: { line: 360 } },
      },
      heading1: {
        run: { font: FONT_HEI, size: SIZE.三号, bold: false, color: '000000' },
        paragraph: { spacing: { before: 240, after: 120, line: 360 }, keepNext: true, keepLines: true },
      },
      heading2: {
        run: { font: FONT_HEI, size: SIZE.四号, bold: false, color: '000000' },
        paragraph: { spacing: { before: 120, after: 60, line: 360 }, keepNext: true, keepLines: true },
      },
      title: {
        run: { font: FONT_HEI, size: SIZE.二号, bold: false, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER },
      },
    },
  };
}

/** Splits text on newlines into runs with line breaks. */
export function textRuns(text: string, opts: { bold?: boolean; size?: number; font?: typeof FONT_SONG } = {}): TextRun[] {
  const parts = text.replace(/\r\n?/g, '\n').split('\n');
  return parts.map((t, i) => new TextRun({ text: t, break: i > 0 ? 1 : undefined, bold: opts.bold, size: opts.size, font: opts.font }));
}

export interface CellSpec {
  text: string;
  colSpan?: number;
  align?: Align;
  bold?: boolean;
  shade?: boolean;
}

/** One bordered table cell; `width` in twips. */
export function cell(spec: CellSpec, width: number, size?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.colSpan && spec.colSpan > 1 ? spec.colSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: spec.shade ? { type: ShadingType.CLEAR, fill: LABEL_FILL, color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 90, right: 90 },
    children: [
      new Paragraph({
        alignment: alignment(spec.align),
        spacing: { line: 300, before: 0, after: 0 },
        children: textRuns(spec.text, { bold: spec.bold, size }),
      }),
    ],
  });
}

/**
 * A full-width bordered table. `widths` are relative and scaled to `totalWidth` twips.
 * With `header`, the first row repeats on every page.
 */
export function borderedTable(opts: {
  totalWidth: number;
  widths: number[];
  header?: CellSpec[];
  rows: { cells: CellSpec[]; minHeight?: number }[];
  size?: number;
}): Table {
  const sum = opts.widths.reduce((a, b) => a + b, 0) || 1;
  const tw = opts.widths.map((w) => Math.round((w / sum) * opts.totalWidth));
  const rowOf = (cells: CellSpec[], isHeader: boolean, minHeight?: number) => {
    let col = 0;
    const out: TableCell[] = [];
    for (const c of cells) {
      if (col >= tw.length) break;
      const span = Math.max(1, Math.min(c.colSpan ?? 1, tw.length - col));
      const width = tw.slice(col, col + span).reduce((a, b) => a + b, 0);
      out.push(cell({ ...c, colSpan: span }, width, opts.size));
      col += span;
    }
    if (col < tw.length) {
      const span = tw.length - col;
      out.push(cell({ text: '', colSpan: span }, tw.slice(col).reduce((a, b) => a + b, 0), opts.size));
    }
    return new TableRow({
      tableHeader: isHeader || undefined,
      cantSplit: isHeader || undefined,
      height: minHeight ? { value: minHeight, rule: HeightRule.ATLEAST } : undefined,
      children: out,
    });
  };
  const rows: TableRow[] = [];
  if (opts.header) rows.push(rowOf(opts.header.map((h) => ({ ...h, shade: h.shade ?? true, bold: h.bold ?? true, align: h.align ?? 'center' })), true));
  for (const r of opts.rows) rows.push(rowOf(r.cells, false, r.minHeight));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: opts.totalWidth, type: WidthType.DXA },
    columnWidths: tw,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows,
  });
}

/** Footer `第 N 页 共 M 页` (pages of this section). */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES_IN_SECTION, ' 页'], size: SIZE.小五 }),
        ],
      }),
    ],
  });
}
