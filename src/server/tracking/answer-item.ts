/**
 * Answering a tracking item: the unit answers a 指导意见 or a 问题; the recommender records what
 * it arranged for a 质量基础设施支撑 request or answers a problem the unit raised. open → answered,
 * once (an answered item waits for the recommender to close it).
 */
import { and, eq } from 'drizzle-orm';
import { invalidState, notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { projects, trackingItems } from '../db/schema';
import { loadForImplementation } from '../implementation/project-access';
import { notify } from '../notifications/notify';

export async function loadItem(tx: DbOrTx, itemId: string) {
  const [item] = await tx.select().from(trackingItems).where(eq(trackingItems.id, itemId)).for('update');
  if (!item) throw notFound(`tracking item ${itemId}`, '跟踪事项');
  return item;
}

export async function answerItem(ctx: ActorContext, itemId: string, input: { answer: string; version: number }) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [peek] = await tx.select({ projectId: trackingItems.projectId, kind: trackingItems.kind, raisedByOrgId: trackingItems.raisedByOrgId }).from(trackingItems).where(eq(trackingItems.id, itemId));
    if (!peek) throw notFound(`tracking item ${itemId}`, '跟踪事项');
    const [owner] = await tx.select({ applicantOrgId: projects.applicantOrgId }).from(projects).where(eq(projects.id, peek.projectId));
    // What the unit raised (support, its own problems) the recommender answers; guidance and the recommender's problems, the unit.
    const action = peek.kind === 'support' || peek.raisedByOrgId === owner?.applicantOrgId ? 'arrange' : 'answer';
    const project = await loadForImplementation(tx, ctx.actor, action, peek.projectId, { forUpdate: true }).catch((err) => {
      // Another organisation's item: existence does not leak.
      if (err?.code === 'not_found') throw notFound(`tracking item ${itemId}`, '跟踪事项');
      throw err;
    });
    const item = await loadItem(tx, itemId);
    if (item.version !== input.version) throw staleVersion(`tracking item ${itemId}`);
    if (item.state !== 'open') throw invalidState(`item ${itemId} is ${item.state}`, item.state === 'closed' ? '该事项已关闭，不能再答复' : '该事项已答复，待推荐单位关闭');
    const [row] = await tx
      .update(trackingItems)
      .set({ state: 'answered', answer: input.answer, answeredBy: ctx.actor.userId, answeredAt: now, version: item.version + 1 })
      .where(and(eq(trackingItems.id, item.id), eq(trackingItems.version, item.version)))
      .returning();
    const to = ctx.actor.role === 'applicant' ? project.recommenderOrgId : project.applicantOrgId;
    if (to) {
      await notify(tx, now, {
        organisationId: to,
        title: `${item.kind === 'support' ? '支撑已安排' : '已答复'}：${project.name}`,
        body: input.answer.slice(0, 100),
        link: ctx.actor.role === 'applicant' ? `/recommender/tracking/${project.id}` : `/applicant/implementation/${project.id}`,
      });
    }
    await writeAudit(tx, ctx, { entity: 'tracking_item', entityId: item.id, action, summary: { project: project.name, kind: item.kind } });
    return { id: row.id, state: row.state, version: row.version };
  });
}
