import { z } from 'zod';

/** The one JSON shape of every error answer (issue 3). `message` is Simplified Chinese and names the field. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
