/**
 * The commission handles each objection: assign (调查核实, received → assigned) and conclude
 * (→ concluded, upheld / not upheld, with the reply to the objector). An upheld objection takes the
 * project out of the 公示 (`objection_upheld`: back to evaluated) and publishes the corrected
 * 公示名单 as the next version of the window's series. One transaction each, audited.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { OBJECTION_OUTCOME_LABELS } from '../../shared/publicity';
import type { z } from 'zod';
import type { assignObjectionRequestSchema, concludeObjectionRequestSchema } from '../../shared/publicity';
import { invalidState, notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { objections, projects, publicityWindows } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { lockProjects } from '../projects/load-project';
import { applyTransition, checkTransition } from '../projects/transition';
import { publicationCache } from '../publications/public-cache';
import { loadSeries } from '../publications/publication-repository';
import { recordPublication } from '../publications/record-publication';
import { listRows, loadWindow, projectsWithOutcomes, seriesOf, windowProjectIds } from './publicity-repository';

type Ctx = CommandContext & { actor: Actor };

async function lockObjection(tx: DbOrTx, id: string, version: number) {
  const [row] = await tx.select().from(objections).where(eq(objections.id, id)).for('update');
  if (!row) throw notFound(`objection ${id}`, '异议');
  if (row.version !== version) throw staleVersion(`objection ${id}`);
  if (row.state === 'concluded') throw invalidState(`objection ${id} concluded`, '该异议已办结，不能再处理');
  return row;
}

export async function assignObjection(ctx: Ctx, id: string, input: z.infer<typeof assignObjectionRequestSchema>) {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockObjection(tx, id, input.version);
    const [updated] = await tx
      .update(objections)
      .set({ state: 'assigned', assignee: input.assignee, version: row.version + 1 })
      .where(and(eq(objections.id, id), eq(objections.version, row.version)))
      .returning();
    await writeAudit(tx, ctx, { entity: 'objection', entityId: id, action: 'assign_objection', summary: { publicityId: row.publicityId, projectId: row.projectId, assignee: input.assignee } });
    return updated;
  });
}

export async function concludeObjection(ctx: Ctx, id: string, input: z.infer<typeof concludeObjectionRequestSchema>) {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  const now = ctx.clock.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const [peek] = await tx.select({ publicityId: objections.publicityId, projectId: objections.projectId }).from(objections).where(eq(objections.id, id));
    if (!peek) throw notFound(`objection ${id}`, '异议');
    // Lock order: window → projects → objection (the publish command takes the window first too).
    const w = await loadWindow(tx, peek.publicityId, { forUpdate: true });
    if (w.state === 'published') throw invalidState(`publicity ${w.id} published`, '本次公示已公布认定结果，不能再处理异议');
    const upheld = input.outcome === 'upheld';
    const locked = upheld && peek.projectId ? await lockProjects(tx, [peek.projectId]) : new Map();
    const row = await lockObjection(tx, id, input.version);
    const [updated] = await tx
      .update(objections)
      .set({ state: 'concluded', outcome: input.outcome, reply: input.reply, concludedAt: now, concludedBy: ctx.actor.userId, version: row.version + 1 })
      .where(and(eq(objections.id, id), eq(objections.version, row.version)))
      .returning();
    await writeAudit(tx, ctx, { entity: 'objection', entityId: id, action: 'conclude_objection', summary: { publicityId: w.id, projectId: row.projectId, outcome: input.outcome, reply: input.reply } });
    const project = row.projectId ? locked.get(row.projectId) : undefined;
    if (upheld && project && project.state === 'in_publicity' && windowProjectIds(w).includes(project.id)) {
      const to = checkTransition(project, 'objection_upheld', ctx.actor);
      await applyTransition(tx, ctx, project, 'objection_upheld', to, { set: { lastReason: `公示期间异议成立：${input.reply}` }, audit: { summary: { from: project.state, to, publicityId: w.id, objectionId: id } } });
      const remaining = windowProjectIds(w).filter((pid) => pid !== project.id);
      await tx.update(publicityWindows).set({ projectIds: remaining, listVersion: w.listVersion + 1, version: w.version + 1 }).where(eq(publicityWindows.id, w.id));
      const campaign = await campaignById(tx, w.campaignId);
      const [latest] = await loadSeries(tx, campaign.id, 'publicity_list', seriesOf(w.id));
      const rows = remaining.length ? await projectsWithOutcomes(tx, inArray(projects.id, remaining)) : [];
      await recordPublication(tx, ctx, {
        campaignId: campaign.id,
        year: campaign.year,
        kind: 'publicity_list',
        series: seriesOf(w.id),
        title: latest?.title ?? w.title,
        documentNo: latest?.documentNo ?? w.documentNo ?? '',
        publishedOn: latest?.publishedOn ?? w.opensOn,
        rows: listRows(rows),
        correctionNote: `经调查核实，对“${project.name}”的异议成立，该项目不再列入本次公示。`,
      });
      const body = `对“${project.name}”的公示异议经调查核实成立，该项目不再列入《${w.title}》，不予认定为优秀成果。`;
      await notify(tx, now, { organisationId: project.applicantOrgId, title: '公示异议成立', body, link: `/publicity/${w.id}` });
      if (project.recommenderOrgId) await notify(tx, now, { organisationId: project.recommenderOrgId, title: '公示异议成立', body, link: `/publicity/${w.id}` });
    }
    return { updated, outcomeLabel: OBJECTION_OUTCOME_LABELS[input.outcome] };
  });
  publicationCache(ctx.database).clear();
  return result.updated;
}
