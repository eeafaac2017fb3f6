/**
 * The API of 程序一 项目申报 (issue 4), as zod schemas shared by the server (request validation,
 * OpenAPI) and the web client (types, client-side checks). Every user-facing text the server puts
 * in these DTOs is Simplified Chinese.
 *
 * Routes (all JSON unless noted; errors are `apiErrorSchema` {code, message, fields?}):
 *   注册           POST /api/public/register                 registerRequestSchema → registerResponseSchema
 *                  GET  /api/public/uscc/:code               → usccCheckResponseSchema
 *                  GET  /api/public/recommenders?uscc=       → recommenderListResponseSchema
 *   单位认可       GET  /api/applicant/organisation          → applicantOrganisationSchema
 *                  POST /api/applicant/organisation/recognition  recognitionEvidenceRequestSchema → applicantOrganisationSchema
 *                  GET  /api/recommender/recognitions        → recognitionQueueResponseSchema
 *                  GET  /api/recommender/organisations/:id/recognition/evidence  (file download)
 *                  POST /api/recommender/organisations/:id/recognition  recognitionDecisionRequestSchema → recognitionQueueItemSchema
 *   申报书         POST /api/applications                    createApplicationRequestSchema → applicationDetailSchema
 *                  GET  /api/applications                    applicationListQuerySchema → applicationListResponseSchema
 *                  GET  /api/applications/:id                → applicationDetailSchema
 *                  PUT  /api/applications/:id/draft          saveDraftRequestSchema → saveDraftResponseSchema | 409 staleDraftResponseSchema
 *                  POST /api/applications/:id/check          → applicationCheckSchema
 *                  POST /api/applications/:id/duplicates     → duplicateCheckSchema
 *                  POST /api/applications/:id/submit         submitApplicationRequestSchema (+ Idempotency-Key) → submitApplicationResponseSchema
 *                  POST /api/applications/:id/withdraw       versionRequestSchema → applicationStateResponseSchema
 *                  POST /api/applications/:id/reopen         versionRequestSchema → applicationStateResponseSchema
 *                  DELETE /api/applications/:id              → okSchema
 *                  GET  /api/applications/:id/versions/:n    → applicationVersionSchema
 *                  GET  /api/applications/:id/export.docx | export.pdf  (file download)
 *   历年成果       GET  /api/commission/history/template.xlsx (file download)
 *                  POST /api/commission/history/import?kind= (multipart, field `file`) → historyImportResponseSchema
 *                  GET  /api/commission/history              historyListQuerySchema → historyListResponseSchema
 */
import { z } from 'zod';
import { ACTION_LABELS, PROJECT_STATE_LABELS, PROJECT_STATES, type ProjectAction } from '../domain/project-workflow';
import { HISTORY_KINDS, RECOGNITION_STATUSES, RECOMMENDER_SUBTYPES, type RecognitionStatus } from '../domain/vocabularies';
import { applicationFormSchema, DIRECTIONS, UNIT_NATURES } from '../domain/application-form';

// ---------------------------------------------------------------------------------------------
// registration

export const USERNAME_RE = /^[a-zA-Z0-9_.-]+$/;
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请输入11位手机号码或带区号的固定电话');

export const registerRequestSchema = z.object({
  organisation: z.object({
    name: z.string().trim().min(2).max(100),
    uscc: z.string().trim().min(1).max(40),
    nature: z.enum(UNIT_NATURES),
    address: z.string().trim().min(2).max(200),
    contactName: z.string().trim().min(1).max(50),
    contactPhone: phone,
    /** Optional: the recommender the applicant chooses; default = its district bureau (from the code). */
    recommenderOrgId: z.string().uuid().optional(),
  }),
  account: z.object({
    username: z.string().trim().min(3).max(64).regex(USERNAME_RE, '只能包含字母、数字、下划线、点和短横线'),
    displayName: z.string().trim().min(1).max(50),
    phone,
    email: z.string().trim().email().max(100),
    password: z.string().min(1).max(200),
  }),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export { RECOGNITION_STATUSES, RECOMMENDER_SUBTYPES, HISTORY_KINDS, type RecognitionStatus };
export const RECOGNITION_STATUS_LABELS: Record<RecognitionStatus, string> = {
  not_needed: '无需认可（天津市注册）',
  pending: '待推荐单位确认',
  recognised: '已确认认可',
  rejected: '未予确认',
};

export const RECOMMENDER_SUBTYPE_LABELS: Record<(typeof RECOMMENDER_SUBTYPES)[number], string> = {
  district_bureau: '区市场监督管理部门',
  industry_department: '市级行业主管部门',
  association: '行业协会',
};

export const orgRefSchema = z.object({ id: z.string(), name: z.string() });

export const applicantOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  nature: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  recognitionStatus: z.enum(RECOGNITION_STATUSES),
  recognitionStatusLabel: z.string(),
  recognitionFileId: z.string().nullable(),
  defaultRecommender: orgRefSchema.nullable(),
  version: z.number().int(),
});
export type ApplicantOrganisation = z.infer<typeof applicantOrganisationSchema>;

