/**
 * 节假日日历录入 (issue 12): the commission pastes the State Council notice's dates, one a line
 * ("2027-01-01 元旦 休", "2027-02-07 调休 上班", or a range "2027-02-06至2027-02-13 春节 休"), or
 * imports the same columns from Excel. Every line is checked for a real date of the campaign's
 * year(s); a 调休上班 day must be a Saturday or Sunday and no day can be both 休 and 上班.
 * The result feeds the working-day arithmetic of working-days.ts.
 */
import type { HolidayCalendar } from './working-days';
import { addCalendarDays } from './working-days';

export interface CalendarLineProblem {
  /** 1-based line (or Excel row) number */
  line: number;
  message: string;
}

export interface ParsedCalendar {
  calendar: HolidayCalendar;
  problems: CalendarLineProblem[];
}

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const RANGE_SEPARATORS = /\s*(?:至|~|～|到)\s*/;
const MAX_RANGE_DAYS = 31;

/** 'YYYY-MM-DD' for a real date written as 2027-1-1, 2027/01/01, 2027.1.1 or 2027年1月1日; null otherwise. */
export function normaliseCalendarDate(text: string): string | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** 休 / 放假 → holiday; 上班 / 补班 / 班 → workday; anything else (also a bare “调休”) → null. */
export function calendarKindOf(text: string): 'holiday' | 'workday' | null {
  const t = text.replace(/\s+/g, '');
  if (/上班|补班|班$|^班/.test(t)) return 'workday';
  if (/休|放假|假$/.test(t.replace(/调休/g, ''))) return 'holiday';
  return null;
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * One calendar entry from cells: the date (or range) and the rest of the line (name and 休/上班).
 * Used by the paste import (cells split on whitespace) and the Excel import (cells as they are).
 */
export function parseCalendarCells(cells: string[], line: number, years: readonly number[]): { dates: string[]; kind: 'holiday' | 'workday' } | CalendarLineProblem {
  const [first = '', ...rest] = cells.map((c) => c.trim()).filter(Boolean);
  const shown = cells.join(' ').trim();
  const [fromText, toText] = first.split(RANGE_SEPARATORS);
  const from = normaliseCalendarDate(fromText ?? '');
  if (!from) return { line, message: `第${line}行“${shown}”：日期无法识别，请写成 YYYY-MM-DD（如 ${years[0] ?? 2027}-01-01），且须为真实存在的日期` };
  let to = from;
  if (toText !== undefined) {
    const parsed = normaliseCalendarDate(toText);
    if (!parsed || parsed < from) return { line, message: `第${line}行“${shown}”：日期区间的结束日期无法识别或早于开始日期` };
    to = parsed;
  }
  const kind = calendarKindOf(rest.join(' '));
  if (!kind) return { line, message: `第${line}行“${shown}”：请在行末注明“休”（放假）或“上班”（调休上班）` };
  const dates: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    dates.push(d);
    if (dates.length > MAX_RANGE_DAYS) return { line, message: `第${line}行“${shown}”：日期区间超过${MAX_RANGE_DAYS}天，请检查结束日期` };
  }
  const outside = dates.find((d) => !years.includes(Number(d.slice(0, 4))));
  if (outside) return { line, message: `第${line}行“${shown}”：${outside} 不属于本年度活动的年份（${years.join('、')}年），请核对年份` };
  if (kind === 'workday') {
    const weekday = dates.find((d) => weekdayOf(d) !== 0 && weekdayOf(d) !== 6);
    if (weekday) return { line, message: `第${line}行“${shown}”：${weekday} 是${WEEKDAY[weekdayOf(weekday)]}，本就是工作日；调休上班日应为周六或周日` };
  }
  return { dates, kind };
}

/** Parse pasted lines; blank lines and lines starting with # are skipped. Nothing is kept when a line is bad. */
export function parseCalendarText(text: string, years: readonly number[]): ParsedCalendar {
  const rows = text.split(/\r?\n/).map((l, i) => ({ line: i + 1, cells: l.trim().replace(/\s*(至|~|～|到)\s*(?=\d)/g, '至').split(/[\s,，、\t]+/) }));
  return collectCalendar(rows.filter((r) => r.cells.join('') !== '' && !r.cells[0].startsWith('#')), years);
}

