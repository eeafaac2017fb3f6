/**
 * 立项审核 (program step 2) — DTOs of the commission's approval API (src/server/approvals).
 * Used by server and web.
 */
import { z } from 'zod';
import { DIRECTIONS } from '../domain/application-form';
import { pagedSchema, pageQuerySchema } from './auth';
import { campaignYearField } from '../domain/campaign-config';
import { projectStateSchema } from './recommendations';

/** The states a 立项审核 list shows: awaiting decision, and the two outcomes. */
export const DECISION_STATES = ['under_review', 'approved', 'rejected'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

/** 不予立项 reasons are shown to the applicant and its recommender: say something. */
export const MIN_REJECT_REASON_LENGTH = 4;
/** One bulk approve: the most a reviewer selects on a page (pageSize max). */
export const MAX_BULK_APPROVE = 200;
export const MAX_REJECT_REASON_LENGTH = 2000;

export const APPROVAL_SORTS = ['submittedAt', 'name', 'applicationNo', 'projectNo', 'recommender', 'decidedAt'] as const;

export const approvalFilterSchema = z.object({
  /** Searches 项目名称, 申报单位, 申报编号 and 立项编号. */
  q: z.string().trim().max(100).optional(),
  /** 年度 (absent → the current campaign by date). */
  year: campaignYearField.optional(),
  /** One of the decision states; absent → all three. */
  state: z.enum(DECISION_STATES).optional(),
  recommenderOrgId: z.string().uuid().optional(),
  direction: z.enum(DIRECTIONS).optional(),
  chain: z.string().trim().max(50).optional(),
  /** 申报单位所在区 (organisations.district, e.g. 滨海新区). */
  district: z.string().trim().max(20, '所在区最多20个字').optional(),
  /** 雷同提示: flagged → only projects with the duplicate flag; clear → only those without. */
  duplicate: z.enum(['flagged', 'clear'], { error: '雷同提示筛选只能是 flagged 或 clear' }).optional(),
  /** 申报条件检查: problems → a failed or warning item in the submit-time eligibility snapshot. */
  eligibility: z.enum(['problems', 'ok'], { error: '申报条件筛选只能是 problems 或 ok' }).optional(),
  /** 倾斜支持: preferred → the campaign's preferred directions (质量共性技术攻关) first, then `sort`. */
  priority: z.enum(['preferred'], { error: '排序方式只能是 preferred（共性技术优先）' }).optional(),
  sort: z.enum(APPROVAL_SORTS).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ApprovalFilter = z.infer<typeof approvalFilterSchema>;
export const approvalQuerySchema = approvalFilterSchema.extend(pageQuerySchema.shape);

export const approvalItemSchema = z.object({
  id: z.string(),
  applicationNo: z.string().nullable(),
  projectNo: z.string().nullable(),
  name: z.string(),
  applicantOrgId: z.string(),
  applicantName: z.string(),
  recommenderOrgId: z.string().nullable(),
  recommenderName: z.string().nullable(),
  direction: z.string().nullable(),
  directionLabel: z.string().nullable(),
  chain: z.string().nullable(),
  state: projectStateSchema,
  stateLabel: z.string(),
  submittedAt: z.string().nullable(),
  recommendOrder: z.number().int().nullable(),
  recommendationOpinion: z.string().nullable(),
  duplicateScore: z.number().nullable(),
  duplicateFlag: z.boolean(),
  /** Listed with a failed or warning item in its submit-time eligibility check. */
  eligibilityProblems: z.array(z.string()),
  /** Its direction is one the campaign supports preferentially (倾斜支持, 质量共性技术攻关). */
  preferred: z.boolean(),
  batchId: z.string().nullable(),
  /** 不予立项 reason (state rejected). */
  rejectReason: z.string().nullable(),
  /** When approved / rejected. */
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;

export const approvalListSchema = pagedSchema(approvalItemSchema).extend({
  /** Rows per decision state under the same search and filters except `state` (for the tabs). */
  counts: z.object({ under_review: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
  /** Whether decisions may be taken now (server clock) and from when. */
  decisions: z.object({ open: z.boolean(), opensAt: z.string(), message: z.string().nullable() }),
});
export type ApprovalList = z.infer<typeof approvalListSchema>;

export const approveRequestSchema = z.object({ version: z.number().int().min(1) });
export const rejectRequestSchema = z.object({
  version: z.number().int().min(1),
  /** Checked by the command so the refusal names the field (请填写不予立项的原因). */
  reason: z.string().max(2000).optional(),
});
/** 批量不予立项: one reason shared by every selected project (checked by the command, field `reason`). */
export const bulkRejectRequestSchema = z.object({
  items: z
    .array(z.object({ id: z.string().uuid(), version: z.number().int().min(1) }))
    .min(1, '请至少选择一个项目')
    .max(MAX_BULK_APPROVE, `每次最多选择${MAX_BULK_APPROVE}个项目`),
  reason: z.string().max(MAX_REJECT_REASON_LENGTH, `不予立项的原因最多${MAX_REJECT_REASON_LENGTH}个字`).optional(),
});
export const bulkApproveRequestSchema = z.object({
  items: z
    .array(z.object({ id: z.string().uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(MAX_BULK_APPROVE),
});

export const decisionResultSchema = z.object({
  id: z.string(),
  state: projectStateSchema,
  stateLabel: z.string(),
  version: z.number().int(),
  projectNo: z.string().nullable(),
  rejectReason: z.string().nullable(),
});
export type DecisionResult = z.infer<typeof decisionResultSchema>;
export const bulkDecisionResultSchema = z.object({ items: z.array(decisionResultSchema) });
