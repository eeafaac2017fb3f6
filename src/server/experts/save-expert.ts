/**
 * 专家库 writes: the commission creates and edits expert records and changes their status (with a
 * reason, kept as history); an expert keeps its own profile and declares its relations. Every write
 * is one transaction with its audit entry; a changed employer or declaration recomputes the
 * expert's 回避 findings in the same transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { expertInputSchema, expertSelfUpdateSchema, expertStatusSchema, expertUpdateSchema } from '../../shared/experts';
import { EXPERT_STATUS_LABELS } from '../../shared/experts';
import { temporaryPassword } from '../accounts/temporary-password';
import { validation, staleVersion, invalidState } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/passwords';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { expertProfiles, expertStatusEvents, organisations, users } from '../db/schema';
import { authorize } from '../policy/policy';
import { recomputeConflicts } from './conflicts';
import { conflictCounts, loadExpert, toExpertDto } from './expert-repository';

type ExpertInput = z.infer<typeof expertInputSchema>;

export async function expertPoolOrgId(db: DbOrTx): Promise<string> {
  const [pool] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'expert_pool')).limit(1);
  if (!pool) throw invalidState('no expert_pool organisation', '系统中没有专家库单位，请先在单位管理中建立“专家库”');
  return pool.id;
}

async function dto(tx: DbOrTx, ctx: ActorContext, id: string) {
  const row = await loadExpert(tx, ctx.actor, id);
  return toExpertDto(ctx.actor, row, (await conflictCounts(tx, [id])).get(id) ?? 0);
}

/** Inserts the account, the profile and the first status event (used by create and by import). */
export async function insertExpert(tx: DbOrTx, ctx: ActorContext, input: ExpertInput, passwordHash: string, poolId: string, now: Date, row?: number): Promise<string> {
  const [u] = await tx
    .insert(users)
    .values({ username: input.username, displayName: input.name, role: 'expert', organisationId: poolId, phone: input.phone ?? null, email: input.email ?? null, passwordHash, mustChangePassword: true, createdAt: now })
    .returning({ id: users.id });
  await tx.insert(expertProfiles).values({ userId: u.id, employer: input.employer, employerUscc: input.employerUscc ?? null, title: input.title, fields: input.fields, district: input.district ?? null, createdAt: now, updatedAt: now });
  await tx.insert(expertStatusEvents).values({ expertUserId: u.id, fromStatus: null, toStatus: 'active', reason: row ? `Excel导入（第${row}行）` : '入库', actorId: ctx.actor.userId, createdAt: now });
  await writeAudit(tx, ctx, { entity: 'expert', entityId: u.id, action: row ? 'import' : 'create', summary: { username: input.username, employer: input.employer, ...(row ? { row } : {}) } });
  return u.id;
}

export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return !!taken;
}

export async function createExpert(ctx: ActorContext, input: ExpertInput) {
  authorize(ctx.actor, { kind: 'expert', action: 'manage', resource: { userId: '' } });
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return ctx.database.db.transaction(async (tx) => {
    if (await usernameTaken(tx, input.username)) throw validation({ username: `用户名“${input.username}”已被使用` });
    const now = ctx.clock.now();
    const id = await insertExpert(tx, ctx, input, hash, await expertPoolOrgId(tx), now);
    await recomputeConflicts(tx, ctx, { expertIds: [id] });
    return { ...(await dto(tx, ctx, id)), temporaryPassword: password };
  });
}

async function bumpProfile(tx: DbOrTx, id: string, version: number, set: Partial<typeof expertProfiles.$inferInsert>, now: Date) {
  const [row] = await tx
    .update(expertProfiles)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(expertProfiles.userId, id), eq(expertProfiles.version, version)))
    .returning();
  if (!row) throw staleVersion(`expert ${id}`);
}

export async function updateExpert(ctx: ActorContext, id: string, input: z.infer<typeof expertUpdateSchema>) {
  authorize(ctx.actor, { kind: 'expert', action: 'manage', resource: { userId: id } });
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadExpert(tx, ctx.actor, id, { forUpdate: true });
    const now = ctx.clock.now();
    await bumpProfile(tx, id, input.version, { employer: input.employer, employerUscc: input.employerUscc ?? null, title: input.title, fields: input.fields, district: input.district ?? null, rating: input.rating ?? null, ratingNote: input.ratingNote ?? null }, now);
    await tx.update(users).set({ displayName: input.name, phone: input.phone ?? null, email: input.email ?? null, updatedAt: now }).where(eq(users.id, id));
    await writeAudit(tx, ctx, { entity: 'expert', entityId: id, action: 'update', summary: { employer: [before.p.employer, input.employer], rating: [before.p.rating, input.rating ?? null] } });
    await recomputeConflicts(tx, ctx, { expertIds: [id] });
    return dto(tx, ctx, id);
  });
}

export async function setExpertStatus(ctx: ActorContext, id: string, input: z.infer<typeof expertStatusSchema>) {
  authorize(ctx.actor, { kind: 'expert', action: 'manage', resource: { userId: id } });
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadExpert(tx, ctx.actor, id, { forUpdate: true });
    if (before.p.status === input.status) throw invalidState(`expert already ${input.status}`, `该专家当前已是“${EXPERT_STATUS_LABELS[input.status]}”状态`);
    if (before.p.status === 'removed') throw invalidState('expert removed', '该专家已移出专家库，不能再变更状态');
    const now = ctx.clock.now();
    await bumpProfile(tx, id, input.version, { status: input.status }, now);
    await tx.insert(expertStatusEvents).values({ expertUserId: id, fromStatus: before.p.status, toStatus: input.status, reason: input.reason, actorId: ctx.actor.userId, createdAt: now });
    await writeAudit(tx, ctx, { entity: 'expert', entityId: id, action: 'status', summary: { from: before.p.status, to: input.status, reason: input.reason } });
    return dto(tx, ctx, id);
  });
}

export async function updateOwnProfile(ctx: ActorContext, input: z.infer<typeof expertSelfUpdateSchema>) {
  const id = ctx.actor.userId;
  authorize(ctx.actor, { kind: 'expert', action: 'edit_own', resource: { userId: id } });
  return ctx.database.db.transaction(async (tx) => {
    await loadExpert(tx, ctx.actor, id, { forUpdate: true });
    const now = ctx.clock.now();
    await bumpProfile(tx, id, input.version, { employer: input.employer, employerUscc: input.employerUscc ?? null, title: input.title, fields: input.fields, district: input.district ?? null, declarations: input.declarations }, now);
    await tx.update(users).set({ phone: input.phone ?? null, email: input.email ?? null, updatedAt: now }).where(eq(users.id, id));
    await writeAudit(tx, ctx, { entity: 'expert', entityId: id, action: 'update_own', summary: { employer: input.employer, declarations: input.declarations.length } });
    await recomputeConflicts(tx, ctx, { expertIds: [id] });
    return dto(tx, ctx, id);
  });
}
