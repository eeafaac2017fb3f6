import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_PROGRESS_SCHEDULE, duePeriods, scheduledPeriods, milestoneAtRisk, planChange, reminderFor, reminderKey, removedMeasuredIndicators, reportStatus } from './implementation';

const monthly = { ...DEFAULT_PROGRESS_SCHEDULE, frequency: 'monthly' as const, dayOfMonth: 10 };
const quarterly = { ...monthly, frequency: 'quarterly' as const, dayOfMonth: 15 };

describe('duePeriods', () => {
  it('monthly: from the month of the start, due on the day of the following month, across the year end', () => {
    const p = duePeriods(monthly, '2026-10-20', '2027-01-05');
    expect(p.map((x) => [x.period, x.dueOn])).toEqual([
      ['2026-10', '2026-11-10'],
      ['2026-11', '2026-12-10'],
      ['2026-12', '2027-01-10'],
      ['2027-01', '2027-02-10'],
    ]);
    expect(p[0].label).toBe('2026年10月');
  });

  it('quarterly: periods are calendar quarters, due in the first month of the next quarter', () => {
    const p = duePeriods(quarterly, '2026-05-03', '2026-12-31');
    expect(p.map((x) => [x.period, x.periodStart, x.periodEnd, x.dueOn])).toEqual([
      ['2026-Q2', '2026-04-01', '2026-06-30', '2026-07-15'],
      ['2026-Q3', '2026-07-01', '2026-09-30', '2026-10-15'],
      ['2026-Q4', '2026-10-01', '2026-12-31', '2027-01-15'],
    ]);
    expect(p[2].label).toBe('2026年第4季度');
  });

  it('a day beyond the month is clamped to its last day; nothing before the start', () => {
    expect(duePeriods({ ...monthly, dayOfMonth: 31 }, '2026-01-05', '2026-01-31')[0].dueOn).toBe('2026-02-28');
    expect(duePeriods(monthly, '2026-05-01', '2026-04-30')).toEqual([]);
  });
});

describe('scheduledPeriods', () => {
  it('adds the fixed report dates on or after the start to the periodic ones, by due date', () => {
    const p = scheduledPeriods({ ...monthly, fixedDates: ['2026-04-01', '2026-06-30', '2026-06-30', '2026-09-15'] }, '2026-05-03', '2026-06-20');
    expect(p.map((x) => [x.period, x.dueOn])).toEqual([
      ['2026-05', '2026-06-10'],
      ['fixed:2026-06-30', '2026-06-30'],
      ['2026-06', '2026-07-10'],
      ['fixed:2026-09-15', '2026-09-15'],
    ]);
    expect(p[1].label).toBe('2026-06-30专项报告');
  });
});

describe('reportStatus', () => {
  const due = '2026-06-10';
  it('late from the first instant after the due date ends in Beijing, never before', () => {
    expect(reportStatus(due, null, new Date('2026-06-10T15:59:59.999Z'))).toBe('due_soon');
    expect(reportStatus(due, null, new Date('2026-06-10T16:00:00Z'))).toBe('late');
    expect(reportStatus(due, null, new Date('2026-06-01T00:00:00Z'))).toBe('upcoming');
    expect(reportStatus(due, null, new Date('2026-06-07T00:00:00Z'))).toBe('due_soon');
  });
  it('a submitted report is on time or submitted late, whatever the time now', () => {
    expect(reportStatus(due, new Date('2026-06-10T15:00:00Z'), new Date('2026-09-01T00:00:00Z'))).toBe('submitted');
    expect(reportStatus(due, new Date('2026-06-11T01:00:00Z'), new Date('2026-09-01T00:00:00Z'))).toBe('submitted_late');
  });
});

describe('reminderFor', () => {
  const s = { ...monthly, remindDaysBefore: 3, remindDaysAfter: 2 };
  it.each([
    ['2026-06-06', null],
    ['2026-06-07', 'before'],
    ['2026-06-10', 'before'],
    ['2026-06-11', null],
    ['2026-06-12', 'late'],
    ['2026-07-30', 'late'],
  ])('on %s: %s', (today, kind) => {
    expect(reminderFor(s, '2026-06-10', false, today)).toBe(kind);
  });
  it('nothing to whoever has reported', () => {
    expect(reminderFor(s, '2026-06-10', true, '2026-06-12')).toBeNull();
  });
  it('one key per project, period and kind', () => {
    expect(reminderKey('p1', '2026-05', 'late')).toBe('progress:p1:2026-05:late');
    expect(reminderKey('p1', '2026-05', 'late')).not.toBe(reminderKey('p1', '2026-05', 'before'));
  });
});

describe('milestones and plan changes', () => {
  it('a milestone not done is at risk from a week before its date', () => {
    expect(milestoneAtRisk({ dueOn: '2026-06-20' }, '2026-06-12')).toBe(false);
    expect(milestoneAtRisk({ dueOn: '2026-06-20' }, '2026-06-13')).toBe(true);
    expect(milestoneAtRisk({ dueOn: '2026-06-20', doneOn: '2026-06-18' }, '2026-07-01')).toBe(false);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('before the first submission a save is a draft or the first submission; after it an adjustment needs a reason', () => {
    expect(planChange(false, { submit: false })).toEqual({ kind: 'draft' });
    expect(planChange(false, { submit: true })).toEqual({ kind: 'initial' });
    expect(planChange(true, { submit: true })).toMatchObject({ field: 'reason' });
    expect(planChange(true, { submit: true, reason: '  短  ' })).toMatchObject({ field: 'reason' });
    expect(planChange(true, { submit: true, reason: '关节模组供应商更换，调整目标值' })).toEqual({ kind: 'adjustment' });
  });

  it('an indicator with measured values may not be removed', () => {
    const before = [
      { id: 'i1', name: '一次合格率' },
      { id: 'i2', name: '返修率' },
    ];
    expect(removedMeasuredIndicators(before, [{ id: 'i1' }], ['i2'])).toEqual(['返修率']);
    expect(removedMeasuredIndicators(before, [{ id: 'i1' }], ['i1'])).toEqual([]);
  });
});
