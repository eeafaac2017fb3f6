/**
 * Retried submits are idempotent (DEVELOPERS.md): a client sends `Idempotency-Key`; the first
 * successful answer is stored per user and key and replayed for every retry.
 *
 * The stored answer is written INSIDE the command's transaction (issue 7.4/7.5): a command calls
 * `rememberIdempotent(tx, answer)` just before its transaction ends, so "committed" and "answer
 * stored" are one atomic fact — a crash after the commit still lets the retry replay instead of
 * being refused by the state machine ("已报送"). Commands that do not call it yet keep the older
 * behaviour (stored after the command returns). Because the row is inserted without ON CONFLICT,
 * two requests with the same key racing each other cannot both commit: the loser's transaction
 * fails (or is refused by the state machine) and it replays the winner's answer.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../app-error';
import type { Services } from '../context';
import type { DbOrTx } from '../db/client';
import { idempotencyKeys } from '../db/schema';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * Test-only fault injection, inert unless set: `GG_FAULT_KILL_AFTER_COMMIT="POST /api/…"` makes the
 * process SIGKILL itself after that route's command returned (committed) and before the answer
 * leaves — the window the crash-safety test needs to hit deterministically.
 */
export const FAULT_KILL_AFTER_COMMIT = 'GG_FAULT_KILL_AFTER_COMMIT';

interface PendingKey {
  key: string;
  userId: string;
  route: string;
  now: Date;
  /** Transactions that already hold the record (a command that retries its transaction records again). */
  recordedIn: WeakSet<object>;
}

const pending = new AsyncLocalStorage<PendingKey>();

/**
 * Stores the answer of the keyed request being served, in the command's own transaction. A no-op
 * outside a keyed request, and when called again in the same transaction. `response` must be
 * exactly what the route answers (the JSON body).
 */
export async function rememberIdempotent(tx: DbOrTx, response: unknown): Promise<void> {
  const p = pending.getStore();
  if (!p || p.recordedIn.has(tx)) return;
  await tx.insert(idempotencyKeys).values({ key: p.key, userId: p.userId, route: p.route, statusCode: 200, response: response as object, createdAt: p.now });
  p.recordedIn.add(tx);
}

export async function withIdempotency<T>(services: Services, req: FastifyRequest, reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  const key = req.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string' || !req.actor) return run();
  if (key.length < 8 || key.length > 100) throw new AppError('validation', 'bad idempotency key', '请求标识（Idempotency-Key）格式不正确');
  // The key is bound to the concrete request target (method + path with its ids), not the route
  // template: a key reused on another project must not replay the first project's answer.
  const routeTemplate = `${req.method} ${req.routeOptions.url}`;
  const route = `${req.method} ${req.url.split('?')[0]}`;
  const userId = req.actor.userId;
  const db = services.database.db;
  const find = async () => (await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key))))[0];
  const replay = (prior: NonNullable<Awaited<ReturnType<typeof find>>>): T => {
    if (prior.route !== route) throw new AppError('conflict', 'idempotency key reused', '请求标识已用于其他操作');
    reply.header('Idempotent-Replay', 'true');
    return prior.response as T;
  };
  const prior = await find();
  if (prior) return replay(prior);

  const scope: PendingKey = { key, userId, route, now: services.clock.now(), recordedIn: new WeakSet() };
  let result: T;
  try {
    result = await pending.run(scope, run);
  } catch (err) {
    // A twin request with the same key (double click, client retry while the first was still
    // running) committed first: answer what it answered rather than the refusal it caused.
    const twin = await find().catch(() => undefined);
    if (twin) return replay(twin);
    throw err;
  }
  if (process.env[FAULT_KILL_AFTER_COMMIT] === routeTemplate) process.kill(process.pid, 'SIGKILL');
  // Commands that do not call rememberIdempotent yet (or whose recording transaction was rolled back
  // and retried without it): store the answer now. A no-op when the command's transaction stored it.
  await db
    .insert(idempotencyKeys)
    .values({ key, userId, route, statusCode: 200, response: result as object, createdAt: scope.now })
    .onConflictDoNothing();
  return result;
}
