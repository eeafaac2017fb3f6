import { and, count, eq, ne, sql } from 'drizzle-orm';
import { currentTianjinDistrict, districtForDivisionCode, validateUscc } from '../../domain/uscc';
import { MANAGED_ORG_TYPE_LABELS, type ManagedOrganisation, type ManagedOrgType, type OrganisationInput } from '../../shared/organisations';
import { AppError, validation } from '../app-error';
import type { DbOrTx } from '../db/client';
import { organisations, users } from '../db/schema';

export type OrganisationRow = typeof organisations.$inferSelect;

export function typeOf(row: Pick<OrganisationRow, 'kind' | 'subtype'>): ManagedOrgType | null {
  if (row.kind === 'recommender') return (['district_bureau', 'industry_department', 'association'] as const).find((s) => s === row.subtype) ?? null;
  if (row.kind === 'applicant') return null;
  return row.kind;
}

export function kindOf(type: ManagedOrgType): { kind: OrganisationRow['kind']; subtype: OrganisationRow['subtype'] } {
  if (type === 'district_bureau' || type === 'industry_department' || type === 'association') return { kind: 'recommender', subtype: type };
  return { kind: type, subtype: null };
}

export function toManagedDto(row: OrganisationRow, userCount: number): ManagedOrganisation {
  const type = typeOf(row)!;
  return {
    id: row.id,
    type,
    typeLabel: MANAGED_ORG_TYPE_LABELS[type],
    name: row.name,
    shortName: row.shortName,
    divisionCode: row.divisionCode,
    district: row.district,
    uscc: row.uscc,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    active: row.active,
    userCount,
    version: row.version,
  };
}

export async function userCountOf(db: DbOrTx, organisationId: string): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.organisationId, organisationId));
  return Number(n);
}

/**
 * Field checks shared by the form and the import: a district bureau names one of the 16 districts
 * (and there is one active bureau per district); a credit code, when given, is valid and unused;
 * no two organisations of one kind share a name. Returns the column values to write.
 */
export async function checkOrganisationFields(
  db: DbOrTx,
  type: ManagedOrgType,
  input: Omit<OrganisationInput, 'type'>,
  selfId?: string,
): Promise<{ values: Partial<OrganisationRow>; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const { kind, subtype } = kindOf(type);
  let district: string | null = null;
  if (type === 'district_bureau') {
    const d = input.divisionCode ? currentTianjinDistrict(input.divisionCode) : undefined;
    if (!input.divisionCode) errors.divisionCode = '区市场监管局须填写所在区的行政区划代码（6位，如滨海新区120116）';
    else if (!d || d.code !== input.divisionCode) errors.divisionCode = `行政区划代码${input.divisionCode}不是天津市现行的16个区之一`;
    else {
      district = d.name;
      const [other] = await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(and(eq(organisations.kind, 'recommender'), eq(organisations.subtype, 'district_bureau'), eq(organisations.divisionCode, d.code), eq(organisations.active, true), selfId ? ne(organisations.id, selfId) : undefined));
      if (other) errors.divisionCode = `${d.name}已有启用的区市场监管局（${other.name}）`;
    }
  } else if (input.divisionCode) {
    district = districtForDivisionCode(input.divisionCode) ?? currentTianjinDistrict(input.divisionCode)?.name ?? null;
  }
  let uscc: string | null = null;
  if (input.uscc) {
    const v = validateUscc(input.uscc);
    if (!v.valid) errors.uscc = `统一社会信用代码有误：${v.errors.map((e) => e.message).join('；')}`;
    else {
      uscc = v.normalized;
      const [taken] = await db.select({ name: organisations.name }).from(organisations).where(and(eq(organisations.uscc, uscc), selfId ? ne(organisations.id, selfId) : undefined));
      if (taken) errors.uscc = `统一社会信用代码已被“${taken.name}”使用`;
    }
  }
  const [same] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, kind), eq(sql`lower(${organisations.name})`, input.name.toLowerCase()), selfId ? ne(organisations.id, selfId) : undefined));
  if (same) errors.name = `已有同名的${MANAGED_ORG_TYPE_LABELS[type]}“${input.name}”`;
  return {
    errors,
    values: {
      kind,
      subtype,
      name: input.name,
      shortName: input.shortName ?? null,
      divisionCode: input.divisionCode ?? null,
      district,
      uscc,
      address: input.address ?? null,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
    },
  };
}

export function throwIfErrors(errors: Record<string, string>): void {
  if (Object.keys(errors).length) throw validation(errors);
}

export async function managedOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!row || !typeOf(row)) throw new AppError('not_found', `organisation ${id}`, '单位不存在');
  return row;
}
