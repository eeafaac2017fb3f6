/** 不予立项: under_review → rejected (未立项, terminal), with a reason the applicant and its recommender see. */
import { MIN_REJECT_REASON_LENGTH } from '../../shared/approvals';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import { requireText, sendEmails } from '../recommendations/review-support';
import {
  assertDecisionsOpen,
  checkDecision,
  insertApprovalReview,
  loadProjectForDecision,
  notifyDecision,
  requireCommission,
  updateDecided,
  type DecisionContext,
  type ProjectRow,
} from './decision-support';

export async function rejectProject(ctx: DecisionContext, input: { id: string; version: number; reason?: string }): Promise<ProjectRow> {
  requireCommission(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectForDecision(tx, ctx.actor, input.id);
    const reason = requireText(input.reason, 'reason', '不予立项的原因', MIN_REJECT_REASON_LENGTH);
    checkDecision(row, 'reject', input.version);
    const campaign = await campaignById(tx, row.campaignId);
    assertDecisionsOpen(campaign, ctx.clock.now());
    const now = ctx.clock.now();
    const updated = await updateDecided(tx, now, row, 'rejected', { lastReason: reason });
    await insertApprovalReview(tx, ctx, row, 'reject', reason);
    await writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: 'reject', summary: { from: row.state, to: 'rejected', reason, name: row.name, applicationNo: row.applicationNo } });
    const emails = await notifyDecision(tx, now, row, updated);
    return { updated, emails };
  });
  await sendEmails(ctx, emails);
  return updated;
}
