/**
 * 提交成果 deadline (程序六: 9月30日前推荐至市市场监管委，逾期不再接收). A forward is judged ONCE, at the
 * instant its transaction reads the clock: it lands entirely or is refused entirely. At the deadline
 * every project of the campaign still short of the commission (never forwarded) lapses (逾期未报).
 */
import { windowStatus, type Reopening, type WindowTimes } from './deadlines';
import type { ProjectState } from './project-workflow';

/** States a project is in when its result has not reached the commission (the workflow's `lapse` sources). */
export const RESULT_PENDING_STATES = ['approved', 'results_submitted', 'results_returned'] as const satisfies readonly ProjectState[];

export function isResultPending(state: ProjectState): boolean {
  return (RESULT_PENDING_STATES as readonly ProjectState[]).includes(state);
}

/** Whether a forward at `now` is accepted (the deadline second counts; a live 补报 reopening extends it). */
export function forwardAccepted(window: WindowTimes, now: Date, reopenings: Reopening[] = []): boolean {
  return windowStatus(window, now, reopenings).open;
}

/**
 * Whether a pending project lapses at `now`: the results window has closed and no live reopening
 * covers it (its recommender's or its own). A project already forwarded never lapses.
 */
export function lapsesAt(state: ProjectState, window: WindowTimes, now: Date, reopenings: Reopening[] = []): boolean {
  if (!isResultPending(state)) return false;
  const s = windowStatus(window, now, reopenings);
  return !s.open && s.reason === 'closed';
}
