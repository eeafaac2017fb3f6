/**
 * 提交成果 (程序六, issue 18): the unit of an approved project submits its result to its recommender;
 * the recommender returns it with per-field comments or accepts it, then forwards its accepted
 * results to the commission as one batch (汇总表 Word + Excel, stamped letter) by the results
 * deadline (逾期不再接收). After the deadline, projects never forwarded lapse (逾期未报送).
 *
 *   GET  /api/applicant/results                        → { items: ResultSummary[] } (own approved projects)
 *   GET  /api/applicant/results/:projectId             → ResultDetail
 *   POST /api/applicant/results/:projectId/submit      resultSubmitSchema → ResultDetail
 *   GET  /api/recommender/results                      → { items: ResultSummary[], batches }
 *   GET  /api/recommender/results/:projectId           → ResultDetail
 *   POST /api/recommender/results/:projectId/return    resultReturnSchema → ResultDetail
 *   POST /api/recommender/results/:projectId/accept    { version } → ResultDetail
 *   POST /api/recommender/results/forward              resultForwardSchema → ResultBatchDto
 *   GET  /api/results/:projectId/report.(docx|pdf)     the 成果报告 in the official layout
 */
import { z } from 'zod';
import { BENEFIT_KINDS, EVALUATION_LEVELS, RESULT_REVIEW_STATES, type BenefitKind } from '../domain/vocabularies';
import { PROJECT_STATES } from '../domain/project-workflow';
import { BATCH_STATES } from '../domain/vocabularies';
import { pagedSchema, pageQuerySchema } from './auth';
import { campaignYearField } from '../domain/campaign-config';

export const BENEFIT_KIND_LABELS: Record<BenefitKind, string> = {
  quality_indicator: '质量指标',
  economic: '经济效益',
  energy_saved: '节约能源',
  materials_saved: '节约材料',
  other: '其他效益',
};

/** The structured sections of the 成果报告, in order. */
export const RESULT_REPORT_SECTIONS = [
  ['summary', '成果概述', 2000],
  ['problem', '攻关的质量问题', 2000],
  ['measures', '主要措施与技术路线', 5000],
  ['effects', '取得的成效', 3000],
  ['innovation', '创新点与推广价值', 2000],
] as const;
export type ResultSectionKey = (typeof RESULT_REPORT_SECTIONS)[number][0];
export const RESULT_SECTION_LABELS = Object.fromEntries(RESULT_REPORT_SECTIONS.map(([k, l]) => [k, l])) as Record<ResultSectionKey, string>;

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullish().or(z.literal('').transform(() => null));

export const resultReportSchema = z.object(
  Object.fromEntries(RESULT_REPORT_SECTIONS.map(([k, label, max]) => [k, text(label, max)])) as { [K in ResultSectionKey]: z.ZodString },
);

export const benefitSchema = z.object({
  kind: z.enum(BENEFIT_KINDS, { message: '请选择效益类别' }),
  /** The implementation-plan indicator (its `id` in the project's current plan); the server fills `indicatorName` from it. */
  indicatorId: z.string().trim().max(40, '对应实施方案指标编号不能超过40个字').nullish().or(z.literal('').transform(() => null)),
  indicatorName: optionalText('对应实施方案指标', 100),
  description: text('效益说明', 500),
  before: optionalText('攻关前', 50),
  after: optionalText('攻关后', 50),
  unit: optionalText('计量单位', 20),
  amount: z.number().min(0, '金额或数量不能为负数').max(1e11, '金额或数量过大').nullish(),
  evidenceFileId: z.string().uuid('请上传佐证材料').nullish(),
});

export const resultTeamMemberSchema = z.object({
  name: text('参与人员姓名', 50),
  role: text('参与人员分工', 100),
  employer: text('参与人员工作单位', 100),
});

export const resultSubmitSchema = z.object({
  report: resultReportSchema,
  reportFileId: z.string({ message: '请上传成果报告全文' }).uuid('请上传成果报告全文'),
  processFileIds: z.array(z.string().uuid()).max(30, '过程性材料最多30个文件'),
  team: z.array(resultTeamMemberSchema).min(1, '请至少填写1名参与人员').max(50, '参与人员最多50人'),
  benefits: z.array(benefitSchema).min(1, '请至少填写1项效益数据').max(30, '效益数据最多30项'),
  version: z.number().int(),
});
export type ResultSubmitInput = z.infer<typeof resultSubmitSchema>;

/** Paths a return comment may name: the report sections, files, team, benefits. */
export const RESULT_FIELD_LABELS: Record<string, string> = {
  ...RESULT_SECTION_LABELS,
  reportFileId: '成果报告全文',
  processFileIds: '过程性材料',
  team: '参与人员',
  benefits: '效益数据',
};

