/**
 * 报名: an applicant signs up one attendee of its OWN `approved` project (program.md item 3: 立项
 * projects' 质量负责人、项目负责人和技术骨干). Capacity holds under concurrency: the session row is
 * locked (SELECT … FOR UPDATE) before the sign-ups are counted, so concurrent sign-ups queue on
 * that lock and the (capacity+1)-th sees a full session (409 名额已满).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { ATTENDEE_ROLE_LABELS, type SignupInput, type TrainingSignupDto } from '../../shared/training';
import { AppError, invalidState, notFound } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaigns, projects, trainingSessions, trainingSignups } from '../db/schema';
import { rememberIdempotent } from '../http/idempotency';
import { allow } from '../policy/policy';
import { attendeesPerProject, phaseOf, seesFullPhone, signupDto, signupsOf, type TrainingContext } from './session-repository';
import { requireApplicant } from '../policy/role-guards';

const conflict = (field: string, msg: string) => new AppError('conflict', `signup refused: ${field}`, msg, { fields: { [field]: msg } });

export async function signUp(ctx: TrainingContext, sessionId: string, input: SignupInput): Promise<TrainingSignupDto> {
  requireApplicant(ctx.actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [project] = await tx.select().from(projects).where(and(eq(projects.id, input.projectId), isNull(projects.deletedAt)));
    if (!project || !allow(ctx.actor, { kind: 'project', action: 'read', resource: project }) || project.applicantOrgId !== ctx.actor.organisationId) {
      throw notFound(`project ${input.projectId}`, '项目');
    }
    if (project.state !== 'approved') throw invalidState(`project ${project.id} is ${project.state}`, '仅已立项（实施中）的项目可以报名宣贯培训');

    // The lock that keeps the capacity: every sign-up of this session waits here for the one before.
    const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for('update');
    if (!session || session.campaignId !== project.campaignId) throw notFound(`training session ${sessionId}`, '培训场次');
    const phase = phaseOf(session, now);
    if (phase === 'cancelled') throw invalidState(`session ${sessionId} cancelled`, '该培训场次已取消，不能报名');
    if (phase !== 'upcoming') throw invalidState(`session ${sessionId} started`, '培训已开始，报名已截止');

    const existing = await tx
      .select({ projectId: trainingSignups.projectId, name: trainingSignups.attendeeName, phone: trainingSignups.attendeePhone })
      .from(trainingSignups)
      .where(eq(trainingSignups.sessionId, sessionId));
    const name = input.attendeeName.trim();
    const phone = input.attendeePhone.trim();
    if (existing.some((e) => e.phone === phone)) throw conflict('attendeePhone', `该手机号码的人员已报名本场培训，同一人不能重复报名`);
    if (existing.some((e) => e.projectId === project.id && e.name === name)) throw conflict('attendeeName', `“${name}”已报名本场培训，同一人不能重复报名`);
    if (existing.length >= session.capacity) throw new AppError('conflict', `session ${sessionId} full`, '名额已满，请选择其他场次');
    const [campaign] = await tx.select({ config: campaigns.config }).from(campaigns).where(eq(campaigns.id, session.campaignId));
    const limit = attendeesPerProject(campaign?.config);
    const mine = existing.filter((e) => e.projectId === project.id).length;
    if (mine >= limit) throw new AppError('conflict', `project ${project.id} at limit ${limit}`, `每个项目每场最多报名${limit}人，本项目已报满`);

    const [row] = await tx
      .insert(trainingSignups)
      .values({ sessionId, projectId: project.id, attendeeName: name, attendeeRole: input.attendeeRole, attendeePhone: phone, createdBy: ctx.actor.userId, createdAt: now })
      .returning();
    await writeAudit(tx, ctx, {
      entity: 'training_signup',
      entityId: row.id,
      action: 'create',
      // No phone in the audit summary: it is personal data and not needed to trace the act.
      summary: { session: session.title, sessionId, project: project.name, attendee: name, role: ATTENDEE_ROLE_LABELS[input.attendeeRole] },
    });
    const [joined] = await signupsOf(tx, eq(trainingSignups.id, row.id));
    const dto = signupDto(joined, seesFullPhone(ctx.actor));
    // The seat and the stored answer commit together: a retry after a lost answer replays it.
    await rememberIdempotent(tx, dto);
    return dto;
  });
}

