import { describe, expect, it } from 'vitest';
import { forwardAccepted, lapsesAt } from './results-deadline';

const window = { opensAt: '2026-05-01T00:00:00+08:00', closesAt: '2026-09-30T23:59:59+08:00' };
const at = (s: string) => new Date(s);

describe('results deadline (逾期不再接收)', () => {
  it('accepts a forward up to the last second and refuses one second later', () => {
    expect(forwardAccepted(window, at('2026-09-30T23:59:58+08:00'))).toBe(true);
    expect(forwardAccepted(window, at('2026-09-30T23:59:59.999+08:00'))).toBe(true);
    expect(forwardAccepted(window, at('2026-10-01T00:00:00+08:00'))).toBe(false);
  });

  it('a live reopening accepts a late forward; a revoked one does not', () => {
    const late = at('2026-10-03T10:00:00+08:00');
    expect(forwardAccepted(window, late, [{ closesAt: at('2026-10-08T23:59:59+08:00') }])).toBe(true);
    expect(forwardAccepted(window, late, [{ closesAt: at('2026-10-08T23:59:59+08:00'), revokedAt: at('2026-10-02T00:00:00+08:00') }])).toBe(false);
  });

  it('lapses only pending projects, only after the deadline', () => {
    const after = at('2026-10-01T00:00:00+08:00');
    expect(lapsesAt('approved', window, after)).toBe(true);
    expect(lapsesAt('results_submitted', window, after)).toBe(true);
    expect(lapsesAt('results_returned', window, after)).toBe(true);
    expect(lapsesAt('results_received', window, after)).toBe(false);
    expect(lapsesAt('approved', window, at('2026-09-30T23:59:59+08:00'))).toBe(false);
    expect(lapsesAt('approved', window, after, [{ closesAt: at('2026-10-08T23:59:59+08:00') }])).toBe(false);
  });
});
