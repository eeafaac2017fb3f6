/**
 * 项目申报（推荐单位）and 推荐批次 — the DTOs of the recommender and commission APIs
 * (src/server/recommendations). Used by server and web.
 */
import { z } from 'zod';
import { PROJECT_STATES, PROJECT_STATE_LABELS } from '../domain/project-workflow';
import { BATCH_STATES, RECOMMENDER_SUBTYPES, type BatchState } from '../domain/vocabularies';
import { DIRECTIONS } from '../domain/application-form';
import { calendarDate } from '../domain/dates';
import { pagedSchema, pageQuerySchema } from './auth';
import { campaignYearField } from '../domain/campaign-config';

/** 推荐意见 must say something: at least this many characters (trimmed). */
export const MIN_OPINION_LENGTH = 20;
/** 退回 / 不予推荐 / 退回批次 reasons. */
export const MIN_REASON_LENGTH = 4;

export const projectStateSchema = z.enum(PROJECT_STATES);

const csvOfStates = z
  .string()
  .max(400)
  .refine((s) => s.split(',').every((x) => (PROJECT_STATES as readonly string[]).includes(x.trim())), '包含未知的状态');

// ---------------------------------------------------------------------------------------------
// Inbox (待审核申报)
// ---------------------------------------------------------------------------------------------

export const INBOX_SORTS = ['submittedAt', 'name', 'recommendOrder', 'duplicateScore'] as const;

