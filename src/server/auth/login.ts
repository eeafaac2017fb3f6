import { eq, sql } from 'drizzle-orm';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../../domain/password-policy';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { CommandContext } from '../context';
import { organisations, users } from '../db/schema';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { createSession } from './sessions';

const BAD = () => new AppError('bad_credentials', 'bad credentials', '用户名或密码错误');

export async function login(ctx: CommandContext, input: { username: string; password: string; userAgent?: string }) {
  const { db } = ctx.database;
  const username = input.username.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username)).limit(1);
  const now = ctx.clock.now();
  const [org] = user ? await db.select({ active: organisations.active }).from(organisations).where(eq(organisations.id, user.organisationId)) : [];
  if (!user || !user.active || !org?.active) {
    await verifyAgainstDummy(input.password);
    throw BAD();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const mins = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError('account_locked', 'locked', `连续登录失败次数过多，账户已临时锁定，请${mins}分钟后再试或联系管理员解锁`);
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  const auditCtx = { ...ctx, actor: null };
  if (!ok) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await writeAudit(tx, auditCtx, { entity: 'user', entityId: user.id, action: lock ? 'login_locked' : 'login_failed', summary: { username: user.username, failed } });
    });
    if (lock) throw new AppError('account_locked', 'locked now', `连续${MAX_FAILED_LOGINS}次登录失败，账户已锁定${LOCK_MINUTES}分钟`);
    throw BAD();
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const session = await createSession(tx, ctx.clock, user.id, { ip: ctx.ip, userAgent: input.userAgent });
    await writeAudit(tx, { ...ctx, actor: { userId: user.id, displayName: user.displayName, role: user.role, organisationId: user.organisationId } as any }, {
      entity: 'user',
      entityId: user.id,
      action: 'login',
      summary: { username: user.username },
    });
    return { ...session, userId: user.id };
  });
}
