/**
 * 推荐排序: the recommender puts its recommended projects in order. `ids` must be exactly the
 * projects recommended now (not yet sent), so a concurrent recommend/unrecommend is noticed (409).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { AppError, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { applicationCampaign } from '../campaigns/campaign-repository';
import { projects } from '../db/schema';
import { recommendedOf } from './recommend-order';
import type { ActorContext } from '../context';
import { requireRecommender } from '../policy/role-guards';

export async function setRecommendOrder(ctx: ActorContext, input: { ids: string[] }) {
  requireRecommender(ctx.actor);
  if (new Set(input.ids).size !== input.ids.length) throw validation({ ids: '推荐排序中有重复的项目' });
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await applicationCampaign(tx, ctx.clock.now());
    const current = await tx.select({ id: projects.id, order: projects.recommendOrder }).from(projects).where(recommendedOf(ctx.actor.organisationId, campaign.id)).for('update');
    const currentIds = new Set(current.map((r) => r.id));
    const unknown = input.ids.filter((id) => !currentIds.has(id));
    if (unknown.length) {
      // Another recommender's project, or one that is not (or no longer) recommended: not named.
      throw new AppError('conflict', `order: ${unknown.length} ids not recommended`, '排序中包含不在当前推荐名单中的项目，请刷新后重试', { fields: { ids: '排序中包含不在当前推荐名单中的项目' } });
    }
    if (input.ids.length !== current.length) {
      throw new AppError('conflict', 'order: incomplete', `推荐名单共有${current.length}个项目，请对全部项目排序（刷新后重试）`, { fields: { ids: '请对全部已推荐项目排序' } });
    }
    for (const [i, id] of input.ids.entries()) {
      await tx.update(projects).set({ recommendOrder: i + 1, updatedAt: ctx.clock.now() }).where(and(eq(projects.id, id), inArray(projects.state, ['recommended'])));
    }
    await writeAudit(tx, ctx, { entity: 'recommendation_order', entityId: ctx.actor.organisationId, action: 'reorder', summary: { year: campaign.year, ids: input.ids } });
    return { items: input.ids.map((id, i) => ({ id, recommendOrder: i + 1 })) };
  });
}
