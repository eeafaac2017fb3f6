/**
 * 成果批次 on the commission side (issue 18): every recommender's forwarded results batches (filter by
 * recommender / 状态 / year, paged), one batch's detail (its projects and files), and the loader the
 * 签收 / 退回 commands share. Permissions are the batch policy's (src/server/policy/batch-policy.ts):
 * the commission reads and receives any batch; a recommender or applicant is told it does not exist.
 */
import { and, asc, count, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { resultBatchQuerySchema } from '../../shared/results';
import { notFound } from '../app-error';
import { campaignById, campaignForYear } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, projects, resultBatches } from '../db/schema';
import { likePattern, pageOf } from '../http/list-query';
import { authorize } from '../policy/policy';
import { requireCommission } from '../policy/role-guards';
import { resultList, toResultBatchDtos, type ResultBatchRow } from './result-repository';

/** The batch, locked when asked, after the policy: 404 for whoever may not know it, 403 for a commission user who may not act. */
export async function loadResultBatch(db: DbOrTx, ctx: ActorContext, id: string, opts: { forUpdate?: boolean; action?: 'read' | 'receive' } = {}): Promise<ResultBatchRow> {
  const q = db.select().from(resultBatches).where(eq(resultBatches.id, id));
  const [batch] = opts.forUpdate ? await q.for('update') : await q;
  if (!batch) throw notFound(`result batch ${id}`, '成果批次');
  authorize(ctx.actor, { kind: 'batch', action: 'read', resource: batch }, false);
  if (opts.action === 'receive') authorize(ctx.actor, { kind: 'batch', action: 'receive', resource: batch });
  return batch;
}

async function itemDtos(db: DbOrTx, rows: { b: ResultBatchRow; org: { id: string; name: string } }[]) {
  const dtos = await toResultBatchDtos(db, rows.map((r) => r.b));
  return rows.map(({ b, org }, i) => ({ ...dtos[i], recommenderOrgId: org.id, recommenderName: org.name, returnedAt: b.returnedAt?.toISOString() ?? null }));
}

export async function listResultBatches(ctx: ActorContext, f: z.infer<typeof resultBatchQuerySchema>) {
  requireCommission(ctx.actor);
  const db = ctx.database.db;
  const campaign = await campaignForYear(db, f.year, ctx.clock.now());
  const c: SQL[] = [eq(resultBatches.campaignId, campaign.id)];
  if (f.state) c.push(eq(resultBatches.state, f.state));
  if (f.recommenderOrgId) c.push(eq(resultBatches.recommenderOrgId, f.recommenderOrgId));
  if (f.q) c.push(ilike(organisations.name, likePattern(f.q)));
  const where = and(...c);
  const from = () => db.select({ b: resultBatches, org: { id: organisations.id, name: organisations.name } }).from(resultBatches).innerJoin(organisations, eq(organisations.id, resultBatches.recommenderOrgId));
  const page = await pageOf(
    f,
    ({ limit, offset }) => from().where(where).orderBy(desc(resultBatches.sentAt), asc(organisations.name)).limit(limit).offset(offset),
    db.select({ n: count() }).from(resultBatches).innerJoin(organisations, eq(organisations.id, resultBatches.recommenderOrgId)).where(where),
  );
  return { ...page, items: await itemDtos(db, page.items) };
}

export async function commissionResultBatchItem(db: DbOrTx, b: ResultBatchRow) {
  const [org] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, b.recommenderOrgId));
  return (await itemDtos(db, [{ b, org }]))[0];
}

export async function resultBatchDetail(ctx: ActorContext, id: string) {
  requireCommission(ctx.actor);
  const db = ctx.database.db;
  const b = await loadResultBatch(db, ctx, id);
  const campaign = await campaignById(db, b.campaignId);
  const ids = b.projectIds as string[];
  return {
    ...(await commissionResultBatchItem(db, b)),
    campaignYear: campaign.year,
    projects: ids.length ? await resultList(db, inArray(projects.id, ids) as ReturnType<typeof and>, { anyState: true }) : [],
  };
}
