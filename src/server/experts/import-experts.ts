/**
 * 专家库 Excel import: one row per expert (`EXPERT_IMPORT_COLUMNS`), all or nothing like the
 * organisation import — every row is checked first against the same zod schema as the form; when
 * any row is bad nothing is imported and every bad row is reported (row, column, reason).
 * Otherwise one transaction: accounts, profiles, status history, one audit entry per expert, and
 * the new experts' 回避 findings. Temporary passwords are returned once.
 */
import ExcelJS from 'exceljs';
import { EXPERT_IMPORT_COLUMNS, expertInputSchema, type ExpertImportResult } from '../../shared/experts';
import { temporaryPassword } from '../accounts/temporary-password';
import { hashPassword } from '../auth/passwords';
import type { ActorContext } from '../context';
import { readSheetRows } from '../files/xlsx-read';
import { authorize } from '../policy/policy';
import { recomputeConflicts } from './conflicts';
import { expertPoolOrgId, insertExpert, usernameTaken } from './save-expert';

type Col = (typeof EXPERT_IMPORT_COLUMNS)[number];
const COLUMN_OF: Record<string, Col> = { username: '用户名', name: '姓名', employer: '工作单位', employerUscc: '工作单位统一社会信用代码', title: '职称', fields: '专业领域', district: '所在区', phone: '手机', email: '电子邮箱' };
export const MAX_EXPERT_IMPORT_ROWS = 1000;

export async function expertImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家');
  ws.addRow([...EXPERT_IMPORT_COLUMNS]);
  ws.addRow(['expert_liuhm', '刘海明', '天津大学', '', '教授', '协作机器人、质量管理', '南开区', '13612012345', 'liuhm@tju.edu.cn']);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 22));
  const note = wb.addWorksheet('填写说明');
  for (const line of [
    '每行一位专家；用户名为3-64位字母、数字、下划线、点或短横线，不能与已有账户重复。',
    '专业领域可填多个，用顿号、逗号或分号分隔（如：协作机器人、质量管理），最多10个。',
    '任一行有误则整份文件不导入，页面逐行列出错误；改正后重新上传即可。临时密码在导入成功后显示一次，首次登录须修改密码。',
  ])
    note.addRow([line]);
  note.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importExperts(ctx: ActorContext, data: Buffer): Promise<ExpertImportResult> {
  authorize(ctx.actor, { kind: 'expert', action: 'manage', resource: { userId: '' } });
  const rows = await readSheetRows(data, EXPERT_IMPORT_COLUMNS);
  const errors: ExpertImportResult['errors'] = [];
  const err = (row: number, column: Col, message: string) => errors.push({ row, column, message });
  if (!rows.length) err(2, '用户名', '文件中没有数据行');
  if (rows.length > MAX_EXPERT_IMPORT_ROWS) err(rows[MAX_EXPERT_IMPORT_ROWS].line, '用户名', `一次最多导入${MAX_EXPERT_IMPORT_ROWS}行，当前${rows.length}行`);
  const db = ctx.database.db;
  const planned: { row: number; input: ReturnType<typeof expertInputSchema.parse> }[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of rows.slice(0, MAX_EXPERT_IMPORT_ROWS)) {
    const parsed = expertInputSchema.safeParse({
      username: v.用户名,
      name: v.姓名,
      employer: v.工作单位,
      employerUscc: v.工作单位统一社会信用代码,
      title: v.职称,
      fields: v.专业领域.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean),
      district: v.所在区,
      phone: v.手机,
      email: v.电子邮箱,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) err(line, COLUMN_OF[String(issue.path[0])] ?? '用户名', issue.message);
      continue;
    }
    const key = parsed.data.username.toLowerCase();
    if (seen.has(key)) {
      err(line, '用户名', `与第${seen.get(key)}行的用户名重复`);
      continue;
    }
    seen.set(key, line);
    if (await usernameTaken(db, parsed.data.username)) {
      err(line, '用户名', `用户名“${parsed.data.username}”已被使用`);
      continue;
    }
    planned.push({ row: line, input: parsed.data });
  }
  const result: ExpertImportResult = { imported: false, errors: errors.sort((a, b) => a.row - b.row), experts: [] };
  if (errors.length) return result;

  const passwords = await Promise.all(planned.map(async () => { const p = temporaryPassword(); return { p, hash: await hashPassword(p) }; }));
  await db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const poolId = await expertPoolOrgId(tx);
    const ids: string[] = [];
    for (const [i, { row, input }] of planned.entries()) {
      ids.push(await insertExpert(tx, ctx, input, passwords[i].hash, poolId, now, row));
      result.experts.push({ row, username: input.username, name: input.name, temporaryPassword: passwords[i].p });
    }
    await recomputeConflicts(tx, ctx, { expertIds: ids });
  });
  result.imported = true;
  return result;
}
