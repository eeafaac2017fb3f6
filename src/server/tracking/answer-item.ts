/**
 * Answering a tracking item: the unit answers a 指导意见 or a problem the recommender raised; the
 * recommender records what it arranged for a 质量基础设施支撑 request or answers a problem the unit
 * raised. open → answered, once (an answered item waits for the recommender to close it).
 */
import { and, eq } from 'drizzle-orm';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { trackingItems } from '../db/schema';
import { notify } from '../notifications/notify';
import { lockItemFor } from './item-access';

export async function answerItem(ctx: ActorContext, itemId: string, input: { answer: string; version: number }) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    // What the unit raised (support, its own problems) the recommender answers; guidance and the recommender's problems, the unit.
    const { project, item } = await lockItemFor(tx, ctx.actor, itemId, (i, applicantOrgId) => (i.kind === 'support' || i.raisedByOrgId === applicantOrgId ? 'arrange' : 'answer'));
    if (item.version !== input.version) throw staleVersion(`tracking item ${itemId}`);
    if (item.state !== 'open') throw invalidState(`item ${itemId} is ${item.state}`, item.state === 'closed' ? '该事项已关闭，不能再答复' : '该事项已答复，待推荐单位关闭');
    const [row] = await tx
      .update(trackingItems)
      .set({ state: 'answered', answer: input.answer, answeredBy: ctx.actor.userId, answeredAt: now, version: item.version + 1 })
      .where(and(eq(trackingItems.id, item.id), eq(trackingItems.version, item.version)))
      .returning();
    const byUnit = ctx.actor.role === 'applicant';
    const to = byUnit ? project.recommenderOrgId : project.applicantOrgId;
    if (to) {
      await notify(tx, now, {
        organisationId: to,
        title: `${item.kind === 'support' ? '支撑已安排' : '已答复'}：${project.name}`,
        body: input.answer.slice(0, 100),
        link: byUnit ? `/recommender/tracking/${project.id}` : `/applicant/implementation/${project.id}`,
      });
    }
    await writeAudit(tx, ctx, { entity: 'tracking_item', entityId: item.id, action: byUnit ? 'answer' : 'arrange', summary: { project: project.name, kind: item.kind } });
    return { id: row.id, state: row.state, version: row.version };
  });
}
