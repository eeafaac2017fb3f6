/**
 * 进展报告提醒: the daily sweep with a moved clock — before the due date, after it (late), nothing
 * to a unit that has reported, never twice for one event (a second run after a "restart", two
 * instances at once); and the schedule lives in pg-boss (one per name across instances).
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovableClock } from '../clock';
import type { Services } from '../context';
import { notifications, progressReports, reminderSends, users } from '../db/schema';
import { PgBossQueue } from '../jobs/queue';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { PROGRESS_REMINDER_JOB, registerProgressReminders, sweepProgressReminders } from './reminder-job';

let t: TestApp;
let silent: { id: string; name: string };
let diligent: { id: string; name: string };

/** Another app instance on the same database: its own clock and queue, nothing shared in memory. */
const instance = (at: string): Services => ({ ...t.services, clock: new MovableClock(at) });

const noticesFor = async (projectName: string) =>
  (await t.services.database.db.select().from(notifications).where(like(notifications.title, `%${projectName}`))).map((n) => n.title.split('：')[0]).sort();

/** The reminder events recorded for a project (`period:kind`), or every key when null. */
async function sendsOf(projectId: string | null): Promise<string[]> {
  const rows = await t.services.database.db.select().from(reminderSends).where(projectId ? eq(reminderSends.projectId, projectId) : undefined);
  return rows.map((r) => (projectId ? `${r.period}:${r.kind}` : r.key)).sort();
}

beforeAll(async () => {
  t = await createTestApp();
  // Approved on 2026-04-10: the April report is due 2026-05-10 (default schedule: monthly, the 10th, 3 days before, 1 day after).
  silent = await insertProject(t, { applicant: 'demo_applicant', state: 'approved', name: '提高协作机器人关节模组装配一次合格率' });
  diligent = await insertProject(t, { applicant: 'app_029', state: 'approved', name: '提升光伏逆变器焊接质量稳定性' });
  const user = (await t.services.database.db.select().from(users).where(eq(users.username, 'app_029')))[0];
  await t.services.database.db.insert(progressReports).values({
    projectId: diligent.id,
    kind: 'scheduled',
    period: '2026-04',
    dueOn: '2026-05-10',
    done: '完成焊接缺陷统计与排列图分析',
    nextSteps: '开展DOE试验',
    authorId: user.id,
    submittedAt: new Date('2026-05-06T10:00:00+08:00'),
  });
});
afterAll(() => t?.close());

describe('progress reminders', () => {
  it('nothing before the reminder window opens', async () => {
    t.clock.set('2026-05-06T08:00:00+08:00');
    await sweepProgressReminders(t.services);
    expect(await sendsOf(silent.id)).toEqual([]);
  });

  it('reminds the unit that has not reported, 3 days before, once — also after a restart and with two instances at once', async () => {
    t.clock.set('2026-05-07T08:00:00+08:00');
    await sweepProgressReminders(t.services);
    expect(await sendsOf(silent.id)).toEqual(['2026-04:before']);
    expect(await noticesFor(silent.name)).toEqual(['进展报告即将到期']);
    expect(await noticesFor(diligent.name)).toEqual([]);

    // A restart: a new instance, the next day, still inside the window: the key is already there.
    const [a, b] = await Promise.all([sweepProgressReminders(instance('2026-05-08T08:00:00+08:00')), sweepProgressReminders(instance('2026-05-08T08:00:05+08:00'))]);
    expect(a.sent + b.sent).toBe(0);
    expect(a.skipped + b.skipped).toBeGreaterThanOrEqual(2);
    expect(await noticesFor(silent.name)).toEqual(['进展报告即将到期']);
  });

  it('after the due date: a late reminder to the unit and its recommender, sent once by two instances racing', async () => {
    const before = (await sendsOf(null)).length;
    const [a, b] = await Promise.all([sweepProgressReminders(instance('2026-05-11T08:00:00+08:00')), sweepProgressReminders(instance('2026-05-11T08:00:00+08:00'))]);
    // Each event sent once across both instances (the demo projects of the seed are reminded too):
    // every send made one new key, and whatever one instance sent the other skipped.
    expect(a.sent + b.sent).toBe((await sendsOf(null)).length - before);
    expect(a.skipped + b.skipped).toBeGreaterThanOrEqual(a.sent + b.sent);
    expect(await sendsOf(silent.id)).toEqual(['2026-04:before', '2026-04:late']);
    expect(await noticesFor(silent.name)).toEqual(['进展报告即将到期', '进展报告已逾期', '进展报告逾期']);
    const recommenderOrg = await orgOfUser(t, 'demo_recommender');
    const toRecommender = await t.services.database.db.select().from(notifications).where(and(eq(notifications.organisationId, recommenderOrg.id), like(notifications.title, '进展报告逾期%')));
    expect(toRecommender).toHaveLength(1);
    expect(await noticesFor(diligent.name)).toEqual([]);
  });

  it('is a pg-boss schedule: two instances registering keep one schedule, and the worker runs the sweep', async () => {
    const q1 = new PgBossQueue(t.services.database);
    const q2 = new PgBossQueue(t.services.database);
    try {
      await registerProgressReminders({ ...t.services, jobs: q1 });
      await registerProgressReminders({ ...t.services, jobs: q2 });
      const { rows } = await t.services.database.executeSql(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = $1`, [PROGRESS_REMINDER_JOB]);
      expect(rows).toEqual([{ name: PROGRESS_REMINDER_JOB, cron: '0 8 * * *', timezone: 'Asia/Shanghai' }]);
      // A job sent by the scheduler reaches a worker; on 2026-05-11 everything is already sent.
      t.clock.set('2026-06-07T08:00:00+08:00');
      await q1.send(PROGRESS_REMINDER_JOB, {});
      for (let i = 0; i < 40 && (await noticesFor(silent.name)).length < 4; i++) await new Promise((r) => setTimeout(r, 250));
      expect(await noticesFor(silent.name)).toEqual(['进展报告即将到期', '进展报告即将到期', '进展报告已逾期', '进展报告逾期']);
    } finally {
      await q1.stop();
      await q2.stop();
    }
  }, 60_000);
});
