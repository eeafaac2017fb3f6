/** What applicants (and, read-only, their recommenders) see of 宣贯培训. */
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { SESSION_PHASE_LABELS, type MySignupDto, type OpenSessionDto } from '../../shared/training';
import { currentCampaign } from '../campaigns/campaign-repository';
import { projects, trainingSessions, trainingSignups } from '../db/schema';
import { projectScope } from '../policy/project-policy';
import { attendeesPerProject, phaseOf, sessionDtos, signupDto, signupsOf, wallClockText, type TrainingContext } from './session-repository';
import { requireApplicant, requireApplicantOrRecommender } from '../policy/role-guards';

/** Sessions still open for sign-up: not cancelled and not yet started (server clock). */
export async function openSessions(ctx: TrainingContext): Promise<{ items: OpenSessionDto[]; attendeesPerProject: number }> {
  requireApplicant(ctx.actor);
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const campaign = await currentCampaign(db, ctx.clock.now());
  const rows = await db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.campaignId, campaign.id), eq(trainingSessions.status, 'open'), gt(trainingSessions.startsAt, now)))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.title));
  const dtos = await sessionDtos(db, rows, now);
  const mine = new Map<string, number>();
  if (rows.length) {
    const counts = await db
      .select({ id: trainingSignups.sessionId, n: sql<number>`count(*)::int` })
      .from(trainingSignups)
      .innerJoin(projects, eq(projects.id, trainingSignups.projectId))
      .where(and(inArray(trainingSignups.sessionId, rows.map((r) => r.id)), eq(projects.applicantOrgId, ctx.actor.organisationId)))
      .groupBy(trainingSignups.sessionId);
    for (const c of counts) mine.set(c.id, Number(c.n));
  }
  return { items: dtos.map((d) => ({ ...d, mySignedUp: mine.get(d.id) ?? 0 })), attendeesPerProject: attendeesPerProject(campaign.config) };
}

/** The applicant's own projects that may send attendees: 已立项 in the active campaign. */
export async function eligibleProjects(ctx: TrainingContext) {
  requireApplicant(ctx.actor);
  const db = ctx.database.db;
  const campaign = await currentCampaign(db, ctx.clock.now());
  const rows = await db
    .select({ id: projects.id, name: projects.name, projectNo: projects.projectNo, applicationNo: projects.applicationNo })
    .from(projects)
    .where(and(projectScope(ctx.actor), eq(projects.campaignId, campaign.id), eq(projects.state, 'approved'), isNull(projects.deletedAt)))
    .orderBy(asc(projects.name));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, projectNo: r.projectNo ?? r.applicationNo })) };
}

/**
 * Sign-ups of the projects the actor may read (applicant: its own; recommender: those it
 * recommended), with their sessions. Mobile numbers are masked for both.
 */
export async function mySignups(ctx: TrainingContext): Promise<{ items: MySignupDto[] }> {
  requireApplicantOrRecommender(ctx.actor);
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const campaign = await currentCampaign(db, ctx.clock.now());
  const joined = await signupsOf(db, and(projectScope(ctx.actor), eq(projects.campaignId, campaign.id)));
  const sessionIds = [...new Set(joined.map((j) => j.s.sessionId))];
  const sessions = sessionIds.length ? await db.select().from(trainingSessions).where(inArray(trainingSessions.id, sessionIds)) : [];
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const items = joined.map((j) => {
    const s = byId.get(j.s.sessionId)!;
    const phase = phaseOf(s, now);
    return {
      ...signupDto(j, false),
      sessionTitle: s.title,
      venue: s.venue ?? '',
      startsAtText: wallClockText(s.startsAt),
      endsAtText: wallClockText(s.endsAt),
      phase,
      phaseLabel: SESSION_PHASE_LABELS[phase],
      cancelReason: s.cancelReason,
      canCancel: ctx.actor.role === 'applicant' && phase === 'upcoming',
    };
  });
  items.sort((a, b) => (a.startsAtText === b.startsAtText ? a.attendeeName.localeCompare(b.attendeeName, 'zh') : b.startsAtText.localeCompare(a.startsAtText)));
  return { items };
}
