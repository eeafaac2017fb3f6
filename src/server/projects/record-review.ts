/** The one writer of `project_reviews` rows: every recommender and commission decision on a project. */
import { desc, eq } from 'drizzle-orm';
import type { ReviewDecision, ReviewStage } from '../../domain/vocabularies';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { projectReviews } from '../db/schema';
import type { ProjectRow } from './load-project';

export interface ReviewRecord {
  stage: ReviewStage;
  decision: ReviewDecision;
  reason?: string | null;
  fieldComments?: Record<string, string>;
  checklist?: Record<string, unknown>;
}

/**
 * Timestamps are kept strictly increasing per project so the history has one order even when the
 * clock stands still (tests, bulk runs). The row names the submitted version it decided on.
 */
export async function recordReview(tx: DbOrTx, ctx: CommandContext & { actor: Actor }, row: Pick<ProjectRow, 'id' | 'submittedVersion'>, input: ReviewRecord): Promise<void> {
  const now = ctx.clock.now();
  const [last] = await tx
    .select({ at: projectReviews.createdAt })
    .from(projectReviews)
    .where(eq(projectReviews.projectId, row.id))
    .orderBy(desc(projectReviews.createdAt))
    .limit(1);
  const at = last && last.at.getTime() >= now.getTime() ? new Date(last.at.getTime() + 1) : now;
  await tx.insert(projectReviews).values({
    projectId: row.id,
    versionNo: row.submittedVersion || null,
    stage: input.stage,
    decision: input.decision,
    reason: input.reason ?? null,
    fieldComments: input.fieldComments ?? {},
    checklist: input.checklist ?? {},
    reviewerId: ctx.actor.userId,
    reviewerOrgId: ctx.actor.organisationId,
    createdAt: at,
  });
}
