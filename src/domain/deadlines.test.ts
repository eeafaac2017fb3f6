import { describe, expect, it } from 'vitest';
import { formatShanghai, windowClosedMessage, windowStatus } from './deadlines';

const w = { opensAt: '2026-03-23T00:00:00+08:00', closesAt: '2026-04-20T23:59:59+08:00' };

describe('windowStatus', () => {
  it.each([
    ['2026-03-22T15:59:59Z', false, 'not_yet_open'],
    ['2026-03-22T16:00:00Z', true, undefined],
    ['2026-04-20T15:59:58Z', true, undefined], // one second before 23:59:59 Beijing
    ['2026-04-20T15:59:59.999Z', true, undefined], // the deadline second itself counts
    ['2026-04-20T16:00:00Z', false, 'closed'], // 2026-04-21 00:00:00 Beijing
    ['2026-04-20T16:00:01Z', false, 'closed'],
  ])('at %s open=%s', (at, open, reason) => {
    const s = windowStatus(w, new Date(at));
    expect(s.open).toBe(open);
    if (!s.open) expect(s.reason).toBe(reason);
  });

  it('a live reopening extends the window, a revoked or expired one does not', () => {
    const now = new Date('2026-04-22T02:00:00Z');
    expect(windowStatus(w, now, [{ closesAt: new Date('2026-04-23T15:59:59Z') }])).toMatchObject({ open: true, viaReopening: true });
    expect(windowStatus(w, now, [{ closesAt: new Date('2026-04-23T15:59:59Z'), revokedAt: new Date() }]).open).toBe(false);
    expect(windowStatus(w, now, [{ closesAt: new Date('2026-04-21T15:59:59Z') }]).open).toBe(false);
  });

  it('says when the window closed, in Beijing time', () => {
    const s = windowStatus(w, new Date('2026-05-01T00:00:00Z'));
    if (s.open) throw new Error('expected closed');
    expect(windowClosedMessage('项目申报', s)).toContain('2026年4月20日 23:59:59');
    expect(formatShanghai(new Date('2026-09-30T15:59:59Z'))).toBe('2026年9月30日 23:59:59');
  });
});
