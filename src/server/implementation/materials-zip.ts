/**
 * 过程性材料 as one zip per project, folders by PDCA phase, every version kept (superseded ones
 * marked in the name); and the download of one file referenced by the project's materials or
 * visits (the recommender reads the unit's materials, the unit reads the visit files).
 */
import JSZip from 'jszip';
import { and, eq, sql } from 'drizzle-orm';
import { PDCA_LABELS } from '../../domain/implementation';
import { notFound } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { files, processMaterials, trackingVisits } from '../db/schema';
import { loadForImplementation } from './project-access';

export async function materialsZip(ctx: ActorContext, projectId: string): Promise<{ data: Buffer; name: string }> {
  const db = ctx.database.db;
  const project = await loadForImplementation(db, ctx.actor, 'read', projectId);
  const rows = await db
    .select({ m: processMaterials, f: files })
    .from(processMaterials)
    .innerJoin(files, eq(files.id, processMaterials.fileId))
    .where(eq(processMaterials.projectId, project.id))
    .orderBy(processMaterials.createdAt);
  const zip = new JSZip();
  const used = new Set<string>();
  for (const { m, f } of rows) {
    const folder = PDCA_LABELS[m.phase];
    let name = `${folder}/${m.title}-v${m.versionNo}${m.supersededAt ? '（已替换）' : ''}-${f.originalName}`;
    for (let i = 2; used.has(name); i++) name = `${folder}/${i}-${m.title}-v${m.versionNo}-${f.originalName}`;
    used.add(name);
    zip.file(name, await ctx.files.read(f.storageKey), { date: m.createdAt });
  }
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  await db.transaction((tx) => writeAudit(tx, ctx, { entity: 'project', entityId: project.id, action: 'export_materials', summary: { project: project.name, files: rows.length } }));
  return { data, name: `过程性材料-${project.name}.zip` };
}

/** A file of the project's materials or visits, for whoever may read the project. */
export async function projectFile(ctx: ActorContext, projectId: string, fileId: string) {
  const db = ctx.database.db;
  const project = await loadForImplementation(db, ctx.actor, 'read', projectId);
  const [material] = await db.select({ id: processMaterials.id }).from(processMaterials).where(and(eq(processMaterials.projectId, project.id), eq(processMaterials.fileId, fileId)));
  const [visit] = material ? [material] : await db.select({ id: trackingVisits.id }).from(trackingVisits).where(and(eq(trackingVisits.projectId, project.id), sql`${trackingVisits.fileIds} @> ${JSON.stringify([fileId])}::jsonb`));
  if (!visit) throw notFound(`file ${fileId} of project ${projectId}`, '文件');
  const [row] = await db.select().from(files).where(eq(files.id, fileId));
  if (!row) throw notFound(`file ${fileId}`, '文件');
  return row;
}
