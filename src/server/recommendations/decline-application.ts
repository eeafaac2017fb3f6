/** 不予推荐: submitted → not_recommended (terminal for this campaign), with a reason the applicant sees. */
import { MIN_REASON_LENGTH } from '../../shared/recommendations';
import { writeAudit } from '../audit/write-audit';
import type { DbOrTx } from '../db/client';
import { notify } from '../notifications/notify';
import {
  checkTransition,
  checkVersion,
  emailsOf,
  insertReview,
  loadProjectForReview,
  projectLabel,
  requireRecommender,
  requireText,
  reviewLink,
  sendEmails,
  updateProjectState,
  type ProjectRow,
  type ReviewContext,
} from './review-support';

export async function applyDecline(tx: DbOrTx, ctx: ReviewContext, row: ProjectRow, input: { version?: number; reason: string }) {
  checkVersion(row, input.version);
  const to = checkTransition(row, 'decline');
  const now = ctx.clock.now();
  const updated = await updateProjectState(tx, now, row, to, { lastReason: input.reason, recommendOrder: null });
  await insertReview(tx, ctx, row, { decision: 'decline', reason: input.reason });
  await writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: 'decline', summary: { from: row.state, to, reason: input.reason, name: row.name } });
  const title = '申报项目未获推荐';
  const body = `您单位申报的${projectLabel(row)}经推荐单位（${ctx.actor.organisationName}）审核，不予推荐。原因：${input.reason}`;
  await notify(tx, now, { organisationId: row.applicantOrgId, title, body, link: reviewLink(row.id) });
  const emails = await emailsOf(tx, [row.applicantOrgId], `【天津市质量攻关】${title}`, body);
  return { updated, emails };
}

export async function declineApplication(ctx: ReviewContext, input: { id: string; version?: number; reason: string }) {
  requireRecommender(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectForReview(tx, ctx.actor, input.id);
    const reason = requireText(input.reason, 'reason', '不予推荐的原因', MIN_REASON_LENGTH);
    return applyDecline(tx, ctx, row, { version: input.version, reason });
  });
  await sendEmails(ctx, emails);
  return updated;
}
