/**
 * Two more demo applications awaiting 立项审核 (红桥区, 宁河区), each sent in its district bureau's
 * batch, so the demo (and the publication browser test) can approve a batch and publish the plan
 * without using the projects other demos decide. Their 申报书 follow the seeded one of
 * 降低线控制动执行器泄漏不良率 with their own unit and project; numbers continue the counter.
 */
import { and, eq, sql } from 'drizzle-orm';
import { APPLICATION_NO_COUNTER, formatApplicationNo } from '../applications/application-number';
import type { DbOrTx } from '../db/client';
import { campaigns, counters, organisations, projectReviews, projects, projectVersions, recommendationBatches, users } from '../db/schema';
import type { SeedArea } from './seed-registry';

const TEMPLATE = '降低线控制动执行器泄漏不良率';

type QueueSpec = { applicant: string; name: string; chain: string; goal: string; direction?: 'common'; duplicateOfPrevious?: boolean };

/**
 * The first two: the publication demo's batch. The rest (立项审核 finished, test/browser/approvals-finish):
 * a 质量共性技术攻关 project (倾斜支持 marker), a flagged 雷同 pair to compare, and one more to reject.
 */
export const APPROVAL_QUEUE_DEMO: readonly QueueSpec[] = [
  { applicant: '天津红桥食品加工有限公司', name: '降低速冻水饺破损率', chain: '其他', goal: '速冻水饺破损率由3.2%降至1.0%以下' },
  { applicant: '天津宁河现代农业装备有限公司', name: '提高插秧机栽植臂装配一次合格率', chain: '其他', goal: '栽植臂装配一次合格率由92%提高至98%以上' },
  { applicant: '天津宝坻富硒食品有限公司', name: '富硒食品硒含量快速检测共性技术攻关', chain: '其他', goal: '硒含量快速检测结果与国标方法偏差由15%降至5%以内', direction: 'common' },
  { applicant: '天津和平检验检测认证有限公司', name: '提高检验检测报告一次审核通过率', chain: '其他', goal: '检验检测报告一次审核通过率由85%提高至97%以上' },
  { applicant: '天津和平城市服务集团有限公司', name: '提高检验检测报告一次审核通过率研究', chain: '其他', goal: '检验检测报告一次审核通过率由85%提高至96%以上', duplicateOfPrevious: true },
  { applicant: '天津北方羽绒服饰有限公司', name: '降低羽绒服充绒量偏差', chain: '其他', goal: '充绒量偏差由±8%降至±3%以内' },
];

type Form = { unit: Record<string, unknown>; project: Record<string, unknown>; benefits?: Record<string, unknown> } & Record<string, unknown>;

/** A stored 雷同 flag pointing at the other application of the pair (as the submit check stores it). */
function duplicateOf(other: typeof projects.$inferSelect) {
  const score = 0.92;
  return {
    duplicateFlag: true,
    duplicateScore: score.toFixed(4),
    duplicateMatches: [{ source: 'application', sourceLabel: '本年度其他申报', id: other.id, score, fieldScores: { name: 0.95 }, name: other.name, applicationNo: other.applicationNo ?? undefined, overlaps: [] }],
  };
}

export const approvalQueueSeed: SeedArea = {
  name: 'approval-queue',
  async run(tx: DbOrTx, ctx) {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.year, 2026));
    const [template] = await tx.select().from(projects).where(eq(projects.name, TEMPLATE));
    if (!campaign || !template) return;
    let previous: typeof projects.$inferSelect | undefined;
    for (const [i, spec] of APPROVAL_QUEUE_DEMO.entries()) {
      const direction = spec.direction ?? 'precise';
      const [org] = await tx.select().from(organisations).where(eq(organisations.name, spec.applicant));
      if (!org?.defaultRecommenderId) continue;
      const [recommenderUser] = await tx.select({ id: users.id }).from(users).where(eq(users.organisationId, org.defaultRecommenderId)).limit(1);
      const [applicantUser] = await tx.select({ id: users.id }).from(users).where(eq(users.organisationId, org.id)).limit(1);
      const [counter] = await tx
        .update(counters)
        .set({ value: sql`${counters.value} + 1` })
        .where(and(eq(counters.scope, campaign.id), eq(counters.name, APPLICATION_NO_COUNTER)))
        .returning();
      const submittedAt = new Date(ctx.now.getTime() - (6 - i) * 86_400_000);
      const sentAt = new Date(submittedAt.getTime() + 48 * 3_600_000);
      const old = template.form as Form;
      const form: Form = {
        ...old,
        unit: { ...old.unit, name: org.name, uscc: org.uscc ?? undefined, address: org.address ?? undefined, district: org.district ?? undefined },
        project: { ...old.project, name: spec.name, chain: spec.chain, direction },
        benefits: { ...old.benefits, byArea: { efficiency: spec.goal } },
      };
      const [batch] = await tx
        .insert(recommendationBatches)
        .values({ campaignId: campaign.id, recommenderOrgId: org.defaultRecommenderId, state: 'sent', projectCount: 1, sentAt, createdAt: submittedAt, updatedAt: sentAt })
        .returning();
      const [row] = await tx
        .insert(projects)
        .values({
          campaignId: campaign.id,
          applicantOrgId: org.id,
          recommenderOrgId: org.defaultRecommenderId,
          state: 'under_review',
          name: spec.name,
          direction,
          chain: spec.chain,
          form,
          version: 3,
          submittedVersion: 1,
          applicationNo: formatApplicationNo(campaign.year, counter.value),
          eligibility: { checkedAt: submittedAt.toISOString(), seeded: true },
          recommendOrder: 1,
          ...(spec.duplicateOfPrevious && previous ? duplicateOf(previous) : {}),
          recommendationOpinion: '经核实，申报材料真实、完整，项目目标明确，同意推荐。',
          batchId: batch.id,
          createdBy: applicantUser?.id ?? null,
          createdAt: submittedAt,
          updatedAt: submittedAt,
          submittedAt,
          stateChangedAt: sentAt,
        })
        .returning();
      await tx.insert(projectVersions).values({ projectId: row.id, versionNo: 1, form, submittedBy: applicantUser?.id ?? null, submittedAt });
      await tx.insert(projectReviews).values({ projectId: row.id, versionNo: 1, stage: 'recommendation', decision: 'recommend', reason: '同意推荐', reviewerId: recommenderUser?.id ?? null, reviewerOrgId: org.defaultRecommenderId, createdAt: sentAt });
      if (spec.duplicateOfPrevious && previous) await tx.update(projects).set(duplicateOf(row)).where(eq(projects.id, previous.id));
      previous = row;
    }
  },
};
