import { describe, it, expect } from 'vitest';
import {
  CN_CALENDAR_2026,
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  publicityWindowEnd,
  workingDaysBetween,
  type HolidayCalendar,
} from './working-days';

const cal = CN_CALENDAR_2026;
const empty: HolidayCalendar = { holidays: [], workdays: [] };

describe('isWorkingDay (2026 calendar)', () => {
  it.each([
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, '周日调休上班'],
    ['2026-01-05', true, '普通周一'],
    ['2026-02-14', true, '春节前周六补班'],
    ['2026-02-17', false, '春节'],
    ['2026-02-28', true, '春节后周六补班'],
    ['2026-04-04', false, '清明（周六）'],
    ['2026-04-06', false, '清明（周一）'],
    ['2026-04-18', false, '普通周六'],
    ['2026-04-19', false, '普通周日'],
    ['2026-04-20', true, '申报截止日（周一）'],
    ['2026-05-05', false, '劳动节'],
    ['2026-05-09', true, '周六补班'],
    ['2026-06-19', false, '端午'],
    ['2026-09-20', true, '周日补班'],
    ['2026-09-25', false, '中秋'],
    ['2026-09-30', true, '成果提交截止日（周三）'],
    ['2026-10-07', false, '国庆'],
    ['2026-10-10', true, '周六补班'],
    ['2026-10-11', false, '普通周日'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it('without a calendar only weekends are off', () => {
    expect(isWorkingDay('2026-10-01', empty)).toBe(true);
    expect(isWorkingDay('2026-10-10', empty)).toBe(false);
  });

  it.each(['2026-02-30', '2026-4-1', '20260401', ''])('rejects malformed date %j', (d) => {
    expect(() => isWorkingDay(d, cal)).toThrow();
  });
});

describe('publicityWindowEnd (公示 working days, day of publication = day 1)', () => {
  it.each([
    // attachments file: 2023-07-21 (Fri) + 24..27 = 5 working days
    ['2023-07-21', 5, empty, '2023-07-27'],
    ['2026-09-28', 5, cal, '2026-10-09'], // 9/28, 9/29, 9/30, 10/8, 10/9
    ['2026-04-14', 5, cal, '2026-04-20'],
    ['2026-04-14', 1, cal, '2026-04-14'],
    ['2026-04-14', 7, cal, '2026-04-22'],
    ['2026-10-01', 5, cal, '2026-10-13'], // starts in 国庆: 10/8, 10/9, 10/10(Sat 补班), 10/12, 10/13
    ['2026-04-04', 5, cal, '2026-04-13'], // starts in 清明: 4/7, 4/8, 4/9, 4/10, 4/13
    ['2026-02-13', 5, cal, '2026-02-26'], // 2/13, 2/14(Sat 补班), 2/24, 2/25, 2/26
  ])('%s + %d working days → %s', (start, n, c, end) => {
    expect(publicityWindowEnd(start, n, c)).toBe(end);
    expect(workingDaysBetween(start, end, c)).toBe(n);
  });

  it('rejects a non-positive length', () => {
    expect(() => publicityWindowEnd('2026-04-14', 0, cal)).toThrow('公示期');
  });
});

describe('addWorkingDays / nextWorkingDayOnOrAfter', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-04-03', 1, '2026-04-07'],
    ['2026-04-20', 0, '2026-04-20'],
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-01-05', -1, '2026-01-04'],
    ['2025-12-31', 1, '2026-01-04'],
  ])('%s %+d → %s', (start, n, end) => {
    expect(addWorkingDays(start, n, cal)).toBe(end);
  });

  it('finds the next working day', () => {
    expect(nextWorkingDayOnOrAfter('2026-10-01', cal)).toBe('2026-10-08');
    expect(nextWorkingDayOnOrAfter('2026-10-10', cal)).toBe('2026-10-10');
    expect(nextWorkingDayOnOrAfter('2026-02-15', cal)).toBe('2026-02-24');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('workingDaysBetween (inclusive)', () => {
  it.each([
    ['2026-04-20', '2026-04-20', 1],
    ['2026-04-18', '2026-04-19', 0],
    ['2026-04-20', '2026-04-19', 0],
    ['2026-10-01', '2026-10-07', 0],
    ['2026-09-28', '2026-10-10', 6],
    // 261 weekdays − 19 weekday holidays + 6 调休 workdays
    ['2026-01-01', '2026-12-31', 248],
  ])('%s..%s → %d', (a, b, n) => {
    expect(workingDaysBetween(a, b, cal)).toBe(n);
  });
});
