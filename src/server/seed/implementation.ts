/**
 * Demo 项目实施 / 跟踪服务 (procedures 4–5, issue 17): three approved demo projects, 立项 moved
 * back 75 days so that reports have come due, with a submitted PDCA plan (one adjusted), monthly
 * reports with measurements — the光伏 project has left its last due report unsent (逾期) — a visit
 * with guidance, a closed problem, and an arranged support request. 天津速达充电器 stays without a
 * plan (the browser test walks it). Reminders are not pre-recorded: the daily sweep sends them.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { addDays, DEFAULT_PROGRESS_SCHEDULE, duePeriods } from '../../domain/implementation';
import { shanghaiDateString, startOfShanghaiDay } from '../../domain/shanghai-time';
import type { ImplementationPlan } from '../../shared/implementation';
import type { DbOrTx } from '../db/client';
import { implementationPlans, organisations, planRevisions, progressReports, projectReviews, projects, trackingItems, trackingVisits, users } from '../db/schema';
import type { SeedArea } from './seed-registry';

const DAY = 86_400_000;

interface DemoPlan {
  project: string;
  plan: Omit<ImplementationPlan, 'startOn' | 'endOn'>;
  /** The last report that came due is left unsent (late). */
  leaveLastLate: boolean;
  adjustment?: { reason: string; target: number };
}

const PLANS: DemoPlan[] = [
  {
    project: '降低光伏组件隐裂不良率',
    leaveLastLate: true,
    adjustment: { reason: '层压工序改进效果好于预期，隐裂不良率目标由0.20%调整为0.15%', target: 0.15 },
    plan: {
      goal: '组件EL检测隐裂不良率由0.65%降至0.2%以下，返工能耗年减少约18万千瓦时',
      stages: [
        { id: 's1', phase: 'plan', title: '现状调查与原因分析', description: '排列图确定串焊、层压两道主要工序，因果图分析末端因素' },
        { id: 's2', phase: 'do', title: '工艺参数优化', description: 'DOE优化串焊温度曲线与压针压力，改进层压升温速率' },
        { id: 's3', phase: 'check', title: '效果验证', description: '控制图监控隐裂不良率，连续三个月稳定达标' },
        { id: 's4', phase: 'act', title: '标准化', description: '修订作业指导书，EL图像自动判定纳入出厂检验' },
      ],
      milestones: [
        { id: 'm1', phase: 'plan', title: '完成原因分析报告', dueOn: '', owner: '王磊', doneOn: null },
        { id: 'm2', phase: 'do', title: '完成串焊与层压工艺优化', dueOn: '', owner: '赵磊', doneOn: null },
        { id: 'm3', phase: 'act', title: '发布修订后的作业指导书', dueOn: '', owner: '王磊', doneOn: null },
      ],
      indicators: [
        { id: 'i1', name: '组件隐裂不良率', unit: '%', baseline: 0.65, target: 0.2 },
        { id: 'i2', name: '串焊工序过程能力指数Cpk', unit: '', baseline: 0.92, target: 1.33 },
      ],
      qualityTools: ['排列图', '因果图', 'DOE', '控制图'],
    },
  },
  {
    project: '降低车用汽油硫含量批次波动',
    leaveLastLate: false,
    plan: {
      goal: '车用汽油硫含量批次标准差降低50%，出厂批次合格率保持100%',
      stages: [
        { id: 's1', phase: 'plan', title: '波动源识别', description: '分层法与散布图分析原料、加氢工况与硫含量的关系' },
        { id: 's2', phase: 'do', title: '加氢脱硫工况优化', description: '调整反应温度与氢油比，原料分储分炼' },
        { id: 's3', phase: 'check', title: 'SPC监控', description: '单值-移动极差控制图监控批次硫含量' },
        { id: 's4', phase: 'act', title: '固化操作规程', description: '' },
      ],
      milestones: [
        { id: 'm1', phase: 'plan', title: '完成波动源分析', dueOn: '', owner: '刘强', doneOn: null },
        { id: 'm2', phase: 'check', title: '连续三个月控制图受控', dueOn: '', owner: '张丽', doneOn: null },
      ],
      indicators: [{ id: 'i1', name: '硫含量批次标准差', unit: 'mg/kg', baseline: 1.8, target: 0.9 }],
      qualityTools: ['分层法', '散布图', '控制图', 'SPC'],
    },
  },
  {
    project: '降低电动自行车控制器早期失效率',
    leaveLastLate: false,
    plan: {
      goal: '控制器三个月内早期失效率由0.8%降至0.25%以下',
      stages: [
        { id: 's1', phase: 'plan', title: '失效模式分析', description: 'FMEA识别MOS管过热与电化学迁移的高风险项' },
        { id: 's2', phase: 'do', title: '设计与工艺改进', description: '改进散热与驱动，引入三防涂覆' },
        { id: 's3', phase: 'check', title: '高温高湿老化验证', description: '' },
        { id: 's4', phase: 'act', title: '纳入设计规范', description: '' },
      ],
      milestones: [{ id: 'm1', phase: 'do', title: '三防涂覆线投产', dueOn: '', owner: '杨帆', doneOn: null }],
      indicators: [{ id: 'i1', name: '控制器早期失效率', unit: '%', baseline: 0.8, target: 0.25 }],
      qualityTools: ['FMEA', '排列图', '6σ'],
    },
  },
];

