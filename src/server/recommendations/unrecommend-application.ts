/** 撤销推荐: recommended → submitted, only while the project is not in a batch that left the recommender. */
import { eq } from 'drizzle-orm';
import { invalidState } from '../app-error';
import { recommendationBatches } from '../db/schema';
import { notify } from '../notifications/notify';
import { renumberRecommended } from './recommend-order';
import { loadProjectFor, PROJECT_LABEL } from '../projects/load-project';
import { applyTransition, checkTransition } from '../projects/transition';
import type { ActorContext } from '../context';
import { requireRecommender } from '../policy/role-guards';
import { projectLabel, reviewLink } from '../projects/project-label';

export async function unrecommendApplication(ctx: ActorContext, input: { id: string; version?: number; reason?: string }) {
  requireRecommender(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'review', input.id, { forUpdate: true, label: PROJECT_LABEL });
    const to = checkTransition(row, 'unrecommend', ctx.actor, { version: input.version });
    if (row.batchId) {
      const [batch] = await tx.select().from(recommendationBatches).where(eq(recommendationBatches.id, row.batchId));
      if (batch && (batch.state === 'sent' || batch.state === 'received')) {
        throw invalidState(`project ${row.id} in ${batch.state} batch`, '该项目已随推荐批次报送市市场监管委，不能撤销推荐');
      }
    }
    const now = ctx.clock.now();
    const reason = input.reason?.trim() || null;
    const updated = await applyTransition(tx, ctx, row, 'unrecommend', to, {
      set: { recommendOrder: null, recommendationOpinion: null, batchId: null },
      review: { stage: 'recommendation', decision: 'unrecommend', reason },
      audit: { summary: { from: row.state, to, reason, name: row.name } },
    });
    await renumberRecommended(tx, row.recommenderOrgId!, row.campaignId);
    await notify(tx, now, {
      organisationId: row.applicantOrgId,
      title: '推荐单位撤销了对申报项目的推荐',
      body: `推荐单位（${ctx.actor.organisationName}）撤销了对${projectLabel(row)}的推荐，项目回到待审核状态${reason ? `。说明：${reason}` : ''}。`,
      link: reviewLink(row.id),
    });
    return updated;
  });
}
