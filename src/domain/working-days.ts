/**
 * Chinese working-day calendar (国务院办公厅节假日安排) and 公示 window arithmetic.
 * Dates are plain 'YYYY-MM-DD' calendar dates in Asia/Shanghai; no timezone math here.
 */

export interface HolidayCalendar {
  /** every day of each 放假调休 block, including weekend days inside the block */
  holidays: string[];
  /** weekend days that are 上班 (调休补班) */
  workdays: string[];
}

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04); copied from shared/data/cn-holidays-2026.json. */
export const CN_CALENDAR_2026: HolidayCalendar = {
  holidays: [
    '2026-01-01', '2026-01-02', '2026-01-03',
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    '2026-04-04', '2026-04-05', '2026-04-06',
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    '2026-06-19', '2026-06-20', '2026-06-21',
    '2026-09-25', '2026-09-26', '2026-09-27',
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse 'YYYY-MM-DD' into a day number (days since 1970-01-01); throws on malformed or impossible dates. */
function toDayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`日期格式应为YYYY-MM-DD：${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`日期不存在：${date}`);
  }
  return Math.round(ms / 86_400_000);
}

function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

// Cache Set views per calendar object (calendars are treated as immutable).
const setCache = new WeakMap<HolidayCalendar, { holidays: Set<string>; workdays: Set<string> }>();
function sets(cal: HolidayCalendar) {
  let s = setCache.get(cal);
  if (!s) {
    s = { holidays: new Set(cal.holidays), workdays: new Set(cal.workdays) };
    setCache.set(cal, s);
  }
  return s;
}

function isWorkingDayNumber(n: number, cal: HolidayCalendar): boolean {
  const date = fromDayNumber(n);
  const s = sets(cal);
  if (s.workdays.has(date)) return true; // 调休补班 beats the weekend
  if (s.holidays.has(date)) return false;
  const wd = weekday(n);
  return wd !== 0 && wd !== 6;
}

/** A working day = (Mon–Fri and not a holiday) or an explicit 调休 workday (cn-holidays-2026.json notes). */
export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  return isWorkingDayNumber(toDayNumber(date), cal);
}

/** Calendar date plus n calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The n-th working day strictly after `start` (n > 0), or strictly before it (n < 0).
 * n = 0 returns `start` unchanged.
 */
export function addWorkingDays(start: string, n: number, cal: HolidayCalendar): string {
  if (!Number.isInteger(n)) throw new RangeError('工作日数应为整数');
  let d = toDayNumber(start);
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    d += step;
    if (isWorkingDayNumber(d, cal)) left--;
  }
  return fromDayNumber(d);
}

/** First working day on or after `date`. */
export function nextWorkingDayOnOrAfter(date: string, cal: HolidayCalendar): string {
  let d = toDayNumber(date);
  while (!isWorkingDayNumber(d, cal)) d++;
  return fromDayNumber(d);
}

/**
 * Last day of a 公示 period of `workingDays` working days starting at `start`.
 * The publication day counts as day 1 when it is a working day (Tianjin 工信局 notice: 2023-07-21 Fri
 * + 24–27 = "5个工作日"); a start on a non-working day makes the next working day day 1.
 */
export function publicityWindowEnd(start: string, workingDays: number, cal: HolidayCalendar): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('公示期应至少为1个工作日');
  const first = nextWorkingDayOnOrAfter(start, cal);
  return addWorkingDays(first, workingDays - 1, cal);
}

/** Number of working days in the inclusive range [a, b]; 0 when b is before a. */
export function workingDaysBetween(a: string, b: string, cal: HolidayCalendar): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  let count = 0;
  for (let d = from; d <= to; d++) if (isWorkingDayNumber(d, cal)) count++;
  return count;
}
