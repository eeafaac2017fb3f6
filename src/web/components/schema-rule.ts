/**
 * An antd Form rule from the server's own zod schema: the same limit and the same Chinese message
 * naming the field, shown at the field while the value typed stays in the control.
 */
import type { z } from 'zod';
import { fieldErrorMessage } from '../../shared/field-labels';
import '../../shared/zod-zh';

/** `field` null: the schema's messages already name the field (e.g. src/shared/results.ts). */
export function schemaRule(schema: z.ZodType, field: string | null) {
  return {
    validator: async (_: unknown, v: unknown) => {
      if (v === undefined || v === null || v === '') return;
      const r = schema.safeParse(typeof v === 'string' ? v.trim() : v);
      if (!r.success) throw new Error(field === null ? r.error.issues[0].message : fieldErrorMessage(field, r.error.issues[0].message));
    },
  };
}
