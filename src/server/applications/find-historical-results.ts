/** 历年成果 list of the commission (GET /api/commission/history): search, year and kind, one page. */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { historyListQuerySchema } from '../../shared/applications';
import type { Db } from '../db/client';
import { historicalResults } from '../db/schema';
import { likePattern, pageOf } from '../http/list-query';

export async function findHistoricalResults(db: Db, query: z.infer<typeof historyListQuerySchema>) {
  const { q, year, kind } = query;
  const c: SQL[] = [];
  if (year) c.push(eq(historicalResults.year, year));
  if (kind) c.push(eq(historicalResults.kind, kind));
  if (q) c.push(or(ilike(historicalResults.name, likePattern(q)), ilike(historicalResults.unitName, likePattern(q)), ilike(historicalResults.chain, likePattern(q)))!);
  const where = c.length ? and(...c) : undefined;
  const page = await pageOf(
    query,
    ({ limit, offset }) => db.select().from(historicalResults).where(where).orderBy(desc(historicalResults.year), historicalResults.name).limit(limit).offset(offset),
    db.select({ n: count() }).from(historicalResults).where(where),
  );
  return {
    ...page,
    items: page.items.map((h) => ({ id: h.id, year: h.year, name: h.name, unitName: h.unitName, chain: h.chain, problem: h.problem, goals: h.goals, route: h.route, level: h.level, kind: h.kind, source: h.source })),
  };
}
