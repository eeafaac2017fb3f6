import { describe, expect, it } from 'vitest';
import { PROJECT_STATES, TERMINAL_STATES, TRANSITIONS, availableActions, findTransition, refusalMessage } from './project-workflow';

describe('project workflow', () => {
  it('every non-terminal state can be left and every terminal one cannot', () => {
    for (const s of PROJECT_STATES) {
      const leaving = TRANSITIONS.filter((t) => t.from.includes(s));
      if (TERMINAL_STATES.includes(s)) expect(leaving, s).toHaveLength(0);
      else expect(leaving.length, s).toBeGreaterThan(0);
    }
  });

  it('every state is reachable from draft', () => {
    const seen = new Set<string>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) (seen.add(t.to), (grew = true));
    }
    expect([...seen].sort()).toEqual([...PROJECT_STATES].sort());
  });

  it.each([
    ['submit', 'draft', 'applicant', 'submitted'],
    ['submit', 'returned', 'applicant', 'submitted'],
    ['recommend', 'submitted', 'recommender', 'recommended'],
    ['return', 'submitted', 'recommender', 'returned'],
    ['approve', 'under_review', 'commission', 'approved'],
    ['reject', 'under_review', 'commission', 'rejected'],
  ] as const)('%s from %s by %s → %s', (action, from, role, to) => {
    expect(findTransition(action, from, role)?.to).toBe(to);
  });

  it.each([
    ['submit', 'submitted', 'applicant'],
    ['recommend', 'submitted', 'applicant'],
    ['approve', 'submitted', 'commission'],
    ['withdraw', 'recommended', 'applicant'],
    // 立项审核: only the commission decides, only while 立项审核中, and 未立项 is final.
    ['approve', 'under_review', 'recommender'],
    ['reject', 'under_review', 'applicant'],
    ['approve', 'approved', 'commission'],
    ['approve', 'rejected', 'commission'],
    ['reject', 'approved', 'commission'],
  ] as const)('refuses %s from %s by %s', (action, from, role) => {
    expect(findTransition(action, from, role)).toBeUndefined();
  });

  it('lists the recommender actions on a submitted application and explains refusals in Chinese', () => {
    expect(availableActions('submitted', 'recommender').sort()).toEqual(['decline', 'recommend', 'return']);
    expect(refusalMessage('withdraw', 'recommended')).toBe('当前状态为“已推荐（待报送）”，不能执行“撤回申报”操作');
    expect(availableActions('under_review', 'commission').sort()).toEqual(['approve', 'reject', 'return_batch']);
    expect(refusalMessage('approve', 'rejected')).toBe('当前状态为“未立项”，不能执行“立项”操作');
  });
});
