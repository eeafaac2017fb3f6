/** 删除草稿: only a draft that was never submitted (a submitted one keeps its number and history). Soft delete. */
import { and, eq } from 'drizzle-orm';
import { PROJECT_STATE_LABELS } from '../../domain/project-workflow';
import { invalidState } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { projects } from '../db/schema';
import { loadProjectFor } from '../projects/load-project';

export async function deleteApplication(ctx: CommandContext & { actor: Actor }, input: { id: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'delete_draft', input.id, { forUpdate: true });
    if (row.state !== 'draft') throw invalidState(`delete in ${row.state}`, `当前状态为“${PROJECT_STATE_LABELS[row.state]}”，只能删除草稿`);
    if (row.submittedVersion > 0) throw invalidState('delete after submit', '该申报书曾经提交过（已有申报编号和历史版本），不能删除');
    const now = ctx.clock.now();
    await tx
      .update(projects)
      .set({ deletedAt: now, version: row.version + 1, updatedAt: now })
      .where(and(eq(projects.id, row.id)));
    await writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: 'delete_draft', summary: { name: row.name } });
  });
}
