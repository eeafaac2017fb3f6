/**
 * 单位与账户导入: one row per account (`ORG_IMPORT_COLUMNS`); rows naming the same organisation
 * (type + name) share it; an organisation that already exists is reused, not changed. All or
 * nothing: every row is checked first and, when any row is bad, nothing is imported and every bad
 * row is reported (row, column, reason). Otherwise one transaction, one audit entry per created
 * organisation and account; the temporary passwords are returned once.
 */
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { MANAGED_ORG_TYPE_LABELS, MANAGED_ORG_TYPES, ORG_IMPORT_COLUMNS, ROLE_OF_ORG_TYPE, type ManagedOrgType, type OrganisationImportResult } from '../../shared/organisations';
import { temporaryPassword } from '../accounts/temporary-password';
import { writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/passwords';
import type { Actor, CommandContext } from '../context';
import { organisations, users } from '../db/schema';
import { readSheetRows } from '../files/xlsx-read';
import { authorize } from '../policy/policy';
import { checkOrganisationFields, kindOf } from './organisation-repository';

type Col = (typeof ORG_IMPORT_COLUMNS)[number];
const COLUMN_OF_FIELD: Record<string, Col> = { name: '单位名称', divisionCode: '行政区划代码', uscc: '统一社会信用代码' };
const TYPE_BY_LABEL = new Map<string, ManagedOrgType>(MANAGED_ORG_TYPES.flatMap((t) => [[MANAGED_ORG_TYPE_LABELS[t], t] as [string, ManagedOrgType], [t, t] as [string, ManagedOrgType]]));
TYPE_BY_LABEL.set('区市场监督管理局', 'district_bureau');
const USERNAME_RE = /^[a-zA-Z0-9_.-]{3,64}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_ORG_IMPORT_ROWS = 2000;

export async function organisationImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位与账户');
  ws.addRow([...ORG_IMPORT_COLUMNS]);
  ws.addRow(['市级行业主管部门', '天津市交通运输委员会', '120000', '', '综合规划处', '022-24538000', 'jtw_zhghc', '刘海涛', '13502011234', 'liuht@jtw.tj.gov.cn']);
  ws.addRow(['行业协会', '天津市计量测试学会', '120103', '', '秘书处', '022-23361234', 'tjjl_mishu', '何雅琴', '13920112345', '']);
  ws.addRow(['专家库', '天津市质量攻关技术评定专家库', '', '', '', '', 'expert_wangzq', '王振宇', '13612011111', 'wangzy@tju.edu.cn']);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 20));
  const note = wb.addWorksheet('填写说明');
  for (const line of [
    `单位类型：${MANAGED_ORG_TYPES.map((t) => MANAGED_ORG_TYPE_LABELS[t]).join('、')}`,
    '每行一个账户；同一单位的多个账户写多行，单位类型和单位名称相同即为同一单位。已存在的同名单位不会被修改，只新增账户。',
    '区市场监管局须填写所在区的6位行政区划代码（如滨海新区120116）。统一社会信用代码可不填。',
    '用户名为3-64位字母、数字、下划线、点或短横线；只建单位不建账户时用户名、姓名留空。',
    '任一行有误则整份文件不导入，页面逐行列出错误；改正后重新上传即可。账户的临时密码在导入成功后显示一次，首次登录须修改密码。',
  ])
    note.addRow([line]);
  note.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface PlannedUser {
  row: number;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  orgKey: string;
}

