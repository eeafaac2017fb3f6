/**
 * 实施方案: save the draft, submit it, or — once submitted — adjust it (策略调整: a new dated
 * revision with its reason; the earlier revisions stay). An indicator that already has measured
 * values may not be removed.
 */
import { eq } from 'drizzle-orm';
import { planChange, removedMeasuredIndicators } from '../../domain/implementation';
import type { ImplementationPlan, PlanSave } from '../../shared/implementation';
import { AppError, staleVersion, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { implementationPlans, planRevisions, progressReports } from '../db/schema';
import { notify } from '../notifications/notify';
import { loadForImplementation } from './project-access';

function checkPlan(plan: ImplementationPlan): void {
  const fields: Record<string, string> = {};
  if (plan.endOn < plan.startOn) fields['plan.endOn'] = '结束日期不能早于开始日期';
  const ids = (list: { id: string }[], path: string, label: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) fields[`plan.${path}.${i}.id`] = `${label}编号重复：${x.id}`;
      seen.add(x.id);
    });
  };
  ids(plan.stages, 'stages', '阶段');
  ids(plan.milestones, 'milestones', '里程碑');
  ids(plan.indicators, 'indicators', '指标');
  plan.indicators.forEach((x, i) => {
    if (x.baseline === x.target) fields[`plan.indicators.${i}.target`] = `指标“${x.name}”的目标值应不同于基线值`;
  });
  if (Object.keys(fields).length) throw validation(fields, Object.values(fields)[0]);
}

export async function savePlan(ctx: ActorContext, projectId: string, input: PlanSave) {
  checkPlan(input.plan);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const project = await loadForImplementation(tx, ctx.actor, 'plan', projectId, { forUpdate: true });
    const [plan] = await tx.select().from(implementationPlans).where(eq(implementationPlans.projectId, project.id));
    if ((plan?.version ?? 0) !== input.version) throw staleVersion(`plan of ${project.id}`);
    const change = planChange(!!plan?.firstSubmittedAt, input);
    if ('problem' in change) throw validation({ [change.field]: change.problem }, change.problem);

    if (plan?.firstSubmittedAt) {
      const reports = await tx.select({ measurements: progressReports.measurements }).from(progressReports).where(eq(progressReports.projectId, project.id));
      const measured = reports.flatMap((r) => (r.measurements as { indicatorId: string }[]).map((m) => m.indicatorId));
      const removed = removedMeasuredIndicators((plan.content as ImplementationPlan).indicators, input.plan.indicators, measured);
      if (removed.length) throw new AppError('validation', 'measured indicator removed', `指标“${removed.join('、')}”已有测量值，不能删除`, { fields: { 'plan.indicators': `已有测量值的指标不能删除：${removed.join('、')}` } });
    }

    const revisionNo = change.kind === 'draft' ? 0 : (plan?.revisionNo ?? 0) + 1;
    let row: typeof implementationPlans.$inferSelect;
    if (!plan) {
      [row] = await tx
        .insert(implementationPlans)
        .values({ projectId: project.id, content: input.plan, revisionNo, firstSubmittedAt: change.kind === 'initial' ? now : null, createdAt: now, updatedAt: now })
        .returning();
    } else {
      [row] = await tx
        .update(implementationPlans)
        .set({ content: input.plan, revisionNo, firstSubmittedAt: plan.firstSubmittedAt ?? (change.kind === 'initial' ? now : null), version: plan.version + 1, updatedAt: now })
        .where(eq(implementationPlans.id, plan.id))
        .returning();
    }
    if (change.kind !== 'draft') {
      await tx.insert(planRevisions).values({ planId: row.id, revisionNo, kind: change.kind, content: input.plan, reason: change.kind === 'adjustment' ? input.reason!.trim() : null, authorId: ctx.actor.userId, createdAt: now });
      if (project.recommenderOrgId) {
        await notify(tx, now, {
          organisationId: project.recommenderOrgId,
          title: change.kind === 'initial' ? `实施方案已提交：${project.name}` : `实施方案策略调整：${project.name}`,
          body: change.kind === 'initial' ? `${ctx.actor.organisationName}提交了项目实施方案。` : `调整原因：${input.reason!.trim()}`,
          link: `/recommender/tracking/${project.id}`,
        });
      }
    }
    await writeAudit(tx, ctx, {
      entity: 'implementation_plan',
      entityId: row.id,
      action: change.kind === 'draft' ? 'save_draft' : change.kind === 'initial' ? 'submit_plan' : 'adjust',
      summary: { project: project.name, revisionNo, reason: change.kind === 'adjustment' ? input.reason!.trim() : undefined, indicators: input.plan.indicators.length, milestones: input.plan.milestones.length },
    });
    return { id: row.id, version: row.version, revisionNo, kind: change.kind };
  });
}
