/**
 * 提交成果: the unit of an approved (or returned) project submits its 成果报告, benefit figures with
 * evidence, process materials and team to its recommender, by the results deadline (or a 补报
 * reopening). One transaction: files checked (owned by the unit), result row and benefit rows
 * written, project → results_submitted, audit, notification to the recommender.
 */
import { eq, inArray } from 'drizzle-orm';
import type { ResultSubmitInput } from '../../shared/results';
import { validation } from '../app-error';
import { assertWindowOpen, campaignById } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { files, projectResults, resultBenefits } from '../db/schema';
import { notify } from '../notifications/notify';
import { loadProjectFor } from '../projects/load-project';
import { projectLabel } from '../projects/project-label';
import { transition } from '../projects/transition';
import { planIndicatorsOf, resultDetail, resultOf, type PlanIndicator } from './result-repository';

const LABEL = '项目';

async function assertOwnFiles(tx: DbOrTx, orgId: string, input: ResultSubmitInput) {
  const wanted: [string, string][] = [
    ['reportFileId', input.reportFileId],
    ...input.processFileIds.map((id, i) => [`processFileIds.${i}`, id] as [string, string]),
    ...input.benefits.flatMap((b, i) => (b.evidenceFileId ? [[`benefits.${i}.evidenceFileId`, b.evidenceFileId] as [string, string]] : [])),
  ];
  const rows = await tx.select({ id: files.id, owner: files.ownerOrgId }).from(files).where(inArray(files.id, wanted.map(([, id]) => id)));
  const own = new Set(rows.filter((f) => f.owner === orgId).map((f) => f.id));
  const bad = Object.fromEntries(wanted.filter(([, id]) => !own.has(id)).map(([path]) => [path, '文件不存在或不是本单位上传的文件，请重新上传']));
  if (Object.keys(bad).length) throw validation(bad);
}

/**
 * Each benefit's indicator must be one of the project's current plan, named by its `id` (or, from
 * older clients, by its exact name); the stored name is the plan's. A project without a plan keeps
 * the free-text name. Refusals name the benefit row and the field.
 */
export function linkIndicators(benefits: ResultSubmitInput['benefits'], indicators: PlanIndicator[]) {
  const fields: Record<string, string> = {};
  const linked = benefits.map((b, i) => {
    const row = `效益数据第${i + 1}项`;
    if (b.indicatorId) {
      const x = indicators.find((k) => k.id === b.indicatorId);
      if (!x) fields[`benefits.${i}.indicatorId`] = `${row}：所选对应实施方案指标不在本项目当前实施方案中，请重新选择`;
      return { ...b, indicatorId: x?.id ?? null, indicatorName: x?.name ?? b.indicatorName ?? null };
    }
    if (b.indicatorName && indicators.length) {
      const x = indicators.find((k) => k.name === b.indicatorName);
      if (!x) fields[`benefits.${i}.indicatorName`] = `${row}：对应实施方案指标“${b.indicatorName}”不在本项目当前实施方案中（可选：${indicators.map((k) => k.name).join('、')}）`;
      return { ...b, indicatorId: x?.id ?? null, indicatorName: x?.name ?? b.indicatorName };
    }
    return { ...b, indicatorId: null, indicatorName: b.indicatorName ?? null };
  });
  if (Object.keys(fields).length) throw validation(fields, Object.values(fields)[0]);
  return linked;
}

export async function submitResult(ctx: ActorContext, projectId: string, input: ResultSubmitInput) {
  return ctx.database.db.transaction(async (tx) => {
    const p = await loadProjectFor(tx, ctx.actor, 'submit', projectId, { forUpdate: true, label: LABEL });
    const now = ctx.clock.now();
    const campaign = await campaignById(tx, p.campaignId);
    let benefits: ReturnType<typeof linkIndicators> = [];
    const { updated } = await transition(tx, ctx, p, 'submit_results', {
      version: input.version,
      guard: async () => {
        benefits = linkIndicators(input.benefits, await planIndicatorsOf(tx, p.id));
        await assertOwnFiles(tx, p.applicantOrgId, input);
        await assertWindowOpen(tx, campaign, 'results', now, { organisationId: p.recommenderOrgId, projectId: p.id });
      },
      set: { lastReason: null },
      audit: (to) => ({ summary: { from: p.state, to, benefits: input.benefits.length, team: input.team.length, processFiles: input.processFileIds.length } }),
    });
    const values = { report: input.report, reportFileId: input.reportFileId, processFileIds: input.processFileIds, team: input.team, reviewState: 'pending' as const, fieldComments: {}, submittedAt: now, acceptedAt: null, updatedAt: now };
    const existing = await resultOf(tx, p.id, { forUpdate: true });
    let resultId: string;
    if (existing) {
      await tx.update(projectResults).set({ ...values, version: existing.version + 1 }).where(eq(projectResults.id, existing.id));
      await tx.delete(resultBenefits).where(eq(resultBenefits.resultId, existing.id));
      resultId = existing.id;
    } else {
      const [row] = await tx.insert(projectResults).values({ projectId: p.id, ...values, createdAt: now }).returning({ id: projectResults.id });
      resultId = row.id;
    }
    await tx.insert(resultBenefits).values(
      benefits.map((b, i) => ({ resultId, position: i + 1, kind: b.kind, indicatorId: b.indicatorId, indicatorName: b.indicatorName, description: b.description, before: b.before ?? null, after: b.after ?? null, unit: b.unit ?? null, amount: b.amount === null || b.amount === undefined ? null : String(b.amount), evidenceFileId: b.evidenceFileId ?? null })),
    );
    if (p.recommenderOrgId) {
      await notify(tx, now, { organisationId: p.recommenderOrgId, title: '项目单位已提交成果', body: `${ctx.actor.organisationName}已提交${projectLabel(p)}的成果材料，请审核。`, link: `/recommender/results/${p.id}` });
    }
    return resultDetail(tx, updated, campaign, now);
  });
}
