/**
 * 撤回申报 (submitted → withdrawn): only while the recommender has not acted on this submission —
 * no review since it was submitted, and no recommendation order or opinion recorded.
 */
import { and, eq, gte } from 'drizzle-orm';
import { PROJECT_STATE_LABELS } from '../../domain/project-workflow';
import { invalidState } from '../app-error';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { projectReviews } from '../db/schema';
import { transition } from '../projects/transition';
import { notify } from '../notifications/notify';
import { loadProjectFor, type ProjectRow } from '../projects/load-project';

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
    const row = await loadProjectFor(tx, ctx.actor, 'withdraw', input.id, { forUpdate: true });
    const { updated: saved } = await transition(tx, ctx, row, 'withdraw', {
      version: input.version,
      guard: async () => {
        if (await recommenderHasActed(tx, row)) throw invalidState('recommender acted', ACTED_MESSAGE);
      },
      audit: (to) => ({ summary: { applicationNo: row.applicationNo, name: row.name, from: row.state, to } }),
    });
    const now = ctx.clock.now();
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
