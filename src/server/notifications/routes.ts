import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { okSchema } from '../../shared/auth';
import { notificationListQuerySchema, notificationListSchema } from '../../shared/notifications';
import { notFound } from '../app-error';
import type { Actor, Services } from '../context';
import { notifications } from '../db/schema';
import { requireActor } from '../http/request-context';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema };

/** What a user sees: the organisation's notices and those addressed to the user (not a colleague's). */
function mine(actor: Actor): SQL {
  return and(eq(notifications.organisationId, actor.organisationId), or(isNull(notifications.userId), eq(notifications.userId, actor.userId)))!;
}

export function registerNotificationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const unreadOf = async (actor: Actor) => Number((await db.select({ n: count() }).from(notifications).where(and(mine(actor), isNull(notifications.readAt))))[0].n);

  r.get(
    '/api/notifications',
    { schema: { tags: ['通知'], summary: '本单位的站内通知（可按状态、关键词筛选，分页）', querystring: notificationListQuerySchema, response: { 200: notificationListSchema, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const { status, q, page, pageSize } = req.query;
      const c: SQL[] = [mine(actor)];
      if (status === 'unread') c.push(isNull(notifications.readAt));
      if (status === 'read') c.push(isNotNull(notifications.readAt));
      if (q) {
        const like = `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
        c.push(or(ilike(notifications.title, like), ilike(notifications.body, like))!);
      }
      const where = and(...c);
      const [rows, [{ n }], unread] = await Promise.all([
        db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(pageSize).offset((page - 1) * pageSize),
        db.select({ n: count() }).from(notifications).where(where),
        unreadOf(actor),
      ]);
      return {
        items: rows.map((x) => ({ id: x.id, title: x.title, body: x.body, link: x.link, read: !!x.readAt, createdAt: x.createdAt.toISOString() })),
        unread,
        total: Number(n),
        page,
        pageSize,
      };
    },
  );

  r.get('/api/notifications/unread-count', { schema: { tags: ['通知'], summary: '未读通知数（页头铃铛）', response: { 200: z.object({ unread: z.number().int() }), 401: apiErrorSchema } } }, async (req) => ({
    unread: await unreadOf(requireActor(req)),
  }));

  r.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['通知'], summary: '标为已读', params: z.object({ id: z.string().uuid('通知编号格式不正确') }), response: { 200: okSchema, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const [row] = await db.select({ id: notifications.id, readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, req.params.id), mine(actor)));
      if (!row) throw notFound('notification', '通知');
      if (!row.readAt) await db.update(notifications).set({ readAt: services.clock.now() }).where(eq(notifications.id, row.id));
      return { ok: true as const };
    },
  );

  r.post('/api/notifications/read-all', { schema: { tags: ['通知'], summary: '全部标为已读', response: { 200: okSchema, 401: apiErrorSchema } } }, async (req) => {
    const actor = requireActor(req);
    await db.update(notifications).set({ readAt: services.clock.now() }).where(and(mine(actor), isNull(notifications.readAt)));
    return { ok: true as const };
  });
}
