/**
 * 成果评定 (程序七): evaluation groups drawn from the expert pool, expert tasks (accept, 回避
 * declaration, scoring) and the group's conclusions. Expert names appear only in commission payloads
 * and in the expert's own task; applicants and recommenders only ever see the adopted level.
 *
 *   GET  /api/commission/evaluation/fields                 ?year → { items: FieldOption[] }
 *   GET  /api/commission/evaluation/groups                 ?year&state&q&page&pageSize → paged GroupSummary
 *   POST /api/commission/evaluation/groups                 groupCreateSchema → GroupDetail (+ seed)
 *   GET  /api/commission/evaluation/groups/:id             → GroupDetail
 *   POST /api/commission/evaluation/groups/:id/redraw      { seed?, version } → GroupDetail (+ seed)
 *   POST /api/commission/evaluation/groups/:id/replace     { out, in, reason, version } → GroupDetail
 *   POST /api/commission/evaluation/groups/:id/commit      { version } → GroupDetail
 *   POST /api/commission/evaluation/groups/:id/projects/:projectId/conclude  { opinion, proposed, version } → GroupDetail
 *   POST /api/commission/evaluation/groups/:id/adopt       { version } → GroupDetail
 *   GET  /api/expert/tasks                                 → { items: ExpertTaskSummary[] }
 *   GET  /api/expert/tasks/:id                             → ExpertTaskDetail
 *   POST /api/expert/tasks/:id/accept | decline | declaration | submit;  PUT /api/expert/tasks/:id/scores
 *   GET  /api/expert/tasks/:id/files/:fileId               (materials, only with an open task)
 */
import { z } from 'zod';
import { DEFAULT_EVALUATION_CRITERIA, type EvaluationCriteria } from '../domain/evaluation';
import { CONFLICT_TYPES } from '../domain/conflicts';
import { EVALUATION_GROUP_STATES, EVALUATION_LEVELS, EXPERT_TASK_STATES, type EvaluationGroupState, type EvaluationLevel, type ExpertTaskState } from '../domain/vocabularies';
import { campaignYearField, type CampaignConfig } from '../domain/campaign-config';
import { pagedSchema, pageQuerySchema } from './auth';
import { calendarDate } from '../domain/dates';
import { resultDetailSchema } from './results';

export const EVALUATION_GROUP_STATE_LABELS: Record<EvaluationGroupState, string> = {
  proposed: '拟定（待确认）',
  committed: '已确认',
  scoring: '评分中',
  concluded: '已出结论',
  adopted: '已采纳',
};
export const EXPERT_TASK_STATE_LABELS: Record<ExpertTaskState, string> = {
  invited: '待接受',
  accepted: '待回避声明',
  declined: '已谢绝',
  no_response: '未响应',
  conflict_declared: '已申报回避',
  scoring: '评分中',
  submitted: '已提交',
  recused: '已回避',
};
export const EVALUATION_LEVEL_LABELS: Record<EvaluationLevel, string> = { excellent: '优秀', good: '良好', qualified: '合格', unqualified: '不合格' };

/** The criteria of a campaign (absent from older configurations → the INFERRED defaults). */
export function evaluationCriteriaOf(config: Pick<CampaignConfig, 'evaluation'>): EvaluationCriteria {
  return config.evaluation ?? DEFAULT_EVALUATION_CRITERIA;
}

const version = z.number({ message: '缺少版本号' }).int();
const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)
    .refine((v) => v.length === 0 || v.length >= min, `${label}至少${min}个字`);
const seed = z.string().trim().regex(/^[0-9A-Za-z_-]{6,64}$/, '抽取种子应为6-64位字母、数字、下划线或短横线');

export const groupCreateSchema = z.object({
  year: z.number().int().min(2020).max(2100).optional(),
  field: text('评定领域', 1, 30),
  /** Absent → every project of the field that has been received and is not in a group yet. */
  projectIds: z.array(z.string().uuid()).min(1, '请至少选择1个项目').max(60, '一个评定组最多60个项目').optional(),
  seed: seed.optional(),
  deadline: calendarDate(),
});
export const groupRedrawSchema = z.object({ seed: seed.optional(), version });
export const groupReplaceSchema = z.object({
  out: z.string().uuid('请选择被替换的专家'),
  in: z.string().uuid('请选择替换专家'),
  reason: text('替换原因', 4, 200),
  version,
});
export const versionSchema = z.object({ version });
export const concludeSchema = z.object({
  opinion: text('评定组意见', 10, 2000),
  proposed: z.boolean({ message: '请选择是否推荐认定为优秀成果' }),
  version,
});

export const declineSchema = z.object({ reason: text('谢绝原因', 2, 200), version });
export const declarationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none'), statement: z.literal(true, { message: '请勾选无利害关系声明' }), version }),
  z.object({ kind: z.literal('conflict'), type: z.enum(CONFLICT_TYPES, { message: '请选择回避类型' }), description: text('回避说明', 4, 150), version }),
]);
export const scoreSheetSchema = z.object({
  // Checked as a whole so that an error names the item, never an unknown key as a field.
  items: z.record(z.string(), z.unknown()).transform((rec, ctx) => {
    for (const [k, v] of Object.entries(rec)) {
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) ctx.addIssue({ code: 'custom', message: `评分项“${k.slice(0, 40)}”的得分应为数字` });
    }
    return rec as Record<string, number | null>;
  }),
  vetoes: z.array(z.string()).max(20, '否决项最多20条'),
  opinion: z.string().max(5000, '评定意见不能超过5000个字'),
  version,
});
export type ScoreSheetInput = z.infer<typeof scoreSheetSchema>;

