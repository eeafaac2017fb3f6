/**
 * What the recommender's review commands share: loading a project under a row lock with the
 * 404/403 decision, the optimistic version check, the workflow check, the applicant's in-app
 * notification and the e-mail sent after commit.
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { findTransition, refusalMessage, type ProjectAction, type ProjectState } from '../../domain/project-workflow';
import type { ReviewDecision } from '../../domain/vocabularies';
import { AppError, forbidden, invalidState, notFound, staleVersion } from '../app-error';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, projectReviews, projects, users } from '../db/schema';
import { allow, authorize } from '../policy/policy';

export type ProjectRow = typeof projects.$inferSelect;
export type ReviewContext = CommandContext & { actor: Actor };

/** Recommender routes: other roles are refused outright (403), before any record is looked at. */
export function requireRecommender(actor: Actor): void {
  if (actor.role !== 'recommender') throw forbidden(`role ${actor.role} on recommender route`, '仅推荐单位可以执行此操作');
}

export function requireCommission(actor: Actor): void {
  if (actor.role !== 'commission') throw forbidden(`role ${actor.role} on commission route`, '仅市市场监管委可以执行此操作');
}

/**
 * Loads a project for a review action (FOR UPDATE inside a transaction). Another recommender's
 * project, a draft, or a missing id all answer 404: existence does not leak.
 */
export async function loadProjectForReview(tx: DbOrTx, actor: Actor, id: string, lock = true): Promise<ProjectRow> {
  const q = tx.select().from(projects).where(eq(projects.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.deletedAt) throw notFound(`project ${id}`, '申报项目');
  const resource = { applicantOrgId: row.applicantOrgId, recommenderOrgId: row.recommenderOrgId, state: row.state };
  // Only recommenders reach this (requireRecommender); one who may not review it may not know it exists.
  if (!allow(actor, { kind: 'project', action: 'review', resource })) throw notFound(`project ${id} hidden`, '申报项目');
  authorize(actor, { kind: 'project', action: 'review', resource }, false);
  return row;
}

export function checkVersion(row: ProjectRow, version: number | undefined): void {
  if (version !== undefined && version !== row.version) throw staleVersion(`project ${row.id}`);
}

/** The workflow table decides which transitions exist; the message names the state and the action. */
export function checkTransition(row: ProjectRow, action: ProjectAction): ProjectState {
  const t = findTransition(action, row.state as ProjectState, 'recommender');
  if (!t) throw invalidState(`project ${row.id}: ${action} from ${row.state}`, refusalMessage(action, row.state as ProjectState));
  return t.to;
}

/** Trims and checks a required free text (reason / opinion); the message names the field. */
export function requireText(value: string | undefined, field: string, label: string, min: number): string {
  const v = (value ?? '').trim();
  if (!v) throw new AppError('validation', `${field} missing`, `请填写${label}`, { fields: { [field]: `请填写${label}` } });
  if (Array.from(v).length < min) {
    const msg = `${label}至少${min}个字，请写明具体情况`;
    throw new AppError('validation', `${field} too short`, msg, { fields: { [field]: msg } });
  }
  return v;
}

export function projectLabel(row: Pick<ProjectRow, 'name' | 'applicationNo'>): string {
  return `《${row.name || '未命名项目'}》${row.applicationNo ? `（${row.applicationNo}）` : ''}`;
}

export interface Email {
  to: string;
  subject: string;
  body: string;
}

/** E-mail addresses of the active users of the given organisations. */
export async function emailsOf(db: DbOrTx, orgIds: string[], subject: string, body: string): Promise<Email[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.organisationId, [...new Set(orgIds)]), eq(users.active, true), isNotNull(users.email)));
  return rows.filter((r) => r.email && r.email.includes('@')).map((r) => ({ to: r.email!, subject, body }));
}

/**
 * Queues e-mails AFTER commit. The job handler sends only when SMTP is configured; a queue failure
 * never undoes the committed decision (the in-app notification is already written).
 */
export async function sendEmails(ctx: CommandContext, emails: Email[]): Promise<void> {
  for (const e of emails) {
    try {
      await ctx.jobs.send('notify-email', e);
    } catch (err) {
      console.error('[recommendations] e-mail not queued', (err as Error).message);
    }
  }
}

export async function commissionOrgIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'commission'));
  return rows.map((r) => r.id);
}

export const reviewLink = (id: string) => `/applications/${id}`;

/**
 * Moves a project to `to` with `UPDATE … WHERE id = ? AND version = ?` (no row → stale version),
 * bumping the version and the state timestamp.
 */
export async function updateProjectState(
  tx: DbOrTx,
  now: Date,
  row: ProjectRow,
  to: ProjectState,
  set: Partial<typeof projects.$inferInsert> = {},
): Promise<ProjectRow> {
  const [updated] = await tx
    .update(projects)
    .set({ ...set, state: to, version: row.version + 1, stateChangedAt: now, updatedAt: now })
    .where(and(eq(projects.id, row.id), eq(projects.version, row.version)))
    .returning();
  if (!updated) throw staleVersion(`project ${row.id}`);
  return updated;
}

/**
 * Writes a project_reviews row (stage `recommendation`). Timestamps are kept strictly increasing
 * per project so the history has one order even when the clock stands still (tests, bulk runs).
 */
export async function insertReview(
  tx: DbOrTx,
  ctx: ReviewContext,
  row: ProjectRow,
  input: { decision: ReviewDecision; reason?: string | null; fieldComments?: Record<string, string>; checklist?: Record<string, unknown> },
): Promise<void> {
  const now = ctx.clock.now();
  const [last] = await tx
    .select({ at: projectReviews.createdAt })
    .from(projectReviews)
    .where(eq(projectReviews.projectId, row.id))
    .orderBy(desc(projectReviews.createdAt))
    .limit(1);
  const at = last && last.at.getTime() >= now.getTime() ? new Date(last.at.getTime() + 1) : now;
  await tx.insert(projectReviews).values({
    projectId: row.id,
    versionNo: row.submittedVersion || null,
    stage: 'recommendation',
    decision: input.decision,
    reason: input.reason ?? null,
    fieldComments: input.fieldComments ?? {},
    checklist: input.checklist ?? {},
    reviewerId: ctx.actor.userId,
    reviewerOrgId: ctx.actor.organisationId,
    createdAt: at,
  });
}
