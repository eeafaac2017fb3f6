import { describe, expect, it } from 'vitest';
import { assertCalendarCovers, calendarKindOf, calendarProblems, campaignCalendarYears, normaliseCalendarDate, parseCalendarText } from './holiday-calendar';
import { addWorkingDays, CN_CALENDAR_2026 } from './working-days';

describe('holiday calendar paste import', () => {
  it('reads the State Council notice as lines: single days, ranges, 休 and 调休上班', () => {
    const text = ['# 国务院办公厅关于2027年部分节假日安排的通知', '2027-01-01 元旦 休', '', '2027-02-06至2027-02-13 春节 休', '2027-02-14 调休 上班', '2027/2/20 春节 补班', '2027年4月5日 清明节 放假'].join('\n');
    const r = parseCalendarText(text, [2027]);
    expect(r.problems).toEqual([]);
    expect(r.calendar.holidays).toEqual(['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13', '2027-04-05']);
    expect(r.calendar.workdays).toEqual(['2027-02-14', '2027-02-20']);
    // The imported calendar drives the working-day arithmetic: Fri 2027-02-05 + 1 working day skips the 春节 block to the 调休 Sunday.
    expect(addWorkingDays('2027-02-05', 1, r.calendar)).toBe('2027-02-14');
  });

  it('names the line of a date of another year, an impossible date and a missing 休/上班', () => {
    const r = parseCalendarText('2027-01-01 元旦 休\n2026-10-01 国庆节 休\n2027-02-30 春节 休\n2027-05-01 劳动节', [2027]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(r.problems[0].message).toBe('第2行“2026-10-01 国庆节 休”：2026-10-01 不属于本年度活动的年份（2027年），请核对年份');
    expect(r.problems[1].message).toContain('日期无法识别');
    expect(r.problems[2].message).toContain('请在行末注明“休”（放假）或“上班”（调休上班）');
  });

  it('refuses a 调休上班 on a weekday and a day that is both 休 and 上班', () => {
    const r = parseCalendarText('2027-02-10 春节 休\n2027-02-10 调休 上班\n2027-02-09 调休 上班', [2027]);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0].message).toContain('2027-02-10 是周三，本就是工作日；调休上班日应为周六或周日');
    expect(r.problems[1].message).toContain('周二');
  });

  it('reports an empty paste', () => {
    expect(parseCalendarText('\n# 仅注释\n', [2027]).problems[0].message).toContain('没有可导入的日期');
  });

  it('normalises dates and kinds, and a bare 调休 is not a kind', () => {
    expect(normaliseCalendarDate('2027.1.1')).toBe('2027-01-01');
    expect(normaliseCalendarDate('2027-13-01')).toBeNull();
    expect(calendarKindOf('调休 上班')).toBe('workday');
    expect(calendarKindOf('元旦 休')).toBe('holiday');
    expect(calendarKindOf('调休')).toBeNull();
  });
});

describe('stored calendar checks', () => {
  it('accepts the 2026 State Council calendar for 2026', () => {
    expect(calendarProblems(CN_CALENDAR_2026, [2026])).toEqual([]);
  });

  it('names the entry of a wrong year and of a weekday 调休上班', () => {
    const problems = calendarProblems({ holidays: ['2026-10-01', '2025-10-01'], workdays: ['2026-10-09'] }, [2026]);
    expect(problems).toEqual([
      { path: 'config.calendar.holidays.1', message: '放假日 2025-10-01 不属于本年度活动的年份（2026年）' },
      { path: 'config.calendar.workdays.0', message: '调休上班日 2026-10-09 是周五，本就是工作日；调休上班日应为周六或周日' },
    ]);
  });

  it('covers the campaign year and the year its last window closes in (at most two more)', () => {
    expect(campaignCalendarYears(2026, ['2026-03-23T00:00:00+08:00', '2026-09-30T23:59:59+08:00'])).toEqual([2026]);
    expect(campaignCalendarYears(2026, ['2027-01-15T23:59:59+08:00'])).toEqual([2026, 2027]);
  });

  it('refuses working-day arithmetic for a year without a calendar, naming the year', () => {
    expect(() => assertCalendarCovers({ holidays: [], workdays: [] }, '2027-05-06')).toThrow('尚未录入2027年的节假日安排');
    expect(() => assertCalendarCovers(CN_CALENDAR_2026, '2026-05-06')).not.toThrow();
  });
});
