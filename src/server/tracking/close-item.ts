/** The recommender closes a tracking item once answered (a 问题 is tracked until closed). */
import { and, eq } from 'drizzle-orm';
import { invalidState, notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { trackingItems } from '../db/schema';
import { loadForImplementation } from '../implementation/project-access';
import { loadItem } from './answer-item';

export async function closeItem(ctx: ActorContext, itemId: string, input: { note: string; version: number }) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [peek] = await tx.select({ projectId: trackingItems.projectId }).from(trackingItems).where(eq(trackingItems.id, itemId));
    if (!peek) throw notFound(`tracking item ${itemId}`, '跟踪事项');
    const project = await loadForImplementation(tx, ctx.actor, 'close', peek.projectId, { forUpdate: true }).catch((err) => {
      if (err?.code === 'not_found') throw notFound(`tracking item ${itemId}`, '跟踪事项');
      throw err;
    });
    const item = await loadItem(tx, itemId);
    if (item.version !== input.version) throw staleVersion(`tracking item ${itemId}`);
    if (item.state !== 'answered') throw invalidState(`item ${itemId} is ${item.state}`, item.state === 'closed' ? '该事项已关闭' : '该事项尚未答复，答复后才能关闭');
    const [row] = await tx
      .update(trackingItems)
      .set({ state: 'closed', closedBy: ctx.actor.userId, closedAt: now, version: item.version + 1 })
      .where(and(eq(trackingItems.id, item.id), eq(trackingItems.version, item.version)))
      .returning();
    await writeAudit(tx, ctx, { entity: 'tracking_item', entityId: item.id, action: 'close', summary: { project: project.name, kind: item.kind, note: input.note || undefined } });
    return { id: row.id, state: row.state, version: row.version };
  });
}
