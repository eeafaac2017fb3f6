/**
 * Readiness checks (issue 19): the database answers, the file store takes and returns an object,
 * the job queue's tables answer. Each check has a time limit, so a hung dependency answers 503
 * instead of hanging the load balancer's probe.
 */
import type { Services } from '../context';

export interface CheckResult {
  ok: boolean;
  ms: number;
  /** English detail for operators (the log and the JSON answer); never user data. */
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; files: CheckResult; jobs: CheckResult };
}

const LIMIT_MS = 5_000;
/** A fixed tiny object: content-addressed, so every probe writes the same key. */
const PROBE = Buffer.from('gongguan readiness probe\n', 'utf8');

async function timed(fn: () => Promise<string | undefined>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${LIMIT_MS} ms`)), LIMIT_MS);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - started), detail: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

export async function jobQueueState(services: Services): Promise<{ started: boolean; rows: { name: string; state: string; n: number }[]; oldestWaitingSeconds: number }> {
  const { rows: found } = await services.database.executeSql(`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`);
  if (!found[0]?.present) return { started: false, rows: [], oldestWaitingSeconds: 0 };
  const { rows } = await services.database.executeSql(`SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY 1, 2`);
  const { rows: oldest } = await services.database.executeSql(
    `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(start_after)), 0)::float8 AS s FROM pgboss.job WHERE state IN ('created', 'retry') AND start_after <= now()`,
  );
  return { started: true, rows: rows.map((r) => ({ name: String(r.name), state: String(r.state), n: Number(r.n) })), oldestWaitingSeconds: Number(oldest[0]?.s ?? 0) };
}

export async function checkReadiness(services: Services): Promise<Readiness> {
  const [database, files, jobs] = await Promise.all([
    timed(async () => {
      await services.database.executeSql('SELECT 1');
      return services.database.kind;
    }),
    timed(async () => {
      const stored = await services.files.put(PROBE, { maxBytes: 1024 });
      const back = await services.files.read(stored.key);
      if (!back.equals(PROBE)) throw new Error('file store returned different bytes');
      return services.files.kind;
    }),
    timed(async () => {
      const q = await jobQueueState(services);
      const waiting = q.rows.filter((r) => r.state === 'created' || r.state === 'retry').reduce((n, r) => n + r.n, 0);
      return q.started ? `${waiting} waiting, oldest ${Math.round(q.oldestWaitingSeconds)} s` : 'queue not started yet';
    }),
  ]);
  return { ready: database.ok && files.ok && jobs.ok, checks: { database, files, jobs } };
}