/** One per-field comment of a return. */
export const resultCommentSchema = z.string().trim().min(1, '逐项意见不能为空').max(500, '逐项意见不能超过500个字');

export const resultReturnSchema = z.object({
  reason: text('退回理由', 500),
  fieldComments: z.record(z.string(), resultCommentSchema).refine((c) => Object.keys(c).every((k) => k in RESULT_FIELD_LABELS), { message: '意见只能针对成果报告的章节、文件、参与人员或效益数据' }),
  version: z.number().int(),
});

export const resultForwardSchema = z.object({
  stampedPdfFileId: z.string({ message: '请上传盖章版报送函（PDF）' }).uuid('请上传盖章版报送函（PDF）'),
  contactName: text('联系人', 50),
  contactPhone: z.string().trim().regex(/^[0-9+\-\s]{7,20}$/, '联系电话应为7-20位数字'),
});

const fileRef = z.object({ fileId: z.string(), name: z.string() }).nullable();

export const resultSummarySchema = z.object({
  projectId: z.string(),
  projectNo: z.string().nullable(),
  name: z.string(),
  applicantName: z.string(),
  state: z.enum(PROJECT_STATES),
  reviewState: z.enum(RESULT_REVIEW_STATES).nullable(),
  submittedAt: z.string().nullable(),
  returnCount: z.number(),
  /** 成果评定等级, once the commission has adopted the evaluation (程序七). */
  evaluationLevel: z.enum(EVALUATION_LEVELS).nullable(),
  version: z.number(),
});
export type ResultSummary = z.infer<typeof resultSummarySchema>;

export const resultDetailSchema = resultSummarySchema.extend({
  report: z.record(z.string(), z.string()).nullable(),
  reportFile: fileRef,
  processFiles: z.array(z.object({ fileId: z.string(), name: z.string() })),
  team: z.array(resultTeamMemberSchema),
  benefits: z.array(
    benefitSchema.extend({
      amount: z.number().nullable().optional(),
      /** The linked indicator as planned (current plan): shown beside the result's before/after. */
      planned: z.object({ name: z.string(), unit: z.string(), baseline: z.number(), target: z.number() }).nullable(),
    }),
  ),
  /** The indicators of the project's current implementation plan, to link benefits to (empty without a plan). */
  planIndicators: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string(), baseline: z.number(), target: z.number() })),
  fieldComments: z.record(z.string(), z.string()),
  lastReason: z.string().nullable(),
  resultVersion: z.number().nullable(),
  deadline: z.string(),
  windowOpen: z.boolean(),
});
export type ResultDetail = z.infer<typeof resultDetailSchema>;

export const resultBatchDtoSchema = z.object({
  id: z.string(),
  state: z.enum(BATCH_STATES),
  stateLabel: z.string(),
  version: z.number(),
  receivedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  projectCount: z.number(),
  sentAt: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  summaryDocx: fileRef,
  summaryXlsx: fileRef,
  stampedPdf: fileRef,
});
export type ResultBatchDto = z.infer<typeof resultBatchDtoSchema>;

export const recommenderResultsSchema = z.object({
  items: z.array(resultSummarySchema),
  batches: z.array(resultBatchDtoSchema),
  deadline: z.string(),
  windowOpen: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// 成果批次 on the commission side: list (all recommenders), detail, 签收 / 退回 (issue 18)
//   GET  /api/commission/result-batches               resultBatchQuerySchema → paged CommissionResultBatchItem
//   GET  /api/commission/result-batches/:id           → CommissionResultBatchDetail
//   POST /api/commission/result-batches/:id/receive   { version } → CommissionResultBatchItem
//   POST /api/commission/result-batches/:id/return    { version, reason ≥ 4 字 } → CommissionResultBatchItem
// ---------------------------------------------------------------------------------------------

export const resultBatchQuerySchema = z
  .object({
    state: z.enum(['sent', 'received', 'returned']).optional(),
    recommenderOrgId: z.string().uuid().optional(),
    q: z.string().trim().max(100, '推荐单位名称不能超过100个字').optional(),
    year: campaignYearField.optional(),
  })
  .extend(pageQuerySchema.shape);

export const commissionResultBatchItemSchema = resultBatchDtoSchema.extend({
  recommenderOrgId: z.string(),
  recommenderName: z.string(),
  returnedAt: z.string().nullable(),
});
export type CommissionResultBatchItem = z.infer<typeof commissionResultBatchItemSchema>;
export const commissionResultBatchListSchema = pagedSchema(commissionResultBatchItemSchema);

export const commissionResultBatchDetailSchema = commissionResultBatchItemSchema.extend({
  campaignYear: z.number(),
  /** The projects that went with the batch (also after a return: then in their current state). */
  projects: z.array(resultSummarySchema),
});
export type CommissionResultBatchDetail = z.infer<typeof commissionResultBatchDetailSchema>;
