/** A user's in-app notices (GET /api/notifications): status and search, one page, with the unread count. */
import { and, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { notificationListQuerySchema } from '../../shared/notifications';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import { notifications } from '../db/schema';
import { likePattern, pageOf } from '../http/list-query';

/** What a user sees: the organisation's notices and those addressed to the user (not a colleague's). */
export function mine(actor: Actor): SQL {
  return and(eq(notifications.organisationId, actor.organisationId), or(isNull(notifications.userId), eq(notifications.userId, actor.userId)))!;
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  return Number((await db.select({ n: count() }).from(notifications).where(and(mine(actor), isNull(notifications.readAt))))[0].n);
}

export async function findNotifications(db: Db, actor: Actor, query: z.infer<typeof notificationListQuerySchema>) {
  const c: SQL[] = [mine(actor)];
  if (query.status === 'unread') c.push(isNull(notifications.readAt));
  if (query.status === 'read') c.push(isNotNull(notifications.readAt));
  if (query.q) c.push(or(ilike(notifications.title, likePattern(query.q)), ilike(notifications.body, likePattern(query.q)))!);
  const where = and(...c);
  const [page, unread] = await Promise.all([
    pageOf(
      query,
      ({ limit, offset }) => db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit).offset(offset),
      db.select({ n: count() }).from(notifications).where(where),
    ),
    unreadCount(db, actor),
  ]);
  return { ...page, unread, items: page.items.map((x) => ({ id: x.id, title: x.title, body: x.body, link: x.link, read: !!x.readAt, createdAt: x.createdAt.toISOString() })) };
}
