import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { okSchema } from '../../shared/auth';
import type { Services } from '../context';
import { notifications } from '../db/schema';
import { requireActor } from '../http/request-context';

const itemSchema = z.object({ id: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), read: z.boolean(), createdAt: z.string() });

export function registerNotificationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  r.get(
    '/api/notifications',
    { schema: { tags: ['通知'], summary: '本单位的站内通知', response: { 200: z.object({ items: z.array(itemSchema), unread: z.number() }), 401: apiErrorSchema } } },
    async (req) => {
      const actor = requireActor(req);
      const mine = eq(notifications.organisationId, actor.organisationId);
      const [rows, [{ n }]] = await Promise.all([
        db.select().from(notifications).where(mine).orderBy(desc(notifications.createdAt)).limit(50),
        db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
      ]);
      return { items: rows.map((x) => ({ id: x.id, title: x.title, body: x.body, link: x.link, read: !!x.readAt, createdAt: x.createdAt.toISOString() })), unread: Number(n) };
    },
  );
  r.post('/api/notifications/read-all', { schema: { tags: ['通知'], summary: '全部标为已读', response: { 200: okSchema, 401: apiErrorSchema } } }, async (req) => {
    const actor = requireActor(req);
    await db.update(notifications).set({ readAt: services.clock.now() }).where(and(eq(notifications.organisationId, actor.organisationId), isNull(notifications.readAt)));
    return { ok: true as const };
  });
}
