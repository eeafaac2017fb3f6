/**
 * Calendar-date rules shared by server, web and domain: one place that says what a valid
 * `YYYY-MM-DD` day is (a real day of the calendar, not 2026-02-30), so every form and every route
 * checks dates the same way.
 */
import { z } from 'zod';

export const DATE_FORMAT_MESSAGE = '日期格式应为 YYYY-MM-DD';
export const NOT_A_DATE_MESSAGE = '不是有效的日期';

/** A real calendar date in YYYY-MM-DD. */
export function isCalendarDate(s: string | undefined | null): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** zod: a real calendar date (the message says which rule failed). */
export const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, DATE_FORMAT_MESSAGE).refine((s) => isCalendarDate(s), NOT_A_DATE_MESSAGE);
