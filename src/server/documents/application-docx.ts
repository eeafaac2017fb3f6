/**
 * 申报书 as Word (.docx): A4, cover page, then sections 一 … 九 and 附件清单
 * (same content as the PDF, see application-content.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { buildApplicationDocument, type ApplicationCover, type ApplicationDocInput, type DocBlock } from './application-content';
import { A4, FONT_HEI, SIZE, alignment, borderedTable, chineseStyles, pageNumberFooter, textRuns } from './docx-common';

export type { ApplicationDocInput } from './application-content';

const MARGIN = {
  top: convertMillimetersToTwip(25.4),
  bottom: convertMillimetersToTwip(25.4),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
};
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** One line of body text (小四, 1.5 spacing) in twips, for minimum heights. */
const LINE = 360;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function coverChildren(cover: ApplicationCover): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  out.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: `编号：${cover.number || '                    '}`, underline: cover.number ? undefined : {} })],
    }),
  );
  if (!cover.number) {
    out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: cover.numberNote, size: SIZE.小五 })] }));
  }
  out.push(new Paragraph({ spacing: { before: 2400 }, children: [] }));
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: cover.title, font: FONT_HEI, size: SIZE.一号 })],
    }),
  );
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: cover.yearLine, size: SIZE.三号 })] }));
  out.push(new Paragraph({ spacing: { before: 1600 }, children: [] }));

  const labelW = 3000;
  const valueW = CONTENT_WIDTH - labelW - 600;
  const underline = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  out.push(
    new Table({
      width: { size: labelW + valueW, type: WidthType.DXA },
      columnWidths: [labelW, valueW],
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: NO_BORDERS,
      rows: cover.fields.map(
        (f) =>
          new TableRow({
            height: { value: 760, rule: HeightRule.ATLEAST },
            children: [
              new TableCell({
                width: { size: labelW, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.BOTTOM,
                borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
                children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${f.label}：`, font: FONT_HEI, size: SIZE.三号 })] })],
              }),
              new TableCell({
                width: { size: valueW, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.BOTTOM,
                borders: { top: NONE, left: NONE, right: NONE, bottom: underline },
                children: [new Paragraph({ children: [new TextRun({ text: f.value, size: SIZE.三号 })] })],
              }),
            ],
          }),
      ),
    }),
  );
  out.push(new Paragraph({ spacing: { before: 2600 }, children: [] }));
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: cover.issuer, size: SIZE.三号 })] }));
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: cover.issuerDate, size: SIZE.三号 })] }));
  return out;
}

function blockChildren(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: b.align ? alignment(b.align) : AlignmentType.JUSTIFIED,
          indent: b.indent ? { firstLine: 480 } : undefined,
          children: textRuns(b.text, { bold: b.bold }),
        }),
      ];
    case 'table':
      return [
        borderedTable({
          totalWidth: CONTENT_WIDTH,
          widths: b.columns.map((c) => c.width),
          header: b.showHeader ? b.columns.map((c) => ({ text: c.header })) : undefined,
          rows: b.rows.map((r) => ({ cells: r.cells, minHeight: r.minLines ? r.minLines * 300 + 80 : undefined })),
          size: b.small ? SIZE.小五 : SIZE.五号,
        }),
        new Paragraph({ spacing: { after: 60 }, children: [] }),
      ];
    case 'box': {
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      return [
        new Table({
          width: { size: CONTENT_WIDTH, type: WidthType.DXA },
          columnWidths: [CONTENT_WIDTH],
          layout: TableLayoutType.FIXED,
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          rows: [
            new TableRow({
              cantSplit: true,
              height: b.minLines ? { value: b.minLines * LINE + 240, rule: HeightRule.ATLEAST } : undefined,
              children: [
                new TableCell({
                  width: { size: CONTENT_WIDTH, type: WidthType.DXA },
                  margins: { top: 160, bottom: 160, left: 160, right: 160 },
                  children: b.lines.map(
                    (l) =>
                      new Paragraph({
                        alignment: l.align === 'right' ? AlignmentType.RIGHT : alignment(l.align),
                        indent: l.align === 'right' ? { right: 720 } : l.indent ? { firstLine: 480 } : undefined,
                        spacing: { line: 400 },
                        children: textRuns(l.text, { bold: l.bold }),
                      }),
                  ),
                }),
              ],
            }),
          ],
        }),
        new Paragraph({ spacing: { after: 60 }, children: [] }),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

/** Renders the 申报书 as a .docx buffer. */
export async function renderApplicationDocx(input: ApplicationDocInput): Promise<Buffer> {
  const model = buildApplicationDocument(input);
  const page = { size: { width: A4.width, height: A4.height }, margin: MARGIN };
  const doc = new Document({
    creator: input.form.unit?.name ?? '攻关 Gongguan',
    title: model.projectName ? `${model.title}：${model.projectName}` : model.title,
    subject: model.title,
    description: `${input.campaignYear}年天津市质量攻关项目申报书`,
    styles: chineseStyles(),
    sections: [
      { properties: { page }, children: coverChildren(model.cover) },
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } } },
        footers: { default: pageNumberFooter() },
        children: model.body.flatMap(blockChildren),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
