/**
 * 整批退回 of a results batch: the commission returns a sent (or received) batch with a reason
 * (≥ 4 字). The batch → returned; its projects results_received → results_submitted with the
 * result's review pending again (workflow action `return_result_batch`), so the recommender checks
 * them again, returns them to the units or accepts them, and forwards anew — within the results
 * window or a commission 补报 reopening (the forward's assertWindowOpen). Refused once any project of
 * the batch is in evaluation, and while the results window is closed for the recommender (the lapse
 * job would otherwise mark the returned projects 逾期未报送 at once: reopen first, then return).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { findTransition, refusalMessage, STATE_PROCEDURE, PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { MIN_REASON_LENGTH } from '../../shared/recommendations';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignById, windowFor } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import { projectResults, projects, resultBatches } from '../db/schema';
import { requireText } from '../http/input';
import { emailsOf, sendEmails } from '../notifications/email';
import { notify } from '../notifications/notify';
import { requireCommission } from '../policy/role-guards';
import { projectLabel } from '../projects/project-label';
import { applyTransition, checkTransition } from '../projects/transition';
import { commissionResultBatchItem, loadResultBatch } from './commission-result-batches';

export async function returnResultBatch(ctx: ActorContext, input: { id: string; version: number; reason: string }) {
  requireCommission(ctx.actor);
  const { item, emails } = await ctx.database.db.transaction(async (tx) => {
    const batch = await loadResultBatch(tx, ctx, input.id, { forUpdate: true, action: 'receive' });
    const reason = requireText(input.reason, 'reason', '退回原因', MIN_REASON_LENGTH);
    if (batch.state === 'returned') throw invalidState(`result batch ${batch.id} returned`, '该成果批次已退回推荐单位，不能重复退回');
    if (batch.version !== input.version) throw staleVersion(`result batch ${batch.id}`);
    const list = await tx.select().from(projects).where(inArray(projects.id, batch.projectIds as string[])).for('update');
    for (const p of list) {
      const state = p.state as ProjectState;
      if (STATE_PROCEDURE[state] >= STATE_PROCEDURE.in_evaluation) {
        throw invalidState(`project ${p.id} is ${state}`, `批次中的${projectLabel(p)}已进入成果评定（${PROJECT_STATE_LABELS[state]}），不能整批退回`);
      }
      if (!findTransition('return_result_batch', state, 'commission')) {
        throw invalidState(`project ${p.id} is ${state}`, `批次中的${projectLabel(p)}${refusalMessage('return_result_batch', state).replace(/^当前状态为/, '状态为')}，不能整批退回`);
      }
      checkTransition(p, 'return_result_batch', ctx.actor);
    }
    const now = ctx.clock.now();
    const window = await windowFor(tx, await campaignById(tx, batch.campaignId), 'results', now, { organisationId: batch.recommenderOrgId });
    if (!window.open) {
      throw invalidState(`results window closed for ${batch.recommenderOrgId}`, '成果报送已截止：退回后推荐单位无法重新报送，项目将被标记为逾期未报送。请先为该推荐单位开放成果补报，再整批退回');
    }
    const [updated] = await tx
      .update(resultBatches)
      .set({ state: 'returned', returnReason: reason, returnedAt: now, version: batch.version + 1, updatedAt: now })
      .where(and(eq(resultBatches.id, batch.id), eq(resultBatches.version, batch.version)))
      .returning();
    if (!updated) throw staleVersion(`result batch ${batch.id}`);
    for (const p of list) {
      await applyTransition(tx, ctx, p, 'return_result_batch', 'results_submitted', { set: { lastReason: reason }, audit: { summary: { from: p.state, to: 'results_submitted', resultBatchId: batch.id, reason } } });
      await tx.update(projectResults).set({ reviewState: 'pending', acceptedAt: null, resultBatchId: null, forwardedAt: null, version: sql`${projectResults.version} + 1`, updatedAt: now }).where(eq(projectResults.projectId, p.id));
      await notify(tx, now, { organisationId: p.applicantOrgId, title: '成果批次被市市场监管委退回', body: `${projectLabel(p)}所在的成果批次被退回推荐单位。原因：${reason}`, link: `/applicant/results/${p.id}` });
    }
    await writeAudit(tx, ctx, { entity: 'result_batch', entityId: batch.id, action: 'return', summary: { reason, projects: list.length } });
    const title = '成果批次被市市场监管委退回';
    const body = `您单位报送的成果批次（${list.length}项成果）被市市场监管委退回。原因：${reason}。成果已回到待审核状态，请审核后在截止时间前重新报送。`;
    await notify(tx, now, { organisationId: batch.recommenderOrgId, title, body, link: '/recommender/results' });
    return { item: await commissionResultBatchItem(tx, updated), emails: await emailsOf(tx, [batch.recommenderOrgId], `【天津市质量攻关】${title}`, body) };
  });
  await sendEmails(ctx, emails);
  return item;
}
