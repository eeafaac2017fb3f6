/** 取消报名: the applicant withdraws one of its sign-ups before the session starts (server clock). */
import { eq } from 'drizzle-orm';
import { invalidState, notFound } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { projects, trainingSessions, trainingSignups } from '../db/schema';
import { rememberIdempotent } from '../http/idempotency';
import { phaseOf, type TrainingContext } from './session-repository';
import { requireApplicant } from '../policy/role-guards';

export async function cancelSignup(ctx: TrainingContext, signupId: string): Promise<{ id: string; cancelled: true }> {
  requireApplicant(ctx.actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ s: trainingSignups, applicantOrgId: projects.applicantOrgId, projectName: projects.name })
      .from(trainingSignups)
      .innerJoin(projects, eq(projects.id, trainingSignups.projectId))
      .where(eq(trainingSignups.id, signupId));
    // Another applicant's sign-up answers exactly like a missing one.
    if (!found || found.applicantOrgId !== ctx.actor.organisationId) throw notFound(`signup ${signupId}`, '报名记录');
    const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, found.s.sessionId)).for('update');
    const phase = phaseOf(session, now);
    if (phase === 'cancelled') throw invalidState(`session ${session.id} cancelled`, '该培训场次已取消，无需取消报名');
    if (phase !== 'upcoming') throw invalidState(`session ${session.id} started`, '培训已开始，不能取消报名');
    // A twin cancel that waited on the lock finds the row gone: same answer as a missing one.
    const deleted = await tx.delete(trainingSignups).where(eq(trainingSignups.id, signupId)).returning({ id: trainingSignups.id });
    if (deleted.length === 0) throw notFound(`signup ${signupId} gone`, '报名记录');
    await writeAudit(tx, ctx, {
      entity: 'training_signup',
      entityId: signupId,
      action: 'cancel',
      summary: { session: session.title, sessionId: session.id, project: found.projectName, attendee: found.s.attendeeName },
    });
    const result = { id: signupId, cancelled: true as const };
    await rememberIdempotent(tx, result);
    return result;
  });
}
