/**
 * 申报书 as PDF (A4 portrait), same content as the Word version (application-content.ts).
 */
import { buildApplicationDocument, type ApplicationDocInput, type DocBlock } from './application-content';
import { createCjkPdf, type CjkPdf } from './pdf';

export type { ApplicationDocInput } from './application-content';

const BODY = 10.5;

function addBlock(pdf: CjkPdf, b: DocBlock): void {
  switch (b.kind) {
    case 'heading':
      pdf.heading(b.text, b.level);
      return;
    case 'paragraph':
      pdf.paragraph(b.text, { indent: b.indent ? 2 : 0, align: b.align, bold: b.bold, spaceAfter: 2 });
      return;
    case 'table':
      pdf.table({
        header: b.showHeader,
        columns: b.columns.map((c) => ({ header: c.header, width: c.width, align: c.align })),
        rows: b.rows.map((r) => ({ cells: r.cells, minHeight: r.minLines ? r.minLines * BODY * 1.45 + 8 : undefined })),
        fontSize: b.small ? 9 : BODY,
        spaceAfter: 8,
      });
      return;
    case 'box':
      pdf.box({
        lines: b.lines.map((l) => ({ text: l.text, align: l.align, bold: l.bold, indent: l.indent ? 2 : 0 })),
        minHeight: b.minLines ? b.minLines * BODY * 1.7 + 2 * BODY : undefined,
        spaceAfter: 10,
      });
      return;
    case 'pageBreak':
      pdf.pageBreak();
      return;
  }
}

/** Renders the 申报书 as a PDF with the vendored CJK font (subset per document). */
export async function renderApplicationPdf(input: ApplicationDocInput): Promise<Buffer> {
  const model = buildApplicationDocument(input);
  const pdf = createCjkPdf({
    title: model.projectName ? `${model.title}：${model.projectName}` : model.title,
    subject: model.title,
    author: input.form.unit?.name,
    margins: { top: 72, right: 68, bottom: 72, left: 80 },
    fontSize: BODY,
    pageNumbers: { skipFirst: 1 },
  });

  const { cover } = model;
  pdf.fixedPage((p) => {
    const cx = p.width / 2;
    p.text(`编号：${cover.number || '                    '}`, p.width - 80, 80, { size: 12, align: 'right' });
    if (!cover.number) p.line(p.width - 80 - 12 * 10, 83, p.width - 80, 83, { width: 0.6 });
    if (!cover.number) p.text(cover.numberNote, p.width - 80, 100, { size: 9, align: 'right' });
    p.text(cover.title, cx, 230, { size: 26, align: 'center', bold: true, charSpace: 2 });
    p.text(cover.yearLine, cx, 270, { size: 16, align: 'center' });
    const labelRight = 218;
    const valueLeft = 228;
    const valueRight = p.width - 96;
    let y = 380;
    for (const f of cover.fields) {
      p.text(`${f.label}：`, labelRight, y, { size: 14, align: 'right', bold: true });
      p.textBox(f.value, { x: valueLeft + 4, y: y - 16, width: valueRight - valueLeft - 8 }, { size: 14, lineHeight: 1.45 });
      p.line(valueLeft, y + 6, valueRight, y + 6, { width: 0.6 });
      y += 46;
    }
    p.text(cover.issuer, cx, p.height - 130, { size: 14, align: 'center' });
    p.text(cover.issuerDate, cx, p.height - 104, { size: 14, align: 'center' });
  });

  for (const b of model.body) addBlock(pdf, b);
  return pdf.render();
}
