/**
 * The persistent job queue (pg-boss 10) for work that runs after a command commits: e-mail,
 * notifications fan-out, document generation, scheduled deadline sweeps. On PGlite pg-boss talks
 * through the same single connection (an executeSql adapter).
 */
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';

export type JobHandler = (data: any) => Promise<void>;

/** PostgreSQL SQLSTATE 40P01. */
const DEADLOCK_DETECTED = '40P01';

export interface JobQueue {
  send(name: string, data: object, opts?: { singletonKey?: string; startAfter?: Date }): Promise<string | null>;
  work(name: string, handler: JobHandler): Promise<void>;
  schedule(name: string, cron: string, data?: object): Promise<void>;
  stop(): Promise<void>;
}

export class PgBossQueue implements JobQueue {
  private readonly boss: PgBoss;
  /** One creation per queue name, shared by every caller (a send racing the worker start). */
  private readonly queues = new Map<string, Promise<void>>();
  /** Creations run one at a time in this process (see `ready`). */
  private creating: Promise<unknown> = Promise.resolve();
  private started: Promise<unknown> | null = null;

  constructor(database: Database) {
    this.boss =
      database.kind === 'postgres'
        ? new PgBoss({ connectionString: database.connectionString!, max: 3, schema: 'pgboss' })
        : new PgBoss({ db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) }, schema: 'pgboss' } as any);
    this.boss.on('error', (err) => console.error('[jobs]', err.message));
  }

  /**
   * pg-boss's create_queue alters shared tables, and two creations at once deadlock in PostgreSQL
   * (seen in CI: the worker start racing a command's first send on a fresh database). So creations
   * run one at a time per process, and a deadlock with another instance starting at the same time
   * is retried.
   */
  private ready(name: string): Promise<void> {
    this.started ??= this.boss.start();
    let created = this.queues.get(name);
    if (!created) {
      const run = this.creating.then(async () => {
        await this.started;
        await this.createQueueRetryingDeadlocks(name);
      });
      this.creating = run.catch(() => undefined);
      created = run;
      this.queues.set(name, created);
      created.catch(() => this.queues.delete(name)); // a failed creation is tried again next time
    }
    return created;
  }

  private async createQueueRetryingDeadlocks(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.createQueue(name);
        return;
      } catch (err) {
        const deadlock = (err as { code?: string }).code === DEADLOCK_DETECTED;
        if (!deadlock || attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
      }
    }
  }

  async send(name: string, data: object, opts?: { singletonKey?: string; startAfter?: Date }) {
    await this.ready(name);
    return this.boss.send(name, data, { singletonKey: opts?.singletonKey, startAfter: opts?.startAfter, retryLimit: 5, retryBackoff: true });
  }

  async work(name: string, handler: JobHandler) {
    await this.ready(name);
    await this.boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  async schedule(name: string, cron: string, data: object = {}) {
    await this.ready(name);
    await this.boss.schedule(name, cron, data, { tz: 'Asia/Shanghai' });
  }

  async stop() {
    if (this.started) await this.boss.stop({ graceful: false, wait: true, timeout: 2000 } as any).catch(() => undefined);
  }
}

/**
 * Test double: records what would be queued, for request tests that do not exercise the queue.
 * The real queue has its own tests on PGlite and PostgreSQL.
 */
export class RecordingQueue implements JobQueue {
  readonly sent: { name: string; data: any }[] = [];
  private readonly handlers = new Map<string, JobHandler>();
  async send(name: string, data: object) {
    this.sent.push({ name, data });
    return String(this.sent.length);
  }
  async work(name: string, handler: JobHandler) {
    this.handlers.set(name, handler);
  }
  async schedule() {}
  async stop() {}
  /** Runs the recorded jobs through their handlers, as the workers would. */
  async drain() {
    while (this.sent.length) {
      const job = this.sent.shift()!;
      await this.handlers.get(job.name)?.(job.data);
    }
  }
}
