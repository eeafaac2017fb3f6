import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { forbidden } from '../app-error';
import type { Services } from '../context';
import { checkReadiness } from './checks';
import { installMetrics } from './metrics';

const check = z.object({ ok: z.boolean(), ms: z.number(), detail: z.string().optional() });
const readiness = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  checks: z.object({ database: check, files: check, jobs: check }),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Metrics are for the monitoring system only: answered to a direct connection from this machine
 * (no proxy headers: a request relayed by a local nginx is not "local"), or to anyone presenting
 * METRICS_TOKEN as a bearer token.
 */
function mayReadMetrics(req: FastifyRequest, token: string | undefined): boolean {
  const auth = req.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice('Bearer '.length));
    const want = Buffer.from(token);
    if (given.length === want.length && timingSafeEqual(given, want)) return true;
  }
  const relayed = req.headers['x-forwarded-for'] !== undefined || req.headers['x-real-ip'] !== undefined || req.headers.forwarded !== undefined;
  return !relayed && LOOPBACK.has(req.socket.remoteAddress ?? '');
}

/**
 * Liveness (the process answers: restart it when this fails), readiness (send it traffic: the
 * database, the file store and the job queue answer), and Prometheus metrics.
 * `/api/health` stays the readiness answer for existing load-balancer configurations.
 */
export function registerHealthRoutes(app: FastifyInstance, services: Services, opts: { version: string; metricsToken?: string }) {
  const register = installMetrics(app, services);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health/live', { schema: { tags: ['系统'], summary: '存活检查（进程是否在响应）', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  const ready = async (_req: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const result = await checkReadiness(services);
    if (!result.ready) {
      reply.status(503);
      reply.log.warn({ checks: result.checks }, 'not ready');
    }
    return { status: result.ready ? ('ok' as const) : ('unavailable' as const), db: services.database.kind, version: opts.version, checks: result.checks };
  };
  const readySchema = { tags: ['系统'], response: { 200: readiness, 503: readiness } };
  r.get('/api/health/ready', { schema: { ...readySchema, summary: '就绪检查（数据库、文件存储、任务队列）' } }, ready);
  r.get('/api/health', { schema: { ...readySchema, summary: '健康检查（同就绪检查）' } }, ready);

  r.get(
    '/api/metrics',
    { schema: { tags: ['系统'], summary: '运行指标（Prometheus 文本格式；仅限本机直接访问或携带 METRICS_TOKEN）', response: { 403: apiErrorSchema } } },
    async (req, reply) => {
      if (!mayReadMetrics(req, opts.metricsToken)) throw forbidden('metrics outside loopback without token', '运行指标只能从本机直接访问，或携带监控令牌（METRICS_TOKEN）访问');
      reply.type(register.contentType);
      return reply.send((await register.metrics()) as never); // text, not one of the JSON shapes above
    },
  );
}
