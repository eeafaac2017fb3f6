/**
 * 修改培训场次: optimistic `version`; not once the session has started or was cancelled; the
 * capacity never below the current sign-ups; a new time or venue is announced to those signed up.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { SessionUpdate } from '../../shared/training';
import { AppError, invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { trainingSessions, trainingSignups } from '../db/schema';
import { notifyAttendees } from './notify-attendees';
import { checkSessionInput } from './session-input';
import { loadSessionForManager, phaseOf, wallClockText, type SessionRow, type TrainingContext } from './session-repository';
import { type Email, sendEmails } from '../notifications/email';
import { requireTrainingManager } from '../policy/role-guards';

export async function signupCount(tx: Parameters<typeof loadSessionForManager>[0], sessionId: string): Promise<number> {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(trainingSignups).where(eq(trainingSignups.sessionId, sessionId));
  return Number(r?.n ?? 0);
}

export async function updateSession(ctx: TrainingContext, id: string, input: SessionUpdate): Promise<SessionRow> {
  requireTrainingManager(ctx.actor);
  const now = ctx.clock.now();
  const { row, emails } = await ctx.database.db.transaction(async (tx) => {
    // Locked: a sign-up cannot slip in between the count below and the new capacity.
    const current = await loadSessionForManager(tx, ctx.actor, id, true);
    if (current.version !== input.version) throw staleVersion(`training session ${id}`);
    const phase = phaseOf(current, now);
    if (phase === 'cancelled') throw invalidState(`session ${id} cancelled`, '该培训场次已取消，不能修改');
    if (phase !== 'upcoming') throw invalidState(`session ${id} started`, '培训已开始，不能修改场次信息');
    // Only upcoming sessions are edited, so the (new) start must still lie ahead.
    const checked = checkSessionInput(input, now, { mustBeFuture: true });
    const n = await signupCount(tx, id);
    if (checked.capacity < n) {
      const msg = `容量不能少于已报名人数（${n}人）`;
      throw new AppError('conflict', `capacity ${checked.capacity} < ${n} signups`, msg, { fields: { capacity: msg } });
    }
    const [row] = await tx
      .update(trainingSessions)
      .set({ ...checked, version: current.version + 1, updatedAt: now })
      .where(and(eq(trainingSessions.id, id), eq(trainingSessions.version, current.version)))
      .returning();
    if (!row) throw staleVersion(`training session ${id}`);
    const moved = row.startsAt.getTime() !== current.startsAt.getTime() || row.endsAt.getTime() !== current.endsAt.getTime() || row.venue !== current.venue;
    let emails: Email[] = [];
    if (moved) {
      const when = `${wallClockText(row.startsAt)}至${wallClockText(row.endsAt)}`;
      ({ emails } = await notifyAttendees(tx, now, id, '宣贯培训时间或地点变更', (names) => `您单位报名的宣贯培训“${row.title}”调整为${when}（北京时间），地点：${row.venue}。参训人员：${names}。`));
    }
    await writeAudit(tx, ctx, {
      entity: 'training_session',
      entityId: id,
      action: 'update',
      summary: {
        before: { title: current.title, venue: current.venue, startsAt: current.startsAt.toISOString(), endsAt: current.endsAt.toISOString(), capacity: current.capacity },
        after: { title: row.title, venue: row.venue, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), capacity: row.capacity },
        notified: moved,
      },
    });
    return { row, emails };
  });
  await sendEmails(ctx, emails);
  return row;
}
