/** The audit log as a list (GET /api/audit, one page) and as an export (every matching entry, newest first). */
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate } from '../../domain/dates';
import type { Db } from '../db/client';
import { auditLog, organisations } from '../db/schema';
import { pageOf } from '../http/list-query';

export const auditFilterSchema = z.object({
  userId: z.string().uuid().optional(),
  organisationId: z.string().uuid().optional(),
  entity: z.string().max(50).optional(),
  action: z.string().max(50).optional(),
  // 2026-02-30 has the right shape but is no day: it is refused, never reaches the database.
  from: calendarDate().optional(),
  to: calendarDate().optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The most an export writes (an Excel sheet holds about a million rows; this keeps the file workable). */
export const AUDIT_EXPORT_LIMIT = 100_000;

function conditions(f: AuditFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.userId) c.push(eq(auditLog.actorUserId, f.userId));
  if (f.organisationId) c.push(eq(auditLog.actorOrgId, f.organisationId));
  if (f.entity) c.push(eq(auditLog.entity, f.entity));
  if (f.action) c.push(eq(auditLog.action, f.action));
  // Dates are Beijing calendar days.
  if (f.from) c.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) c.push(lte(auditLog.at, new Date(`${f.to}T23:59:59.999+08:00`)));
  return c.length ? and(...c) : undefined;
}

const select = (db: Db) => db.select({ a: auditLog, orgName: organisations.name }).from(auditLog).leftJoin(organisations, eq(organisations.id, auditLog.actorOrgId));

export async function findAuditEntries(db: Db, query: AuditFilter & { page: number; pageSize: number }) {
  const where = conditions(query);
  const page = await pageOf(
    query,
    ({ limit, offset }) => select(db).where(where).orderBy(desc(auditLog.seq)).limit(limit).offset(offset),
    db.select({ n: count() }).from(auditLog).where(where),
  );
  return { ...page, items: page.items.map(({ a, orgName }) => ({ ...a, at: a.at.toISOString(), actorOrgName: orgName })) };
}

export function auditEntriesForExport(db: Db, filter: AuditFilter) {
  return select(db).where(conditions(filter)).orderBy(desc(auditLog.seq)).limit(AUDIT_EXPORT_LIMIT);
}
