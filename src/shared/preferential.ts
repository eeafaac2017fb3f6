/** 倾斜支持 in 立项审核 — the DTO of GET /api/commission/approvals/preferential (server and web). */
import { z } from 'zod';

export const preferentialStatusSchema = z.object({
  reservedShare: z.number().nullable(),
  plannedApprovals: z.number().int().nullable(),
  priorityOrdering: z.boolean(),
  base: z.number().int(),
  reserved: z.number().int(),
  directions: z.array(
    z.object({
      direction: z.string(),
      label: z.string(),
      preferred: z.boolean(),
      approved: z.number().int(),
      underReview: z.number().int(),
      quota: z.number().int().nullable(),
      remaining: z.number().int().nullable(),
      status: z.enum(['open', 'met', 'reserve_at_risk']),
    }),
  ),
});
export type PreferentialStatus = z.infer<typeof preferentialStatusSchema>;
