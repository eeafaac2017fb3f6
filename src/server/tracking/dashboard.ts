/**
 * 跟踪服务 dashboard: the projects in implementation the actor may see (a recommender its own, the
 * commission all, a unit its own) with plan status, late reports, milestones at risk and open
 * items; filters and the Excel export; the commission's table by district and chain.
 */
import { and, eq, ilike, inArray, isNull, type SQL } from 'drizzle-orm';
import { milestoneAtRisk } from '../../domain/implementation';
import { shanghaiDateString } from '../../domain/shanghai-time';
import { alias } from 'drizzle-orm/pg-core';
import type { ImplementationPlan, TrackingListQuery, TrackingRow } from '../../shared/implementation';
import type { ActorContext } from '../context';
import { campaigns, implementationPlans, organisations, progressReports, projectReviews, projects, trackingItems } from '../db/schema';
import { renderListXlsx } from '../documents/list-xlsx';
import { likePattern } from '../http/list-query';
import { IMPLEMENTATION_STATES } from '../implementation/project-access';
import { reportSlots, scheduleOf, scheduleUntil } from '../implementation/schedule';
import { projectScope } from '../policy/project-policy';

const recommenderOrg = alias(organisations, 'recommender_org');

export async function trackingRows(ctx: ActorContext, q: TrackingListQuery): Promise<TrackingRow[]> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const today = shanghaiDateString(now);
  const where: SQL[] = [projectScope(ctx.actor), inArray(projects.state, [...IMPLEMENTATION_STATES]), isNull(projects.deletedAt)];
  if (q.q) where.push(ilike(projects.name, likePattern(q.q)));
  if (q.district) where.push(eq(organisations.district, q.district));
  if (q.chain) where.push(eq(projects.chain, q.chain));
  const rows = await db
    .select({ p: projects, applicantName: organisations.name, district: organisations.district, recommenderName: recommenderOrg.name, config: campaigns.config })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .leftJoin(recommenderOrg, eq(recommenderOrg.id, projects.recommenderOrgId))
    .innerJoin(campaigns, eq(campaigns.id, projects.campaignId))
    .where(and(...where))
    .orderBy(projects.projectNo, projects.name);
  const ids = rows.map((r) => r.p.id);
  if (!ids.length) return [];
  const plans = await db.select().from(implementationPlans).where(inArray(implementationPlans.projectId, ids));
  const reports = await db.select().from(progressReports).where(inArray(progressReports.projectId, ids));
  const items = await db.select({ projectId: trackingItems.projectId, state: trackingItems.state }).from(trackingItems).where(inArray(trackingItems.projectId, ids));
  const approvals = await db
    .select({ projectId: projectReviews.projectId, at: projectReviews.createdAt })
    .from(projectReviews)
    .where(and(inArray(projectReviews.projectId, ids), eq(projectReviews.stage, 'approval'), eq(projectReviews.decision, 'approve')));
  const approvedAt = new Map<string, Date>();
  for (const a of approvals) if (!approvedAt.has(a.projectId) || approvedAt.get(a.projectId)! < a.at) approvedAt.set(a.projectId, a.at);

  const out = rows.map(({ p, applicantName, district, recommenderName, config }) => {
    const plan = plans.find((x) => x.projectId === p.id);
    const mine = reports.filter((r) => r.projectId === p.id);
    const slots = reportSlots(scheduleOf(config), shanghaiDateString(approvedAt.get(p.id) ?? p.stateChangedAt), scheduleUntil(p, now), mine.filter((r) => r.kind === 'scheduled'), now);
    const last = mine.reduce<Date | null>((m, r) => (!m || r.submittedAt > m ? r.submittedAt : m), null);
    return {
      id: p.id,
      name: p.name,
      projectNo: p.projectNo,
      applicantName,
      recommenderName,
      district,
      chain: p.chain,
      planStatus: !plan ? ('none' as const) : plan.firstSubmittedAt ? ('submitted' as const) : ('draft' as const),
      adjustments: plan ? Math.max(0, plan.revisionNo - 1) : 0,
      reportsDue: slots.filter((s) => s.status === 'due_soon').length,
      reportsLate: slots.filter((s) => s.status === 'late').length,
      milestonesAtRisk: ((plan?.content as ImplementationPlan | undefined)?.milestones ?? []).filter((m) => milestoneAtRisk(m, today)).length,
      openItems: items.filter((i) => i.projectId === p.id && i.state !== 'closed').length,
      lastReportAt: last ? last.toISOString() : null,
    };
  });
  if (q.late === 'yes') return out.filter((r) => r.reportsLate > 0);
  if (q.late === 'no') return out.filter((r) => r.reportsLate === 0);
  return out;
}

const PLAN_STATUS = { none: '未制定', draft: '草稿', submitted: '已提交' } as const;

export async function trackingXlsx(ctx: ActorContext, q: TrackingListQuery): Promise<{ data: Buffer; rows: number }> {
  const rows = await trackingRows(ctx, q);
  const data = await renderListXlsx(
    '跟踪服务',
    [
      { header: '序号', width: 6, value: (_r, i) => i + 1 },
      { header: '立项编号', width: 18, value: (r) => r.projectNo },
      { header: '项目名称', width: 40, value: (r) => r.name },
      { header: '项目单位', width: 32, value: (r) => r.applicantName },
      { header: '推荐单位', width: 28, value: (r) => r.recommenderName },
      { header: '所在区', width: 12, value: (r) => r.district },
      { header: '产业链', width: 16, value: (r) => r.chain },
      { header: '实施方案', width: 10, value: (r) => PLAN_STATUS[r.planStatus] },
      { header: '策略调整次数', width: 12, value: (r) => r.adjustments },
      { header: '逾期报告', width: 10, value: (r) => r.reportsLate },
      { header: '风险里程碑', width: 10, value: (r) => r.milestonesAtRisk },
      { header: '未关闭事项', width: 10, value: (r) => r.openItems },
      { header: '最近报告', width: 20, value: (r) => (r.lastReportAt ? shanghaiDateString(new Date(r.lastReportAt)) : '') },
    ],
    rows,
    { titleLines: [`项目实施跟踪情况（导出于${shanghaiDateString(ctx.clock.now())}）`] },
  );
  return { data, rows: rows.length };
}

/** The commission's table: projects, late projects and open items per district and per chain. */
export function overviewOf(rows: TrackingRow[]) {
  const group = (key: (r: TrackingRow) => string) => {
    const m = new Map<string, { key: string; projects: number; lateProjects: number; lateReports: number; openItems: number; noPlan: number }>();
    for (const r of rows) {
      const k = key(r);
      const g = m.get(k) ?? { key: k, projects: 0, lateProjects: 0, lateReports: 0, openItems: 0, noPlan: 0 };
      g.projects++;
      if (r.reportsLate) g.lateProjects++;
      g.lateReports += r.reportsLate;
      g.openItems += r.openItems;
      if (r.planStatus !== 'submitted') g.noPlan++;
      m.set(k, g);
    }
    return [...m.values()].sort((a, b) => b.projects - a.projects || a.key.localeCompare(b.key, 'zh'));
  };
  return { byDistrict: group((r) => r.district ?? '未填写'), byChain: group((r) => r.chain ?? '未填写'), late: rows.filter((r) => r.reportsLate > 0) };
}
