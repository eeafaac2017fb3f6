/**
 * 授课老师 and 培训资料 of a session (issue 16). The provider running the session (or the
 * commission) sets the lecturers (replaces the list; the session's `version` guards it) and attaches
 * materials: a file (stored and sniffed by src/server/files, the campaign's size limit) with a title
 * and a category. Applicant units with a sign-up for the session download them; any other applicant
 * gets 404, as for a material that does not exist.
 */
import type { Readable } from 'node:stream';
import { and, asc, eq, exists, inArray } from 'drizzle-orm';
import type { CampaignConfig } from '../../domain/campaign-config';
import { MATERIAL_CATEGORY_LABELS, type LecturerDto, type MaterialCategory, type MaterialDto, type SessionResourcesDto } from '../../shared/training-materials';
import { invalidState, notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { currentCampaign } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { files, projects, trainingLecturers, trainingMaterials, trainingSessions, trainingSignups } from '../db/schema';
import type { FileType } from '../files/sniff';
import { uploadFile } from '../files/upload-file';
import { requireApplicant, requireTrainingManager } from '../policy/role-guards';
import { loadSessionForManager, wallClockText, type SessionRow, type TrainingContext } from './session-repository';

export async function lecturersOf(db: DbOrTx, sessionIds: string[]): Promise<Map<string, LecturerDto[]>> {
  const map = new Map<string, LecturerDto[]>();
  if (sessionIds.length === 0) return map;
  const rows = await db.select().from(trainingLecturers).where(inArray(trainingLecturers.sessionId, sessionIds)).orderBy(asc(trainingLecturers.position));
  for (const r of rows) map.set(r.sessionId, [...(map.get(r.sessionId) ?? []), { name: r.name, title: r.title, employer: r.employer }]);
  return map;
}

async function materialsOf(db: DbOrTx, sessionIds: string[]): Promise<Map<string, MaterialDto[]>> {
  const map = new Map<string, MaterialDto[]>();
  if (sessionIds.length === 0) return map;
  const rows = await db
    .select({ m: trainingMaterials, f: files })
    .from(trainingMaterials)
    .innerJoin(files, eq(files.id, trainingMaterials.fileId))
    .where(inArray(trainingMaterials.sessionId, sessionIds))
    .orderBy(asc(trainingMaterials.createdAt), asc(trainingMaterials.title));
  for (const { m, f } of rows) {
    const dto: MaterialDto = { id: m.id, sessionId: m.sessionId, title: m.title, category: m.category, categoryLabel: MATERIAL_CATEGORY_LABELS[m.category], fileName: f.originalName, size: f.size, mime: f.mime, createdAt: m.createdAt.toISOString() };
    map.set(m.sessionId, [...(map.get(m.sessionId) ?? []), dto]);
  }
  return map;
}

async function resources(db: DbOrTx, sessions: SessionRow[]): Promise<SessionResourcesDto[]> {
  const ids = sessions.map((s) => s.id);
  const [lecturers, materials] = await Promise.all([lecturersOf(db, ids), materialsOf(db, ids)]);
  return sessions.map((s) => ({ sessionId: s.id, sessionTitle: s.title, startsAtText: wallClockText(s.startsAt), lecturers: lecturers.get(s.id) ?? [], materials: materials.get(s.id) ?? [] }));
}

/** The provider's/commission's view of one session's lecturers and materials. */
export async function sessionResources(ctx: TrainingContext, id: string): Promise<SessionResourcesDto> {
  requireTrainingManager(ctx.actor);
  const session = await loadSessionForManager(ctx.database.db, ctx.actor, id);
  return (await resources(ctx.database.db, [session]))[0];
}

/** Replaces the lecturer list; bumps the session's version. */
export async function setLecturers(ctx: TrainingContext, id: string, input: { version: number; items: LecturerDto[] }): Promise<SessionResourcesDto> {
  requireTrainingManager(ctx.actor);
  const db = ctx.database.db;
  const session = await db.transaction(async (tx) => {
    const current = await loadSessionForManager(tx, ctx.actor, id, true);
    if (current.version !== input.version) throw staleVersion(`training session ${id}`);
    if (current.status === 'cancelled') throw invalidState(`session ${id} cancelled`, '该培训场次已取消，不能修改授课老师');
    const [row] = await tx
      .update(trainingSessions)
      .set({ version: current.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(trainingSessions.id, id), eq(trainingSessions.version, current.version)))
      .returning();
    if (!row) throw staleVersion(`training session ${id}`);
    await tx.delete(trainingLecturers).where(eq(trainingLecturers.sessionId, id));
    if (input.items.length) await tx.insert(trainingLecturers).values(input.items.map((l, position) => ({ sessionId: id, position, ...l })));
    await writeAudit(tx, ctx, { entity: 'training_session', entityId: id, action: 'lecturers', summary: { title: current.title, lecturerList: input.items.map((l) => `${l.name}（${l.title}，${l.employer}）`) } });
    return row;
  });
  return (await resources(db, [session]))[0];
}

/** Checked before the upload is read: the session exists for this manager and is not cancelled. */
export async function assertMaterialTarget(ctx: TrainingContext, id: string): Promise<SessionRow> {
  requireTrainingManager(ctx.actor);
  const session = await loadSessionForManager(ctx.database.db, ctx.actor, id);
  if (session.status === 'cancelled') throw invalidState(`session ${id} cancelled`, '该培训场次已取消，不能上传培训资料');
  return session;
}

/** The campaign's file limits: PDF, Word, Excel and images (no ZIP), the configured size. */
export async function materialFileLimits(ctx: TrainingContext) {
  const limits = ((await currentCampaign(ctx.database.db, ctx.clock.now())).config as CampaignConfig).files;
  return { maxBytes: limits.maxBytes, allowedTypes: limits.allowedTypes.filter((t) => t !== 'zip') };
}

export async function attachMaterial(
  ctx: TrainingContext,
  id: string,
  input: { title: string; category: MaterialCategory; stream: Readable; fileName: string; maxBytes: number; allowedTypes: FileType[] },
): Promise<MaterialDto> {
  const session = await assertMaterialTarget(ctx, id);
  const file = await uploadFile(ctx, { stream: input.stream, fileName: input.fileName, purpose: 'attachment', maxBytes: input.maxBytes, allowedTypes: input.allowedTypes });
  const db = ctx.database.db;
  const row = await db.transaction(async (tx) => {
    // Cancelled while the file was being received: refuse (the stored file stays unreferenced).
    const locked = await loadSessionForManager(tx, ctx.actor, id, true);
    if (locked.status === 'cancelled') throw invalidState(`session ${id} cancelled`, '该培训场次已取消，不能上传培训资料');
    const [m] = await tx.insert(trainingMaterials).values({ sessionId: id, fileId: file.id, title: input.title, category: input.category, createdBy: ctx.actor.userId, createdAt: ctx.clock.now() }).returning();
    await writeAudit(tx, ctx, { entity: 'training_session', entityId: id, action: 'attach_material', summary: { title: session.title, material: input.title, materialCategory: MATERIAL_CATEGORY_LABELS[input.category], fileName: file.originalName } });
    return m;
  });
  return (await materialsOf(db, [id])).get(id)!.find((m) => m.id === row.id)!;
}

export async function removeMaterial(ctx: TrainingContext, materialId: string): Promise<{ id: string; removed: true }> {
  requireTrainingManager(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const [m] = await tx.select().from(trainingMaterials).where(eq(trainingMaterials.id, materialId));
    if (!m) throw notFound(`training material ${materialId}`, '培训资料');
    const session = await loadSessionForManager(tx, ctx.actor, m.sessionId, true);
    await tx.delete(trainingMaterials).where(eq(trainingMaterials.id, materialId));
    await writeAudit(tx, ctx, { entity: 'training_session', entityId: session.id, action: 'remove_material', summary: { title: session.title, material: m.title } });
    return { id: materialId, removed: true as const };
  });
}

