/**
 * Publications (公开发布): the commission's immutable, versioned public documents. DTOs of the
 * public API (/api/public/publications) and the commission's publish API, used by server and web.
 */
import { z } from 'zod';

/**
 * The kinds of publication, one series per campaign and kind. Only 项目计划 is published today;
 * later procedures add their code here (the label is what the public sees).
 */
export const PUBLICATION_KINDS = {
  project_plan: '项目计划',
  publicity_list: '公示名单',
  recognition_result: '认定结果',
  commendation: '通报表扬',
} as const;
export type PublicationKind = keyof typeof PUBLICATION_KINDS;
export const PUBLICATION_KIND_CODES = Object.keys(PUBLICATION_KINDS) as [PublicationKind, ...PublicationKind[]];
export const publicationKindSchema = z.enum(PUBLICATION_KIND_CODES);

/** One row of a 立项计划 (the columns the plan lists). */
export const planRowSchema = z.object({
  seq: z.number().int(),
  projectNo: z.string(),
  name: z.string(),
  unit: z.string(),
  district: z.string(),
  recommender: z.string(),
  direction: z.string(),
  chain: z.string(),
  /** 技术评定等级: the 公示名单 and 认定结果 list it (the 立项计划 does not). */
  level: z.string().optional(),
});
export type PlanRow = z.infer<typeof planRowSchema>;

export const TITLE_MAX = 100;
export const DOCUMENT_NO_MAX = 50;
export const CORRECTION_NOTE_MIN = 4;
export const CORRECTION_NOTE_MAX = 500;

/** POST /api/commission/publications/plan — publish (version 1) or correct (next version). */
export const publishPlanRequestSchema = z.object({
  title: z.string().trim().min(1).max(TITLE_MAX),
  documentNo: z.string().trim().min(1).max(DOCUMENT_NO_MAX),
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The latest version the commission saw (0 when nothing is published yet): a concurrent publish is refused. */
  expectedVersion: z.number().int().min(0),
  /** Required from version 2 on: what the correction changes. */
  correctionNote: z.string().trim().max(CORRECTION_NOTE_MAX).optional(),
});
export type PublishPlanRequest = z.infer<typeof publishPlanRequestSchema>;

export const publicationSummarySchema = z.object({
  id: z.string(),
  kind: publicationKindSchema,
  kindLabel: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  documentNo: z.string(),
  publishedOn: z.string(),
  publishedAt: z.string(),
  rowCount: z.number().int(),
  correctionNote: z.string().nullable(),
  /** The version that corrects this one (it is then shown marked 已更正). */
  correctedBy: z.object({ id: z.string(), version: z.number().int() }).nullable(),
  /** The version this one corrects. */
  corrects: z.object({ id: z.string(), version: z.number().int() }).nullable(),
});
export type PublicationSummary = z.infer<typeof publicationSummarySchema>;

export const publicationDetailSchema = publicationSummarySchema.extend({
  rows: z.array(planRowSchema),
  /** Every version of the same series, newest first. */
  versions: z.array(publicationSummarySchema.pick({ id: true, version: true, publishedOn: true, correctionNote: true })),
});
export type PublicationDetail = z.infer<typeof publicationDetailSchema>;

export const publicationListSchema = z.object({
  years: z.array(z.number().int()),
  items: z.array(publicationSummarySchema),
});
export type PublicationList = z.infer<typeof publicationListSchema>;

export const publicationListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: publicationKindSchema.optional(),
});

/** GET /api/commission/publications/plan — the current series and what a new version would list. */
export const planStatusSchema = z.object({
  campaignId: z.string(),
  year: z.number().int(),
  latestVersion: z.number().int(),
  versions: z.array(publicationSummarySchema),
  preview: z.array(planRowSchema),
  suggestedTitle: z.string(),
});
export type PlanStatus = z.infer<typeof planStatusSchema>;
