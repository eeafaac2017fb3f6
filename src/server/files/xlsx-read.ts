import ExcelJS from 'exceljs';
import { AppError } from '../app-error';

/** A cell's text as the user sees it (rich text joined, formulas by their result, dates as YYYY-MM-DD). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

/**
 * The first sheet's rows as {line, values by column name}; the header row must hold every column
 * (any order, found by its Chinese name). Refuses a file that is not .xlsx or lacks a column.
 */
export async function readSheetRows<C extends string>(data: Buffer, columns: readonly C[]): Promise<{ line: number; values: Record<C, string> }[]> {
  const invalid = () => new AppError('unsupported_file', 'not xlsx', '文件不是有效的 Excel（.xlsx）文件，请使用下载的导入模板填写后上传');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid();
  const colOf = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => colOf.set(cellText(cell.value).trim(), col));
  const missing = columns.filter((c) => !colOf.has(c));
  if (missing.length) {
    const msg = `表头缺少列：${missing.join('、')}。请使用导入模板（列：${columns.join('|')}）`;
    throw new AppError('validation', 'missing columns', msg, { fields: { file: msg } });
  }
  const rows: { line: number; values: Record<C, string> }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, line) => {
    if (line === 1) return;
    const values = Object.fromEntries(columns.map((c) => [c, cellText(r.getCell(colOf.get(c)!).value).trim()])) as Record<C, string>;
    if (Object.values(values).some(Boolean)) rows.push({ line, values });
  });
  return rows;
}
