/**
 * 宣贯培训 lecturers, materials and the required-attendance check (issue 16) — DTOs shared by
 * src/server/training and the web pages.
 */
import { z } from 'zod';

export const MATERIAL_CATEGORIES = ['slides', 'evaluation', 'quality_tools', 'other'] as const;
export type MaterialCategory = (typeof MATERIAL_CATEGORIES)[number];
export const MATERIAL_CATEGORY_LABELS: Record<MaterialCategory, string> = {
  slides: '培训课件',
  evaluation: '评价程序与评价标准',
  quality_tools: '质量工具与方法',
  other: '其他资料',
};

export const MAX_LECTURERS = 10;

export const lecturerSchema = z.object({
  name: z.string().trim().min(2).max(30),
  title: z.string().trim().min(2).max(50),
  employer: z.string().trim().min(2).max(100),
});
export type LecturerDto = z.infer<typeof lecturerSchema>;

export const lecturersInputSchema = z.object({
  version: z.number().int().min(1),
  items: z.array(lecturerSchema).max(MAX_LECTURERS),
});

/** Query of the material upload (multipart field `file`). */
export const materialUploadQuerySchema = z.object({
  title: z.string().trim().min(2).max(100),
  materialCategory: z.enum(MATERIAL_CATEGORIES),
});

export const materialSchema = z.object({
  id: z.string().uuid(),
  sessionId: z.string().uuid(),
  title: z.string(),
  category: z.enum(MATERIAL_CATEGORIES),
  categoryLabel: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  mime: z.string(),
  createdAt: z.string(),
});
export type MaterialDto = z.infer<typeof materialSchema>;

/** One session with its lecturers and materials. */
export const sessionResourcesSchema = z.object({
  sessionId: z.string().uuid(),
  sessionTitle: z.string(),
  startsAtText: z.string(),
  lecturers: z.array(lecturerSchema),
  materials: z.array(materialSchema),
});
export type SessionResourcesDto = z.infer<typeof sessionResourcesSchema>;
export const sessionResourcesListSchema = z.object({ items: z.array(sessionResourcesSchema) });

/** An approved project that has not (yet) met the campaign's required-attendance rule. */
export const incompleteProjectSchema = z.object({
  projectId: z.string().uuid(),
  projectName: z.string(),
  projectNo: z.string().nullable(),
  applicantName: z.string(),
  recommenderName: z.string().nullable(),
  attendedSessions: z.number().int(),
  requiredSessions: z.number().int(),
  /** Sign-ups (of the required role) for sessions not yet held or not yet ticked. */
  pendingSignups: z.number().int(),
});
export type IncompleteProjectDto = z.infer<typeof incompleteProjectSchema>;
export const incompleteListSchema = z.object({
  /** The rule in words, e.g. 每个立项项目的质量负责人至少参加 1 场培训. */
  rule: z.string(),
  approvedCount: z.number().int(),
  items: z.array(incompleteProjectSchema),
});
export type IncompleteListDto = z.infer<typeof incompleteListSchema>;
