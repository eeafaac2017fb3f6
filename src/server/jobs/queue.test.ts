import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { PgBossQueue } from './queue';

let t: TestApp;
let queue: PgBossQueue;
beforeAll(async () => {
  t = await createTestApp();
  queue = new PgBossQueue(t.services.database);
});
afterAll(async () => {
  await queue.stop();
  await t.close();
});

describe('persistent job queue (pg-boss on the same database)', () => {
  it('keeps a job in the database and hands it to a worker', async () => {
    const id = await queue.send('notify-email', { to: 'zhangwei@example.cn', subject: '申报已退回补正', body: '请根据推荐单位意见修改后重新提交' });
    expect(id).toBeTruthy();
    const { rows } = await t.services.database.executeSql(`SELECT name, state, data FROM pgboss.job WHERE id = $1`, [id]);
    expect(rows[0]).toMatchObject({ name: 'notify-email', state: 'created' });
    const received = new Promise<any>((resolve) => void queue.work('notify-email', async (data) => resolve(data)));
    expect(await received).toMatchObject({ subject: '申报已退回补正' });
  }, 60_000);

  it('creates queues raced by workers starting and first sends (and by a second instance) without a deadlock', async () => {
    // CI once saw PostgreSQL's "deadlock detected" from two create_queue calls at once, which left
    // the server without workers. Every name here is new, so every call creates a queue.
    const other = new PgBossQueue(t.services.database);
    try {
      const names = Array.from({ length: 6 }, (_, i) => `race-${Date.now().toString(36)}-${i}`);
      const calls = names.flatMap((name, i) => [
        queue.work(name, async () => undefined),
        queue.send(name, { seq: i }),
        other.send(name, { seq: i, from: 'second instance' }),
      ]);
      const results = await Promise.allSettled(calls);
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      const { rows } = await t.services.database.executeSql(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = ANY($1)`, [names]);
      expect(rows[0].n).toBe(names.length);
    } finally {
      await other.stop();
    }
  }, 120_000);
});
