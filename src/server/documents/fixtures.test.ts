import { describe, expect, it } from 'vitest';
import { buildCommonApplication, buildPreciseApplication, buildSummaryRows, FIXTURE_LEAD_ID, FIXTURE_UNIT_USCC, makeIdNumber, makeUscc } from './fixtures';

describe('fixtures', () => {
  it('builds well-formed codes', () => {
    // GB 32100 example-style check: recompute independently.
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const check = (code: string) => {
      const sum = code.slice(0, 17).split('').reduce((s, ch, i) => s + chars.indexOf(ch) * w[i], 0);
      return chars[(31 - (sum % 31)) % 31] === code[17];
    };
    expect(FIXTURE_UNIT_USCC).toMatch(/^91120116[0-9A-Z]{10}$/);
    expect(check(FIXTURE_UNIT_USCC)).toBe(true);
    expect(check(makeUscc('91', '120111', '30568214'))).toBe(true);
    expect(FIXTURE_LEAD_ID).toHaveLength(18);
    expect(makeIdNumber('11010519491231002')).toBe('11010519491231002X'); // GB 11643 example
  });

  it('parses as application forms', () => {
    const p = buildPreciseApplication();
    expect(p.project.direction).toBe('precise');
    expect(p.content.goals?.length).toBeGreaterThan(3);
    const c = buildCommonApplication();
    expect(c.project.direction).toBe('common');
    expect(c.consortium.some((m) => m.type === 'chain_leader')).toBe(true);
    expect(buildSummaryRows(3).map((r) => r.seq)).toEqual([1, 2, 3]);
  });
});
