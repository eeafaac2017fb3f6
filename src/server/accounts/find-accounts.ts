/** The administrator's account list (GET /api/admin/users): managed organisations only, search, role, organisation, one page. */
import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisations, users } from '../db/schema';
import { likePattern, pageOf } from '../http/list-query';

/** Accounts the administrator manages here; applicant accounts belong to their units (registration). */
const MANAGED_ORG_KINDS = ['commission', 'recommender', 'expert_pool', 'training_provider'] as const;

export interface AccountListQuery {
  q?: string;
  role?: (typeof users.$inferSelect)['role'];
  organisationId?: string;
  page: number;
  pageSize: number;
}

export async function findAccounts(db: Db, query: AccountListQuery, now: Date) {
  const c: SQL[] = [inArray(organisations.kind, [...MANAGED_ORG_KINDS])];
  if (query.q) {
    const like = likePattern(query.q);
    c.push(or(ilike(users.username, like), ilike(users.displayName, like), ilike(organisations.name, like))!);
  }
  if (query.role) c.push(eq(users.role, query.role));
  if (query.organisationId) c.push(eq(users.organisationId, query.organisationId));
  const where = and(...c);
  const page = await pageOf(
    query,
    ({ limit, offset }) =>
      db
        .select({ u: users, orgName: organisations.name })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(where)
        .orderBy(asc(organisations.kind), asc(organisations.name), asc(users.username))
        .limit(limit)
        .offset(offset),
    db.select({ n: count() }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(where),
  );
  return {
    ...page,
    items: page.items.map(({ u, orgName }) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      isAdmin: u.isAdmin,
      organisationId: u.organisationId,
      organisationName: orgName,
      phone: u.phone,
      email: u.email,
      active: u.active,
      locked: !!u.lockedUntil && u.lockedUntil > now,
      mustChangePassword: u.mustChangePassword,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      version: u.version,
    })),
  };
}
