import { describe, it, expect } from 'vitest';
import {
  endOfShanghaiDay,
  parseShanghaiLocal,
  shanghaiDateString,
  shanghaiDateTimeString,
  startOfShanghaiDay,
} from './shanghai-time';

describe('shanghaiDateString / shanghaiDateTimeString', () => {
  it.each([
    ['2026-04-20T15:59:59.999Z', '2026-04-20', '2026-04-20 23:59:59'],
    ['2026-04-20T16:00:00.000Z', '2026-04-21', '2026-04-21 00:00:00'],
    ['2026-04-19T16:00:00.000Z', '2026-04-20', '2026-04-20 00:00:00'],
    ['2026-04-19T15:59:59.000Z', '2026-04-19', '2026-04-19 23:59:59'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01', '2027-01-01 00:00:00'],
    ['2026-09-30T08:30:05.000Z', '2026-09-30', '2026-09-30 16:30:05'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29', '2024-02-29 00:00:00'],
  ])('%s → %s / %s', (iso, date, dateTime) => {
    expect(shanghaiDateString(new Date(iso))).toBe(date);
    expect(shanghaiDateTimeString(new Date(iso))).toBe(dateTime);
  });

  it('rejects an invalid Date', () => {
    expect(() => shanghaiDateString(new Date('x'))).toThrow();
  });
});

describe('day boundaries', () => {
  it('endOfShanghaiDay is 15:59:59.999Z on the same calendar date', () => {
    expect(endOfShanghaiDay('2026-04-20').toISOString()).toBe('2026-04-20T15:59:59.999Z');
    expect(endOfShanghaiDay('2026-09-30').toISOString()).toBe('2026-09-30T15:59:59.999Z');
  });

  it('startOfShanghaiDay is 16:00Z on the previous UTC date', () => {
    expect(startOfShanghaiDay('2026-04-21').toISOString()).toBe('2026-04-20T16:00:00.000Z');
    expect(startOfShanghaiDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('a submission one millisecond after the deadline is on the next Shanghai day', () => {
    const deadline = endOfShanghaiDay('2026-04-20');
    const late = new Date(deadline.getTime() + 1);
    expect(shanghaiDateString(deadline)).toBe('2026-04-20');
    expect(shanghaiDateString(late)).toBe('2026-04-21');
    expect(late.getTime()).toBe(startOfShanghaiDay('2026-04-21').getTime());
  });

  it('rejects malformed dates', () => {
    expect(() => startOfShanghaiDay('2026-4-20')).toThrow();
    expect(() => endOfShanghaiDay('2026-02-29')).toThrow();
  });
});

describe('parseShanghaiLocal', () => {
  it.each([
    ['2026-04-20 23:59:59', '2026-04-20T15:59:59.000Z'],
    ['2026-04-21 00:00:00', '2026-04-20T16:00:00.000Z'],
    ['2026-04-21T08:00', '2026-04-21T00:00:00.000Z'],
    ['2026-04-21', '2026-04-20T16:00:00.000Z'],
    ['2026-09-30 17:30:00.5', '2026-09-30T09:30:00.500Z'],
  ])('%s → %s', (local, iso) => {
    expect(parseShanghaiLocal(local).toISOString()).toBe(iso);
  });

  it('round-trips with shanghaiDateTimeString', () => {
    for (const s of ['2026-04-20 23:59:59', '2026-01-01 00:00:00', '2026-10-08 09:15:42']) {
      expect(shanghaiDateTimeString(parseShanghaiLocal(s))).toBe(s);
    }
  });

  it.each(['2026-04-20 24:00:00', '2026-02-30 10:00:00', '2026/04/20 10:00:00', '明天'])('rejects %j', (s) => {
    expect(() => parseShanghaiLocal(s)).toThrow();
  });
});