/** A unit "attends" a session when one of its projects has a sign-up for it. */
const signedUpBy = (db: DbOrTx, orgId: string) =>
  exists(
    db
      .select({ one: trainingSignups.id })
      .from(trainingSignups)
      .innerJoin(projects, eq(projects.id, trainingSignups.projectId))
      .where(and(eq(trainingSignups.sessionId, trainingSessions.id), eq(projects.applicantOrgId, orgId))),
  );

/** The applicant's sessions (those it signed up for) with lecturers and materials. */
export async function myResources(ctx: TrainingContext): Promise<{ items: SessionResourcesDto[] }> {
  requireApplicant(ctx.actor);
  const db = ctx.database.db;
  const campaign = await currentCampaign(db, ctx.clock.now());
  const sessions = await db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.campaignId, campaign.id), signedUpBy(db, ctx.actor.organisationId)))
    .orderBy(asc(trainingSessions.startsAt));
  return { items: await resources(db, sessions) };
}

/** The file of a material: managers of its session, or an applicant unit signed up for it; else 404. */
export async function materialFile(ctx: TrainingContext, materialId: string) {
  const db = ctx.database.db;
  const [row] = await db.select({ m: trainingMaterials, f: files }).from(trainingMaterials).innerJoin(files, eq(files.id, trainingMaterials.fileId)).where(eq(trainingMaterials.id, materialId));
  if (!row) throw notFound(`training material ${materialId}`, '培训资料');
  if (ctx.actor.role === 'applicant') {
    const [ok] = await db.select({ id: trainingSessions.id }).from(trainingSessions).where(and(eq(trainingSessions.id, row.m.sessionId), signedUpBy(db, ctx.actor.organisationId)));
    if (!ok) throw notFound(`training material ${materialId} for ${ctx.actor.organisationId}`, '培训资料');
  } else {
    requireTrainingManager(ctx.actor);
    await loadSessionForManager(db, ctx.actor, row.m.sessionId);
  }
  return { storageKey: row.f.storageKey, name: row.f.originalName, mime: row.f.mime };
}