export const registerResponseSchema = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.literal('applicant') }),
  organisation: applicantOrganisationSchema,
  /** Chinese next steps (e.g. upload the recognition evidence). */
  notices: z.array(z.string()),
});
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

export const usccCheckResponseSchema = z.object({
  valid: z.boolean(),
  normalized: z.string(),
  tianjin: z.boolean(),
  divisionCode: z.string().optional(),
  district: z.string().optional(),
  /** The default recommender for this code (district bureau); absent for municipal-level codes. */
  defaultRecommender: orgRefSchema.optional(),
  errors: z.array(z.object({ message: z.string(), position: z.number().int().optional() })),
  /** 机构类别 from chars 1–2, e.g. "企业"; and why it may not register when it may not. */
  categoryName: z.string().optional(),
  categoryRefusal: z.string().optional(),
  /** The withdrawn division the code was issued under, e.g. "塘沽区（2009年撤销，今属滨海新区）". */
  formerDivision: z.string().optional(),
});
export type UsccCheckResponse = z.infer<typeof usccCheckResponseSchema>;

export const recommenderOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  subtype: z.enum(RECOMMENDER_SUBTYPES),
  subtypeLabel: z.string(),
  district: z.string().nullable(),
});
export const recommenderListResponseSchema = z.object({
  items: z.array(recommenderOptionSchema),
  /** When `?uscc=` was given: the district bureau of its division code (null for municipal-level codes). */
  defaultRecommenderId: z.string().nullable(),
});
export type RecommenderOption = z.infer<typeof recommenderOptionSchema>;

export const recognitionEvidenceRequestSchema = z.object({ fileId: z.string().uuid() });
export const recognitionDecisionRequestSchema = z.object({
  decision: z.enum(['confirm', 'reject']),
  reason: z.string().trim().max(500).default(''),
});
export const recognitionQueueItemSchema = z.object({
  organisationId: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  recognitionStatus: z.enum(RECOGNITION_STATUSES),
  evidence: z.object({ fileId: z.string(), fileName: z.string(), size: z.number() }).nullable(),
  updatedAt: z.string(),
});
export const recognitionQueueResponseSchema = z.object({ items: z.array(recognitionQueueItemSchema) });

// ---------------------------------------------------------------------------------------------
// applications

export const projectStateSchema = z.enum(PROJECT_STATES);

/** What the current user may do with an application now (buttons); `reason` says why not. */
export const APPLICATION_ACTIONS = ['edit', 'check', 'submit', 'withdraw', 'reopen_draft', 'delete_draft', 'export', 'return', 'recommend', 'decline'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];
export const APPLICATION_ACTION_LABELS: Record<ApplicationAction, string> = {
  edit: '保存草稿',
  check: '提交前检查',
  submit: ACTION_LABELS.submit,
  withdraw: ACTION_LABELS.withdraw,
  reopen_draft: ACTION_LABELS.reopen_draft,
  delete_draft: ACTION_LABELS.delete_draft,
  export: '导出申报书',
  return: ACTION_LABELS.return,
  recommend: ACTION_LABELS.recommend,
  decline: ACTION_LABELS.decline,
};
export const actionSchema = z.object({ action: z.enum(APPLICATION_ACTIONS), label: z.string(), allowed: z.boolean(), reason: z.string().optional() });

