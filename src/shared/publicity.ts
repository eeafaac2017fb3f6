/**
 * 公示公布 (程序八) and 宣传推广 (程序九): request schemas, DTOs and labels used by server and web.
 * Objector identity (name, contact) appears only in the commission's DTOs (`objectionDtoSchema`);
 * the public and unit-facing DTOs never carry it, nor any expert name.
 */
import { z } from 'zod';
import type { ObjectionOutcome, ObjectionState, ObjectorKind, PublicityState, ShowcaseState } from '../domain/vocabularies';
import { PHONE_HINT, PHONE_RE } from '../domain/application-format';

export const PUBLICITY_STATE_LABELS: Record<PublicityState, string> = { scheduled: '待公示', open: '公示中', closed: '公示期满', published: '已公布' };
export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = { received: '已受理', assigned: '调查核实中', concluded: '已办结' };
export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = { upheld: '异议成立', not_upheld: '异议不成立' };
export const OBJECTOR_KIND_LABELS: Record<ObjectorKind, string> = { person: '个人', organisation: '单位' };
/** 技术评定等级 as the public lists show it. */
export const SHOWCASE_STATE_LABELS: Record<ShowcaseState, string> = { draft: '待完善', proposed: '单位已提交', approved: '已公开展示', hidden: '已撤下' };

export const REASON_MIN = 4;
export const REASON_MAX = 500;
export const OBJECTION_CONTENT_MIN = 20;
export const OBJECTION_CONTENT_MAX = 3000;
export const REPLY_MIN = 10;
export const REPLY_MAX = 2000;

