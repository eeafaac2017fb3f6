import { describe, expect, it } from 'vitest';
import { overviewCounts } from './campaign-overview';
import { PROJECT_STATES } from './project-workflow';

describe('overviewCounts', () => {
  it('counts a project for every milestone it has passed', () => {
    expect(overviewCounts({ draft: 5, submitted: 3, withdrawn: 1, recommended: 2, under_review: 4, rejected: 1, approved: 6, results_submitted: 2, recognised: 1, revoked: 1 })).toEqual({
      applied: 3 + 1 + 2 + 4 + 1 + 6 + 2 + 1 + 1,
      recommended: 2 + 4 + 1 + 6 + 2 + 1 + 1,
      approved: 6 + 2 + 1 + 1,
      resultsSubmitted: 2 + 1 + 1,
      recognised: 1,
    });
  });

  it('never counts drafts, and the figures never grow from one milestone to the next', () => {
    expect(overviewCounts({ draft: 9 })).toEqual({ applied: 0, recommended: 0, approved: 0, resultsSubmitted: 0, recognised: 0 });
    for (const state of PROJECT_STATES) {
      const c = overviewCounts({ [state]: 1 });
      expect(c.applied).toBeGreaterThanOrEqual(c.recommended);
      expect(c.recommended).toBeGreaterThanOrEqual(c.approved);
      expect(c.approved).toBeGreaterThanOrEqual(c.resultsSubmitted);
      expect(c.resultsSubmitted).toBeGreaterThanOrEqual(c.recognised);
    }
  });

  it('a returned or declined application was applied but not recommended', () => {
    expect(overviewCounts({ returned: 1, not_recommended: 2 })).toMatchObject({ applied: 3, recommended: 0 });
  });
});
