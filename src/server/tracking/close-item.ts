/** The recommender closes a tracking item once answered (a 问题 is tracked until closed). */
import { and, eq } from 'drizzle-orm';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { trackingItems } from '../db/schema';
import { lockItemFor } from './item-access';

export async function closeItem(ctx: ActorContext, itemId: string, input: { note: string; version: number }) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { project, item } = await lockItemFor(tx, ctx.actor, itemId, () => 'close');
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
