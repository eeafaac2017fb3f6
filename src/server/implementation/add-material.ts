/**
 * 过程性材料: the unit files an uploaded document under a PDCA phase (and a milestone). A new
 * version supersedes the one before it, which stays (nothing is deleted).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { ImplementationPlan, MaterialInput } from '../../shared/implementation';
import { AppError, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { files, implementationPlans, processMaterials } from '../db/schema';
import { loadForImplementation } from './project-access';

export async function addMaterial(ctx: ActorContext, projectId: string, input: MaterialInput) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const project = await loadForImplementation(tx, ctx.actor, 'material', projectId, { forUpdate: true });
    const [file] = await tx.select().from(files).where(eq(files.id, input.fileId));
    if (!file || file.ownerOrgId !== ctx.actor.organisationId) throw validation({ fileId: '文件：请先上传本单位的文件' });
    if (input.milestoneId) {
      const [plan] = await tx.select({ content: implementationPlans.content }).from(implementationPlans).where(eq(implementationPlans.projectId, project.id));
      if (!(plan?.content as ImplementationPlan | undefined)?.milestones.some((m) => m.id === input.milestoneId)) throw validation({ milestoneId: '里程碑：实施方案中没有这个里程碑' });
    }
    let versionNo = 1;
    if (input.supersedesId) {
      const [old] = await tx
        .select()
        .from(processMaterials)
        .where(and(eq(processMaterials.id, input.supersedesId), eq(processMaterials.projectId, project.id)))
        .for('update');
      if (!old) throw validation({ supersedesId: '被替换的材料：本项目没有这份材料' });
      if (old.supersededAt) throw new AppError('conflict', 'material already superseded', '这份材料已有新版本，请在最新版本上更新', { fields: { supersedesId: '这份材料已有新版本' } });
      versionNo = old.versionNo + 1;
      await tx.update(processMaterials).set({ supersededAt: now }).where(and(eq(processMaterials.id, old.id), isNull(processMaterials.supersededAt)));
    }
    const [row] = await tx
      .insert(processMaterials)
      .values({ projectId: project.id, phase: input.phase, milestoneId: input.milestoneId, title: input.title, fileId: file.id, versionNo, supersedesId: input.supersedesId, uploadedBy: ctx.actor.userId, createdAt: now })
      .returning();
    await writeAudit(tx, ctx, { entity: 'process_material', entityId: row.id, action: input.supersedesId ? 'supersede' : 'create', summary: { project: project.name, title: input.title, phase: input.phase, versionNo, file: file.originalName } });
    return { id: row.id, versionNo };
  });
}