export const inboxFilterSchema = z.object({
  /** Searches 项目名称, 申报单位 and 申报编号. */
  q: z.string().trim().max(100).optional(),
  /** 年度 (absent → the current campaign by date). */
  year: campaignYearField.optional(),
  /** One state or several, comma-separated (`submitted,returned`). */
  state: csvOfStates.optional(),
  direction: z.enum(DIRECTIONS).optional(),
  chain: z.string().trim().max(50).optional(),
  duplicateFlag: z.enum(['true', 'false']).optional(),
  sort: z.enum(INBOX_SORTS).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type InboxFilter = z.infer<typeof inboxFilterSchema>;
export const inboxQuerySchema = inboxFilterSchema.extend(pageQuerySchema.shape);

export const inboxItemSchema = z.object({
  id: z.string(),
  applicationNo: z.string().nullable(),
  /** 立项编号, once the commission approved it. */
  projectNo: z.string().nullable(),
  name: z.string(),
  applicantOrgId: z.string(),
  applicantName: z.string(),
  applicantKind: z.string().nullable(),
  direction: z.string().nullable(),
  chain: z.string().nullable(),
  state: projectStateSchema,
  stateLabel: z.string(),
  submittedAt: z.string().nullable(),
  recommendOrder: z.number().int().nullable(),
  duplicateScore: z.number().nullable(),
  duplicateFlag: z.boolean(),
  lastReason: z.string().nullable(),
  batchId: z.string().nullable(),
  version: z.number().int(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxResponseSchema = pagedSchema(inboxItemSchema).extend({
  /** Rows per state under the same search and filters except `state` (for the tabs). */
  counts: z.record(z.string(), z.number().int()),
});
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Review (审核一个申报)
// ---------------------------------------------------------------------------------------------

export const COMPLETENESS_KEYS = [
  'unit_basic',
  'project_lead',
  'project_basic',
  'project_dates',
  'content',
  'team',
  'consortium',
  'commitment',
  'veto',
  'business_licence',
  'commitment_scan',
  'org_recognition',
  'duplicate_explanation',
] as const;
export type CompletenessKey = (typeof COMPLETENESS_KEYS)[number];
export const COMPLETENESS_LABELS: Record<CompletenessKey, string> = {
  unit_basic: '申报单位基本情况（名称、统一社会信用代码、所属区、单位性质）',
  project_lead: '项目负责人及联系电话',
  project_basic: '项目名称、申报方向、所属产业链、预期成效类别',
  project_dates: '项目起止时间（2024年以来启动实施）',
  content: '立项背景、攻关目标（量化指标）、技术路线与PDCA计划',
  team: '项目组成员',
  consortium: '联合体成员（共性技术攻关须由链主企业牵头）',
  commitment: '申报单位承诺',
  veto: '否决事项声明',
  business_licence: '营业执照（或法人登记证书）',
  commitment_scan: '申报单位承诺书（盖章扫描件）',
  org_recognition: '行业主管部门认可证明',
  duplicate_explanation: '雷同情况说明',
};

export const completenessItemSchema = z.object({
  key: z.enum(COMPLETENESS_KEYS),
  label: z.string(),
  ok: z.boolean(),
  /** What is missing, in Chinese, when not ok. */
  detail: z.string().optional(),
});
export type CompletenessItem = z.infer<typeof completenessItemSchema>;

export const siteVisitSchema = z.object({
  date: calendarDate(),
  people: z.string().trim().min(1).max(200),
  findings: z.string().trim().min(1).max(3000),
});

/** 真实性核查记录: the recommender's notes and an optional 现场核查 record. */
export const authenticityInputSchema = z.object({
  confirmed: z.boolean(),
  notes: z.string().trim().max(3000).default(''),
  siteVisit: siteVisitSchema.nullable().optional(),
});
export type AuthenticityInput = z.infer<typeof authenticityInputSchema>;

export const authenticityRecordSchema = authenticityInputSchema.extend({
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});

export const REVIEW_DECISION_LABELS: Record<string, string> = {
  return: '退回补正',
  recommend: '推荐',
  decline: '不予推荐',
  unrecommend: '撤销推荐',
  authenticity: '真实性核查记录',
};

export const fieldCommentSchema = z.object({ path: z.string(), label: z.string(), comment: z.string() });

export const reviewEntrySchema = z.object({
  id: z.string(),
  stage: z.string(),
  decision: z.string(),
  decisionLabel: z.string(),
  reason: z.string().nullable(),
  fieldComments: z.array(fieldCommentSchema),
  versionNo: z.number().int().nullable(),
  reviewerName: z.string().nullable(),
  reviewerOrgName: z.string().nullable(),
  createdAt: z.string(),
});

export const reviewAttachmentSchema = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  size: z.number().nullable(),
  /** The file exists and belongs to the applicant (downloadable via GET /api/files/:id). */
  available: z.boolean(),
  mime: z.string().nullable(),
});

export const reviewActionSchema = z.object({
  action: z.enum(['return', 'recommend', 'decline', 'unrecommend']),
  label: z.string(),
  allowed: z.boolean(),
  /** Why it is not allowed now (Chinese), e.g. the completeness items still missing. */
  reasons: z.array(z.string()),
});

export const applicationReviewSchema = z.object({
  project: z.object({
    id: z.string(),
    applicationNo: z.string().nullable(),
    projectNo: z.string().nullable(),
    name: z.string(),
    state: projectStateSchema,
    stateLabel: z.string(),
    version: z.number().int(),
    submittedVersion: z.number().int(),
    submittedAt: z.string().nullable(),
    recommendOrder: z.number().int().nullable(),
    recommendationOpinion: z.string().nullable(),
    lastReason: z.string().nullable(),
    batchId: z.string().nullable(),
    campaignYear: z.number().int(),
  }),
  applicant: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    uscc: z.string().nullable(),
    district: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    /** Industry quality organisations need the recommender's confirmation (program.md §2). */
    recognitionRequired: z.boolean(),
    recognitionStatus: z.string(),
  }),
  /** The 申报书 (ApplicationForm shape) with team ID numbers masked. */
  form: z.record(z.string(), z.unknown()),
  eligibility: z.record(z.string(), z.unknown()),
  duplicate: z.object({ score: z.number().nullable(), flag: z.boolean(), matches: z.array(z.unknown()), explanation: z.string().nullable() }),
  attachments: z.array(reviewAttachmentSchema),
  completeness: z.array(completenessItemSchema),
  authenticity: authenticityRecordSchema.nullable(),
  reviews: z.array(reviewEntrySchema),
  versions: z.array(z.object({ versionNo: z.number().int(), submittedAt: z.string() })),
  actions: z.array(reviewActionSchema),
});
export type ApplicationReview = z.infer<typeof applicationReviewSchema>;

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

export const returnRequestSchema = z.object({
  version: z.number().int(),
  reason: z.string().max(2000),
  /** Per-field comments: 申报书 path (`content.goals`, `unit.projectLead.phone`) → comment. */
  fieldComments: z.record(z.string().max(100), z.string().trim().min(1).max(500)).default({}),
});

export const recommendRequestSchema = z.object({
  version: z.number().int(),
  opinion: z.string().max(2000),
  /** When omitted, the latest saved 真实性核查记录 is used. */
  authenticity: authenticityInputSchema.optional(),
  /** Industry quality organisations: the recommender confirms its recognition by the industry authority. */
  recognitionConfirmed: z.boolean().optional(),
});

export const declineRequestSchema = z.object({ version: z.number().int(), reason: z.string().max(2000) });
export const unrecommendRequestSchema = z.object({ version: z.number().int(), reason: z.string().max(2000).optional() });

export const projectActionResultSchema = z.object({
  id: z.string(),
  state: projectStateSchema,
  stateLabel: z.string(),
  version: z.number().int(),
  recommendOrder: z.number().int().nullable(),
});
export type ProjectActionResult = z.infer<typeof projectActionResultSchema>;

export const orderRequestSchema = z.object({ ids: z.array(z.string().uuid()).min(1).max(5000) });
export const orderResponseSchema = z.object({ items: z.array(z.object({ id: z.string(), recommendOrder: z.number().int() })) });

export const BULK_ACTIONS = ['return', 'decline', 'recommend'] as const;
/**
 * Bulk review: one shared reason (return/decline) or opinion (recommend) for all ids.
 * ALL-OR-NOTHING: one transaction; if any project is refused nothing changes and the 409/400
 * answer names every refused project in `fields` (`ids.<index>`).
 */
export const bulkRequestSchema = z.object({
  action: z.enum(BULK_ACTIONS),
  ids: z.array(z.string().uuid()).min(1).max(500),
  reason: z.string().max(2000).optional(),
  opinion: z.string().max(2000).optional(),
  /** Optional optimistic versions per id; omitted → the current version is used. */
  versions: z.record(z.string(), z.number().int()).optional(),
});
export const bulkResponseSchema = z.object({ items: z.array(projectActionResultSchema) });

// ---------------------------------------------------------------------------------------------
// Batch (推荐批次)
// ---------------------------------------------------------------------------------------------

export { BATCH_STATES, type BatchState };
export const BATCH_STATE_LABELS: Record<BatchState, string> = {
  composing: '编制中',
  sent: '已报送',
  received: '已接收',
  returned: '已退回',
};

export const READINESS_KEYS = ['projects', 'order', 'contact', 'stamped_pdf', 'stamped_after_changes', 'window'] as const;
export const readinessItemSchema = z.object({
  key: z.enum(READINESS_KEYS),
  label: z.string(),
  ok: z.boolean(),
  /** false: a warning only, sending is still possible. */
  blocking: z.boolean(),
  detail: z.string().optional(),
});

export const fileRefSchema = z.object({ fileId: z.string(), name: z.string(), size: z.number(), uploadedAt: z.string() });

export const batchProjectSchema = z.object({
  id: z.string(),
  applicationNo: z.string().nullable(),
  name: z.string(),
  applicantName: z.string(),
  direction: z.string().nullable(),
  chain: z.string().nullable(),
  state: projectStateSchema,
  recommendOrder: z.number().int().nullable(),
  version: z.number().int(),
});

export const batchSummarySchema = z.object({
  id: z.string(),
  state: z.enum(BATCH_STATES),
  stateLabel: z.string(),
  projectCount: z.number().int(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
});

export const recommenderBatchSchema = z.object({
  id: z.string(),
  state: z.enum(BATCH_STATES),
  stateLabel: z.string(),
  version: z.number().int(),
  campaignYear: z.number().int(),
  recommenderName: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  stampedPdf: fileRefSchema.nullable(),
  summaryDocx: fileRefSchema.nullable(),
  summaryXlsx: fileRefSchema.nullable(),
  projects: z.array(batchProjectSchema),
  readiness: z.array(readinessItemSchema),
  ready: z.boolean(),
  window: z.object({ open: z.boolean(), closesAt: z.string(), viaReopening: z.boolean() }),
  sentAt: z.string().nullable(),
  /** Earlier batches of this recommender in the campaign (sent / received / returned). */
  history: z.array(batchSummarySchema),
});
export type RecommenderBatch = z.infer<typeof recommenderBatchSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/, '请输入11位手机号码或带区号的固定电话');

export const batchUpdateRequestSchema = z.object({
  version: z.number().int(),
  contactName: z.string().trim().min(1).max(50),
  contactPhone: phone,
});
export const stampedRequestSchema = z.object({ version: z.number().int(), fileId: z.string().uuid() });
export const sendBatchRequestSchema = z.object({ batchId: z.string().uuid(), version: z.number().int() });

// ---------------------------------------------------------------------------------------------
// Commission side
// ---------------------------------------------------------------------------------------------

export const commissionBatchQuerySchema = z
  .object({
    state: z.enum(['sent', 'received', 'returned']).optional(),
    recommenderOrgId: z.string().uuid().optional(),
    recommenderKind: z.enum(RECOMMENDER_SUBTYPES).optional(),
    q: z.string().trim().max(100).optional(),
    /** 年度 (absent → the current campaign by date). */
    year: campaignYearField.optional(),
  })
  .extend(pageQuerySchema.shape);

export const batchCompletenessSchema = z.object({
  stampedPdf: z.boolean(),
  summaryDocx: z.boolean(),
  summaryXlsx: z.boolean(),
  /** The batch's project count matches the projects that carry its id. */
  projectsMatch: z.boolean(),
  complete: z.boolean(),
});

export const commissionBatchItemSchema = z.object({
  id: z.string(),
  state: z.enum(BATCH_STATES),
  stateLabel: z.string(),
  version: z.number().int(),
  recommenderOrgId: z.string(),
  recommenderName: z.string(),
  recommenderKind: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  projectCount: z.number().int(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  stampedPdfFileId: z.string().nullable(),
  summaryDocxFileId: z.string().nullable(),
  summaryXlsxFileId: z.string().nullable(),
  completeness: batchCompletenessSchema,
});
export const commissionBatchListSchema = pagedSchema(commissionBatchItemSchema);

export const commissionBatchDetailSchema = commissionBatchItemSchema.extend({
  campaignYear: z.number().int(),
  projects: z.array(batchProjectSchema.extend({ recommendationOpinion: z.string().nullable(), duplicateFlag: z.boolean() })),
});
export type CommissionBatchDetail = z.infer<typeof commissionBatchDetailSchema>;

export const batchVersionRequestSchema = z.object({ version: z.number().int() });
export const returnBatchRequestSchema = z.object({ version: z.number().int(), reason: z.string().max(2000) });

export const RECOMMENDER_KIND_LABELS: Record<string, string> = {
  district_bureau: '区市场监督管理部门',
  industry_department: '市级行业主管部门',
  association: '行业协会',
};

export const recommenderStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  kindLabel: z.string(),
  district: z.string().nullable(),
  /** State of the latest batch that left the recommender (`not_sent` when none). */
  batchStatus: z.enum(['not_sent', 'sent', 'received', 'returned']),
  batchStatusLabel: z.string(),
  lastSentAt: z.string().nullable(),
  batchesSent: z.number().int(),
  projectsSent: z.number().int(),
  /** Applications waiting in the recommender's inbox (submitted). */
  pendingReview: z.number().int(),
  /** Recommended but not yet sent. */
  recommendedUnsent: z.number().int(),
});
export const recommenderStatusListSchema = z.object({
  items: z.array(recommenderStatusSchema),
  districtBureaus: z.object({ total: z.number().int(), sent: z.number().int() }),
});

export const stateLabel = (s: (typeof PROJECT_STATES)[number]) => PROJECT_STATE_LABELS[s];
