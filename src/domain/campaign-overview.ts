/**
 * 年度工作概况 on the commission's home: how many projects of the campaign have reached each
 * milestone of the nine procedures. A project counts for every milestone it has passed, so the
 * figures only ever shrink from left to right (申报 ≥ 推荐 ≥ 立项 ≥ 提交成果 ≥ 认定).
 */
import type { ProjectState } from './project-workflow';

export const OVERVIEW_MILESTONES = ['applied', 'recommended', 'approved', 'resultsSubmitted', 'recognised'] as const;
export type OverviewMilestone = (typeof OVERVIEW_MILESTONES)[number];

export const OVERVIEW_MILESTONE_LABELS: Record<OverviewMilestone, string> = {
  applied: '申报项目',
  recommended: '已推荐',
  approved: '已立项',
  resultsSubmitted: '已提交成果',
  recognised: '已认定优秀成果',
};

const AFTER_RESULTS: ProjectState[] = ['results_submitted', 'results_returned', 'results_received', 'in_evaluation', 'evaluated', 'in_publicity', 'recognised', 'closed', 'revoked'];
const AFTER_APPROVAL: ProjectState[] = ['approved', 'lapsed', 'terminated', ...AFTER_RESULTS];
const AFTER_RECOMMENDATION: ProjectState[] = ['recommended', 'under_review', 'rejected', ...AFTER_APPROVAL];

/** Which milestones a project in `state` has passed. */
const PASSED: Record<OverviewMilestone, (s: ProjectState) => boolean> = {
  // Submitted at least once: everything but a draft that was never sent (withdrawn ones were sent).
  applied: (s) => s !== 'draft',
  recommended: (s) => AFTER_RECOMMENDATION.includes(s),
  approved: (s) => AFTER_APPROVAL.includes(s),
  resultsSubmitted: (s) => AFTER_RESULTS.includes(s),
  // Revoked recognitions are not counted as recognised.
  recognised: (s) => s === 'recognised',
};

export function overviewCounts(byState: Partial<Record<ProjectState, number>>): Record<OverviewMilestone, number> {
  const out = Object.fromEntries(OVERVIEW_MILESTONES.map((m) => [m, 0])) as Record<OverviewMilestone, number>;
  for (const [state, n] of Object.entries(byState) as [ProjectState, number][]) {
    for (const m of OVERVIEW_MILESTONES) if (PASSED[m](state)) out[m] += n;
  }
  return out;
}
