/**
 * The group's conclusion on one project, once every expert still on it has submitted: the
 * aggregate (mean, or trimmed mean; a veto → 不合格), the group's opinion and whether it proposes
 * the result for 优秀成果 recognition → one `evaluation_outcomes` row and the project → 已评定
 * (`conclude_evaluation`). When every project of the group has its conclusion the group is concluded.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { concludeSchema } from '../../shared/evaluation';
import { EVALUATION_LEVEL_LABELS } from '../../shared/evaluation';
import { invalidState, notFound } from '../app-error';
import type { ActorContext } from '../context';
import { evaluationGroups, evaluationOutcomes, users } from '../db/schema';
import { authorize } from '../policy/policy';
import { loadProjectFor } from '../projects/load-project';
import { transition } from '../projects/transition';
import { aggregateOf, conclusionBlocker, criteriaOfCampaign, groupDetail, loadGroup, tasksOfGroup } from './group-repository';

export async function concludeProject(ctx: ActorContext, groupId: string, projectId: string, input: z.infer<typeof concludeSchema>) {
  authorize(ctx.actor, { kind: 'evaluation', action: 'manage', resource: {} });
  return ctx.database.db.transaction(async (tx) => {
    const g = await loadGroup(tx, groupId, { forUpdate: true });
    const projectIds = g.projectIds as string[];
    if (!projectIds.includes(projectId)) throw notFound(`project ${projectId} not in group ${groupId}`, '评定项目');
    if (g.state !== 'committed' && g.state !== 'scoring') throw invalidState(`group ${groupId} is ${g.state}`, g.state === 'proposed' ? '评定组尚未确认，不能得出评定结论' : '评定组已得出全部结论');
    const row = await loadProjectFor(tx, ctx.actor, 'evaluate', projectId, { forUpdate: true, label: '项目' });
    const { criteria } = await criteriaOfCampaign(tx, g.campaignId);
    const tasks = await tasksOfGroup(tx, groupId, projectId);
    const experts = tasks.length ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, tasks.map((t) => t.expertUserId))) : [];
    const blocker = conclusionBlocker(g, tasks, criteria, new Map(experts.map((e) => [e.id, e.name])));
    if (blocker) throw invalidState(`project ${projectId}: ${blocker}`, blocker);
    const agg = aggregateOf(criteria, tasks)!;
    if (input.proposed && agg.level === 'unqualified') {
      throw invalidState(`project ${projectId} unqualified and proposed`, `评定等级为“${EVALUATION_LEVEL_LABELS.unqualified}”的成果不能推荐认定为优秀成果`);
    }
    const now = ctx.clock.now();
    await transition(tx, ctx, row, 'conclude_evaluation', {
      version: input.version,
      audit: () => ({ summary: { groupId, score: agg.score, level: agg.level, vetoed: agg.vetoed, trimmed: agg.trimmed, proposed: input.proposed, experts: agg.expertCount } }),
    });
    await tx.insert(evaluationOutcomes).values({
      projectId,
      groupId,
      campaignId: g.campaignId,
      score: agg.score.toFixed(2),
      level: agg.level,
      vetoed: agg.vetoed,
      proposed: input.proposed,
      opinion: input.opinion,
      expertCount: agg.expertCount,
      createdAt: now,
    });
    const done = await tx.select({ id: evaluationOutcomes.projectId }).from(evaluationOutcomes).where(eq(evaluationOutcomes.groupId, groupId));
    const all = projectIds.every((p) => done.some((d) => d.id === p));
    const [u] = await tx
      .update(evaluationGroups)
      .set({ version: g.version + 1, updatedAt: now, ...(all ? { state: 'concluded' as const, concludedAt: now } : {}) })
      .where(and(eq(evaluationGroups.id, groupId), eq(evaluationGroups.version, g.version)))
      .returning();
    return groupDetail(tx, u);
  });
}
