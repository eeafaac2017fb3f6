/** 不予推荐: submitted → not_recommended (terminal for this campaign), with a reason the applicant sees. */
import { MIN_REASON_LENGTH } from '../../shared/recommendations';
import type { DbOrTx } from '../db/client';
import { notify } from '../notifications/notify';
import { loadProjectFor, PROJECT_LABEL } from '../projects/load-project';
import { transition } from '../projects/transition';
import type { ActorContext } from '../context';
import { requireText } from '../http/input';
import { emailsOf, sendEmails } from '../notifications/email';
import { requireRecommender } from '../policy/role-guards';
import type { ProjectRow } from '../projects/load-project';
import { projectLabel, reviewLink } from '../projects/project-label';

export async function applyDecline(tx: DbOrTx, ctx: ActorContext, row: ProjectRow, input: { version?: number; reason: string }) {
  const { updated } = await transition(tx, ctx, row, 'decline', {
    version: input.version,
    set: { lastReason: input.reason, recommendOrder: null },
    review: { stage: 'recommendation', decision: 'decline', reason: input.reason },
    audit: (to) => ({ summary: { from: row.state, to, reason: input.reason, name: row.name } }),
  });
  const now = ctx.clock.now();
  const title = '申报项目未获推荐';
  const body = `您单位申报的${projectLabel(row)}经推荐单位（${ctx.actor.organisationName}）审核，不予推荐。原因：${input.reason}`;
  await notify(tx, now, { organisationId: row.applicantOrgId, title, body, link: reviewLink(row.id) });
  const emails = await emailsOf(tx, [row.applicantOrgId], `【天津市质量攻关】${title}`, body);
  return { updated, emails };
}

export async function declineApplication(ctx: ActorContext, input: { id: string; version?: number; reason: string }) {
  requireRecommender(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'review', input.id, { forUpdate: true, label: PROJECT_LABEL });
    const reason = requireText(input.reason, 'reason', '不予推荐的原因', MIN_REASON_LENGTH);
    return applyDecline(tx, ctx, row, { version: input.version, reason });
  });
  await sendEmails(ctx, emails);
  return updated;
}