const round = (n: number) => Math.round(n * 1000) / 1000;

export const implementationSeed: SeedArea = {
  name: 'implementation',
  async run(tx: DbOrTx, ctx) {
    const rows = await tx.select().from(projects).where(and(eq(projects.state, 'approved'), inArray(projects.name, PLANS.map((p) => p.project))));
    for (const spec of PLANS) {
      const project = rows.find((r) => r.name === spec.project);
      if (!project) continue;
      const approvedAt = new Date(ctx.now.getTime() - 75 * DAY);
      await tx.update(projectReviews).set({ createdAt: approvedAt }).where(and(eq(projectReviews.projectId, project.id), eq(projectReviews.stage, 'approval')));
      await tx.update(projects).set({ stateChangedAt: approvedAt }).where(eq(projects.id, project.id));
      const startOn = shanghaiDateString(approvedAt);
      const today = shanghaiDateString(ctx.now);
      const [unitUser] = await tx.select({ id: users.id }).from(users).where(eq(users.organisationId, project.applicantOrgId)).limit(1);
      const [recUser] = project.recommenderOrgId ? await tx.select({ id: users.id }).from(users).where(eq(users.organisationId, project.recommenderOrgId)).limit(1) : [];
      const [recOrg] = project.recommenderOrgId ? await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, project.recommenderOrgId)) : [];
      if (!unitUser) continue;

      const milestoneDates = [addDays(startOn, 30), addDays(startOn, 120), addDays(startOn, 240)];
      const content: ImplementationPlan = {
        ...spec.plan,
        startOn: addDays(startOn, 3),
        endOn: addDays(startOn, 300),
        milestones: spec.plan.milestones.map((m, i) => ({ ...m, dueOn: milestoneDates[i], doneOn: i === 0 ? addDays(milestoneDates[0], -2) : null })),
      };
      const submittedAt = new Date(approvedAt.getTime() + 10 * DAY);
      const adjusted = spec.adjustment ? { ...content, indicators: content.indicators.map((x, i) => (i === 0 ? { ...x, target: spec.adjustment!.target } : x)) } : null;
      const [plan] = await tx
        .insert(implementationPlans)
        .values({ projectId: project.id, content: adjusted ?? content, revisionNo: adjusted ? 2 : 1, firstSubmittedAt: submittedAt, version: adjusted ? 3 : 2, createdAt: submittedAt, updatedAt: submittedAt })
        .returning();
      await tx.insert(planRevisions).values({ planId: plan.id, revisionNo: 1, kind: 'initial', content, authorId: unitUser.id, createdAt: submittedAt });
      if (adjusted) await tx.insert(planRevisions).values({ planId: plan.id, revisionNo: 2, kind: 'adjustment', content: adjusted, reason: spec.adjustment!.reason, authorId: unitUser.id, createdAt: new Date(approvedAt.getTime() + 45 * DAY) });

      const due = duePeriods(DEFAULT_PROGRESS_SCHEDULE, startOn, today).filter((p) => p.dueOn < today);
      const toReport = spec.leaveLastLate ? due.slice(0, -1) : due;
      for (const [i, p] of toReport.entries()) {
        const frac = (i + 1) / (due.length + 3);
        const at = new Date(startOfShanghaiDay(p.dueOn).getTime() - 2 * DAY + 10 * 3_600_000);
        await tx.insert(progressReports).values({
          projectId: project.id,
          kind: 'scheduled',
          period: p.period,
          dueOn: p.dueOn,
          done: i === 0 ? '完成现状调查和数据收集，用排列图确定主要缺陷类型，召开原因分析会' : '按对策表推进工艺改进，关键工序开始试运行并收集数据',
          measurements: content.indicators.map((x) => ({ indicatorId: x.id, value: round(x.baseline + (x.target - x.baseline) * frac), measuredOn: p.periodEnd })),
          problems: i === 0 ? '部分班组数据记录不规范' : '',
          nextSteps: '继续实施对策，扩大验证批量',
          authorId: unitUser.id,
          submittedAt: at,
        });
      }

      if (recUser && spec.leaveLastLate) {
        const visitOn = addDays(startOn, 40);
        const [visit] = await tx
          .insert(trackingVisits)
          .values({ projectId: project.id, kind: 'visit', visitedOn: visitOn, people: `${recOrg?.name ?? '推荐单位'} 质量科 张伟、刘洋`, findings: '现场查看串焊、层压工序，原因分析充分，对策表部分措施未明确完成时间', authorOrgId: project.recommenderOrgId!, createdBy: recUser.id, createdAt: startOfShanghaiDay(visitOn) })
          .returning();
        const at = startOfShanghaiDay(visitOn);
        await tx.insert(trackingItems).values({ projectId: project.id, kind: 'guidance', visitId: visit.id, content: '建议对策表逐项明确责任人和完成时间，并用控制图监控层压温度', raisedBy: recUser.id, raisedByOrgId: project.recommenderOrgId!, createdAt: at });
        await tx.insert(trackingItems).values({
          projectId: project.id,
          kind: 'problem',
          content: 'EL检测设备判定标准与客户标准不一致',
          state: 'closed',
          answer: '已与客户确认判定标准并更新检测程序',
          answeredBy: unitUser.id,
          answeredAt: new Date(at.getTime() + 5 * DAY),
          closedBy: recUser.id,
          closedAt: new Date(at.getTime() + 7 * DAY),
          raisedBy: recUser.id,
          raisedByOrgId: project.recommenderOrgId!,
          version: 3,
          createdAt: at,
        });
      }
      if (recUser && !spec.leaveLastLate && spec.plan.indicators.length === 1 && spec.project.includes('汽油')) {
        const at = new Date(approvedAt.getTime() + 20 * DAY);
        await tx.insert(trackingItems).values({
          projectId: project.id,
          kind: 'support',
          category: 'testing',
          content: '需要第三方检测机构对硫含量在线分析仪进行比对试验',
          state: 'answered',
          answer: '已协调天津市产品质量监督检测技术研究院安排比对试验',
          answeredBy: recUser.id,
          answeredAt: new Date(at.getTime() + 6 * DAY),
          raisedBy: unitUser.id,
          raisedByOrgId: project.applicantOrgId,
          version: 2,
          createdAt: at,
        });
      }
    }
  },
};
