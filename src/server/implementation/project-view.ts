/**
 * The 项目实施 page of one project, the same for the unit, its recommender and the commission:
 * plan and its revisions, the report schedule with each report, materials, visits, guidance /
 * problems / support, a timeline, and the indicator series for the chart.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { milestoneAtRisk } from '../../domain/implementation';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { ImplementationPlan } from '../../shared/implementation';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { files, implementationPlans, organisations, planRevisions, processMaterials, progressReports, trackingItems, trackingVisits, users } from '../db/schema';
import { loadForImplementation } from './project-access';
import { approvedOn, campaignSchedule, reportSlots, scheduleUntil } from './schedule';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

async function namesOf(db: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function projectImplementationView(ctx: ActorContext, projectId: string) {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const today = shanghaiDateString(now);
  const project = await loadForImplementation(db, ctx.actor, 'read', projectId);
  const [applicant] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, project.applicantOrgId));
  const [recommender] = project.recommenderOrgId ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, project.recommenderOrgId)) : [];
  const [plan] = await db.select().from(implementationPlans).where(eq(implementationPlans.projectId, project.id));
  const revisions = plan ? await db.select().from(planRevisions).where(eq(planRevisions.planId, plan.id)).orderBy(asc(planRevisions.revisionNo)) : [];
  const reports = await db.select().from(progressReports).where(eq(progressReports.projectId, project.id)).orderBy(asc(progressReports.submittedAt));
  const materials = await db
    .select({ m: processMaterials, fileName: files.originalName, size: files.size })
    .from(processMaterials)
    .innerJoin(files, eq(files.id, processMaterials.fileId))
    .where(eq(processMaterials.projectId, project.id))
    .orderBy(asc(processMaterials.createdAt));
  const visits = await db.select().from(trackingVisits).where(eq(trackingVisits.projectId, project.id)).orderBy(asc(trackingVisits.visitedOn));
  const items = await db.select().from(trackingItems).where(eq(trackingItems.projectId, project.id)).orderBy(asc(trackingItems.createdAt));
  const visitFileIds = visits.flatMap((v) => v.fileIds as string[]);
  const visitFiles = visitFileIds.length ? await db.select({ id: files.id, name: files.originalName }).from(files).where(inArray(files.id, visitFileIds)) : [];
  const names = await namesOf(db, [...revisions.map((r) => r.authorId), ...reports.map((r) => r.authorId), ...materials.map((m) => m.m.uploadedBy), ...visits.map((v) => v.createdBy), ...items.flatMap((i) => [i.raisedBy, i.answeredBy, i.closedBy])]);

  const schedule = await campaignSchedule(db, project.campaignId);
  const startOn = await approvedOn(db, project);
  const slots = reportSlots(schedule, startOn, scheduleUntil(project, now), reports.filter((r) => r.kind === 'scheduled'), now);
  const content = (plan?.content ?? null) as ImplementationPlan | null;
  const fileName = new Map(visitFiles.map((f) => [f.id, f.name]));

  const reportDto = (r: (typeof reports)[number]) => ({
    id: r.id,
    kind: r.kind,
    period: r.period,
    dueOn: r.dueOn,
    done: r.done,
    measurements: r.measurements as { indicatorId: string; value: number; measuredOn: string }[],
    problems: r.problems,
    nextSteps: r.nextSteps,
    authorName: names.get(r.authorId) ?? '',
    submittedAt: r.submittedAt.toISOString(),
  });

  const timeline: { at: string; kind: string; title: string; detail: string }[] = [];
  for (const r of revisions) timeline.push({ at: r.createdAt.toISOString(), kind: r.kind === 'initial' ? 'plan' : 'adjustment', title: r.kind === 'initial' ? '提交实施方案' : `策略调整（第${r.revisionNo}版）`, detail: r.reason ?? '' });
  for (const r of reports) {
    const slot = slots.find((s) => s.period === r.period);
    const m = content?.milestones.find((x) => `milestone:${x.id}` === r.period);
    timeline.push({ at: r.submittedAt.toISOString(), kind: 'report', title: `进展报告：${slot?.label ?? (m ? `里程碑“${m.title}”` : r.period)}${slot?.status === 'submitted_late' ? '（逾期报送）' : ''}`, detail: r.done });
  }
  for (const v of visits) timeline.push({ at: v.createdAt.toISOString(), kind: 'visit', title: `${v.kind === 'visit' ? '走访' : '检查'}（${v.visitedOn}）`, detail: v.findings });
  for (const i of items) {
    timeline.push({ at: i.createdAt.toISOString(), kind: i.kind, title: i.kind === 'guidance' ? '指导意见' : i.kind === 'problem' ? '问题' : '质量基础设施支撑请求', detail: i.content });
    if (i.answeredAt) timeline.push({ at: i.answeredAt.toISOString(), kind: 'answer', title: i.kind === 'support' ? '支撑安排' : '答复', detail: i.answer ?? '' });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  const chart = (content?.indicators ?? []).map((ind) => ({
    id: ind.id,
    name: ind.name,
    unit: ind.unit,
    baseline: ind.baseline,
    target: ind.target,
    points: reports
      .flatMap((r) => (r.measurements as { indicatorId: string; value: number; measuredOn: string }[]).filter((m) => m.indicatorId === ind.id))
      .map((m) => ({ date: m.measuredOn, value: m.value }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  }));

  return {
    project: {
      id: project.id,
      name: project.name,
      projectNo: project.projectNo,
      state: project.state,
      chain: project.chain,
      applicantName: applicant?.name ?? '',
      recommenderName: recommender?.name ?? null,
      approvedOn: startOn,
      writable: project.state === 'approved',
    },
    schedule,
    plan: plan ? { id: plan.id, version: plan.version, revisionNo: plan.revisionNo, submitted: !!plan.firstSubmittedAt, firstSubmittedAt: iso(plan.firstSubmittedAt), content: content! } : null,
    revisions: revisions.map((r) => ({ revisionNo: r.revisionNo, kind: r.kind, reason: r.reason, authorName: names.get(r.authorId) ?? '', createdAt: r.createdAt.toISOString(), content: r.content as ImplementationPlan })),
    slots: slots.map((s) => ({ period: s.period, label: s.label, dueOn: s.dueOn, status: s.status, report: s.report ? reportDto(s.report) : null })),
    milestoneReports: reports.filter((r) => r.kind === 'milestone').map(reportDto),
    materials: materials.map(({ m, fileName: n, size }) => ({ id: m.id, phase: m.phase, milestoneId: m.milestoneId, title: m.title, fileId: m.fileId, fileName: n, size, versionNo: m.versionNo, superseded: !!m.supersededAt, supersedesId: m.supersedesId, uploadedByName: names.get(m.uploadedBy) ?? '', createdAt: m.createdAt.toISOString() })),
    visits: visits.map((v) => ({ id: v.id, kind: v.kind, visitedOn: v.visitedOn, people: v.people, findings: v.findings, files: (v.fileIds as string[]).map((id) => ({ id, name: fileName.get(id) ?? '' })), authorName: names.get(v.createdBy) ?? '', createdAt: v.createdAt.toISOString() })),
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      category: i.category,
      visitId: i.visitId,
      content: i.content,
      state: i.state,
      answer: i.answer,
      answeredByName: i.answeredBy ? (names.get(i.answeredBy) ?? '') : null,
      answeredAt: iso(i.answeredAt),
      closedAt: iso(i.closedAt),
      raisedByName: names.get(i.raisedBy) ?? '',
      raisedByUnit: i.raisedByOrgId === project.applicantOrgId,
      version: i.version,
      createdAt: i.createdAt.toISOString(),
    })),
    timeline,
    chart,
    counts: {
      reportsLate: slots.filter((s) => s.status === 'late').length,
      milestonesAtRisk: (content?.milestones ?? []).filter((m) => milestoneAtRisk(m, today)).length,
      openItems: items.filter((i) => i.state !== 'closed').length,
    },
  };
}

export type ProjectImplementationView = Awaited<ReturnType<typeof projectImplementationView>>;
