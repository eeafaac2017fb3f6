/**
 * 进展报告: the unit reports a scheduled period (any period up to the current one; after its due
 * date the report still counts, as 逾期报送) or, ad hoc, a milestone of its plan. One report per
 * period; the measurements name the plan's indicators.
 */
import { and, eq } from 'drizzle-orm';
import type { ImplementationPlan, ReportInput } from '../../shared/implementation';
import { AppError, invalidState, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { implementationPlans, progressReports } from '../db/schema';
import { rememberIdempotent } from '../http/idempotency';
import { notify } from '../notifications/notify';
import { loadForImplementation } from './project-access';
import { approvedOn, campaignSchedule, reportSlots, scheduleUntil } from './schedule';

export async function submitReport(ctx: ActorContext, projectId: string, input: ReportInput) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const project = await loadForImplementation(tx, ctx.actor, 'report', projectId, { forUpdate: true });
    const [plan] = await tx.select().from(implementationPlans).where(eq(implementationPlans.projectId, project.id));
    if (!plan?.firstSubmittedAt) throw invalidState(`project ${project.id} has no submitted plan`, '请先提交实施方案，再报送进展报告');
    const content = plan.content as ImplementationPlan;

    let kind: 'scheduled' | 'milestone';
    let dueOn: string | null = null;
    let label: string;
    if (input.period.startsWith('milestone:')) {
      const m = content.milestones.find((x) => `milestone:${x.id}` === input.period);
      if (!m) throw validation({ period: '报告期：实施方案中没有这个里程碑' });
      kind = 'milestone';
      label = `里程碑“${m.title}”`;
    } else {
      const schedule = await campaignSchedule(tx, project.campaignId);
      const slots = reportSlots(schedule, await approvedOn(tx, project), scheduleUntil(project, now), [], now);
      const slot = slots.find((s) => s.period === input.period);
      if (!slot) throw validation({ period: `报告期：${input.period}不是本项目的报告期（应为立项以来至本期）` });
      kind = 'scheduled';
      dueOn = slot.dueOn;
      label = slot.label;
    }
    const indicatorIds = new Set(content.indicators.map((i) => i.id));
    const unknown = input.measurements.findIndex((m) => !indicatorIds.has(m.indicatorId));
    if (unknown >= 0) throw validation({ [`measurements.${unknown}.indicatorId`]: '指标测量值：实施方案中没有这个指标' });

    const [dup] = await tx.select({ id: progressReports.id }).from(progressReports).where(and(eq(progressReports.projectId, project.id), eq(progressReports.period, input.period)));
    if (dup) throw new AppError('conflict', `report ${input.period} exists`, `${label}的进展报告已报送，不能重复报送`, { fields: { period: `${label}的进展报告已报送` } });

    const [row] = await tx
      .insert(progressReports)
      .values({ projectId: project.id, kind, period: input.period, dueOn, done: input.done, measurements: input.measurements, problems: input.problems, nextSteps: input.nextSteps, authorId: ctx.actor.userId, submittedAt: now })
      .returning();
    if (project.recommenderOrgId) {
      await notify(tx, now, { organisationId: project.recommenderOrgId, title: `进展报告：${project.name}`, body: `${ctx.actor.organisationName}报送了${label}进展报告。`, link: `/recommender/tracking/${project.id}` });
    }
    await writeAudit(tx, ctx, { entity: 'progress_report', entityId: row.id, action: 'submit_report', summary: { project: project.name, period: input.period, measurements: input.measurements.length } });
    const dto = { id: row.id, period: row.period, kind: row.kind, submittedAt: row.submittedAt.toISOString() };
    await rememberIdempotent(tx, dto);
    return dto;
  });
}
