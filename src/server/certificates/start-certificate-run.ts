/**
 * 证书发放: the commission starts a run for the active campaign; the `certificate-run` job issues
 * the certificates (certificate-run-job.ts). Idempotent by design: while a run is queued or running,
 * starting again answers that run (no second run, no second audit entry).
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import { invalidState } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignForYear } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { campaigns, certificateRuns, projects } from '../db/schema';
import { authorize } from '../policy/policy';
import { activeRun, countPending } from './certificate-repository';
import { CERTIFICATE_RUN_JOB } from './certificate-run-job';

/** A run without progress for this long is taken as stalled (its worker died): starting again re-queues it. */
export const STALLED_RUN_MS = 2 * 60 * 1000;

/** `year`: the campaign whose recognised projects get certificates (absent → the current one by date). */
export async function startCertificateRun(ctx: CommandContext & { actor: Actor }, year?: number) {
  authorize(ctx.actor, { kind: 'certificate', action: 'start_run' });
  const now = ctx.clock.now();
  const { run, send } = await ctx.database.db.transaction(async (tx) => {
    const campaign = await campaignForYear(tx, year, now);
    // Serialises concurrent starts of the same campaign (two clicks, two commission users).
    await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaign.id)).for('update');
    const running = await activeRun(tx, campaign.id);
    if (running) {
      const stalled = now.getTime() - running.updatedAt.getTime() > STALLED_RUN_MS;
      if (stalled) await tx.update(certificateRuns).set({ updatedAt: now }).where(eq(certificateRuns.id, running.id));
      return { run: running, send: stalled };
    }
    const pending = await countPending(tx, campaign.id);
    if (pending === 0) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(projects)
        .where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'recognised'), isNull(projects.deletedAt)));
      throw invalidState(
        `campaign ${campaign.year}: no recognised project without certificate`,
        Number(n) === 0 ? `${campaign.year}年度还没有已认定（优秀成果）的项目，无证书可发放` : `${campaign.year}年度已认定项目的证书均已发放，无需再次发放`,
      );
    }
    // A failed run's pending pg-boss retry would compete with the new run: close it (its job then exits).
    await tx
      .update(certificateRuns)
      .set({ state: 'done', error: '已由新的发放替代', finishedAt: now, updatedAt: now })
      .where(and(eq(certificateRuns.campaignId, campaign.id), eq(certificateRuns.state, 'failed')));
    const [created] = await tx.insert(certificateRuns).values({ campaignId: campaign.id, state: 'queued', total: pending, startedBy: ctx.actor.userId, createdAt: now, updatedAt: now }).returning();
    await writeAudit(tx, ctx, { entity: 'certificate_run', entityId: created.id, action: 'start', summary: { year: campaign.year, total: pending } });
    return { run: created, send: true };
  });
  // After commit (CONVENTIONS): a crash before this line leaves a queued run, which the workers resume at start.
  if (send) await ctx.jobs.send(CERTIFICATE_RUN_JOB, { runId: run.id });
  return run;
}
