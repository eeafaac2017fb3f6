/**
 * 单位与账户管理 (commission administrators): organisations of every kind the commission runs —
 * district bureaus, municipal industry departments, associations, training providers, the expert
 * pool — and their accounts; Excel import all-or-nothing with a row-by-row error report.
 *
 *   GET  /api/admin/organisation-directory        organisationDirectoryQuerySchema → organisationDirectorySchema
 *   POST /api/admin/organisations                 organisationInputSchema → managedOrganisationSchema
 *   PUT  /api/admin/organisations/:id             organisationUpdateSchema → managedOrganisationSchema
 *   POST /api/admin/organisations/:id/active      { active, version } → managedOrganisationSchema
 *   GET  /api/admin/organisations/import-template (xlsx)
 *   POST /api/admin/organisations/import          multipart file → organisationImportResultSchema
 */
import { z } from 'zod';

export const MANAGED_ORG_TYPES = ['district_bureau', 'industry_department', 'association', 'training_provider', 'expert_pool', 'commission'] as const;
export type ManagedOrgType = (typeof MANAGED_ORG_TYPES)[number];

export const MANAGED_ORG_TYPE_LABELS: Record<ManagedOrgType, string> = {
  district_bureau: '区市场监管局',
  industry_department: '市级行业主管部门',
  association: '行业协会',
  training_provider: '培训服务机构',
  expert_pool: '专家库',
  commission: '市市场监管委',
};

/** The account role an organisation of each type holds. */
export const ROLE_OF_ORG_TYPE: Record<ManagedOrgType, 'recommender' | 'training_provider' | 'expert' | 'commission'> = {
  district_bureau: 'recommender',
  industry_department: 'recommender',
  association: 'recommender',
  training_provider: 'training_provider',
  expert_pool: 'expert',
  commission: 'commission',
};

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).optional().or(z.literal('').transform(() => undefined));

export const organisationInputSchema = z.object({
  type: z.enum(MANAGED_ORG_TYPES, { message: '请选择单位类型' }),
  name: text('单位名称', 100),
  shortName: optionalText('简称', 30),
  /** Six-digit division code; required for a district bureau. */
  divisionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字').optional().or(z.literal('').transform(() => undefined)),
  uscc: optionalText('统一社会信用代码', 30),
  address: optionalText('地址', 200),
  contactName: optionalText('联系人', 30),
  contactPhone: optionalText('联系电话', 30),
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const organisationUpdateSchema = organisationInputSchema.omit({ type: true }).extend({ version: z.number().int().min(1) });

export const managedOrganisationSchema = z.object({
  id: z.string(),
  type: z.enum(MANAGED_ORG_TYPES),
  typeLabel: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  divisionCode: z.string().nullable(),
  district: z.string().nullable(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type ManagedOrganisation = z.infer<typeof managedOrganisationSchema>;

export const organisationDirectoryQuerySchema = z.object({
  type: z.enum(MANAGED_ORG_TYPES).optional(),
  q: z.string().max(50, '搜索词不能超过50个字').optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export const organisationDirectorySchema = z.object({ items: z.array(managedOrganisationSchema) });

/** Columns of the import sheet, in order (one row per account; rows of one organisation repeat its columns). */
export const ORG_IMPORT_COLUMNS = ['单位类型', '单位名称', '行政区划代码', '统一社会信用代码', '联系人', '联系电话', '用户名', '姓名', '手机', '电子邮箱'] as const;

export const organisationImportResultSchema = z.object({
  /** All-or-nothing: when any row is bad nothing is imported and `errors` lists every bad row. */
  imported: z.boolean(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  organisationsCreated: z.number().int(),
  organisationsReused: z.number().int(),
  /** Accounts created, with their temporary passwords (shown once; first login must change them). */
  users: z.array(z.object({ row: z.number().int(), username: z.string(), displayName: z.string(), organisation: z.string(), temporaryPassword: z.string() })),
});
export type OrganisationImportResult = z.infer<typeof organisationImportResultSchema>;