export const NO_CONFLICT_STATEMENT =
  '本人承诺：与所评定项目的申报单位、联合体成员单位及推荐单位无利害关系，未参与该项目的实施或指导；将独立、公正评分，对评定材料和评分结果严格保密。';

// ── DTOs ────────────────────────────────────────────────────────────────────────────────────────

export const fieldOptionSchema = z.object({ field: z.string(), waiting: z.number(), specialists: z.number() });
export type FieldOption = z.infer<typeof fieldOptionSchema>;

export const groupSummarySchema = z.object({
  id: z.string(),
  year: z.number(),
  field: z.string(),
  state: z.enum(EVALUATION_GROUP_STATES),
  projectCount: z.number(),
  memberCount: z.number(),
  submitted: z.number(),
  tasks: z.number(),
  concluded: z.number(),
  deadline: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

const sheetSchema = z.object({ items: z.record(z.string(), z.number().nullable()), vetoes: z.array(z.string()), opinion: z.string() });

export const groupDetailSchema = groupSummarySchema.extend({
  drawSeedHash: z.string().nullable(),
  /** Only in the answer of a draw: the seed to write down (it is not stored, only its hash). */
  seed: z.string().optional(),
  members: z.array(z.object({ userId: z.string(), name: z.string(), username: z.string(), employer: z.string(), title: z.string(), fields: z.array(z.string()) })),
  replacements: z.array(z.object({ out: z.string(), outName: z.string(), in: z.string(), inName: z.string(), reason: z.string(), at: z.string() })),
  candidates: z.array(z.object({ userId: z.string(), name: z.string(), employer: z.string(), fields: z.array(z.string()) })),
  projects: z.array(
    z.object({
      id: z.string(),
      projectNo: z.string().nullable(),
      name: z.string(),
      applicantName: z.string(),
      state: z.string(),
      version: z.number(),
      tasks: z.array(
        z.object({
          id: z.string(),
          expertUserId: z.string(),
          expertName: z.string(),
          state: z.enum(EXPERT_TASK_STATES),
          declineReason: z.string().nullable(),
          conflict: z.object({ type: z.string(), description: z.string() }).nullable(),
          total: z.number().nullable(),
          sheet: sheetSchema.nullable(),
        }),
      ),
      aggregate: z.object({ score: z.number(), trimmed: z.boolean(), vetoed: z.boolean(), vetoes: z.array(z.string()), level: z.enum(EVALUATION_LEVELS), expertCount: z.number() }).nullable(),
      /** Why the project cannot be concluded yet (Chinese), or null. */
      blocker: z.string().nullable(),
      outcome: z
        .object({ score: z.number().nullable(), level: z.enum(EVALUATION_LEVELS), vetoed: z.boolean(), proposed: z.boolean(), opinion: z.string(), expertCount: z.number(), adoptedAt: z.string().nullable() })
        .nullable(),
    }),
  ),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;

export const expertTaskSummarySchema = z.object({
  id: z.string(),
  groupId: z.string(),
  year: z.number(),
  field: z.string(),
  projectName: z.string(),
  projectNo: z.string().nullable(),
  state: z.enum(EXPERT_TASK_STATES),
  deadline: z.string().nullable(),
  version: z.number(),
});
export type ExpertTaskSummary = z.infer<typeof expertTaskSummarySchema>;

export const criteriaDtoSchema = z.object({
  sections: z.array(z.object({ id: z.string(), label: z.string(), items: z.array(z.object({ id: z.string(), label: z.string(), max: z.number() })) })),
  vetoItems: z.array(z.object({ id: z.string(), text: z.string() })),
  bands: z.object({ excellent: z.number(), good: z.number(), qualified: z.number() }),
  groupSize: z.number(),
  minGroupSize: z.number(),
  trimFrom: z.number(),
  generalFields: z.array(z.string()),
  opinion: z.object({ min: z.number(), max: z.number() }),
});

export const expertTaskDetailSchema = expertTaskSummarySchema.extend({
  applicantName: z.string(),
  declineReason: z.string().nullable(),
  declaration: z.object({ kind: z.enum(['none', 'conflict']), type: z.string().nullable(), description: z.string().nullable(), at: z.string() }).nullable(),
  statement: z.string(),
  criteria: criteriaDtoSchema,
  /** The result's materials: only once the task is accepted and declared free of conflict. */
  materials: resultDetailSchema.nullable(),
  sheet: sheetSchema.nullable(),
  submittedAt: z.string().nullable(),
});
export type ExpertTaskDetail = z.infer<typeof expertTaskDetailSchema>;

export const groupQuerySchema = z
  .object({
    year: campaignYearField.optional(),
    state: z.enum(EVALUATION_GROUP_STATES, { message: '状态不正确' }).optional(),
    q: z.string().trim().max(30, '搜索词不能超过30个字').optional(),
  })
  .extend(pageQuerySchema.shape);
export type GroupQuery = z.infer<typeof groupQuerySchema>;
export const groupListSchema = pagedSchema(groupSummarySchema);
