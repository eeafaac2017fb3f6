import { and, eq, isNull } from 'drizzle-orm';
import { notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/passwords';
import type { Actor, CommandContext } from '../context';
import { organisations, sessions, users } from '../db/schema';
import { allow, authorize } from '../policy/policy';
import { temporaryPassword } from './temporary-password';

async function loadManaged(ctx: CommandContext & { actor: Actor }, id: string, action: 'update' | 'reset_password' | 'unlock') {
  const [row] = await ctx.database.db
    .select({ u: users, kind: organisations.kind })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  if (!row) throw notFound('user', '账户');
  authorize(ctx.actor, { kind: 'user', action, resource: { organisationKind: row.kind, userId: id } }, allow(ctx.actor, { kind: 'user', action: 'list', resource: { organisationKind: row.kind } }));
  return row.u;
}

export async function resetPassword(ctx: CommandContext & { actor: Actor }, id: string) {
  const user = await loadManaged(ctx, id, 'reset_password');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: now, version: user.version + 1 }).where(eq(users.id, id));
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
    await writeAudit(tx, ctx, { entity: 'user', entityId: id, action: 'reset_password', summary: { username: user.username } });
  });
  return password;
}

export async function unlockAccount(ctx: CommandContext & { actor: Actor }, id: string) {
  const user = await loadManaged(ctx, id, 'unlock');
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, updatedAt: ctx.clock.now() }).where(eq(users.id, id));
    await writeAudit(tx, ctx, { entity: 'user', entityId: id, action: 'unlock', summary: { username: user.username } });
  });
}

export async function setAccountActive(ctx: CommandContext & { actor: Actor }, id: string, active: boolean, version: number) {
  const user = await loadManaged(ctx, id, 'update');
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ active, updatedAt: now, version: version + 1 })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning({ id: users.id });
    if (!row) throw staleVersion('user');
    if (!active) await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
    await writeAudit(tx, ctx, { entity: 'user', entityId: id, action: active ? 'enable' : 'disable', summary: { username: user.username } });
  });
}
