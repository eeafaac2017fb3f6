/** 接收: the commission acknowledges a sent batch (sent → received). */
import { and, eq } from 'drizzle-orm';
import { invalidState, notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { DbOrTx } from '../db/client';
import { recommendationBatches } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import type { ActorContext } from '../context';
import { requireCommission } from '../policy/role-guards';

export async function loadBatchForCommission(tx: DbOrTx, ctx: ActorContext, id: string) {
  const [batch] = await tx.select().from(recommendationBatches).where(eq(recommendationBatches.id, id)).for('update');
  if (!batch) throw notFound(`batch ${id}`, '推荐批次');
  // A composing batch is the recommender's work in progress: the commission does not see it (404).
  authorize(ctx.actor, { kind: 'batch', action: 'read', resource: batch }, false);
  authorize(ctx.actor, { kind: 'batch', action: 'receive', resource: batch });
  return batch;
}

export async function receiveBatch(ctx: ActorContext, input: { id: string; version: number }) {
  requireCommission(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const batch = await loadBatchForCommission(tx, ctx, input.id);
    if (batch.state !== 'sent') throw invalidState(`batch ${batch.id} is ${batch.state}`, batch.state === 'received' ? '该推荐批次已接收' : '该推荐批次已退回，不能接收');
    if (batch.version !== input.version) throw staleVersion(`batch ${batch.id}`);
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(recommendationBatches)
      .set({ state: 'received', receivedAt: now, version: batch.version + 1, updatedAt: now })
      .where(and(eq(recommendationBatches.id, batch.id), eq(recommendationBatches.version, batch.version)))
      .returning();
    if (!updated) throw staleVersion(`batch ${batch.id}`);
    await writeAudit(tx, ctx, { entity: 'recommendation_batch', entityId: batch.id, action: 'receive', summary: { projects: batch.projectCount } });
    await notify(tx, now, {
      organisationId: batch.recommenderOrgId,
      title: '推荐批次已被市市场监管委接收',
      body: `您单位报送的推荐批次（${batch.projectCount}个项目）已由市市场监管委接收。`,
      link: '/recommender/batch',
    });
    return updated;
  });
}
