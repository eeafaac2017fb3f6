/**
 * The one way to load a project for an actor and an action (issue 11). Existence does not leak:
 * a missing, deleted, or not-visible project answers 404 (the actor may not `read` it); a project
 * the actor may see but not act on answers 403. Inside a transaction, `forUpdate` takes the row lock.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { notFound } from '../app-error';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { projects } from '../db/schema';
import { allow, authorize } from '../policy/policy';
import type { ProjectAction } from '../policy/project-policy';

export type ProjectRow = typeof projects.$inferSelect;

/** What the label in "…不存在或无权访问" calls the record (the applicant's 申报书, a reviewer's 申报项目). */
export const APPLICATION_LABEL = '申报书';
export const PROJECT_LABEL = '申报项目';

export function projectResource(row: Pick<ProjectRow, 'applicantOrgId' | 'recommenderOrgId' | 'state'>) {
  return { applicantOrgId: row.applicantOrgId, recommenderOrgId: row.recommenderOrgId, state: row.state };
}

/** 404 unless the row exists and the actor may read it; then 403 unless the actor may take `action`. */
export function assertProjectFor(actor: Actor, action: ProjectAction, row: ProjectRow | undefined, id: string, label = APPLICATION_LABEL): asserts row is ProjectRow {
  if (!row || row.deletedAt) throw notFound(`project ${id}`, label);
  const resource = projectResource(row);
  if (!allow(actor, { kind: 'project', action: 'read', resource })) throw notFound(`project ${id} hidden`, label);
  authorize(actor, { kind: 'project', action, resource });
}

export async function loadProjectFor(
  db: DbOrTx,
  actor: Actor,
  action: ProjectAction,
  id: string,
  opts: { forUpdate?: boolean; label?: string } = {},
): Promise<ProjectRow> {
  const q = db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), isNull(projects.deletedAt)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  assertProjectFor(actor, action, row, id, opts.label);
  return row;
}

/**
 * Several projects under row locks, taken in id order (the lock order of every multi-project
 * command: projects → counters → audit, so concurrent commands cannot deadlock). The caller checks
 * each row with `assertProjectFor` (a bulk command answers per item).
 */
export async function lockProjects(tx: DbOrTx, ids: string[]): Promise<Map<string, ProjectRow>> {
  const rows = await tx.select().from(projects).where(inArray(projects.id, ids)).orderBy(asc(projects.id)).for('update');
  return new Map(rows.map((r) => [r.id, r]));
}
