/**
 * 历年成果导入 (commission): an Excel file with the columns of `HISTORY_COLUMNS`
 * (年度|项目名称|完成单位|所属产业链|质量问题|攻关目标|技术路线|成果等级), validated row by row,
 * imported all-or-nothing in one transaction with one audit entry. The duplicate check picks the
 * new rows up on its next use (its cache signature includes the newest created_at).
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { HISTORY_COLUMNS, HISTORY_KIND_LABELS, type HISTORY_KINDS } from '../../shared/applications';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { historicalResults } from '../db/schema';
import { authorize } from '../policy/policy';
import { cellText } from '../files/xlsx-read';
import { invalidateDuplicateIndex } from './duplicate-index';

export type HistoryKind = (typeof HISTORY_KINDS)[number];

const FIELD_OF: Record<(typeof HISTORY_COLUMNS)[number], keyof ParsedRow> = {
  年度: 'year',
  项目名称: 'name',
  完成单位: 'unitName',
  所属产业链: 'chain',
  质量问题: 'problem',
  攻关目标: 'goals',
  技术路线: 'route',
  成果等级: 'level',
};
const MAX_LEN: Partial<Record<keyof ParsedRow, number>> = { name: 100, unitName: 100, chain: 50, problem: 5000, goals: 5000, route: 5000, level: 20 };
const REQUIRED = new Set<keyof ParsedRow>(['year', 'name', 'unitName']);
export const MAX_IMPORT_ROWS = 20_000;

interface ParsedRow {
  year: number;
  name: string;
  unitName: string;
  chain: string | null;
  problem: string | null;
  goals: string | null;
  route: string | null;
  level: string | null;
}

export async function historyTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '攻关平台';
  const ws = wb.addWorksheet('历年成果');
  ws.addRow([...HISTORY_COLUMNS]);
  ws.addRow([
    2024,
    '降低协作机器人谐波减速器装配不良率',
    '天津某精密传动科技有限公司',
    '协作机器人',
    '减速器总装一次合格率仅96.2%，回差超差和异响占不良的68.8%。',
    '装配不良率由3.8%降至1.2%以下；单台返工工时由42分钟降至15分钟以内。',
    '建立装配参数在线采集与SPC监控；DOE确定柔轮—刚轮分组选配规则；研制轴承预紧力自动压装工装。',
    '优秀成果',
  ]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns = [8, 36, 30, 14, 50, 50, 50, 12].map((width) => ({ width }));
  const note = wb.addWorksheet('填写说明');
  for (const line of [
    '1. 第一行为表头，请勿修改列名和顺序；第二行为示例，导入前请删除或替换。',
    '2. “年度”“项目名称”“完成单位”为必填项；年度为四位数字，且早于当前年度活动。',
    '3. 同一年度、同一项目名称、同一完成单位的记录不能重复导入。',
    '4. 任一行有误时整份文件都不会导入，请按提示修改后重新上传。',
  ])
    note.addRow([line]);
  note.getColumn(1).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const invalidFile = () => new AppError('unsupported_file', 'not xlsx', '文件不是有效的 Excel（.xlsx）文件，请使用下载的导入模板填写后上传');

export async function importHistory(ctx: CommandContext & { actor: Actor }, input: { data: Buffer; fileName: string; kind: HistoryKind; maxYear: number }) {
  authorize(ctx.actor, { kind: 'campaign', action: 'update' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(input.data as unknown as ArrayBuffer);
  } catch {
    throw invalidFile();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalidFile();

  // Header: every template column must be present (any order), found by its Chinese name.
  const header = ws.getRow(1);
  const colOf = new Map<string, number>();
  header.eachCell((cell, col) => colOf.set(cellText(cell.value).trim(), col));
  const missing = HISTORY_COLUMNS.filter((c) => !colOf.has(c));
  if (missing.length) {
    const msg = `表头缺少列：${missing.join('、')}。请使用导入模板（列：${HISTORY_COLUMNS.join('|')}）`;
    throw new AppError('validation', 'missing columns', msg, { fields: { file: msg } });
  }

  const fields: Record<string, string> = {};
  const rows: (ParsedRow & { line: number })[] = [];
  const seen = new Map<string, number>();
  const err = (line: number, col: string, message: string) => {
    const key = `rows.${line}.${FIELD_OF[col as keyof typeof FIELD_OF] ?? col}`;
    fields[key] = `第${line}行“${col}”：${message}`;
  };
  ws.eachRow({ includeEmpty: false }, (r, line) => {
    if (line === 1) return;
    const raw = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c, cellText(r.getCell(colOf.get(c)!).value).trim()])) as Record<(typeof HISTORY_COLUMNS)[number], string>;
    if (Object.values(raw).every((v) => v === '')) return;
    const parsed: Partial<ParsedRow> = {};
    for (const c of HISTORY_COLUMNS) {
      const f = FIELD_OF[c];
      const v = raw[c];
      if (!v) {
        if (REQUIRED.has(f)) err(line, c, '为必填项');
        else (parsed as Record<string, unknown>)[f] = null;
        continue;
      }
      if (f === 'year') {
        const y = Number(v);
        if (!/^\d{4}$/.test(v) || y < 2000 || y > input.maxYear) err(line, c, `应为2000至${input.maxYear}之间的四位年份，当前为“${v}”`);
        else parsed.year = y;
        continue;
      }
      const max = MAX_LEN[f] ?? 5000;
      if (Array.from(v).length > max) err(line, c, `不能超过${max}个字符`);
      (parsed as Record<string, unknown>)[f] = v;
    }
    if (parsed.year && parsed.name && parsed.unitName) {
      const key = `${parsed.year}|${parsed.name}|${parsed.unitName}`;
      const first = seen.get(key);
      if (first) err(line, '项目名称', `与第${first}行重复（同一年度、项目名称和完成单位）`);
      else seen.set(key, line);
    }
    rows.push({ ...(parsed as ParsedRow), line });
  });
  if (rows.length === 0 && Object.keys(fields).length === 0) {
    throw new AppError('validation', 'empty import', '文件中没有可导入的数据行（第1行为表头）', { fields: { file: '文件中没有可导入的数据行' } });
  }
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError('validation', 'too many rows', `一次最多导入${MAX_IMPORT_ROWS}行`, { fields: { file: `一次最多导入${MAX_IMPORT_ROWS}行` } });

  const now = ctx.clock.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    if (Object.keys(fields).length === 0) {
      // Rows already in the database (same year, name and unit) are refused, not duplicated.
      const years = [...new Set(rows.map((r) => r.year))];
      const existing = await tx
        .select({ year: historicalResults.year, name: historicalResults.name, unitName: historicalResults.unitName })
        .from(historicalResults)
        .where(and(inArray(historicalResults.year, years), eq(historicalResults.kind, input.kind)));
      const have = new Set(existing.map((e) => `${e.year}|${e.name}|${e.unitName}`));
      for (const r of rows) if (have.has(`${r.year}|${r.name}|${r.unitName}`)) err(r.line, '项目名称', '平台中已有同一年度、项目名称和完成单位的记录');
    }
    const errors = Object.keys(fields).length;
    if (errors > 0) {
      const first = Object.values(fields)[0];
      throw new AppError('validation', `history import: ${errors} errors`, `导入文件有${errors}处错误，未导入任何数据。${first}`, { fields });
    }
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insert(historicalResults).values(
        rows.slice(i, i + 500).map(({ line: _line, ...r }) => ({ ...r, kind: input.kind, source: 'import' as const, createdAt: now })),
      );
    }
    const years = [...new Set(rows.map((r) => r.year))].sort();
    await writeAudit(tx, ctx, {
      entity: 'historical_results',
      entityId: null,
      action: 'import',
      summary: { kind: input.kind, label: HISTORY_KIND_LABELS[input.kind], rows: rows.length, years, fileName: input.fileName, sha256: createHash('sha256').update(input.data).digest('hex') },
    });
    return { imported: rows.length, kind: input.kind, years };
  });
  // The next duplicate check in this process rebuilds the history part at once (other instances
  // notice the new history signature on their next check).
  invalidateDuplicateIndex(ctx.database.db);
  return result;
}
