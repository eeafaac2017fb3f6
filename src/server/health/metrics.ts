/**
 * Prometheus metrics (prom-client): request rate, latency and errors per route pattern, job queue
 * depth, and the process defaults (CPU, memory, event-loop lag, GC). One registry per app instance.
 */
import client from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context';
import { jobQueueState } from './checks';

export function installMetrics(app: FastifyInstance, services: Services): client.Registry {
  const register = new client.Registry();
  client.collectDefaultMetrics({ register, prefix: 'gongguan_' });
  const requests = new client.Counter({ name: 'gongguan_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers: [register] });
  const errors = new client.Counter({ name: 'gongguan_http_server_errors_total', help: 'HTTP answers with status 5xx, by route pattern', labelNames: ['route'], registers: [register] });
  const duration = new client.Histogram({
    name: 'gongguan_http_request_duration_seconds',
    help: 'Time to answer, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  new client.Gauge({
    name: 'gongguan_jobs',
    help: 'Jobs in the queue by queue name and state (created/retry = waiting)',
    labelNames: ['queue', 'state'],
    registers: [register],
    async collect() {
      this.reset();
      const q = await jobQueueState(services).catch(() => null);
      for (const r of q?.rows ?? []) this.set({ queue: r.name, state: r.state }, r.n);
    },
  });
  new client.Gauge({
    name: 'gongguan_jobs_oldest_waiting_seconds',
    help: 'Age of the oldest job that could run but has not started (workers stopped or overloaded when it grows)',
    registers: [register],
    async collect() {
      const q = await jobQueueState(services).catch(() => null);
      this.set(q?.oldestWaitingSeconds ?? 0);
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    // The route pattern, never the concrete URL: ids would make one series per record.
    const route = req.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    requests.inc({ method: req.method, route, status: String(status) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    if (status >= 500) errors.inc({ route });
  });
  return register;
}
