/**
 * Date and time strings of every schema (issue 13.9): the right shape AND a real calendar date
 * (no 2月30日, no 9999-99-99) AND a plausible year, each with its own Chinese message. The field's
 * Chinese name is put in front by the error mapper (fieldErrorMessage).
 */
import { z } from 'zod';

/** Years a date of this program may plausibly carry (founding documents … long-term milestones). */
export const EARLIEST_YEAR = 1990;
export const LATEST_YEAR = 2099;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real Gregorian date `YYYY-MM-DD` (month 1–12, day within the month, leap years). */
export function isRealDate(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function realTime(hh: string, mm: string, ss = '00'): boolean {
  return Number(hh) <= 23 && Number(mm) <= 59 && Number(ss) <= 59;
}

const inRange = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= EARLIEST_YEAR && y <= LATEST_YEAR;
};
const RANGE_MESSAGE = `应在 ${EARLIEST_YEAR} 年至 ${LATEST_YEAR} 年之间`;

/** `YYYY-MM-DD`, a real date in the plausible range. */
export const calendarDate = () =>
  z
    .string()
    .regex(DAY, '日期格式应为 YYYY-MM-DD')
    .refine(isRealDate, '不是真实存在的日期（请检查月份和日期，如 2 月没有 30 日）')
    .refine(inRange, `日期${RANGE_MESSAGE}`);

/** A Beijing-time instant `YYYY-MM-DDTHH:mm:ss(.sss)+08:00`, real and in range. */
export const beijingInstant = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?\+08:00$/, '时间格式应为北京时间，如 2026-04-20T23:59:59+08:00')
    .refine((s) => isRealDate(s.slice(0, 10)) && realTime(s.slice(11, 13), s.slice(14, 16), s.slice(17, 19)), '不是真实存在的日期或时间（请检查月、日、时、分）')
    .refine(inRange, `时间${RANGE_MESSAGE}`);

/** A Beijing wall-clock time `YYYY-MM-DD HH:mm`, real and in range. */
export const wallClockTime = (shapeMessage = '应为北京时间，格式如 2026-05-12 09:00') =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, shapeMessage)
    .refine((s) => isRealDate(s.slice(0, 10)) && realTime(s.slice(11, 13), s.slice(14, 16)), '不是真实存在的日期或时间（请检查月、日、时、分）')
    .refine(inRange, `时间${RANGE_MESSAGE}`);

// Names used by the forms (issue 14): the same rules as above, one implementation.
export const DATE_FORMAT_MESSAGE = '日期格式应为 YYYY-MM-DD';
export const NOT_A_DATE_MESSAGE = '不是有效的日期';

/** A real calendar date in YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(s: string | undefined | null): s is string {
  return typeof s === 'string' && isRealDate(s);
}

/** zod: a real calendar date in the plausible range (the message says which rule failed). */
export const calendarDateSchema = calendarDate();
