import { eq } from 'drizzle-orm';
import { WINDOW_LABELS, type WindowKey } from '../../domain/campaign-config';
import { formatShanghai } from '../../domain/deadlines';
import { AppError, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { organisations, windowReopenings } from '../db/schema';
import { authorize } from '../policy/policy';
import { campaignById } from './campaign-repository';

/**
 * 补报窗口 (lifecycle.md): only the commission reopens a window, for one recommender or one project,
 * with a reason; the campaign's own deadline is never edited in place.
 */
export async function reopenWindow(
  ctx: CommandContext & { actor: Actor },
  input: { campaignId: string; window: WindowKey; organisationId?: string; projectId?: string; closesAt: string; reason: string },
) {
  authorize(ctx.actor, { kind: 'campaign', action: 'reopen_window' });
  if (!input.organisationId && !input.projectId) throw validation({ organisationId: '请选择补报的推荐单位或项目' });
  const closesAt = new Date(input.closesAt);
  if (Number.isNaN(closesAt.getTime())) throw validation({ closesAt: '截止时间格式不正确' });
  if (closesAt <= ctx.clock.now()) throw validation({ closesAt: '补报截止时间应晚于当前时间' });
  if (input.reason.trim().length < 4) throw validation({ reason: '请填写开通补报窗口的原因（至少4个字）' });
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await campaignById(tx, input.campaignId);
    if (input.organisationId) {
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
      if (!org || org.kind !== 'recommender') throw new AppError('validation', 'not a recommender', '所选单位不是推荐单位', { fields: { organisationId: '所选单位不是推荐单位' } });
    }
    const [row] = await tx
      .insert(windowReopenings)
      .values({
        campaignId: campaign.id,
        window: input.window,
        organisationId: input.organisationId ?? null,
        projectId: input.projectId ?? null,
        closesAt,
        reason: input.reason.trim(),
        grantedBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await writeAudit(tx, ctx, {
      entity: 'window_reopening',
      entityId: row.id,
      action: 'reopen',
      summary: { year: campaign.year, window: input.window, label: WINDOW_LABELS[input.window], organisationId: input.organisationId, projectId: input.projectId, closesAt: formatShanghai(closesAt), reason: row.reason },
    });
    return row;
  });
}
