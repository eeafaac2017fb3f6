/**
 * Retried submits are idempotent (DEVELOPERS.md): a client sends `Idempotency-Key`; the first
 * successful answer is stored per user and key and replayed for every retry.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../app-error';
import type { Services } from '../context';
import { idempotencyKeys } from '../db/schema';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export async function withIdempotency<T>(services: Services, req: FastifyRequest, reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  const key = req.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string' || !req.actor) return run();
  if (key.length < 8 || key.length > 100) throw new AppError('validation', 'bad idempotency key', '请求标识（Idempotency-Key）格式不正确');
  const route = `${req.method} ${req.routeOptions.url}`;
  const db = services.database.db;
  const find = async () =>
    (await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, req.actor!.userId), eq(idempotencyKeys.key, key))))[0];
  const prior = await find();
  if (prior) {
    if (prior.route !== route) throw new AppError('conflict', 'idempotency key reused', '请求标识已用于其他操作');
    reply.header('Idempotent-Replay', 'true');
    return prior.response as T;
  }
  const result = await run();
  await db
    .insert(idempotencyKeys)
    .values({ key, userId: req.actor.userId, route, statusCode: 200, response: result as object, createdAt: services.clock.now() })
    .onConflictDoNothing();
  return result;
}
