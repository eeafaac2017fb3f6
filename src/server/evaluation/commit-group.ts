/**
 * Committing a group: one task per expert × project (invited), every project → 评定中 through the
 * workflow (`assign_group`), the experts notified. A member who has meanwhile got a 回避 finding for
 * one of the projects blocks the commit (replace first).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { excludedByConflict } from '../../domain/evaluation';
import type { versionSchema } from '../../shared/evaluation';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { evaluationGroups, expertTasks, users } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { assertProjectFor, lockProjects } from '../projects/load-project';
import { transition } from '../projects/transition';
import { drawInputs, groupDetail, loadGroup } from './group-repository';

export async function commitGroup(ctx: ActorContext, id: string, input: z.infer<typeof versionSchema>) {
  authorize(ctx.actor, { kind: 'evaluation', action: 'manage', resource: {} });
  return ctx.database.db.transaction(async (tx) => {
    const g = await loadGroup(tx, id, { forUpdate: true });
    if (g.state !== 'proposed') throw invalidState(`group ${id} is ${g.state}`, '评定组已确认，不能重复确认');
    if (g.version !== input.version) throw staleVersion(`evaluation group ${id}`);
    const projectIds = g.projectIds as string[];
    const members = g.members as string[];
    const experts = await tx.select({ id: users.id, name: users.displayName, orgId: users.organisationId }).from(users).where(inArray(users.id, members));
    const excluded = excludedByConflict((await drawInputs(tx, projectIds)).conflicts, projectIds);
    const blocked = experts.find((e) => excluded.has(e.id));
    if (blocked) throw invalidState(`member ${blocked.id} has a conflict`, `专家“${blocked.name}”与本组项目存在回避情形，请先替换该专家`);

    const rows = await lockProjects(tx, projectIds);
    for (const pid of projectIds) {
      const row = rows.get(pid);
      assertProjectFor(ctx.actor, 'evaluate', row, pid, '项目');
      await transition(tx, ctx, row, 'assign_group', { audit: () => ({ summary: { groupId: id, field: g.field } }) });
    }
    const now = ctx.clock.now();
    await tx.insert(expertTasks).values(members.flatMap((expertUserId) => projectIds.map((projectId) => ({ groupId: id, expertUserId, projectId, state: 'invited' as const, createdAt: now, updatedAt: now }))));
    const [u] = await tx
      .update(evaluationGroups)
      .set({ state: 'committed', committedAt: now, version: g.version + 1, updatedAt: now })
      .where(and(eq(evaluationGroups.id, id), eq(evaluationGroups.version, g.version)))
      .returning();
    for (const e of experts) {
      await notify(tx, now, { organisationId: e.orgId, userId: e.id, title: '成果评定任务邀请', body: `您被邀请参加“${g.field}”评定组，评定${projectIds.length}个项目，请于${g.deadline}前完成。请先接受任务并逐项作出回避声明。`, link: '/expert/tasks' });
    }
    await writeAudit(tx, ctx, { entity: 'evaluation_group', entityId: id, action: 'commit_group', summary: { field: g.field, projects: projectIds.length, members: members.length } });
    return groupDetail(tx, u);
  });
}
