import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { okSchema } from '../../shared/auth';
import { notificationListQuerySchema, notificationListSchema } from '../../shared/notifications';
import { notFound } from '../app-error';
import type { Services } from '../context';
import { notifications } from '../db/schema';
import { requireActor } from '../http/request-context';
import { findNotifications, mine, unreadCount } from './find-notifications';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema };

export function registerNotificationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  r.get(
    '/api/notifications',
    { schema: { tags: ['通知'], summary: '本单位的站内通知（可按状态、关键词筛选，分页）', querystring: notificationListQuerySchema, response: { 200: notificationListSchema, ...errors } } },
    async (req) => {
      return findNotifications(db, requireActor(req), req.query);
    },
  );

  r.get('/api/notifications/unread-count', { schema: { tags: ['通知'], summary: '未读通知数（页头铃铛）', response: { 200: z.object({ unread: z.number().int() }), 401: apiErrorSchema } } }, async (req) => ({
    unread: await unreadCount(db, requireActor(req)),
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
