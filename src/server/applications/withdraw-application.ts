/**
 * 撤回申报 (submitted → withdrawn): only while the recommender has not acted on this submission —
 * no review since it was submitted, and no recommendation order or opinion recorded.
 */
import { and, eq, gte } from 'drizzle-orm';
import { findTransition, PROJECT_STATE_LABELS, refusalMessage } from '../../domain/project-workflow';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { projectReviews, projects } from '../db/schema';
import { notify } from '../notifications/notify';
import { projectForActor, type ProjectRow } from './application-repository';

export async function recommenderHasActed(db: DbOrTx, row: ProjectRow): Promise<boolean> {
  if (row.recommendOrder !== null || (row.recommendationOpinion ?? '').trim() !== '') return true;
  const since = row.submittedAt ?? row.createdAt;
  const [r] = await db
    .select({ id: projectReviews.id })
    .from(projectReviews)
    .where(and(eq(projectReviews.projectId, row.id), gte(projectReviews.createdAt, since)))
    .limit(1);
  return !!r;
}

export const ACTED_MESSAGE = '推荐单位已开始审核该申报书，不能撤回；如需修改，请联系推荐单位退回补正';

export async function withdrawApplication(ctx: CommandContext & { actor: Actor }, input: { id: string; version: number }) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await projectForActor(tx, ctx.actor, input.id, 'withdraw', { forUpdate: true });
    const t = findTransition('withdraw', row.state, 'applicant');
    if (!t) throw invalidState(`withdraw from ${row.state}`, refusalMessage('withdraw', row.state));
    if (row.version !== input.version) throw staleVersion(`project ${row.id}`);
    if (await recommenderHasActed(tx, row)) throw invalidState('recommender acted', ACTED_MESSAGE);
    const now = ctx.clock.now();
    const [saved] = await tx
      .update(projects)
      .set({ state: t.to, version: row.version + 1, stateChangedAt: now, updatedAt: now })
      .where(and(eq(projects.id, row.id), eq(projects.version, input.version)))
      .returning();
    if (!saved) throw staleVersion(`project ${row.id}`);
    await writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: 'withdraw', summary: { applicationNo: row.applicationNo, name: row.name, from: row.state, to: t.to } });
    if (row.recommenderOrgId) {
      await notify(tx, now, {
        organisationId: row.recommenderOrgId,
        title: '申报单位撤回了申报书',
        body: `${ctx.actor.organisationName}撤回了《${row.name}》（申报编号 ${row.applicationNo ?? '—'}），无需审核。`,
        link: `/applications/${row.id}`,
      });
    }
    return { id: saved.id, state: saved.state, stateLabel: PROJECT_STATE_LABELS[saved.state], version: saved.version };
  });
}
