/** 培训场次 list of a training manager (provider: its own sessions; commission: all), status and search, one page. */
import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { TrainingSessionDto } from '../../shared/training';
import { currentCampaign } from '../campaigns/campaign-repository';
import { trainingSessions } from '../db/schema';
import { likePattern, pageOf } from '../http/list-query';
import { requireTrainingManager } from '../policy/role-guards';
import { sessionDtos, type TrainingContext } from './session-repository';

export async function findSessions(
  ctx: TrainingContext,
  query: { status: 'all' | 'open' | 'cancelled'; q?: string; page: number; pageSize: number },
): Promise<{ items: TrainingSessionDto[]; total: number; page: number; pageSize: number }> {
  requireTrainingManager(ctx.actor);
  const db = ctx.database.db;
  const campaign = await currentCampaign(db, ctx.clock.now());
  const conds: SQL[] = [eq(trainingSessions.campaignId, campaign.id)];
  // Scope: a provider lists only the sessions it runs; the commission all of them.
  if (ctx.actor.role === 'training_provider') conds.push(eq(trainingSessions.providerOrgId, ctx.actor.organisationId));
  if (query.status !== 'all') conds.push(eq(trainingSessions.status, query.status));
  if (query.q) {
    conds.push(or(ilike(trainingSessions.title, likePattern(query.q)), ilike(trainingSessions.venue, likePattern(query.q)))!);
  }
  const where = and(...conds);
  const page = await pageOf(
    query,
    ({ limit, offset }) => db.select().from(trainingSessions).where(where).orderBy(desc(trainingSessions.startsAt), asc(trainingSessions.title)).limit(limit).offset(offset),
    db.select({ n: count() }).from(trainingSessions).where(where),
  );
  return { ...page, items: await sessionDtos(db, page.items, ctx.clock.now()) };
}

