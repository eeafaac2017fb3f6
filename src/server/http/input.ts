/** Checks of free-text input that the zod schemas cannot express (trimmed length); messages name the field. */
import { AppError } from '../app-error';

/** Trims and checks a required free text (reason / opinion). */
export function requireText(value: string | undefined, field: string, label: string, min: number): string {
  const v = (value ?? '').trim();
  if (!v) throw new AppError('validation', `${field} missing`, `请填写${label}`, { fields: { [field]: `请填写${label}` } });
  if (Array.from(v).length < min) {
    const msg = `${label}至少${min}个字，请写明具体情况`;
    throw new AppError('validation', `${field} too short`, msg, { fields: { [field]: msg } });
  }
  return v;
}
