/**
 * 专家库 (issue 18): expert records, status history, Excel import with a row report, and 回避
 * (conflicts of interest). Experts are anonymous to applicants and recommenders: only the
 * commission and the expert personally ever receive these payloads (src/server/experts/expert-visibility.ts).
 *
 *   GET  /api/commission/experts                 ?q&status → { items: ExpertDto[] }
 *   POST /api/commission/experts                 expertInputSchema → ExpertDto
 *   PUT  /api/commission/experts/:id             expertUpdateSchema → ExpertDto
 *   POST /api/commission/experts/:id/status      { status, reason, version } → ExpertDto
 *   GET  /api/commission/experts/:id/history     → { items }
 *   GET  /api/commission/experts/import-template (xlsx)
 *   POST /api/commission/experts/import          multipart file → expertImportResultSchema
 *   POST /api/commission/conflicts/recompute     → { detected, removed, pinned }
 *   GET  /api/commission/conflicts               ?expertId&projectId → { items: ConflictDto[] }
 *   POST /api/commission/conflicts/:id/decision  { decision, reason, version } → ConflictDto
 *   POST /api/commission/conflicts               conflictCreateSchema → ConflictDto (decided by the commission)
 *   GET  /api/expert/profile                     → ExpertDto (own)
 *   PUT  /api/expert/profile                     expertSelfUpdateSchema → ExpertDto
 */
import { z } from 'zod';
import { CONFLICT_TYPES, type ConflictType } from '../domain/conflicts';
import { CONFLICT_DECISIONS, CONFLICT_SOURCES, EXPERT_STATUSES, type ConflictDecision, type ConflictSource, type ExpertStatus } from '../domain/vocabularies';

export const EXPERT_STATUS_LABELS: Record<ExpertStatus, string> = { active: '在库', paused: '暂停', removed: '已移出' };
export const CONFLICT_TYPE_LABELS: Record<ConflictType, string> = {
  same_employer: '与申报单位同单位',
  consortium_partner: '与联合体成员单位同单位',
  team_member: '项目组成员',
  recommender_staff: '推荐单位人员',
  declared_relation: '本人申报的关系',
};
export const CONFLICT_SOURCE_LABELS: Record<ConflictSource, string> = { detected: '系统识别', declared: '本人申报', decided: '市市场监管委认定' };
export const CONFLICT_DECISION_LABELS: Record<ConflictDecision, string> = { confirmed: '确认回避', dismissed: '不需回避' };

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullish();

export const declarationSchema = z.object({
  organisation: text('关联单位名称', 100),
  uscc: z.string().trim().regex(/^[0-9A-Z]{18}$/, '关联单位统一社会信用代码应为18位数字或大写字母').nullish().or(z.literal('').transform(() => null)),
  relation: text('关系说明', 200),
});
export type Declaration = z.infer<typeof declarationSchema>;

const expertFields = {
  employer: text('工作单位', 100),
  employerUscc: z.string().trim().regex(/^[0-9A-Z]{18}$/, '工作单位统一社会信用代码应为18位数字或大写字母').nullish().or(z.literal('').transform(() => null)),
  title: text('职称', 30),
  fields: z.array(text('专业领域', 30)).min(1, '请至少填写1个专业领域').max(10, '专业领域最多10个'),
  district: optionalText('所在区', 20),
  phone: z.string().trim().regex(/^[0-9+\-\s]{7,20}$/, '联系电话应为7-20位数字').nullish().or(z.literal('').transform(() => null)),
  email: z.string().trim().email('电子邮箱格式不正确').max(100, '电子邮箱不能超过100个字').nullish().or(z.literal('').transform(() => null)),
};

export const expertInputSchema = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,64}$/, '用户名应为3-64位字母、数字、下划线、点或短横线'),
  name: text('姓名', 50),
  ...expertFields,
});
export const expertUpdateSchema = z.object({
  name: text('姓名', 50),
  ...expertFields,
  rating: z.number().int().min(1, '评价等级为1-5').max(5, '评价等级为1-5').nullish(),
  ratingNote: optionalText('评价说明', 500),
  version: z.number().int(),
});
export const expertSelfUpdateSchema = z.object({
  ...expertFields,
  declarations: z.array(declarationSchema).max(30, '申报的关系最多30条'),
  version: z.number().int(),
});
export const expertStatusSchema = z.object({
  status: z.enum(EXPERT_STATUSES, { message: '状态应为在库、暂停或已移出' }),
  reason: text('状态变更原因', 200).refine((s) => s.length >= 4, '状态变更原因至少4个字'),
  version: z.number().int(),
});

export const expertDtoSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  employer: z.string(),
  employerUscc: z.string().nullable(),
  title: z.string(),
  fields: z.array(z.string()),
  district: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(EXPERT_STATUSES),
  rating: z.number().nullable(),
  ratingNote: z.string().nullable(),
  termEnds: z.string().nullable(),
  declarations: z.array(z.object({ organisation: z.string(), uscc: z.string().nullish(), relation: z.string() })),
  conflictCount: z.number(),
  version: z.number(),
});
export type ExpertDto = z.infer<typeof expertDtoSchema>;

export const expertHistorySchema = z.object({
  items: z.array(z.object({ fromStatus: z.enum(EXPERT_STATUSES).nullable(), toStatus: z.enum(EXPERT_STATUSES), reason: z.string(), actorName: z.string(), at: z.string() })),
});

export const EXPERT_IMPORT_COLUMNS = ['用户名', '姓名', '工作单位', '工作单位统一社会信用代码', '职称', '专业领域', '所在区', '手机', '电子邮箱'] as const;
export const expertImportResultSchema = z.object({
  imported: z.boolean(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  experts: z.array(z.object({ row: z.number(), username: z.string(), name: z.string(), temporaryPassword: z.string() })),
});
export type ExpertImportResult = z.infer<typeof expertImportResultSchema>;

export const conflictDtoSchema = z.object({
  id: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  expertEmployer: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  applicantName: z.string(),
  type: z.enum(CONFLICT_TYPES),
  evidence: z.string(),
  source: z.enum(CONFLICT_SOURCES),
  decision: z.enum(CONFLICT_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  version: z.number(),
});
export type ConflictDto = z.infer<typeof conflictDtoSchema>;

export const conflictDecisionSchema = z.object({
  decision: z.enum(CONFLICT_DECISIONS, { message: '处理结果应为确认回避或不需回避' }),
  reason: text('处理说明', 200),
  version: z.number().int(),
});

/** 回避 decided by the commission itself (e.g. a relation it learned of): recorded as `decided`, confirmed. */
export const conflictCreateSchema = z.object({
  expertId: z.string().uuid('请选择专家'),
  projectId: z.string().uuid('请选择项目'),
  type: z.enum(CONFLICT_TYPES, { message: '请选择回避类型' }),
  reason: text('回避理由', 200),
});
