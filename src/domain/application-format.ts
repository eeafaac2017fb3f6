/**
 * Format rules of a 申报书 (phones, e-mails, credit codes, dates, ID numbers) and how typed text is
 * read as a number — pure, used by the eligibility check, the server's autosave warnings and the
 * web's fields. Nothing here cuts, clamps or drops a value: a value that does not fit is reported
 * with a Chinese message naming the field, and the caller keeps what was typed.
 */
import { z } from 'zod';
import { fieldLabel, type ApplicationForm } from './application-form';
import { isCalendarDate } from './dates';
import { validateUscc } from './uscc';

/** Mobile (11 digits) or a fixed line with area code and optional extension. */
export const PHONE_RE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
export const PHONE_HINT = '应为11位手机号码或带区号的固定电话（如 13820001234、022-58950677）';
const emailSchema = z.string().email();

export function isPhone(s: string): boolean {
  return PHONE_RE.test(s.trim());
}
export function isEmail(s: string): boolean {
  return emailSchema.safeParse(s.trim()).success;
}

export interface RuleIssue {
  path: string;
  message: string;
}

/** Characters as a person counts them (a CJK character or an emoji is one). */
export function charCount(s: string): number {
  return Array.from(s).length;
}

const PERSON_PATHS = ['unit.qualityHead', 'unit.projectLead', 'unit.contact'] as const;

/**
 * Format problems of a 申报书 (phones, e-mails, credit codes, dates, ID numbers). The draft keeps
 * such values (autosave answers them as warnings); the check and the submit report them as errors.
 */
export function formatIssues(form: ApplicationForm): RuleIssue[] {
  const out: RuleIssue[] = [];
  const filled = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  for (const prefix of PERSON_PATHS) {
    const person = (form.unit as Record<string, { phone?: string; email?: string } | undefined> | undefined)?.[prefix.slice(5)];
    if (filled(person?.phone) && !isPhone(person.phone)) out.push({ path: `${prefix}.phone`, message: `${fieldLabel(`${prefix}.phone`)}格式不正确：${PHONE_HINT}` });
    if (filled(person?.email) && !isEmail(person.email)) out.push({ path: `${prefix}.email`, message: `${fieldLabel(`${prefix}.email`)}格式不正确：应为电子邮箱地址（如 zhanglei@haihe-robot.cn）` });
  }
  const uscc = (path: string, v: unknown) => {
    if (!filled(v)) return;
    const r = validateUscc(v);
    if (!r.valid) out.push({ path, message: `${fieldLabel(path)}有误：${r.errors.map((e) => e.message).join('；')}` });
  };
  uscc('unit.uscc', form.unit?.uscc);
  (form.consortium ?? []).forEach((m, i) => uscc(`consortium.${i}.uscc`, m.uscc));
  const date = (path: string, v: unknown) => {
    if (filled(v) && !isCalendarDate(v)) out.push({ path, message: `${fieldLabel(path)}不是有效日期（格式 YYYY-MM-DD）` });
  };
  date('project.startDate', form.project?.startDate);
  date('project.endDate', form.project?.endDate);
  date('commitment.date', form.commitment?.date);
  (form.content?.milestones ?? []).forEach((m, i) => date(`content.milestones.${i}.date`, m.date));
  (form.basis?.appraisals ?? []).forEach((m, i) => date(`basis.appraisals.${i}.date`, m.date));
  (form.team ?? []).forEach((m, i) => {
    if (filled(m.idNumber) && !m.idNumber.includes('*') && !/^\d{17}[\dXx]$/.test(m.idNumber.trim())) {
      out.push({ path: `team.${i}.idNumber`, message: `${fieldLabel(`team.${i}.idNumber`)}格式不正确，应为18位（最后一位可为X）` });
    }
  });
  return out;
}

/** Text typed into a number field: a number when it reads as one, otherwise the text itself (kept, and refused by the schema). */
export function numberFromText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}
