/**
 * 签到/出勤: the provider ticks who came, in bulk, once the session has started (server clock).
 * All-or-nothing: an id that is not a sign-up of this session refuses the whole list.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { invalidState, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { trainingSignups } from '../db/schema';
import { countsFor, loadSessionForManager, phaseOf, type TrainingContext } from './session-repository';
import { requireTrainingManager } from '../policy/role-guards';

export async function markAttendance(ctx: TrainingContext, id: string, input: { items: { id: string; attended: boolean }[] }) {
  requireTrainingManager(ctx.actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const session = await loadSessionForManager(tx, ctx.actor, id, true);
    const phase = phaseOf(session, now);
    if (phase === 'cancelled') throw invalidState(`session ${id} cancelled`, '该培训场次已取消，不能登记出勤');
    if (phase === 'upcoming') throw invalidState(`session ${id} not started`, '培训开始后才能登记出勤');
    const ids = [...new Set(input.items.map((i) => i.id))];
    const known = new Set(
      (await tx.select({ id: trainingSignups.id }).from(trainingSignups).where(and(eq(trainingSignups.sessionId, id), inArray(trainingSignups.id, ids)))).map((r) => r.id),
    );
    const unknown: Record<string, string> = {};
    input.items.forEach((it, i) => {
      if (!known.has(it.id)) unknown[`items.${i}.id`] = `名单第${i + 1}项不是本场次的报名记录`;
    });
    if (Object.keys(unknown).length) throw validation(unknown);
    for (const attended of [true, false]) {
      const group = input.items.filter((i) => i.attended === attended).map((i) => i.id);
      if (group.length) await tx.update(trainingSignups).set({ attended, attendanceMarkedAt: now }).where(and(eq(trainingSignups.sessionId, id), inArray(trainingSignups.id, group)));
    }
    const counts = (await countsFor(tx, [id])).get(id);
    await writeAudit(tx, ctx, {
      entity: 'training_session',
      entityId: id,
      action: 'attendance',
      summary: { title: session.title, present: input.items.filter((i) => i.attended).length, absent: input.items.filter((i) => !i.attended).length },
    });
    return { updated: ids.length, attendedCount: counts?.attended ?? 0 };
  });
}
