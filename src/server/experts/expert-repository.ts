/** 专家库 reads: an expert is a `users` row (role expert: name, contact, login) plus its `expert_profiles` row. */
import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Declaration, ExpertDto } from '../../shared/experts';
import type { ExpertStatus } from '../../domain/vocabularies';
import { notFound } from '../app-error';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { expertConflicts, expertProfiles, users } from '../db/schema';
import { likePattern } from '../http/list-query';
import { authorize } from '../policy/policy';
import { expertNameFor } from './expert-visibility';

export type ExpertRow = { u: typeof users.$inferSelect; p: typeof expertProfiles.$inferSelect };

export async function expertRows(db: DbOrTx, filter: { q?: string; status?: ExpertStatus; ids?: string[] } = {}): Promise<ExpertRow[]> {
  const c: SQL[] = [eq(users.role, 'expert')];
  if (filter.status) c.push(eq(expertProfiles.status, filter.status));
  if (filter.ids) c.push(inArray(users.id, filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']));
  if (filter.q) {
    const like = likePattern(filter.q);
    c.push(or(ilike(users.displayName, like), ilike(expertProfiles.employer, like), ilike(expertProfiles.title, like), ilike(users.username, like))!);
  }
  return db.select({ u: users, p: expertProfiles }).from(users).innerJoin(expertProfiles, eq(expertProfiles.userId, users.id)).where(and(...c)).orderBy(asc(users.username));
}

export async function conflictCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: expertConflicts.expertUserId, n: count() })
    .from(expertConflicts)
    .where(and(inArray(expertConflicts.expertUserId, ids), or(isNull(expertConflicts.decision), eq(expertConflicts.decision, 'confirmed'))))
    .groupBy(expertConflicts.expertUserId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export function toExpertDto(actor: Actor, { u, p }: ExpertRow, conflictCount = 0): ExpertDto {
  return {
    id: u.id,
    username: u.username,
    name: expertNameFor(actor, { userId: u.id, name: u.displayName }),
    employer: p.employer,
    employerUscc: p.employerUscc,
    title: p.title,
    fields: (p.fields as string[]) ?? [],
    district: p.district,
    phone: u.phone,
    email: u.email,
    status: p.status,
    rating: p.rating,
    ratingNote: p.ratingNote,
    termEnds: p.termEnds,
    declarations: (p.declarations as Declaration[]) ?? [],
    conflictCount,
    version: p.version,
  };
}

/** One expert the actor may read (404 otherwise: an applicant or recommender never learns one exists). */
export async function loadExpert(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ExpertRow> {
  authorize(actor, { kind: 'expert', action: 'read', resource: { userId: id } }, false);
  const q = db.select({ u: users, p: expertProfiles }).from(users).innerJoin(expertProfiles, eq(expertProfiles.userId, users.id)).where(and(eq(users.id, id), eq(users.role, 'expert')));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound(`expert ${id}`, '专家');
  return row;
}
