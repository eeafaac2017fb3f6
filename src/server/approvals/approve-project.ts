/** 立项: under_review → approved with the next 立项编号 (gap-free per campaign), one transaction. */
import { writeAudit } from '../audit/write-audit';
import { campaignById, type CampaignRow } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { sendEmails, type Email } from '../recommendations/review-support';
import {
  assertDecisionsOpen,
  checkDecision,
  insertApprovalReview,
  loadProjectForDecision,
  nextProjectNo,
  notifyDecision,
  requireCommission,
  updateDecided,
  type DecisionContext,
  type ProjectRow,
} from './decision-support';

/** Every check is done before the number is taken: a refusal never touches the counter. */
export async function applyApprove(tx: DbOrTx, ctx: DecisionContext, row: ProjectRow, campaign: CampaignRow): Promise<{ updated: ProjectRow; emails: Email[] }> {
  const now = ctx.clock.now();
  const projectNo = await nextProjectNo(tx, campaign);
  const updated = await updateDecided(tx, now, row, 'approved', { projectNo, lastReason: null });
  await insertApprovalReview(tx, ctx, row, 'approve', null);
  await writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: 'approve', summary: { from: row.state, to: 'approved', projectNo, name: row.name, applicationNo: row.applicationNo } });
  const emails = await notifyDecision(tx, now, row, updated);
  return { updated, emails };
}

export async function approveProject(ctx: DecisionContext, input: { id: string; version: number }): Promise<ProjectRow> {
  requireCommission(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectForDecision(tx, ctx.actor, input.id);
    checkDecision(row, 'approve', input.version);
    const campaign = await campaignById(tx, row.campaignId);
    assertDecisionsOpen(campaign, ctx.clock.now());
    return applyApprove(tx, ctx, row, campaign);
  });
  await sendEmails(ctx, emails);
  return updated;
}
