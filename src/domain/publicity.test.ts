import { describe, expect, it } from 'vitest';
import { objectionDeadline, publicityPeriod, publicityPhase, suggestedOpeningDay } from './publicity';
import { CN_CALENDAR_2026 } from './working-days';

describe('公示 period in working days', () => {
  it('counts the publication day as day 1 and skips the weekend', () => {
    // Fri 4 Dec 2026 = day 1; Mon 7 … Thu 10 = days 2–5.
    expect(publicityPeriod('2026-12-04', 5, CN_CALENDAR_2026)).toEqual({ opensOn: '2026-12-04', closesOn: '2026-12-10' });
  });

  it('skips the National Day holiday and counts the 调休 Saturday', () => {
    // Wed 30 Sep = 1; 1–7 Oct holiday; Thu 8 = 2, Fri 9 = 3, Sat 10 (调休上班) = 4, Mon 12 = 5.
    expect(publicityPeriod('2026-09-30', 5, CN_CALENDAR_2026).closesOn).toBe('2026-10-12');
  });

  it('honours the configured length', () => {
    expect(publicityPeriod('2026-12-04', 7, CN_CALENDAR_2026).closesOn).toBe('2026-12-14');
    expect(publicityPeriod('2026-12-04', 1, CN_CALENDAR_2026).closesOn).toBe('2026-12-04');
  });

  it('refuses an opening day that is a weekend day or a holiday', () => {
    expect(() => publicityPeriod('2026-12-05', 5, CN_CALENDAR_2026)).toThrow('2026-12-05 不是工作日');
    expect(() => publicityPeriod('2026-10-02', 5, CN_CALENDAR_2026)).toThrow('不是工作日');
  });

  it('refuses a period the holiday calendar does not cover, naming the year', () => {
    // Mon 28 Dec 2026: the fifth working day falls in 2027, which has no calendar yet.
    expect(() => publicityPeriod('2026-12-28', 5, CN_CALENDAR_2026)).toThrow('尚未录入2027年的节假日安排');
    expect(() => publicityPeriod('2027-03-01', 5, CN_CALENDAR_2026)).toThrow('尚未录入2027年的节假日安排');
    expect(() => publicityPeriod('2026-12-28', 4, CN_CALENDAR_2026)).not.toThrow();
  });
});

describe('objection deadline', () => {
  it('is the closing day 23:59:59 Beijing time, to the second', () => {
    const end = objectionDeadline('2026-12-10');
    expect(end.toISOString()).toBe('2026-12-10T15:59:59.999Z');
    const period = { opensOn: '2026-12-04', closesOn: '2026-12-10' };
    expect(publicityPhase(new Date('2026-12-10T15:59:59.000Z'), period)).toBe('open');
    expect(publicityPhase(new Date('2026-12-10T16:00:00.000Z'), period)).toBe('ended');
    expect(publicityPhase(new Date('2026-12-03T15:59:59.000Z'), period)).toBe('before');
    expect(publicityPhase(new Date('2026-12-03T16:00:00.000Z'), period)).toBe('open');
  });
});

describe('suggested opening day', () => {
  it('is today on a working day, else the next working day; null beyond the calendar', () => {
    expect(suggestedOpeningDay('2026-12-04', CN_CALENDAR_2026)).toBe('2026-12-04');
    expect(suggestedOpeningDay('2026-12-05', CN_CALENDAR_2026)).toBe('2026-12-07');
    expect(suggestedOpeningDay('2026-10-01', CN_CALENDAR_2026)).toBe('2026-10-08');
    expect(suggestedOpeningDay('2027-01-04', CN_CALENDAR_2026)).toBeNull();
  });
});
