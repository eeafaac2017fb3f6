import { describe, expect, it } from 'vitest';
import { preferentialOrder, preferentialQuota, preferentialRuleProblems, type PreferentialSupportRule } from './preferential-support';

const DIRS = ['common', 'precise'];
const rule = (over: Partial<PreferentialSupportRule> = {}): PreferentialSupportRule => ({ directions: ['common'], reservedShare: 0.3, plannedApprovals: 40, priorityOrdering: true, ...over });

describe('倾斜支持 quota — worked examples', () => {
  it('plan of 40, 30% reserved: 12 places for 共性技术, 28 for the others', () => {
    const q = preferentialQuota(rule(), DIRS, { common: 5, precise: 20 });
    expect(q).toMatchObject({ base: 40, reserved: 12, preferredApproved: 5 });
    expect(q.directions).toEqual([
      { direction: 'common', preferred: true, approved: 5, quota: 12, remaining: 7, status: 'open' },
      { direction: 'precise', preferred: false, approved: 20, quota: 28, remaining: 8, status: 'open' },
    ]);
  });

  it('the 28 non-reserved places used up: a further 精准提升 approval would take a reserved place', () => {
    const q = preferentialQuota(rule(), DIRS, { common: 9, precise: 28 });
    expect(q.directions[1]).toEqual({ direction: 'precise', preferred: false, approved: 28, quota: 28, remaining: 0, status: 'reserve_at_risk' });
    expect(q.directions[0]).toMatchObject({ remaining: 3, status: 'open' });
  });

  it('the reserve filled (and exceeded): met, nothing reserved left; 共性技术 may take more places', () => {
    const q = preferentialQuota(rule(), DIRS, { common: 15, precise: 10 });
    expect(q.directions[0]).toEqual({ direction: 'common', preferred: true, approved: 15, quota: 12, remaining: 0, status: 'met' });
    expect(q.directions[1]).toMatchObject({ remaining: 18, status: 'open' });
  });

  it('rounds the reserve up: 25% of 37 planned = 9.25 → 10 places', () => {
    expect(preferentialQuota(rule({ reservedShare: 0.25, plannedApprovals: 37 }), DIRS, {}).reserved).toBe(10);
    // an exact product is not rounded up by floating-point noise: 30% of 40 = 12, 0.1 × 30 = 3
    expect(preferentialQuota(rule({ reservedShare: 0.1, plannedApprovals: 30 }), DIRS, {}).reserved).toBe(3);
  });

  it('without a planned total the reserve is a share of the approvals so far', () => {
    // 10 approved (2 common, 8 precise), 30% → 3 reserved, 1 still open: more 精准提升 widens the gap.
    const q = preferentialQuota(rule({ plannedApprovals: null }), DIRS, { common: 2, precise: 8 });
    expect(q).toMatchObject({ base: 10, reserved: 3, preferredApproved: 2 });
    expect(q.directions).toEqual([
      { direction: 'common', preferred: true, approved: 2, quota: 3, remaining: 1, status: 'open' },
      { direction: 'precise', preferred: false, approved: 8, quota: null, remaining: null, status: 'reserve_at_risk' },
    ]);
    expect(preferentialQuota(rule({ plannedApprovals: null }), DIRS, { common: 3, precise: 7 }).directions[1].status).toBe('open');
  });

  it('priority ordering only: no reserve, no limits, 共性技术 first', () => {
    const q = preferentialQuota(rule({ reservedShare: null }), DIRS, { common: 1, precise: 30 });
    expect(q.reserved).toBe(0);
    expect(q.directions.map((d) => [d.quota, d.remaining, d.status])).toEqual([
      [null, null, 'open'],
      [40, 10, 'open'],
    ]);
  });
});

describe('倾斜支持 ordering', () => {
  const items = [
    { id: 'a', direction: 'precise' },
    { id: 'b', direction: 'common' },
    { id: 'c', direction: null },
    { id: 'd', direction: 'common' },
    { id: 'e', direction: 'precise' },
  ];
  it('puts the preferred directions first, keeping the order within each group', () => {
    expect(preferentialOrder(rule(), items).map((i) => i.id)).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
  it('keeps the order when priority ordering is off', () => {
    expect(preferentialOrder(rule({ priorityOrdering: false }), items).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('倾斜支持 rule validation', () => {
  it('names each bad field in Chinese', () => {
    expect(preferentialRuleProblems(rule())).toEqual({});
    expect(preferentialRuleProblems(rule({ directions: [], reservedShare: 1, plannedApprovals: 0 }))).toEqual({
      directions: '倾斜支持方向至少选择1个',
      reservedShare: '预留比例须大于0且小于1（如 0.3 表示30%）',
      plannedApprovals: '计划立项数须为不小于1的整数',
    });
  });
});
