/**
 * An antd Form rule from the server's own zod schema: the same limit and the same Chinese message
 * naming the field, shown at the field while the value typed stays in the control.
 */
import type { z } from 'zod';
import { fieldErrorMessage, namedMessage } from '../../shared/field-labels';
import { charCount } from '../../domain/application-format';
import '../../shared/zod-zh';

/**
 * `field`: a request path named through the label maps; `{ label }` for a row's control ("指标1基线值");
 * null when the schema's messages already name the field (e.g. src/shared/results.ts).
 */
export function schemaRule(schema: z.ZodType, field: string | null | { label: string }) {
  return {
    validator: async (_: unknown, v: unknown) => {
      if (v === undefined || v === null || v === '') return;
      const r = schema.safeParse(typeof v === 'string' ? v.trim() : v);
      const m = r.success ? '' : r.error.issues[0].message;
      if (!r.success) throw new Error(field === null ? m : typeof field === 'string' ? fieldErrorMessage(field, m) : namedMessage(field.label, m));
    },
  };
}

/**
 * A number typed as text (NumberText): text such as "abc" is refused as "<label>应为数字", never
 * emptied; a number is checked by the schema (limits, sign) with the label in front.
 */
export function numberRule(schema: z.ZodType, label: string, opts: { required?: boolean } = {}) {
  return {
    validator: async (_: unknown, v: unknown) => {
      if (v === undefined || v === null || v === '') {
        if (opts.required) throw new Error(`请填写${label}`);
        return;
      }
      if (typeof v !== 'number') throw new Error(`${label}应为数字`);
      const r = schema.safeParse(v);
      if (!r.success) throw new Error(namedMessage(label, r.error.issues[0].message));
    },
  };
}

/**
 * A length limit checked at the field, never enforced by the control: antd's `maxLength` stops
 * typing and cuts pasted text without a word, so the limit is a rule ("<label>不能超过N个字（现为M个字）")
 * and the control shows a counter that turns red past it (`count={{ show: true, max }}`).
 */
export function lengthRule(label: string, max: number) {
  return {
    validator: async (_: unknown, v: unknown) => {
      if (typeof v !== 'string') return;
      const n = charCount(v);
      if (n > max) throw new Error(`${label}不能超过${max}个字（现为${n}个字）`);
    },
  };
}