const ymd = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`);
const version = z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1);

/** POST /api/commission/publicity/windows — pick the list and open the 公示. */
export const openPublicityRequestSchema = z.object({
  title: text('公示标题', 1, 100),
  documentNo: text('文号', 1, 50),
  opensOn: ymd('公示开始日期'),
  projectIds: z.array(z.string().uuid('项目编号格式不正确'), { error: '请选择公示的项目' }).min(1, '请至少选择1个公示项目').max(500, '一次公示最多500个项目'),
  /**
   * Why the list differs from the evaluation groups' proposals: one reason per project added (not
   * proposed by its group) or left out (proposed, not listed).
   */
  reasons: z.record(z.string(), text('调整理由', REASON_MIN, REASON_MAX)).default({}),
});
export type OpenPublicityRequest = z.input<typeof openPublicityRequestSchema>;

/** The public columns of a listed project. */
const listedProjectSchema = z.object({
  projectId: z.string(),
  projectNo: z.string(),
  name: z.string(),
  unit: z.string(),
  district: z.string(),
  recommender: z.string(),
});

export const publicityCandidateSchema = listedProjectSchema.extend({
  level: z.string(),
  levelLabel: z.string(),
  score: z.string().nullable(),
  /** The evaluation group proposes it for recognition. */
  proposed: z.boolean(),
  version: z.number().int(),
});
export type PublicityCandidate = z.infer<typeof publicityCandidateSchema>;

export const publicityProjectSchema = listedProjectSchema.extend({
  levelLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  /** The project's version (for 撤销认定). */
  version: z.number().int(),
});

/** What every view of a 公示 window starts with. */
const windowHeaderSchema = z.object({
  id: z.string(),
  title: z.string(),
  documentNo: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.string(),
  stateLabel: z.string(),
});

export const publicityWindowSchema = windowHeaderSchema.extend({
  year: z.number().int(),
  version: z.number().int(),
  projects: z.array(publicityProjectSchema),
  selectionChanges: z.array(z.object({ projectId: z.string(), change: z.enum(['added', 'removed']), reason: z.string() })),
  listPublicationId: z.string().nullable(),
  resultPublicationId: z.string().nullable(),
  objections: z.object({ total: z.number().int(), open: z.number().int(), upheld: z.number().int() }),
});
export type PublicityWindowDto = z.infer<typeof publicityWindowSchema>;

export const publicityOverviewSchema = z.object({
  year: z.number().int(),
  workingDays: z.number().int(),
  /** The first working day from today on (the default opening day; null when the calendar does not cover it). */
  suggestedOpensOn: z.string().nullable(),
  candidates: z.array(publicityCandidateSchema),
  windows: z.array(publicityWindowSchema),
});
export type PublicityOverview = z.infer<typeof publicityOverviewSchema>;

export const publishRecognitionRequestSchema = z.object({
  version,
  title: text('认定结果标题', 1, 100),
  documentNo: text('文号', 1, 50),
});
export const revokeRecognitionRequestSchema = z.object({ version, reason: text('撤销理由', REASON_MIN, REASON_MAX) });
export const declineRecognitionRequestSchema = z.object({ version, reason: text('不予认定理由', REASON_MIN, REASON_MAX) });

/** The public 公示 page: no objector, no expert, never an internal id other than the project's. */
export const publicPublicitySchema = windowHeaderSchema.extend({
  /** Last instant objections are accepted (ISO). */
  deadline: z.string(),
  accepting: z.boolean(),
  publicationId: z.string().nullable(),
  rows: z.array(listedProjectSchema.extend({ seq: z.number().int(), level: z.string() })),
  contact: z.string(),
});
export type PublicPublicity = z.infer<typeof publicPublicitySchema>;
export const publicPublicityListSchema = z.object({ items: z.array(publicPublicitySchema.omit({ rows: true }).extend({ projectCount: z.number().int() })) });

/** POST /api/public/publicity/:id/objections — a written, named objection. */
export const objectionRequestSchema = z.object({
  projectId: z.string({ error: '请选择异议针对的项目' }).uuid('请选择异议针对的项目'),
  objectorName: text('异议人姓名或单位名称', 2, 100),
  objectorKind: z.enum(['person', 'organisation'], { error: '请选择异议人类型（个人或单位）' }),
  contact: z.string({ error: '请填写联系电话' }).trim().regex(PHONE_RE, `联系电话${PHONE_HINT}`),
  content: text('异议内容', OBJECTION_CONTENT_MIN, OBJECTION_CONTENT_MAX),
  evidenceFileId: z.string().uuid('佐证材料编号不正确').optional(),
});
export type ObjectionRequest = z.infer<typeof objectionRequestSchema>;
export const objectionReceiptSchema = z.object({ receiptNo: z.string(), receivedAt: z.string(), message: z.string() });

/** The commission's view of an objection (the only DTO with the objector's identity). */
export const objectionDtoSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  publicityId: z.string(),
  publicityTitle: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string(),
  objectorName: z.string(),
  objectorKind: z.string(),
  objectorKindLabel: z.string(),
  contact: z.string(),
  content: z.string(),
  evidence: z.object({ fileId: z.string(), name: z.string() }).nullable(),
  state: z.string(),
  stateLabel: z.string(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  assignee: z.string().nullable(),
  reply: z.string().nullable(),
  receivedAt: z.string(),
  concludedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ObjectionDto = z.infer<typeof objectionDtoSchema>;
export const assignObjectionRequestSchema = z.object({ version, assignee: text('调查核实人员', 2, 50) });
export const concludeObjectionRequestSchema = z.object({
  version,
  outcome: z.enum(['upheld', 'not_upheld'], { error: '请选择处理结论（异议成立或不成立）' }),
  reply: text('答复意见', REPLY_MIN, REPLY_MAX),
});

/** 宣传推广: a showcase entry. */
export const HIGHLIGHT_MAX = 100;
export const showcaseTextSchema = z.object({
  title: text('展示标题', 2, 60),
  summary: text('成果简介', 20, 1000),
  highlights: z.array(text('效益亮点', 2, HIGHLIGHT_MAX), { error: '请填写效益亮点' }).max(5, '效益亮点最多5条'),
});
export const proposeShowcaseRequestSchema = showcaseTextSchema.extend({ version });
export const approveShowcaseRequestSchema = showcaseTextSchema.partial().extend({ version });
export const hideShowcaseRequestSchema = z.object({ version, reason: text('撤下理由', REASON_MIN, REASON_MAX) });

export const showcaseEntrySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  year: z.number().int(),
  title: z.string(),
  unit: z.string(),
  district: z.string(),
  summary: z.string(),
  highlights: z.array(z.string()),
  levelLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number().int(),
  approvedAt: z.string().nullable(),
});
export type ShowcaseEntryDto = z.infer<typeof showcaseEntrySchema>;
export const publicShowcaseSchema = showcaseEntrySchema.omit({ state: true, stateLabel: true, version: true });
export type PublicShowcase = z.infer<typeof publicShowcaseSchema>;

export const conferenceSchema = z.object({ id: z.string(), title: z.string(), heldOn: z.string(), place: z.string(), description: z.string() });
export type ConferenceDto = z.infer<typeof conferenceSchema>;
export const conferenceRequestSchema = z.object({
  title: text('交流会名称', 2, 100),
  heldOn: ymd('举办日期'),
  place: text('举办地点', 2, 100),
  description: z.string().trim().max(500, '交流会说明不能超过500个字').default(''),
});
