/**
 * A project's progress-report schedule: the campaign's `progressSchedule` (defaults when absent),
 * starting from the day the project was approved (立项), with each period's report and status.
 */
import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_PROGRESS_SCHEDULE, reportStatus, scheduledPeriods, type DuePeriod, type ProgressSchedule, type ReportStatus } from '../../domain/implementation';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { CampaignConfig } from '../../domain/campaign-config';
import type { DbOrTx } from '../db/client';
import { campaigns, progressReports, projectReviews } from '../db/schema';
import type { ProjectRow } from '../projects/load-project';

export type ReportRow = typeof progressReports.$inferSelect;

export function scheduleOf(config: unknown): ProgressSchedule {
  return { ...DEFAULT_PROGRESS_SCHEDULE, ...((config as CampaignConfig | null)?.progressSchedule ?? {}) };
}

export async function campaignSchedule(db: DbOrTx, campaignId: string): Promise<ProgressSchedule> {
  const [c] = await db.select({ config: campaigns.config }).from(campaigns).where(eq(campaigns.id, campaignId));
  return scheduleOf(c?.config);
}

/** The date of the 立项 decision (the approval review), else the last state change. */
export async function approvedOn(db: DbOrTx, project: Pick<ProjectRow, 'id' | 'stateChangedAt'>): Promise<string> {
  const [r] = await db
    .select({ at: projectReviews.createdAt })
    .from(projectReviews)
    .where(and(eq(projectReviews.projectId, project.id), eq(projectReviews.stage, 'approval'), eq(projectReviews.decision, 'approve')))
    .orderBy(desc(projectReviews.createdAt))
    .limit(1);
  return shanghaiDateString(r?.at ?? project.stateChangedAt);
}

export interface ReportSlot extends DuePeriod {
  status: ReportStatus;
  report: ReportRow | null;
}

/**
 * Every period from the approval up to the current one (its report may not be due yet), with the
 * report submitted for it. Only while the project is implemented are new periods added: after
 * that the schedule stops at the state change.
 */
export function reportSlots(schedule: ProgressSchedule, startOn: string, untilOn: string, reports: ReportRow[], now: Date): ReportSlot[] {
  const byPeriod = new Map(reports.map((r) => [r.period, r]));
  return scheduledPeriods(schedule, startOn, untilOn).map((p) => {
    const report = byPeriod.get(p.period) ?? null;
    return { ...p, report, status: reportStatus(p.dueOn, report?.submittedAt ?? null, now, schedule) };
  });
}

/** The last day the schedule runs to: today while approved, the state change otherwise. */
export function scheduleUntil(project: Pick<ProjectRow, 'state' | 'stateChangedAt'>, now: Date): string {
  return shanghaiDateString(project.state === 'approved' ? now : project.stateChangedAt);
}
