/** 签收: the commission acknowledges a forwarded results batch (sent → received); audited, the recommender told. */
import { and, eq } from 'drizzle-orm';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { resultBatches } from '../db/schema';
import { notify } from '../notifications/notify';
import { requireCommission } from '../policy/role-guards';
import { commissionResultBatchItem, loadResultBatch } from './commission-result-batches';

export async function receiveResultBatch(ctx: ActorContext, input: { id: string; version: number }) {
  requireCommission(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const batch = await loadResultBatch(tx, ctx, input.id, { forUpdate: true, action: 'receive' });
    if (batch.state !== 'sent') throw invalidState(`result batch ${batch.id} is ${batch.state}`, batch.state === 'received' ? '该成果批次已签收，不能重复签收' : '该成果批次已退回推荐单位，不能签收');
    if (batch.version !== input.version) throw staleVersion(`result batch ${batch.id}`);
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(resultBatches)
      .set({ state: 'received', receivedAt: now, version: batch.version + 1, updatedAt: now })
      .where(and(eq(resultBatches.id, batch.id), eq(resultBatches.version, batch.version)))
      .returning();
    if (!updated) throw staleVersion(`result batch ${batch.id}`);
    await writeAudit(tx, ctx, { entity: 'result_batch', entityId: batch.id, action: 'receive', summary: { projects: batch.projectCount } });
    await notify(tx, now, {
      organisationId: batch.recommenderOrgId,
      title: '成果批次已被市市场监管委签收',
      body: `您单位报送的成果批次（${batch.projectCount}项成果）已由市市场监管委签收，进入成果评定。`,
      link: '/recommender/results',
    });
    return commissionResultBatchItem(tx, updated);
  });
}
