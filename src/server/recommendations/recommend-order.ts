/** 推荐排序: recommended projects of one recommender in one campaign carry recommendOrder 1..n. */
import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { projects } from '../db/schema';

export function recommendedOf(orgId: string, campaignId: string) {
  return and(eq(projects.recommenderOrgId, orgId), eq(projects.campaignId, campaignId), eq(projects.state, 'recommended'), isNull(projects.deletedAt));
}

export async function nextRecommendOrder(tx: DbOrTx, orgId: string, campaignId: string): Promise<number> {
  const [{ m }] = await tx.select({ m: max(projects.recommendOrder) }).from(projects).where(recommendedOf(orgId, campaignId));
  return (m ?? 0) + 1;
}

/**
 * Closes gaps after a project leaves the list (1, 2, 4 → 1, 2, 3), keeping the relative order.
 * The order is not part of a project's optimistic version (see README in this folder).
 */
export async function renumberRecommended(tx: DbOrTx, orgId: string, campaignId: string): Promise<void> {
  const rows = await tx
    .select({ id: projects.id, order: projects.recommendOrder })
    .from(projects)
    .where(recommendedOf(orgId, campaignId))
    .orderBy(sql`${projects.recommendOrder} ASC NULLS LAST`, asc(projects.stateChangedAt), asc(projects.id));
  for (const [i, r] of rows.entries()) {
    if (r.order !== i + 1) await tx.update(projects).set({ recommendOrder: i + 1 }).where(eq(projects.id, r.id));
  }
}