export async function importOrganisations(ctx: CommandContext & { actor: Actor }, data: Buffer): Promise<OrganisationImportResult> {
  authorize(ctx.actor, { kind: 'organisation', action: 'manage', resource: { id: '', kind: 'recommender' } });
  const rows = await readSheetRows(data, ORG_IMPORT_COLUMNS);
  const errors: OrganisationImportResult['errors'] = [];
  const err = (row: number, column: Col, message: string) => errors.push({ row, column, message });
  if (!rows.length) err(2, '单位名称', '文件中没有数据行');
  if (rows.length > MAX_ORG_IMPORT_ROWS) err(rows[MAX_ORG_IMPORT_ROWS].line, '单位名称', `一次最多导入${MAX_ORG_IMPORT_ROWS}行，当前${rows.length}行`);
  const db = ctx.database.db;

  const orgs = new Map<string, { row: number; type: ManagedOrgType; values: Record<string, unknown>; existingId?: string }>();
  const planned: PlannedUser[] = [];
  const usernames = new Map<string, number>();
  for (const { line, values: v } of rows.slice(0, MAX_ORG_IMPORT_ROWS)) {
    const type = TYPE_BY_LABEL.get(v.单位类型);
    if (!type) err(line, '单位类型', v.单位类型 ? `“${v.单位类型}”不是可导入的单位类型（${MANAGED_ORG_TYPES.map((t) => MANAGED_ORG_TYPE_LABELS[t]).join('、')}）` : '请填写单位类型');
    if (!v.单位名称) err(line, '单位名称', '请填写单位名称');
    else if (v.单位名称.length > 100) err(line, '单位名称', '单位名称不能超过100个字');
    if (!type || !v.单位名称 || v.单位名称.length > 100) continue;
    const orgKey = `${type}|${v.单位名称.toLowerCase()}`;
    if (!orgs.has(orgKey)) {
      const { kind } = kindOf(type);
      const [existing] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.kind, kind), eq(sql`lower(${organisations.name})`, v.单位名称.toLowerCase())));
      if (existing) orgs.set(orgKey, { row: line, type, values: {}, existingId: existing.id });
      else {
        const input = { name: v.单位名称, divisionCode: v.行政区划代码 || undefined, uscc: v.统一社会信用代码 || undefined, contactName: v.联系人 || undefined, contactPhone: v.联系电话 || undefined };
        if (input.divisionCode && !/^\d{6}$/.test(input.divisionCode)) err(line, '行政区划代码', '行政区划代码应为6位数字');
        const checked = await checkOrganisationFields(db, type, input);
        for (const [field, message] of Object.entries(checked.errors)) err(line, COLUMN_OF_FIELD[field] ?? '单位名称', message);
        // Two new bureaus for one district in the same file.
        if (type === 'district_bureau' && [...orgs.values()].some((o) => !o.existingId && o.type === 'district_bureau' && o.values.divisionCode === input.divisionCode)) {
          err(line, '行政区划代码', `文件中已有行政区划代码为${input.divisionCode}的区市场监管局`);
        }
        orgs.set(orgKey, { row: line, type, values: checked.values });
      }
    }
    if (!v.用户名 && !v.姓名) continue;
    if (!USERNAME_RE.test(v.用户名)) err(line, '用户名', v.用户名 ? '用户名应为3-64位字母、数字、下划线、点或短横线' : '填写了姓名时请填写用户名');
    else {
      const key = v.用户名.toLowerCase();
      if (usernames.has(key)) err(line, '用户名', `与第${usernames.get(key)}行的用户名重复`);
      else {
        usernames.set(key, line);
        const [taken] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, key));
        if (taken) err(line, '用户名', `用户名“${v.用户名}”已被使用`);
      }
    }
    if (!v.姓名) err(line, '姓名', '请填写账户使用人姓名');
    else if (v.姓名.length > 50) err(line, '姓名', '姓名不能超过50个字');
    if (v.电子邮箱 && !EMAIL_RE.test(v.电子邮箱)) err(line, '电子邮箱', `“${v.电子邮箱}”不是有效的电子邮箱`);
    if (v.手机 && !/^[0-9+\-\s]{7,20}$/.test(v.手机)) err(line, '手机', `“${v.手机}”不是有效的电话号码`);
    planned.push({ row: line, username: v.用户名, displayName: v.姓名, phone: v.手机 || null, email: v.电子邮箱 || null, orgKey });
  }
  const result: OrganisationImportResult = { imported: false, errors: errors.sort((a, b) => a.row - b.row), organisationsCreated: 0, organisationsReused: 0, users: [] };
  if (errors.length) return result;

  const passwords = await Promise.all(planned.map(async () => { const p = temporaryPassword(); return { p, hash: await hashPassword(p) }; }));
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const idOf = new Map<string, { id: string; name: string }>();
    for (const [key, o] of orgs) {
      if (o.existingId) {
        idOf.set(key, { id: o.existingId, name: key.split('|')[1] });
        result.organisationsReused++;
        continue;
      }
      const [row] = await tx.insert(organisations).values({ ...(o.values as typeof organisations.$inferInsert), createdAt: now, updatedAt: now }).returning();
      idOf.set(key, { id: row.id, name: row.name });
      result.organisationsCreated++;
      await writeAudit(tx, ctx, { entity: 'organisation', entityId: row.id, action: 'import', summary: { type: o.type, name: row.name, row: o.row } });
    }
    for (const [i, u] of planned.entries()) {
      const org = idOf.get(u.orgKey)!;
      const type = orgs.get(u.orgKey)!.type;
      const [row] = await tx
        .insert(users)
        .values({ username: u.username, displayName: u.displayName, role: ROLE_OF_ORG_TYPE[type], organisationId: org.id, phone: u.phone, email: u.email, passwordHash: passwords[i].hash, mustChangePassword: true, createdAt: now })
        .returning({ id: users.id });
      await writeAudit(tx, ctx, { entity: 'user', entityId: row.id, action: 'import', summary: { username: u.username, role: ROLE_OF_ORG_TYPE[type], row: u.row } });
      const [orgRow] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, org.id));
      result.users.push({ row: u.row, username: u.username, displayName: u.displayName, organisation: orgRow.name, temporaryPassword: passwords[i].p });
    }
  });
  result.imported = true;
  return result;
}
