/** 推荐批次联系人: the contact printed on the 汇总表 (PUT /api/recommender/batch). */
import { and, eq } from 'drizzle-orm';
import { staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { applicationCampaign } from '../campaigns/campaign-repository';
import { recommendationBatches } from '../db/schema';
import { authorize } from '../policy/policy';
import { composingBatch, recommenderBatchDto } from './batch-repository';
import type { ActorContext } from '../context';
import { requireRecommender } from '../policy/role-guards';

export async function currentBatch(ctx: ActorContext) {
  requireRecommender(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await applicationCampaign(tx, ctx.clock.now());
    const batch = await composingBatch(tx, ctx.actor.organisationId, campaign, ctx.clock.now());
    authorize(ctx.actor, { kind: 'batch', action: 'read', resource: batch }, false);
    return recommenderBatchDto(tx, batch, campaign, ctx.clock.now());
  });
}

export async function updateBatchContact(ctx: ActorContext, input: { version: number; contactName: string; contactPhone: string }) {
  requireRecommender(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await applicationCampaign(tx, ctx.clock.now());
    const now = ctx.clock.now();
    const batch = await composingBatch(tx, ctx.actor.organisationId, campaign, now);
    authorize(ctx.actor, { kind: 'batch', action: 'compose', resource: batch }, false);
    if (batch.version !== input.version) throw staleVersion(`batch ${batch.id}`);
    const [updated] = await tx
      .update(recommendationBatches)
      .set({ contactName: input.contactName, contactPhone: input.contactPhone, version: batch.version + 1, updatedAt: now })
      .where(and(eq(recommendationBatches.id, batch.id), eq(recommendationBatches.version, batch.version)))
      .returning();
    if (!updated) throw staleVersion(`batch ${batch.id}`);
    await writeAudit(tx, ctx, { entity: 'recommendation_batch', entityId: batch.id, action: 'update_contact', summary: { contactName: input.contactName } });
    return recommenderBatchDto(tx, updated, campaign, now);
  });
}
