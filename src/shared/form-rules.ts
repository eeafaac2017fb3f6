/**
 * One rule for every field, used by the server (routes, autosave warnings, submit errors) and by
 * the web (at the field, as the person types): the zod schema decides shape and limits; the
 * format checks (phones, e-mails, credit codes, dates) are in src/domain/application-format.ts. Nothing here cuts, clamps
 * or drops a value: a value that does not fit is reported with a Chinese message naming the field
 * and the limit, and the caller keeps what was typed.
 */
import { z } from 'zod';
import type { RuleIssue } from '../domain/application-format';
import { fieldErrorMessage } from './field-labels';
import './zod-zh';

/** `schema.safeParse(value)` as field issues, each message naming the field in Chinese (`fieldErrorMessage`). */
export function schemaIssues(schema: z.ZodType, value: unknown): RuleIssue[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return r.error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    return { path, message: fieldErrorMessage(path, i.message) };
  });
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> } };

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let n = 0; n < 10; n++) {
    const def = cur._zod.def as { type: string; innerType?: AnySchema; options?: AnySchema[] };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) cur = def.innerType;
    else if (def.type === 'union' && def.options?.length) cur = def.options[0];
    else break;
  }
  return cur;
}

/** The schema at a dotted path (array indices and record keys allowed), or undefined. */
export function schemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let cur = unwrap(schema as AnySchema);
  for (const seg of path.split('.').filter(Boolean)) {
    const def = cur._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; valueType?: AnySchema };
    let next: AnySchema | undefined;
    if (def.type === 'object') next = def.shape?.[seg];
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    if (!next) return undefined;
    cur = unwrap(next);
  }
  return cur;
}

/** The maximum length of the text field at `path` (from the schema), if it is a text field with a limit. */
export function textLimitAt(schema: z.ZodType, path: string): number | undefined {
  const s = schemaAt(schema, path) as (z.ZodType & { maxLength?: number | null }) | undefined;
  if (!s || (s._zod.def as { type: string }).type !== 'string') return undefined;
  return s.maxLength ?? undefined;
}

