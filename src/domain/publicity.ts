/**
 * 公示 (程序八) rules: the period in working days on the campaign's holiday calendar and the
 * objection deadline. Practice (rules-from-attachments.md, 公示 practice (b)): 5 working days, the
 * publication day counts as day 1, weekends and holidays are skipped; objections after the last
 * day (23:59:59 Asia/Shanghai) are not accepted (逾期不予受理).
 */
import { assertCalendarCovers } from './holiday-calendar';
import { endOfShanghaiDay, shanghaiDateString } from './shanghai-time';
import { isWorkingDay, nextWorkingDayOnOrAfter, publicityWindowEnd, type HolidayCalendar } from './working-days';

export interface PublicityPeriod {
  opensOn: string;
  closesOn: string;
}

/**
 * The 公示 period opening on `opensOn` (which must be a working day: it is day 1) and lasting
 * `workingDays` working days. Throws a RangeError with a Chinese message when the opening day is
 * not a working day or the calendar does not cover a year the period touches.
 */
export function publicityPeriod(opensOn: string, workingDays: number, cal: HolidayCalendar): PublicityPeriod {
  assertCalendarCovers(cal, opensOn);
  if (!isWorkingDay(opensOn, cal)) throw new RangeError(`公示开始日期 ${opensOn} 不是工作日（周末或法定节假日），公示发布之日计为第1个工作日，请选择工作日`);
  const closesOn = publicityWindowEnd(opensOn, workingDays, cal);
  // A period that runs into a year without a calendar would be counted wrongly: refuse it.
  assertCalendarCovers(cal, closesOn);
  return { opensOn, closesOn };
}

/** The last instant an objection is accepted: the closing day's 23:59:59.999 in Beijing time. */
export function objectionDeadline(closesOn: string): Date {
  return endOfShanghaiDay(closesOn);
}

/** Where `now` stands against a 公示 period: before it opens, during it, or after its last day. */
export function publicityPhase(now: Date, period: PublicityPeriod): 'before' | 'open' | 'ended' {
  const today = shanghaiDateString(now);
  if (today < period.opensOn) return 'before';
  if (now.getTime() > objectionDeadline(period.closesOn).getTime()) return 'ended';
  return 'open';
}

/** The first working day on or after `today` (the default opening day), or null when the calendar does not cover it. */
export function suggestedOpeningDay(today: string, cal: HolidayCalendar): string | null {
  try {
    assertCalendarCovers(cal, today);
    const day = nextWorkingDayOnOrAfter(today, cal);
    assertCalendarCovers(cal, day);
    return day;
  } catch {
    return null;
  }
}
