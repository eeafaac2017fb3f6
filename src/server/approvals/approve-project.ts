/** 立项: under_review → approved with the next 立项编号 (gap-free per campaign), one transaction. */
import { campaignById, type CampaignRow } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { type Email, sendEmails } from '../notifications/email';
import { requireCommission } from '../policy/role-guards';
import { loadProjectFor, PROJECT_LABEL, type ProjectRow } from '../projects/load-project';
import { applyTransition, checkTransition } from '../projects/transition';
import { assertDecisionsOpen, nextProjectNo, notifyDecision } from './decision-support';

/** Every check is done before the number is taken: a refusal never touches the counter. */
export async function applyApprove(tx: DbOrTx, ctx: ActorContext, row: ProjectRow, campaign: CampaignRow): Promise<{ updated: ProjectRow; emails: Email[] }> {
  const now = ctx.clock.now();
  const projectNo = await nextProjectNo(tx, campaign);
  const updated = await applyTransition(tx, ctx, row, 'approve', 'approved', {
    set: { projectNo, lastReason: null },
    review: { stage: 'approval', decision: 'approve', reason: null },
    audit: { summary: { from: row.state, to: 'approved', projectNo, name: row.name, applicationNo: row.applicationNo } },
  });
  const emails = await notifyDecision(tx, now, row, updated);
  return { updated, emails };
}

export async function approveProject(ctx: ActorContext, input: { id: string; version: number }): Promise<ProjectRow> {
  requireCommission(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'approve', input.id, { forUpdate: true, label: PROJECT_LABEL });
    checkTransition(row, 'approve', ctx.actor, { version: input.version });
    const campaign = await campaignById(tx, row.campaignId);
    assertDecisionsOpen(campaign, ctx.clock.now());
    return applyApprove(tx, ctx, row, campaign);
  });
  await sendEmails(ctx, emails);
  return updated;
}