export const fieldIssueSchema = z.object({ path: z.string(), label: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) });
export const eligibilityItemSchema = z.object({
  id: z.enum(['registration', 'benefit', 'start_date', 'not_duplicate']),
  label: z.string(),
  status: z.enum(['pass', 'fail', 'pending', 'warning']),
  message: z.string(),
  blocking: z.boolean(),
});
export const nameViolationSchema = z.object({ ruleId: z.string(), severity: z.enum(['error', 'warning']), message: z.string(), suggestion: z.string().optional() });

const range = z.tuple([z.number().int(), z.number().int()]);
/** One near-duplicate. Ranges are half-open UTF-16 [start, end) into the texts (for highlighting). */
export const duplicateMatchSchema = z.object({
  /** historical = 历年成果（已公布）; application = 本年度其他申报 */
  source: z.enum(['historical', 'application']),
  sourceLabel: z.string(),
  /** Historical result id / project id. Omitted for other applicants' applications when shown to an applicant. */
  id: z.string().optional(),
  score: z.number(),
  fieldScores: z.record(z.string(), z.number()),
  name: z.string(),
  unitName: z.string().optional(),
  year: z.number().int().optional(),
  level: z.string().optional(),
  applicationNo: z.string().optional(),
  /** Fields compared: name=项目名称, problem=质量问题/立项背景, goals=攻关目标, route=技术路线. */
  overlaps: z.array(z.object({ field: z.string(), fieldLabel: z.string(), queryRanges: z.array(range), targetRanges: z.array(range).optional() })),
  /** Why it matched: synonym pairs (this application's word / the compared text's word, both read as `canonical`). */
  synonyms: z.array(z.object({ field: z.string(), fieldLabel: z.string(), query: z.string(), target: z.string(), canonical: z.string() })).optional(),
  /** Why it matched: the rarest words both texts use (omitted for confidential same-year applications). */
  sharedTerms: z.array(z.string()).optional(),
  /** Compared texts of the matched record (historical results, or for recommender/commission the other application). */
  targetTexts: z.record(z.string(), z.string()).optional(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const duplicateCheckSchema = z.object({
  topScore: z.number().nullable(),
  flagged: z.boolean(),
  flagThreshold: z.number(),
  showThreshold: z.number(),
  /** The texts the ranges refer to (the application side). */
  query: z.record(z.string(), z.string()),
  matches: z.array(duplicateMatchSchema),
});
export type DuplicateCheck = z.infer<typeof duplicateCheckSchema>;

export const windowInfoSchema = z.object({ open: z.boolean(), closesAt: z.string(), viaReopening: z.boolean(), message: z.string().optional() });

export const applicationCheckSchema = z.object({
  /** True when nothing blocks a submit (errors, blocking eligibility, closed window). */
  ok: z.boolean(),
  fieldIssues: z.array(fieldIssueSchema),
  /** `fields` map of the blocking issues, as a submit refusal would answer (path → Chinese message). */
  fields: z.record(z.string(), z.string()),
  eligibility: z.array(eligibilityItemSchema),
  naming: z.array(nameViolationSchema),
  duplicates: duplicateCheckSchema,
  window: windowInfoSchema,
});
export type ApplicationCheck = z.infer<typeof applicationCheckSchema>;

export const reviewCommentSchema = z.object({
  path: z.string(),
  label: z.string(),
  comment: z.string(),
  reviewerOrgName: z.string().nullable(),
  at: z.string(),
});

export const versionRefSchema = z.object({ versionNo: z.number().int(), submittedAt: z.string(), submittedBy: z.string().nullable() });

export const applicationDetailSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignYear: z.number().int(),
  state: projectStateSchema,
  stateLabel: z.string(),
  /** Optimistic-concurrency version: send it back with every write. */
  version: z.number().int(),
  submittedVersion: z.number().int(),
  applicationNo: z.string().nullable(),
  projectNo: z.string().nullable(),
  name: z.string(),
  direction: z.enum(DIRECTIONS).nullable(),
  applicant: orgRefSchema,
  recommender: orgRefSchema.nullable(),
  /**
   * The 申报书. The applicant sees its own working copy with ID numbers in full (it edits them);
   * everyone else sees the last SUBMITTED version with team ID numbers masked (`1201**********1234`).
   */
  form: applicationFormSchema,
  idNumbersMasked: z.boolean(),
  actions: z.array(actionSchema),
  /** The recommender's per-field comments of its last 退回补正 (path → comment), shown beside the fields. */
  reviewComments: z.array(reviewCommentSchema),
  /** The reason of the last return / decline / rejection, visible to the applicant. */
  lastReason: z.string().nullable(),
  versions: z.array(versionRefSchema),
  duplicates: duplicateCheckSchema,
  /** Stored duplicate flag (set at submit when the score reaches the campaign threshold). */
  duplicateFlag: z.boolean(),
  eligibility: z.array(eligibilityItemSchema),
  naming: z.array(nameViolationSchema),
  window: windowInfoSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const createApplicationRequestSchema = z.object({
  direction: z.enum(DIRECTIONS).optional(),
  name: z.string().max(100).optional(),
  /** Default: the organisation's default recommender. */
  recommenderOrgId: z.string().uuid().optional(),
});

export const saveDraftRequestSchema = z.object({
  version: z.number().int().min(1),
  form: applicationFormSchema,
  recommenderOrgId: z.string().uuid().nullable().optional(),
});
export type SaveDraftRequest = z.infer<typeof saveDraftRequestSchema>;

export const saveDraftResponseSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  naming: z.array(nameViolationSchema),
  /** Format problems kept in the draft (phones, e-mails, codes, dates): warnings now, errors at check/submit. */
  warnings: z.array(fieldIssueSchema),
});

/** 409 answer of a stale autosave: the server copy, so the client can offer a merge. */
export const staleDraftResponseSchema = z.object({
  code: z.literal('stale_version'),
  message: z.string(),
  requestId: z.string().optional(),
  current: z.object({ version: z.number().int(), state: projectStateSchema, form: applicationFormSchema, recommenderOrgId: z.string().nullable(), updatedAt: z.string() }),
});

export const versionRequestSchema = z.object({ version: z.number().int().min(1) });
export const submitApplicationRequestSchema = versionRequestSchema;
export const submitApplicationResponseSchema = z.object({
  id: z.string(),
  state: projectStateSchema,
  stateLabel: z.string(),
  version: z.number().int(),
  applicationNo: z.string(),
  submittedVersion: z.number().int(),
  submittedAt: z.string(),
  duplicateFlag: z.boolean(),
  duplicateScore: z.number().nullable(),
  warnings: z.array(fieldIssueSchema),
});
export const applicationStateResponseSchema = z.object({ id: z.string(), state: projectStateSchema, stateLabel: z.string(), version: z.number().int() });

export const applicationListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  state: projectStateSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const applicationListItemSchema = z.object({
  id: z.string(),
  campaignYear: z.number().int(),
  name: z.string(),
  applicationNo: z.string().nullable(),
  /** 立项编号, once approved (立项审核). */
  projectNo: z.string().nullable(),
  state: projectStateSchema,
  stateLabel: z.string(),
  direction: z.enum(DIRECTIONS).nullable(),
  directionLabel: z.string().nullable(),
  chain: z.string().nullable(),
  applicantName: z.string(),
  recommenderName: z.string().nullable(),
  version: z.number().int(),
  duplicateFlag: z.boolean(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export const applicationListResponseSchema = z.object({ items: z.array(applicationListItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type ApplicationListItem = z.infer<typeof applicationListItemSchema>;

export const applicationVersionSchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  submittedAt: z.string(),
  form: applicationFormSchema,
  idNumbersMasked: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// historical results (commission)

export const HISTORY_KIND_LABELS: Record<(typeof HISTORY_KINDS)[number], string> = { excellent_result: '历年优秀成果', past_project: '历年攻关项目' };
/** Column headers of the import template, in order. */
export const HISTORY_COLUMNS = ['年度', '项目名称', '完成单位', '所属产业链', '质量问题', '攻关目标', '技术路线', '成果等级'] as const;

export const historyListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  kind: z.enum(HISTORY_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const historicalResultSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  unitName: z.string(),
  chain: z.string().nullable(),
  problem: z.string().nullable(),
  goals: z.string().nullable(),
  route: z.string().nullable(),
  level: z.string().nullable(),
  kind: z.string(),
  source: z.string(),
});
export const historyListResponseSchema = z.object({ items: z.array(historicalResultSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const historyImportResponseSchema = z.object({ imported: z.number().int(), kind: z.enum(HISTORY_KINDS), years: z.array(z.number().int()) });

export { PROJECT_STATE_LABELS, type ProjectAction };
