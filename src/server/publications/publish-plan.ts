/**
 * 立项计划公布: the commission publishes the approved projects of the active campaign as an
 * immutable publication (version 1) or corrects it (the next version; the earlier one stays public,
 * marked 已更正). One transaction: the series lock, the row, one audit entry, the notices to every
 * listed applicant and recommender.
 */
import { sql } from 'drizzle-orm';
import type { PublicationKind, PublishPlanRequest } from '../../shared/publications';
import { CORRECTION_NOTE_MIN } from '../../shared/publications';
import { AppError, invalidState, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { currentCampaign } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { publications } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { approvedPlanRows, publicRow } from './plan-rows';
import { loadSeries, type PublicationRow } from './publication-repository';
import { publicationCache } from './public-cache';

const KIND: PublicationKind = 'project_plan';

export async function publishPlan(ctx: CommandContext & { actor: Actor }, input: PublishPlanRequest): Promise<PublicationRow> {
  authorize(ctx.actor, { kind: 'publication', action: 'publish' });
  const now = ctx.clock.now();
  const published = await ctx.database.db.transaction(async (tx) => {
    const campaign = await currentCampaign(tx, ctx.clock.now());
    // One publisher at a time per series: the version number is taken under this lock.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`publication:${campaign.id}:${KIND}`}))`);
    const series = await loadSeries(tx, campaign.id, KIND);
    const latest = series[0]?.version ?? 0;
    if (input.expectedVersion !== latest) {
      throw new AppError('stale_version', `plan series at ${latest}, client saw ${input.expectedVersion}`, `立项计划已由他人发布至第${latest}版，请刷新后重新确认`);
    }
    const note = input.correctionNote?.trim() ?? '';
    if (latest > 0 && note.length < CORRECTION_NOTE_MIN) {
      throw validation({ correctionNote: `更正说明必填，至少${CORRECTION_NOTE_MIN}个字（说明本次更正的内容）` });
    }
    if (latest === 0 && note) throw validation({ correctionNote: '首次发布无需填写更正说明' });
    const rows = await approvedPlanRows(tx, campaign);
    if (rows.length === 0) throw invalidState('no approved projects', '本年度尚无已立项的项目，无法发布立项计划');
    const [row] = await tx
      .insert(publications)
      .values({
        campaignId: campaign.id,
        kind: KIND,
        version: latest + 1,
        title: input.title,
        documentNo: input.documentNo,
        publishedOn: input.publishedOn,
        rows: rows.map(publicRow),
        correctionNote: latest > 0 ? note : null,
        publishedBy: ctx.actor.userId,
        publishedAt: now,
      })
      .returning();
    await writeAudit(tx, ctx, {
      entity: 'publication',
      entityId: row.id,
      action: latest > 0 ? 'correct_publication' : 'publish',
      summary: { kind: KIND, year: campaign.year, version: row.version, title: row.title, documentNo: row.documentNo, rows: rows.length, correctionNote: row.correctionNote },
    });
    const link = `/publications/${row.id}`;
    const verb = latest > 0 ? `已更正（第${row.version}版）` : '已公布';
    const byApplicant = new Map<string, string[]>();
    for (const r of rows) byApplicant.set(r.applicantOrgId, [...(byApplicant.get(r.applicantOrgId) ?? []), `${r.projectNo} ${r.name}`]);
    for (const [orgId, names] of byApplicant) {
      await notify(tx, now, { organisationId: orgId, title: `${row.title}${verb}`, body: `贵单位项目已列入《${row.title}》（${row.documentNo}）：${names.join('；')}。`, link });
    }
    const byRecommender = new Map<string, number>();
    for (const r of rows) if (r.recommenderOrgId) byRecommender.set(r.recommenderOrgId, (byRecommender.get(r.recommenderOrgId) ?? 0) + 1);
    for (const [orgId, n] of byRecommender) {
      await notify(tx, now, { organisationId: orgId, title: `${row.title}${verb}`, body: `贵单位推荐的${n}个项目已列入《${row.title}》（${row.documentNo}）。`, link });
    }
    return row;
  });
  publicationCache(ctx.database).clear();
  return published;
}
