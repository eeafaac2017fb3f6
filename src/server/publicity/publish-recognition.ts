/**
 * 公布: after the 公示 period (the window is closed) and once every objection has a disposition,
 * the commission publishes the 认定结果: each project still in the window → recognised
 * (`publicity_passed`), the official list as an immutable publication, a showcase draft per
 * project for 宣传推广, the units and recommenders told. One transaction. The existing certificate
 * run (src/server/certificates) then issues their certificates.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { publishRecognitionRequestSchema } from '../../shared/publicity';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { objections, projects, publicityWindows } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { lockProjects } from '../projects/load-project';
import { applyTransition, checkTransition } from '../projects/transition';
import { createShowcaseDrafts } from '../promotion/showcase-drafts';
import { publicationCache } from '../publications/public-cache';
import { recordPublication } from '../publications/record-publication';
import { listRows, loadWindow, projectsWithOutcomes, seriesOf, windowProjectIds } from './publicity-repository';

export async function publishRecognition(ctx: CommandContext & { actor: Actor }, id: string, input: z.infer<typeof publishRecognitionRequestSchema>) {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  const now = ctx.clock.now();
  const out = await ctx.database.db.transaction(async (tx) => {
    const w = await loadWindow(tx, id, { forUpdate: true });
    if (w.version !== input.version) throw staleVersion(`publicity ${id}`);
    if (w.state === 'published') throw invalidState(`publicity ${id} published`, '本次公示的认定结果已公布，不能重复公布');
    if (w.state !== 'closed') throw invalidState(`publicity ${id} is ${w.state}`, `公示期至${w.closesOn}届满后方可公布认定结果`);
    const open = await tx.select({ id: objections.id }).from(objections).where(and(eq(objections.publicityId, id), ne(objections.state, 'concluded')));
    if (open.length) throw invalidState(`publicity ${id}: ${open.length} objections open`, `还有${open.length}件异议尚未办结，须对每件异议作出处理结论后方可公布`);
    const ids = windowProjectIds(w);
    const locked = await lockProjects(tx, ids);
    const passed = ids.map((pid) => locked.get(pid)).filter((p) => p && p.state === 'in_publicity' && !p.deletedAt) as NonNullable<ReturnType<typeof locked.get>>[];
    if (!passed.length) throw invalidState(`publicity ${id}: nothing to recognise`, '本次公示已没有可认定的项目');
    for (const p of passed) {
      const to = checkTransition(p, 'publicity_passed', ctx.actor);
      await applyTransition(tx, ctx, p, 'publicity_passed', to, { audit: { summary: { from: p.state, to, publicityId: id, documentNo: input.documentNo } } });
    }
    const passedIds = passed.map((p) => p.id);
    const rows = await projectsWithOutcomes(tx, inArray(projects.id, passedIds));
    const campaign = await campaignById(tx, w.campaignId);
    const publication = await recordPublication(tx, ctx, {
      campaignId: campaign.id,
      year: campaign.year,
      kind: 'recognition_result',
      series: seriesOf(id),
      title: input.title,
      documentNo: input.documentNo,
      publishedOn: shanghaiDateString(now),
      rows: listRows(rows),
    });
    await tx.update(publicityWindows).set({ state: 'published', publishedAt: now, publishedBy: ctx.actor.userId, version: w.version + 1 }).where(eq(publicityWindows.id, id));
    await writeAudit(tx, ctx, { entity: 'publicity', entityId: id, action: 'publish_recognition', summary: { title: input.title, documentNo: input.documentNo, recognised: passedIds.length, publicationId: publication.id } });
    await createShowcaseDrafts(tx, ctx, passedIds);
    for (const p of rows) {
      const body = `“${p.name}”经公示无异议（或异议不成立），已认定为${campaign.year}年度天津市质量攻关优秀成果（《${input.title}》${input.documentNo}）。`;
      await notify(tx, now, { organisationId: p.applicantOrgId, title: '项目成果已认定为优秀成果', body, link: `/publications/${publication.id}` });
      if (p.recommenderOrgId) await notify(tx, now, { organisationId: p.recommenderOrgId, title: '推荐项目成果已认定为优秀成果', body, link: `/publications/${publication.id}` });
    }
    return { publicationId: publication.id, recognised: passedIds.length };
  });
  publicationCache(ctx.database).clear();
  return out;
}

