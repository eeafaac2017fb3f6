/**
 * A tracking item under its project's lock, for an action chosen from the item (who answers it
 * depends on who raised it): another organisation's item answers 404 (existence does not leak).
 */
import { eq } from 'drizzle-orm';
import { AppError, notFound } from '../app-error';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { projects, trackingItems } from '../db/schema';
import { loadForImplementation } from '../implementation/project-access';
import type { ImplementationAction } from '../policy/implementation-policy';

type ItemRow = typeof trackingItems.$inferSelect;

export async function lockItemFor(tx: DbOrTx, actor: Actor, itemId: string, actionOf: (item: ItemRow, applicantOrgId: string) => ImplementationAction) {
  const [peek] = await tx.select().from(trackingItems).where(eq(trackingItems.id, itemId));
  if (!peek) throw notFound(`tracking item ${itemId}`, '跟踪事项');
  const [owner] = await tx.select({ applicantOrgId: projects.applicantOrgId }).from(projects).where(eq(projects.id, peek.projectId));
  const project = await loadForImplementation(tx, actor, actionOf(peek, owner?.applicantOrgId ?? ''), peek.projectId, { forUpdate: true }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw notFound(`tracking item ${itemId}`, '跟踪事项');
    throw err;
  });
  // Re-read under the project lock: every write of an item takes the project lock first.
  const [item] = await tx.select().from(trackingItems).where(eq(trackingItems.id, itemId)).for('update');
  return { project, item };
}
