/** 不予立项: under_review → rejected (未立项, terminal), with a reason the applicant and its recommender see. */
import { MIN_REJECT_REASON_LENGTH } from '../../shared/approvals';
import { campaignById } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import { requireText } from '../http/input';
import { sendEmails } from '../notifications/email';
import { requireCommission } from '../policy/role-guards';
import { loadProjectFor, PROJECT_LABEL, type ProjectRow } from '../projects/load-project';
import { transition } from '../projects/transition';
import { assertDecisionsOpen, notifyDecision } from './decision-support';

export async function rejectProject(ctx: ActorContext, input: { id: string; version: number; reason?: string }): Promise<ProjectRow> {
  requireCommission(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'approve', input.id, { forUpdate: true, label: PROJECT_LABEL });
    const reason = requireText(input.reason, 'reason', '不予立项的原因', MIN_REJECT_REASON_LENGTH);
    const { updated } = await transition(tx, ctx, row, 'reject', {
      version: input.version,
      guard: async () => assertDecisionsOpen(await campaignById(tx, row.campaignId), ctx.clock.now()),
      set: { lastReason: reason },
      review: { stage: 'approval', decision: 'reject', reason },
      audit: () => ({ summary: { from: row.state, to: 'rejected', reason, name: row.name, applicationNo: row.applicationNo } }),
    });
    const emails = await notifyDecision(tx, ctx.clock.now(), row, updated);
    return { updated, emails };
  });
  await sendEmails(ctx, emails);
  return updated;
}
