/** 取消培训场次 with a reason; every applicant with sign-ups is told (in-app, e-mail after commit). */
import { and, eq } from 'drizzle-orm';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { trainingSessions } from '../db/schema';
import { MIN_CANCEL_REASON_LENGTH, type TrainingSessionDto } from '../../shared/training';
import { rememberIdempotent } from '../http/idempotency';
import { notifyAttendees } from './notify-attendees';
import { loadSessionForManager, phaseOf, sessionDtos, wallClockText, type TrainingContext } from './session-repository';
import { requireText } from '../http/input';
import { sendEmails } from '../notifications/email';
import { requireTrainingManager } from '../policy/role-guards';

export async function cancelSession(ctx: TrainingContext, id: string, input: { version: number; reason: string }): Promise<TrainingSessionDto> {
  requireTrainingManager(ctx.actor);
  const now = ctx.clock.now();
  const { dto, emails } = await ctx.database.db.transaction(async (tx) => {
    const current = await loadSessionForManager(tx, ctx.actor, id, true);
    if (current.version !== input.version) throw staleVersion(`training session ${id}`);
    const phase = phaseOf(current, now);
    if (phase === 'cancelled') throw invalidState(`session ${id} already cancelled`, '该培训场次已取消');
    if (phase !== 'upcoming') throw invalidState(`session ${id} started`, '培训已开始，不能取消');
    const reason = requireText(input.reason, 'reason', '取消原因', MIN_CANCEL_REASON_LENGTH);
    const [row] = await tx
      .update(trainingSessions)
      .set({ status: 'cancelled', cancelReason: reason, cancelledAt: now, version: current.version + 1, updatedAt: now })
      .where(and(eq(trainingSessions.id, id), eq(trainingSessions.version, current.version)))
      .returning();
    if (!row) throw staleVersion(`training session ${id}`);
    const { emails, orgs } = await notifyAttendees(
      tx,
      now,
      id,
      '宣贯培训场次已取消',
      (names) => `您单位报名的宣贯培训“${row.title}”（${wallClockText(row.startsAt)}，${row.venue}）已取消。原因：${reason}。参训人员：${names}。请关注后续场次安排。`,
    );
    await writeAudit(tx, ctx, { entity: 'training_session', entityId: id, action: 'cancel', summary: { title: row.title, reason, notifiedOrganisations: orgs } });
    const [dto] = await sessionDtos(tx, [row], now);
    await rememberIdempotent(tx, dto);
    return { dto, emails };
  });
  await sendEmails(ctx, emails);
  return dto;
}
