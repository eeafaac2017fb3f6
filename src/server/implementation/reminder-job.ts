/**
 * 进展报告提醒 (issue 17): a daily sweep in the job queue (a pg-boss schedule, 08:00 Beijing) that
 * reminds each approved project's unit N days before a report is due and again once it is late —
 * only for periods not reported, never twice for one event: each send is a row of
 * `reminder_sends` under a unique key, inserted in the same transaction as the notice, so a second
 * run (after a restart, or on another instance at the same time) finds the key and sends nothing.
 * A late reminder also tells the recommender.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { reminderFor, reminderKey, type ReminderKind } from '../../domain/implementation';
import { shanghaiDateString } from '../../domain/shanghai-time';
import { writeAudit } from '../audit/write-audit';
import type { Services } from '../context';
import { campaigns, progressReports, projectReviews, projects, reminderSends } from '../db/schema';
import { emailsOf, sendEmails, type Email } from '../notifications/email';
import { notify } from '../notifications/notify';
import { reportSlots, scheduleOf } from './schedule';

export const PROGRESS_REMINDER_JOB = 'progress-reminders';
/** Every day at 08:00 Beijing (the queue schedules in Asia/Shanghai). */
export const PROGRESS_REMINDER_CRON = '0 8 * * *';

export async function sweepProgressReminders(services: Services): Promise<{ sent: number; skipped: number }> {
  const db = services.database.db;
  const now = services.clock.now();
  const today = shanghaiDateString(now);
  const rows = await db
    .select({ p: projects, config: campaigns.config })
    .from(projects)
    .innerJoin(campaigns, eq(campaigns.id, projects.campaignId))
    .where(and(eq(projects.state, 'approved'), isNull(projects.deletedAt)));
  if (!rows.length) return { sent: 0, skipped: 0 };
  const ids = rows.map((r) => r.p.id);
  const reports = await db.select().from(progressReports).where(and(inArray(progressReports.projectId, ids), eq(progressReports.kind, 'scheduled')));
  const approvals = await db
    .select({ projectId: projectReviews.projectId, at: projectReviews.createdAt })
    .from(projectReviews)
    .where(and(inArray(projectReviews.projectId, ids), eq(projectReviews.stage, 'approval'), eq(projectReviews.decision, 'approve')));

  let sent = 0;
  let skipped = 0;
  const ctx = { ...services, actor: null };
  for (const { p, config } of rows) {
    const schedule = scheduleOf(config);
    const approvedAt = approvals.filter((a) => a.projectId === p.id).reduce<Date | null>((m, a) => (!m || a.at > m ? a.at : m), null);
    const slots = reportSlots(schedule, shanghaiDateString(approvedAt ?? p.stateChangedAt), today, reports.filter((r) => r.projectId === p.id), now);
    for (const slot of slots) {
      const kind = reminderFor(schedule, slot.dueOn, !!slot.report, today);
      if (!kind) continue;
      const key = reminderKey(p.id, slot.period, kind);
      const emails: Email[] = [];
      const inserted = await db.transaction(async (tx) => {
        const recipients = [p.applicantOrgId, ...(kind === 'late' && p.recommenderOrgId ? [p.recommenderOrgId] : [])];
        const [row] = await tx.insert(reminderSends).values({ key, projectId: p.id, period: slot.period, kind, recipients: recipients.length, sentAt: now }).onConflictDoNothing().returning();
        if (!row) return false;
        const { title, body } = message(kind, p.name, slot.label, slot.dueOn);
        await notify(tx, now, { organisationId: p.applicantOrgId, title, body, link: `/applicant/implementation/${p.id}` });
        if (kind === 'late' && p.recommenderOrgId) {
          await notify(tx, now, { organisationId: p.recommenderOrgId, title: `进展报告逾期：${p.name}`, body: `${slot.label}进展报告应于${slot.dueOn}前报送，项目单位尚未报送。`, link: `/recommender/tracking/${p.id}` });
        }
        emails.push(...(await emailsOf(tx, [p.applicantOrgId], title, body)));
        await writeAudit(tx, ctx, { entity: 'project', entityId: p.id, action: 'progress_reminder', summary: { key, period: slot.period, kind, dueOn: slot.dueOn } });
        return true;
      });
      if (inserted) {
        sent++;
        await sendEmails(ctx, emails);
      } else skipped++;
    }
  }
  return { sent, skipped };
}

function message(kind: ReminderKind, project: string, label: string, dueOn: string) {
  return kind === 'before'
    ? { title: `进展报告即将到期：${project}`, body: `请于${dueOn}前报送${label}进展报告（已完成工作、指标测量值、存在问题、下一步计划）。` }
    : { title: `进展报告已逾期：${project}`, body: `${label}进展报告应于${dueOn}前报送，现已逾期，请尽快报送。` };
}

/** Registered by the workers: the handler, and the daily schedule (pg-boss keeps one per name across instances). */
export async function registerProgressReminders(services: Services): Promise<void> {
  await services.jobs.work(PROGRESS_REMINDER_JOB, async () => {
    await sweepProgressReminders(services);
  });
  await services.jobs.schedule(PROGRESS_REMINDER_JOB, PROGRESS_REMINDER_CRON);
}