/** Shared by paste and Excel: every row parsed, then the whole calendar checked for contradictions. */
export function collectCalendar(rows: { line: number; cells: string[] }[], years: readonly number[]): ParsedCalendar {
  const holidays = new Map<string, number>();
  const workdays = new Map<string, number>();
  const problems: CalendarLineProblem[] = [];
  for (const row of rows) {
    const r = parseCalendarCells(row.cells, row.line, years);
    if ('message' in r) {
      problems.push(r);
      continue;
    }
    const mine = r.kind === 'holiday' ? holidays : workdays;
    const other = r.kind === 'holiday' ? workdays : holidays;
    for (const d of r.dates) {
      if (other.has(d)) problems.push({ line: row.line, message: `第${row.line}行：${d} 已在第${other.get(d)}行登记为${r.kind === 'holiday' ? '调休上班' : '放假'}，同一天不能既放假又上班` });
      else if (!mine.has(d)) mine.set(d, row.line);
    }
  }
  if (!problems.length && rows.length === 0) problems.push({ line: 0, message: '没有可导入的日期：每行一个日期（或日期区间）、节日名称和“休”或“上班”' });
  return { calendar: { holidays: [...holidays.keys()].sort(), workdays: [...workdays.keys()].sort() }, problems };
}

/**
 * Problems of a calendar as stored (the campaign form saves it whole): dates of other years,
 * a day both 休 and 上班, a 调休上班 day that is not a weekend day. Field paths name the list entry.
 */
export function calendarProblems(cal: HolidayCalendar, years: readonly number[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const inYears = (d: string) => years.includes(Number(d.slice(0, 4)));
  cal.holidays.forEach((d, i) => {
    if (!inYears(d)) problems.push({ path: `config.calendar.holidays.${i}`, message: `放假日 ${d} 不属于本年度活动的年份（${years.join('、')}年）` });
    if (cal.workdays.includes(d)) problems.push({ path: `config.calendar.holidays.${i}`, message: `${d} 同时登记为放假日和调休上班日，同一天不能既放假又上班` });
  });
  cal.workdays.forEach((d, i) => {
    if (!inYears(d)) problems.push({ path: `config.calendar.workdays.${i}`, message: `调休上班日 ${d} 不属于本年度活动的年份（${years.join('、')}年）` });
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6) problems.push({ path: `config.calendar.workdays.${i}`, message: `调休上班日 ${d} 是${WEEKDAY[wd]}，本就是工作日；调休上班日应为周六或周日` });
  });
  return problems;
}

/** True when the calendar holds the year's holidays (a year without any 法定节假日 has not been entered). */
export function calendarCoversYear(cal: HolidayCalendar, year: number): boolean {
  return cal.holidays.some((d) => d.startsWith(`${year}-`));
}

/** Refuses working-day arithmetic for a date whose year has no calendar yet (the Chinese message names the year). */
export function assertCalendarCovers(cal: HolidayCalendar, date: string): void {
  const year = Number(date.slice(0, 4));
  if (!calendarCoversYear(cal, year)) throw new RangeError(`尚未录入${year}年的节假日安排，无法按工作日计算；请先在“年度活动配置—节假日日历”中录入`);
}

/** Counts for the page: "按2027年节假日日历：法定节假日 n 天，调休上班 m 天". */
export function calendarSummary(cal: HolidayCalendar, year: number): { holidays: number; workdays: number; covered: boolean } {
  return {
    holidays: cal.holidays.filter((d) => d.startsWith(`${year}-`)).length,
    workdays: cal.workdays.filter((d) => d.startsWith(`${year}-`)).length,
    covered: calendarCoversYear(cal, year),
  };
}

/** The years a campaign's calendar covers: its own year through the year its last window closes. */
export function campaignCalendarYears(year: number, windowInstants: readonly string[]): number[] {
  const last = Math.max(year, ...windowInstants.map((s) => Number(s.slice(0, 4))).filter(Number.isFinite));
  return Array.from({ length: Math.min(last - year, 2) + 1 }, (_, i) => year + i);
}
