/**
 * 回避声明 per assigned project, before the materials open. "No conflict" is a signed statement
 * (timestamped) and opens the materials; a conflict recuses the expert from the project: the
 * relation is added to the expert's declarations and the experts area's recomputation writes the
 * `declared` 回避 finding (the same path as a declaration on the profile), and the commission is told.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { CONFLICT_TYPE_LABELS, type Declaration } from '../../shared/experts';
import type { declarationSchema } from '../../shared/evaluation';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { evaluationGroups, expertProfiles, organisations, projects } from '../db/schema';
import { recomputeConflicts } from '../experts/conflicts';
import type { TaskDeclaration } from './group-repository';
import { notifyCommission, refuseState, updateTask } from './respond-task';
import { loadOwnTask, ownTaskDetail } from './task-repository';

export async function declareForTask(ctx: ActorContext, id: string, input: z.infer<typeof declarationSchema>) {
  return ctx.database.db.transaction(async (tx) => {
    const task = await loadOwnTask(tx, ctx, id, { forUpdate: true });
    if (task.state === 'invited') throw refuseState(task, '作出回避声明，请先接受评定任务');
    if (task.state !== 'accepted') throw refuseState(task, '再次作出回避声明');
    const now = ctx.clock.now();
    if (input.kind === 'none') {
      const declaration: TaskDeclaration = { kind: 'none', at: now.toISOString() };
      await updateTask(tx, task, input.version, { state: 'scoring', conflict: declaration }, now);
      await tx
        .update(evaluationGroups)
        .set({ state: 'scoring', updatedAt: now })
        .where(and(eq(evaluationGroups.id, task.groupId), eq(evaluationGroups.state, 'committed')));
    } else {
      const declaration: TaskDeclaration = { kind: 'conflict', type: input.type, description: input.description, at: now.toISOString() };
      await updateTask(tx, task, input.version, { state: 'recused', conflict: declaration }, now);
      const [unit] = await tx.select({ name: organisations.name, uscc: organisations.uscc }).from(projects).innerJoin(organisations, eq(organisations.id, projects.applicantOrgId)).where(eq(projects.id, task.projectId!));
      const [profile] = await tx.select().from(expertProfiles).where(eq(expertProfiles.userId, ctx.actor.userId)).for('update');
      const relation: Declaration = { organisation: unit.name, uscc: unit.uscc, relation: `${CONFLICT_TYPE_LABELS[input.type]}：${input.description}` };
      await tx
        .update(expertProfiles)
        .set({ declarations: [...((profile.declarations as Declaration[]) ?? []), relation], version: profile.version + 1, updatedAt: now })
        .where(eq(expertProfiles.userId, ctx.actor.userId));
      await recomputeConflicts(tx, ctx, { expertIds: [ctx.actor.userId], projectIds: [task.projectId!] });
      await notifyCommission(tx, now, task, '专家申报回避', (field, project) => `“${field}”评定组的一位专家对项目“${project}”申报回避（${CONFLICT_TYPE_LABELS[input.type]}），请替换专家。`);
    }
    await writeAudit(tx, ctx, { entity: 'expert_task', entityId: id, action: 'declare_for_task', summary: { groupId: task.groupId, projectId: task.projectId, kind: input.kind, ...(input.kind === 'conflict' ? { type: input.type } : {}) } });
    return ownTaskDetail(tx, ctx, id);
  });
}
