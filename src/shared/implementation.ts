/**
 * 项目实施 / 跟踪服务 (程序四、五; issue 17): request schemas and labels shared by server and web.
 * Dates are Beijing calendar dates `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { PDCA_LABELS, QUALITY_TOOLS, type ReportStatus } from '../domain/implementation';
import { PDCA_PHASES, SUPPORT_CATEGORIES, TRACKING_ITEM_KINDS, TRACKING_ITEM_STATES, VISIT_KINDS, type SupportCategory, type TrackingItemKind, type TrackingItemState, type VisitKind } from '../domain/vocabularies';
import { calendarDate } from '../domain/dates';

export { PDCA_LABELS, QUALITY_TOOLS, PDCA_PHASES, SUPPORT_CATEGORIES, TRACKING_ITEM_KINDS, TRACKING_ITEM_STATES, VISIT_KINDS };

const day = calendarDate();
const text = (min: number, max: number) => z.string().trim().min(min, `至少${min}个字`).max(max, `最多${max}个字`);
const localId = z.string().trim().min(1).max(40);

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  upcoming: '未到期',
  due_soon: '即将到期',
  late: '已逾期',
  submitted: '已报送',
  submitted_late: '逾期报送',
};
export const TRACKING_ITEM_KIND_LABELS: Record<TrackingItemKind, string> = { guidance: '指导意见', problem: '问题', support: '质量基础设施支撑' };
export const TRACKING_ITEM_STATE_LABELS: Record<TrackingItemState, string> = { open: '待答复', answered: '已答复', closed: '已关闭' };
export const SUPPORT_CATEGORY_LABELS: Record<SupportCategory, string> = { metrology: '计量', standards: '标准', testing: '检验检测', certification: '认证认可' };
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { visit: '走访', inspection: '检查' };

export const planSchema = z.object({
  goal: text(5, 1000),
  startOn: day,
  endOn: day,
  stages: z
    .array(z.object({ id: localId, phase: z.enum(PDCA_PHASES), title: text(2, 100), description: z.string().trim().max(2000, '最多2000个字').default('') }))
    .min(1, '至少填写一个实施阶段')
    .max(40, '最多40个阶段'),
  milestones: z
    .array(z.object({ id: localId, phase: z.enum(PDCA_PHASES), title: text(2, 100), dueOn: day, owner: text(2, 50), doneOn: day.nullable().default(null) }))
    .max(60, '最多60个里程碑')
    .default([]),
  indicators: z
    .array(z.object({ id: localId, name: text(2, 60), unit: text(1, 20), baseline: z.number().finite(), target: z.number().finite() }))
    .min(1, '至少填写一个攻关指标')
    .max(20, '最多20个指标'),
  qualityTools: z.array(text(1, 30)).max(30, '最多30种质量工具').default([]),
});
export type ImplementationPlan = z.infer<typeof planSchema>;

export const planSaveSchema = z.object({
  plan: planSchema,
  /** false: save the draft (only before the first submission). */
  submit: z.boolean(),
  /** Required for an adjustment (策略调整) after the first submission. */
  reason: z.string().trim().max(1000, '最多1000个字').optional(),
  /** The plan's version as read (0 when there is no plan yet). */
  version: z.number().int().min(0),
});
export type PlanSave = z.infer<typeof planSaveSchema>;

export const measurementSchema = z.object({ indicatorId: localId, value: z.number().finite(), measuredOn: day });

export const reportInputSchema = z.object({
  /** A scheduled period (`2026-05` / `2026-Q2`) or `milestone:<id>` for an ad-hoc report. */
  period: z.string().trim().min(1).max(60),
  done: text(5, 5000),
  measurements: z.array(measurementSchema).max(100).default([]),
  problems: z.string().trim().max(3000, '最多3000个字').default(''),
  nextSteps: text(2, 3000),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const materialInputSchema = z.object({
  phase: z.enum(PDCA_PHASES),
  milestoneId: z.string().trim().max(40).nullable().default(null),
  title: text(2, 100),
  fileId: z.string().uuid(),
  /** A new version of this material (the old one is superseded, never deleted). */
  supersedesId: z.string().uuid().nullable().default(null),
});
export type MaterialInput = z.infer<typeof materialInputSchema>;

export const visitInputSchema = z.object({
  kind: z.enum(VISIT_KINDS),
  visitedOn: day,
  participants: text(2, 300),
  findings: text(5, 5000),
  fileIds: z.array(z.string().uuid()).max(20).default([]),
  /** 指导意见 given at this visit (the unit answers each). */
  guidance: z.array(text(5, 2000)).max(10).default([]),
});
export type VisitInput = z.infer<typeof visitInputSchema>;

export const itemInputSchema = z.object({
  kind: z.enum(TRACKING_ITEM_KINDS),
  category: z.enum(SUPPORT_CATEGORIES).nullable().default(null),
  content: text(5, 2000),
});
export type ItemInput = z.infer<typeof itemInputSchema>;

export const itemAnswerSchema = z.object({ answer: text(2, 2000), version: z.number().int().min(1) });
export const itemCloseSchema = z.object({ note: z.string().trim().max(1000, '最多1000个字').default(''), version: z.number().int().min(1) });

export const trackingListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  late: z.enum(['yes', 'no']).optional(),
  district: z.string().trim().max(20).optional(),
  chain: z.string().trim().max(60).optional(),
});
export type TrackingListQuery = z.infer<typeof trackingListQuerySchema>;

export interface TrackingRow {
  id: string;
  name: string;
  projectNo: string | null;
  applicantName: string;
  recommenderName: string | null;
  district: string | null;
  chain: string | null;
  planStatus: 'none' | 'draft' | 'submitted';
  adjustments: number;
  reportsDue: number;
  reportsLate: number;
  milestonesAtRisk: number;
  openItems: number;
  lastReportAt: string | null;
}

/** Response shapes (the DTOs are built by src/server/implementation and src/server/tracking). */
export const idResultSchema = z.looseObject({ id: z.string() });
export const projectViewSchema = z.looseObject({ project: z.looseObject({ id: z.string(), name: z.string() }) });
export const trackingListSchema = z.looseObject({ items: z.array(z.any()) });
export const trackingOverviewSchema = z.looseObject({ byDistrict: z.array(z.looseObject({ key: z.string() })), byChain: z.array(z.looseObject({ key: z.string() })) });
