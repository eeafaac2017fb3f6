/**
 * 未完成培训: the approved projects of the active campaign that miss the campaign's
 * required-attendance rule (src/domain/training-attendance.ts). The recommender sees its own
 * projects (projectScope), the commission all. Counted from sign-ups with attendance recorded by
 * check-in or the provider's tick.
 */
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { attendanceRuleOf, attendanceShortfalls, type AttendanceRule } from '../../domain/training-attendance';
import { ATTENDEE_ROLE_LABELS } from '../../shared/training';
import type { IncompleteListDto } from '../../shared/training-materials';
import { currentCampaign } from '../campaigns/campaign-repository';
import { organisations, projects, trainingSessions, trainingSignups } from '../db/schema';
import { projectScope } from '../policy/project-policy';
import { requireCommission, requireRecommender } from '../policy/role-guards';
import type { TrainingContext } from './session-repository';

export function ruleText(rule: AttendanceRule): string {
  const who = rule.role === 'any' ? '参训人员' : ATTENDEE_ROLE_LABELS[rule.role];
  return `每个已立项项目的${who}至少参加 ${rule.minSessions} 场宣贯培训`;
}

export async function incompleteProjects(ctx: TrainingContext): Promise<IncompleteListDto> {
  if (ctx.actor.role === 'recommender') requireRecommender(ctx.actor);
  else requireCommission(ctx.actor);
  const db = ctx.database.db;
  const campaign = await currentCampaign(db, ctx.clock.now());
  const rule = attendanceRuleOf(campaign.config);
  const applicant = alias(organisations, 'applicant');
  const recommender = alias(organisations, 'recommender');
  const approved = await db
    .select({ id: projects.id, name: projects.name, projectNo: projects.projectNo, applicationNo: projects.applicationNo, applicantName: applicant.name, recommenderName: recommender.name })
    .from(projects)
    .innerJoin(applicant, eq(applicant.id, projects.applicantOrgId))
    .leftJoin(recommender, eq(recommender.id, projects.recommenderOrgId))
    .where(and(projectScope(ctx.actor), eq(projects.campaignId, campaign.id), eq(projects.state, 'approved'), isNull(projects.deletedAt)))
    .orderBy(asc(applicant.name), asc(projects.name));
  const ids = approved.map((p) => p.id);
  const signups = ids.length
    ? await db
        .select({ projectId: trainingSignups.projectId, sessionId: trainingSignups.sessionId, role: trainingSignups.attendeeRole, attended: trainingSignups.attended, status: trainingSessions.status })
        .from(trainingSignups)
        .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignups.sessionId))
        .where(inArray(trainingSignups.projectId, ids))
    : [];
  const missing = attendanceShortfalls(
    ids,
    signups.map((s) => ({ projectId: s.projectId, sessionId: s.sessionId, role: s.role, attended: s.attended, sessionCancelled: s.status === 'cancelled' })),
    rule,
  );
  const byId = new Map(approved.map((p) => [p.id, p]));
  return {
    rule: ruleText(rule),
    approvedCount: approved.length,
    items: missing.map((m) => {
      const p = byId.get(m.projectId)!;
      return { ...m, projectName: p.name, projectNo: p.projectNo ?? p.applicationNo, applicantName: p.applicantName, recommenderName: p.recommenderName };
    }),
  };
}
