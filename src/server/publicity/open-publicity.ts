/**
 * 公示: the commission picks the list from the evaluated projects whose evaluation outcome it
 * adopted (by default those their group proposes; a change needs a reason) and opens the 公示:
 * the period in working days on the campaign's holiday calendar, every project `in_publicity`
 * (propose_recognition), the 公示名单 published (immutable, PDF/Excel), the units and recommenders
 * told. One transaction.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { publicityPeriod } from '../../domain/publicity';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { CampaignConfig } from '../../domain/campaign-config';
import type { OpenPublicityRequest } from '../../shared/publicity';
import { openPublicityRequestSchema } from '../../shared/publicity';
import { invalidState, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { evaluationOutcomes, projects, publicityWindows } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { lockProjects } from '../projects/load-project';
import { applyTransition, checkTransition } from '../projects/transition';
import { publicationCache } from '../publications/public-cache';
import { recordPublication } from '../publications/record-publication';
import { listRows, projectsWithOutcomes, seriesOf, type PublicityWindowRow, type SelectionChange } from './publicity-repository';

export async function openPublicity(ctx: CommandContext & { actor: Actor }, raw: OpenPublicityRequest): Promise<PublicityWindowRow> {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  const input = openPublicityRequestSchema.parse(raw);
  const ids = [...new Set(input.projectIds)];
  const now = ctx.clock.now();
  const today = shanghaiDateString(now);
  if (input.opensOn < today) throw validation({ opensOn: `公示开始日期不能早于今天（${today}）` });
  const window = await ctx.database.db.transaction(async (tx) => {
    const locked = await lockProjects(tx, ids);
    const missing = ids.find((id) => !locked.get(id) || locked.get(id)!.deletedAt);
    if (missing) throw validation({ projectIds: `所选项目不存在（${missing}），请刷新后重新选择` });
    const listed = await projectsWithOutcomes(tx, and(eq(projects.campaignId, locked.get(ids[0])!.campaignId)));
    const byId = new Map(listed.map((p) => [p.projectId, p]));
    for (const id of ids) {
      const p = byId.get(id);
      if (!p) throw validation({ projectIds: `项目“${locked.get(id)!.name}”不属于同一年度，一次公示只能包含同一年度的项目` });
      if (p.state !== 'evaluated') throw invalidState(`project ${id} is ${p.state}`, `项目“${p.name}”当前不是“已评定”状态，不能列入公示`);
      if (!p.adopted) throw invalidState(`project ${id} outcome not adopted`, `项目“${p.name}”的评定结论尚未经市市场监管委采纳，不能列入公示`);
    }
    // Differences from the evaluation groups' proposals need a reason each.
    const changes: SelectionChange[] = [];
    const adoptedCandidates = await tx
      .select({ projectId: evaluationOutcomes.projectId, proposed: evaluationOutcomes.proposed })
      .from(evaluationOutcomes)
      .innerJoin(projects, eq(projects.id, evaluationOutcomes.projectId))
      .where(and(eq(projects.campaignId, listed[0]?.campaignId ?? ''), eq(projects.state, 'evaluated'), isNotNull(evaluationOutcomes.adoptedAt)));
    const problems: Record<string, string> = {};
    for (const c of adoptedCandidates) {
      const selected = ids.includes(c.projectId);
      if (selected === c.proposed) continue;
      const p = byId.get(c.projectId)!;
      const reason = input.reasons[c.projectId];
      if (!reason) {
        problems[`reasons.${c.projectId}`] = selected ? `项目“${p.name}”未经评定组建议认定，列入公示须填写调整理由` : `项目“${p.name}”经评定组建议认定，不列入公示须填写调整理由`;
        continue;
      }
      changes.push({ projectId: c.projectId, change: selected ? 'added' : 'removed', reason });
    }
    if (Object.keys(problems).length) throw validation(problems);

    const campaign = await campaignById(tx, listed[0].campaignId);
    const config = campaign.config as CampaignConfig;
    let period;
    try {
      period = publicityPeriod(input.opensOn, config.publicityWorkingDays ?? 5, config.calendar);
    } catch (e) {
      if (e instanceof RangeError) throw validation({ opensOn: e.message });
      throw e;
    }
    const [row] = await tx
      .insert(publicityWindows)
      .values({
        campaignId: campaign.id,
        title: input.title,
        documentNo: input.documentNo,
        opensOn: period.opensOn,
        closesOn: period.closesOn,
        state: period.opensOn <= today ? 'open' : 'scheduled',
        projectIds: ids,
        selectionChanges: changes,
        openedBy: ctx.actor.userId,
        createdAt: now,
      })
      .returning();
    const rows = listed.filter((p) => ids.includes(p.projectId));
    for (const p of rows) {
      const project = locked.get(p.projectId)!;
      const to = checkTransition(project, 'propose_recognition', ctx.actor);
      await applyTransition(tx, ctx, project, 'propose_recognition', to, { audit: { summary: { from: project.state, to, publicityId: row.id, title: row.title, opensOn: row.opensOn, closesOn: row.closesOn } } });
    }
    await recordPublication(tx, ctx, {
      campaignId: campaign.id,
      year: campaign.year,
      kind: 'publicity_list',
      series: seriesOf(row.id),
      title: input.title,
      documentNo: input.documentNo,
      publishedOn: period.opensOn,
      rows: listRows(rows),
    });
    await writeAudit(tx, ctx, {
      entity: 'publicity',
      entityId: row.id,
      action: 'open_publicity',
      summary: { year: campaign.year, title: row.title, documentNo: row.documentNo, opensOn: row.opensOn, closesOn: row.closesOn, workingDays: config.publicityWorkingDays ?? 5, projects: rows.length, changes },
    });
    const link = `/publicity/${row.id}`;
    const body = (name: string) => `“${name}”已列入《${row.title}》（${row.documentNo}），公示期${row.opensOn}至${row.closesOn}（${config.publicityWorkingDays ?? 5}个工作日）。`;
    for (const p of rows) {
      await notify(tx, now, { organisationId: p.applicantOrgId, title: '项目成果进入公示', body: body(p.name), link });
      if (p.recommenderOrgId) await notify(tx, now, { organisationId: p.recommenderOrgId, title: '推荐项目成果进入公示', body: body(p.name), link });
    }
    return row;
  });
  publicationCache(ctx.database).clear();
  return window;
}
