/** An expert accepts or declines an invitation (one task = one project of the group). */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { declineSchema, versionSchema } from '../../shared/evaluation';
import { EXPERT_TASK_STATE_LABELS } from '../../shared/evaluation';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { evaluationGroups, expertTasks, projects } from '../db/schema';
import { commissionOrgIds } from '../notifications/email';
import { notify } from '../notifications/notify';
import type { TaskRow } from './group-repository';
import { loadOwnTask, ownTaskDetail } from './task-repository';

/** Writes the task at the version the expert read (409 otherwise), bumping it. */
export async function updateTask(tx: DbOrTx, task: TaskRow, version: number, set: Partial<typeof expertTasks.$inferInsert>, now: Date) {
  if (task.version !== version) throw staleVersion(`task ${task.id}`);
  const [u] = await tx
    .update(expertTasks)
    .set({ ...set, version: task.version + 1, updatedAt: now })
    .where(and(eq(expertTasks.id, task.id), eq(expertTasks.version, version)))
    .returning();
  if (!u) throw staleVersion(`task ${task.id}`);
  return u;
}

export const refuseState = (task: TaskRow, what: string) => invalidState(`task ${task.id} is ${task.state}`, `评定任务当前状态为“${EXPERT_TASK_STATE_LABELS[task.state]}”，不能${what}`);

/** Tells the commission about an expert's step, naming the group and the project. */
export async function notifyCommission(tx: DbOrTx, now: Date, task: TaskRow, title: string, body: (field: string, project: string) => string) {
  const [g] = await tx.select({ field: evaluationGroups.field }).from(evaluationGroups).where(eq(evaluationGroups.id, task.groupId));
  const [p] = await tx.select({ name: projects.name }).from(projects).where(eq(projects.id, task.projectId!));
  for (const org of await commissionOrgIds(tx)) await notify(tx, now, { organisationId: org, title, body: body(g.field, p.name), link: `/commission/evaluation/${task.groupId}` });
}

export async function acceptTask(ctx: ActorContext, id: string, input: z.infer<typeof versionSchema>) {
  return ctx.database.db.transaction(async (tx) => {
    const task = await loadOwnTask(tx, ctx, id, { forUpdate: true });
    if (task.state !== 'invited') throw refuseState(task, '接受');
    const now = ctx.clock.now();
    const [g] = await tx.select({ deadline: evaluationGroups.deadline }).from(evaluationGroups).where(eq(evaluationGroups.id, task.groupId));
    if (g.deadline && g.deadline < shanghaiDateString(now)) throw invalidState(`task ${id} past deadline`, `评分截止日期（${g.deadline}）已过，不能再接受此评定任务`);
    await updateTask(tx, task, input.version, { state: 'accepted', respondedAt: now }, now);
    await writeAudit(tx, ctx, { entity: 'expert_task', entityId: id, action: 'accept_task', summary: { groupId: task.groupId, projectId: task.projectId } });
    return ownTaskDetail(tx, ctx, id);
  });
}

export async function declineTask(ctx: ActorContext, id: string, input: z.infer<typeof declineSchema>) {
  return ctx.database.db.transaction(async (tx) => {
    const task = await loadOwnTask(tx, ctx, id, { forUpdate: true });
    if (task.state !== 'invited' && task.state !== 'accepted') throw refuseState(task, '谢绝');
    const now = ctx.clock.now();
    await updateTask(tx, task, input.version, { state: 'declined', declineReason: input.reason, respondedAt: now }, now);
    await notifyCommission(tx, now, task, '专家谢绝评定任务', (field, project) => `“${field}”评定组的一位专家谢绝了项目“${project}”的评定任务（${input.reason}），请替换专家。`);
    await writeAudit(tx, ctx, { entity: 'expert_task', entityId: id, action: 'decline_task', summary: { groupId: task.groupId, projectId: task.projectId, reason: input.reason } });
    return ownTaskDetail(tx, ctx, id);
  });
}
