/**
 * 整批退回: the commission returns a sent (or received) batch with a reason. The batch → returned,
 * its projects under_review → recommended (back on the recommender's list, order kept); the
 * recommender re-sends them in a new batch (within the deadline or a reopening).
 */
import { and, eq } from 'drizzle-orm';
import { findTransition, refusalMessage, type ProjectState } from '../../domain/project-workflow';
import { MIN_REASON_LENGTH } from '../../shared/recommendations';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { projects, recommendationBatches } from '../db/schema';
import { notify } from '../notifications/notify';
import { loadBatchForCommission } from './receive-batch';
import { renumberRecommended } from './recommend-order';
import { applyTransition } from '../projects/transition';
import type { ActorContext } from '../context';
import { requireText } from '../http/input';
import { emailsOf, sendEmails } from '../notifications/email';
import { requireCommission } from '../policy/role-guards';
import { projectLabel } from '../projects/project-label';

export async function returnBatch(ctx: ActorContext, input: { id: string; version: number; reason: string }) {
  requireCommission(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const batch = await loadBatchForCommission(tx, ctx, input.id);
    const reason = requireText(input.reason, 'reason', '退回原因', MIN_REASON_LENGTH);
    if (batch.state !== 'sent' && batch.state !== 'received') throw invalidState(`batch ${batch.id} is ${batch.state}`, '该推荐批次已退回');
    if (batch.version !== input.version) throw staleVersion(`batch ${batch.id}`);
    const list = await tx.select().from(projects).where(eq(projects.batchId, batch.id)).for('update');
    for (const p of list) {
      if (!findTransition('return_batch', p.state as ProjectState, 'commission')) {
        throw invalidState(`project ${p.id} is ${p.state}`, `批次中的${projectLabel(p)}${refusalMessage('return_batch', p.state as ProjectState).replace(/^当前状态为/, '状态为')}，不能整批退回`);
      }
    }
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(recommendationBatches)
      .set({ state: 'returned', returnReason: reason, version: batch.version + 1, updatedAt: now })
      .where(and(eq(recommendationBatches.id, batch.id), eq(recommendationBatches.version, batch.version)))
      .returning();
    if (!updated) throw staleVersion(`batch ${batch.id}`);
    for (const p of list) {
      await applyTransition(tx, ctx, p, 'return_batch', 'recommended', { set: { batchId: null }, audit: { summary: { from: p.state, to: 'recommended', batchId: batch.id } } });
      await notify(tx, now, { organisationId: p.applicantOrgId, title: '推荐批次被市市场监管委退回', body: `${projectLabel(p)}所在的推荐批次被退回推荐单位。原因：${reason}`, link: `/applications/${p.id}` });
    }
    await renumberRecommended(tx, batch.recommenderOrgId, batch.campaignId);
    await writeAudit(tx, ctx, { entity: 'recommendation_batch', entityId: batch.id, action: 'return', summary: { reason, projects: list.length } });
    const title = '推荐批次被市市场监管委退回';
    const body = `您单位报送的推荐批次（${list.length}个项目）被市市场监管委退回。原因：${reason}。项目已回到推荐名单，请修改后重新报送。`;
    await notify(tx, now, { organisationId: batch.recommenderOrgId, title, body, link: '/recommender/batch' });
    const emails = await emailsOf(tx, [batch.recommenderOrgId], `【天津市质量攻关】${title}`, body);
    return { updated, emails };
  });
  await sendEmails(ctx, emails);
  return updated;
}
