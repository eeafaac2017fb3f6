/**
 * What the 立项审核 commands share: loading a project under a row lock with the 404 decision,
 * the workflow and version checks, the decision window (server clock), the 立项编号 counter, the
 * approval review record and the notifications to the applicant and its recommender.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { formatShanghai } from '../../domain/deadlines';
import { approvalOpensAt, formatProjectNo } from '../../domain/project-number';
import { findTransition, PROJECT_STATE_LABELS, refusalMessage, type ProjectAction, type ProjectState } from '../../domain/project-workflow';
import type { DecisionResult } from '../../shared/approvals';
import { AppError, invalidState, notFound, staleVersion } from '../app-error';
import type { Actor, CommandContext } from '../context';
import type { CampaignRow } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { counters, projectReviews, projects } from '../db/schema';
import { notify } from '../notifications/notify';
import { allow, authorize } from '../policy/policy';
import { emailsOf, projectLabel, requireCommission, type Email } from '../recommendations/review-support';

export type ProjectRow = typeof projects.$inferSelect;
export type DecisionContext = CommandContext & { actor: Actor };

export const PROJECT_NO_COUNTER = 'project_no';

/** The campaign settings this area reads (CampaignConfig.projectNoFormat / approvalOpensAt, both optional). */
type ApprovalConfig = { projectNoFormat?: string; approvalOpensAt?: string; windows: { application: { closesAt: string } } };
const approvalConfig = (campaign: CampaignRow) => campaign.config as ApprovalConfig;

export { requireCommission };

/** A commission user who may not know the row (a draft, a deleted or missing id) gets 404. */
function checkVisible(actor: Actor, row: ProjectRow | undefined, id: string): asserts row is ProjectRow {
  if (!row || row.deletedAt) throw notFound(`project ${id}`, '申报项目');
  const resource = { applicantOrgId: row.applicantOrgId, recommenderOrgId: row.recommenderOrgId, state: row.state };
  if (!allow(actor, { kind: 'project', action: 'read', resource })) throw notFound(`project ${id} hidden`, '申报项目');
  authorize(actor, { kind: 'project', action: 'approve', resource });
}

export async function loadProjectForDecision(tx: DbOrTx, actor: Actor, id: string): Promise<ProjectRow> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
  checkVisible(actor, row, id);
  return row;
}

/**
 * Bulk: every row locked up front, in id order, BEFORE the counter is taken. Single approvals
 * lock one project and then the counter, so the lock order is always projects → counter → audit
 * and concurrent approvals cannot deadlock.
 */
export async function loadProjectsForDecision(tx: DbOrTx, actor: Actor, ids: string[]): Promise<Map<string, ProjectRow>> {
  const rows = await tx.select().from(projects).where(inArray(projects.id, ids)).orderBy(asc(projects.id)).for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

export { checkVisible };

/** Version first (a stale screen must reload), then the workflow table. */
export function checkDecision(row: ProjectRow, action: Extract<ProjectAction, 'approve' | 'reject'>, version: number): ProjectState {
  if (row.version !== version) throw staleVersion(`project ${row.id}`);
  const t = findTransition(action, row.state as ProjectState, 'commission');
  if (!t) throw invalidState(`project ${row.id}: ${action} from ${row.state}`, refusalMessage(action, row.state as ProjectState));
  return t.to;
}

export function decisionsStatus(campaign: CampaignRow, now: Date): { open: boolean; opensAt: Date; message: string | null } {
  const opensAt = approvalOpensAt(approvalConfig(campaign));
  const open = now.getTime() >= opensAt.getTime();
  return {
    open,
    opensAt,
    message: open ? null : `立项审核尚未开始：各推荐单位报送截止后方可立项，开始时间为${formatShanghai(opensAt)}（北京时间）`,
  };
}

/** Decisions wait for the application deadline (seed 四（一）then（二）), judged on the server clock. */
export function assertDecisionsOpen(campaign: CampaignRow, now: Date): void {
  const s = decisionsStatus(campaign, now);
  if (!s.open) throw new AppError('window_not_open', 'approval not open yet', s.message!);
}

/**
 * 立项编号: gap-free per campaign. The counter row is upserted inside the approve transaction and
 * stays locked until commit; a rolled-back approve gives its number back.
 */
export async function nextProjectNo(tx: DbOrTx, campaign: CampaignRow): Promise<string> {
  const [row] = await tx
    .insert(counters)
    .values({ scope: campaign.id, name: PROJECT_NO_COUNTER, value: 1 })
    .onConflictDoUpdate({ target: [counters.scope, counters.name], set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return formatProjectNo(approvalConfig(campaign).projectNoFormat, campaign.year, row.value);
}

export async function updateDecided(tx: DbOrTx, now: Date, row: ProjectRow, to: ProjectState, set: Partial<typeof projects.$inferInsert>): Promise<ProjectRow> {
  const [updated] = await tx
    .update(projects)
    .set({ ...set, state: to, version: row.version + 1, stateChangedAt: now, updatedAt: now })
    .where(and(eq(projects.id, row.id), eq(projects.version, row.version)))
    .returning();
  if (!updated) throw staleVersion(`project ${row.id}`);
  return updated;
}

export async function insertApprovalReview(tx: DbOrTx, ctx: DecisionContext, row: ProjectRow, decision: 'approve' | 'reject', reason: string | null): Promise<void> {
  await tx.insert(projectReviews).values({
    projectId: row.id,
    versionNo: row.submittedVersion || null,
    stage: 'approval',
    decision,
    reason,
    reviewerId: ctx.actor.userId,
    reviewerOrgId: ctx.actor.organisationId,
    createdAt: ctx.clock.now(),
  });
}

/** In-app notices to the applicant and its recommender (same transaction); e-mails after commit. */
export async function notifyDecision(tx: DbOrTx, now: Date, row: ProjectRow, updated: ProjectRow): Promise<Email[]> {
  const label = projectLabel(row);
  const approved = updated.state === 'approved';
  const title = approved ? '申报项目已立项' : '申报项目未立项';
  const applicantBody = approved
    ? `您单位申报的${label}经市市场监管委立项审核，已列入年度天津市质量攻关项目计划，立项编号：${updated.projectNo}。请按要求参加宣贯培训并组织实施。`
    : `您单位申报的${label}经市市场监管委立项审核，未予立项。原因：${updated.lastReason}`;
  const recommenderBody = approved
    ? `您单位推荐的${label}已立项，立项编号：${updated.projectNo}。请做好跟踪服务。`
    : `您单位推荐的${label}未予立项。原因：${updated.lastReason}`;
  await notify(tx, now, { organisationId: row.applicantOrgId, title, body: applicantBody, link: `/applicant/applications/${row.id}` });
  const emails = await emailsOf(tx, [row.applicantOrgId], `【天津市质量攻关】${title}`, applicantBody);
  if (row.recommenderOrgId) {
    await notify(tx, now, { organisationId: row.recommenderOrgId, title: approved ? '推荐项目已立项' : '推荐项目未立项', body: recommenderBody, link: `/recommender/reviews/${row.id}` });
    emails.push(...(await emailsOf(tx, [row.recommenderOrgId], `【天津市质量攻关】${approved ? '推荐项目已立项' : '推荐项目未立项'}`, recommenderBody)));
  }
  return emails;
}

export function decisionResult(p: ProjectRow): DecisionResult {
  return {
    id: p.id,
    state: p.state as ProjectState,
    stateLabel: PROJECT_STATE_LABELS[p.state as ProjectState],
    version: p.version,
    projectNo: p.projectNo,
    rejectReason: p.state === 'rejected' ? p.lastReason : null,
  };
}
