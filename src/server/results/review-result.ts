/**
 * The recommender's check of a submitted result: return it to the unit with a reason and per-field
 * comments (the unit corrects and resubmits), or accept it (it stays results_submitted, marked
 * accepted, and goes out with the next forward). Neither is deadline-guarded; forwarding is.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { resultReturnSchema } from '../../shared/results';
import { RESULT_FIELD_LABELS } from '../../shared/results';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import { projectResults, projects } from '../db/schema';
import { notify } from '../notifications/notify';
import { requireRecommender } from '../policy/role-guards';
import { loadProjectFor } from '../projects/load-project';
import { projectLabel } from '../projects/project-label';
import { transition } from '../projects/transition';
import { resultDetail, resultOf } from './result-repository';

const LABEL = '项目';

export async function returnResult(ctx: ActorContext, projectId: string, input: z.infer<typeof resultReturnSchema>) {
  requireRecommender(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const p = await loadProjectFor(tx, ctx.actor, 'review', projectId, { forUpdate: true, label: LABEL });
    const now = ctx.clock.now();
    const { updated } = await transition(tx, ctx, p, 'return_results', {
      version: input.version,
      set: { lastReason: input.reason },
      audit: (to) => ({ summary: { from: p.state, to, reason: input.reason, fields: Object.keys(input.fieldComments) } }),
    });
    const r = (await resultOf(tx, p.id, { forUpdate: true }))!;
    await tx.update(projectResults).set({ fieldComments: input.fieldComments, reviewState: 'pending', acceptedAt: null, returnCount: r.returnCount + 1, version: r.version + 1, updatedAt: now }).where(eq(projectResults.id, r.id));
    const fields = Object.keys(input.fieldComments).map((k) => RESULT_FIELD_LABELS[k]).join('、');
    await notify(tx, now, { organisationId: p.applicantOrgId, title: '成果材料被退回补正', body: `推荐单位退回了${projectLabel(p)}的成果材料：${input.reason}${fields ? `（需修改：${fields}）` : ''}`, link: `/applicant/results/${p.id}` });
    return resultDetail(tx, updated, await campaignById(tx, p.campaignId), now);
  });
}

export async function acceptResult(ctx: ActorContext, projectId: string, input: { version: number }) {
  requireRecommender(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const p = await loadProjectFor(tx, ctx.actor, 'review', projectId, { forUpdate: true, label: LABEL });
    if (p.version !== input.version) throw staleVersion(`project ${p.id}`);
    if (p.state !== 'results_submitted') throw invalidState(`project ${p.id} is ${p.state}`, `当前状态不能审核通过成果（须为“成果待推荐单位审核”）`);
    const r = (await resultOf(tx, p.id, { forUpdate: true }))!;
    if (r.reviewState === 'accepted') throw invalidState(`result ${r.id} accepted`, '该成果已审核通过，等待报送');
    const now = ctx.clock.now();
    const [updated] = await tx.update(projects).set({ version: p.version + 1, updatedAt: now }).where(and(eq(projects.id, p.id), eq(projects.version, p.version))).returning();
    if (!updated) throw staleVersion(`project ${p.id}`);
    await tx.update(projectResults).set({ reviewState: 'accepted', acceptedAt: now, fieldComments: {}, version: r.version + 1, updatedAt: now }).where(eq(projectResults.id, r.id));
    await writeAudit(tx, ctx, { entity: 'project', entityId: p.id, action: 'accept_results', summary: { state: p.state } });
    return resultDetail(tx, updated, await campaignById(tx, p.campaignId), now);
  });
}
