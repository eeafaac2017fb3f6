/**
 * The one Excel export of a list (approvals, inbox, roster, audit…): optional title lines, one bold
 * header row frozen with an auto-filter, then one row per item. Cells are what the list page shows
 * (labels, Beijing times), never internal codes.
 */
import ExcelJS from 'exceljs';

export interface ListColumn<T> {
  header: string;
  width: number;
  value: (row: T, index: number) => string | number | null | undefined;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function renderListXlsx<T>(sheetName: string, columns: ListColumn<T>[], rows: readonly T[], opts: { titleLines?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '攻关 Gongguan';
  const titles = opts.titleLines ?? [];
  const headerRow = titles.length + 1;
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: headerRow }] });
  for (const line of titles) ws.addRow([line]);
  if (titles.length) ws.getRow(1).font = { bold: true, size: 13 };
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  rows.forEach((row, i) => ws.addRow(columns.map((c) => c.value(row, i) ?? '')));
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
