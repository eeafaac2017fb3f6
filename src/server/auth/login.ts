import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../../domain/password-policy';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { CommandContext } from '../context';
import { organisations, users } from '../db/schema';
import { notify } from '../notifications/notify';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { createSession } from './sessions';

/**
 * The one answer to every refused login — unknown name, wrong password, locked account — so the
 * answer never tells whether an account exists or is locked (issue 13.3). The owner of a locked
 * account learns it by notification (and e-mail when configured).
 */
export const BAD_CREDENTIALS_MESSAGE = `用户名或密码错误（连续${MAX_FAILED_LOGINS}次错误将锁定账户${LOCK_MINUTES}分钟）`;
const BAD = () => new AppError('bad_credentials', 'bad credentials', BAD_CREDENTIALS_MESSAGE);

type UserRow = typeof users.$inferSelect;

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
  // Take one attempt from the account's allowance atomically BEFORE checking the password
  // (issue 13.2): parallel guesses each get their own number, so at most MAX_FAILED_LOGINS
  // passwords are ever checked between two locks, however many arrive at once.
  const [slot] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ attempt: users.failedLogins });
  if (!slot || slot.attempt > MAX_FAILED_LOGINS) {
    // Locked, or the allowance was spent by attempts running at the same moment: no password check.
    await verifyAgainstDummy(input.password);
    if (slot) await lockAccount(ctx, user, slot.attempt);
    throw BAD();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    if (slot.attempt >= MAX_FAILED_LOGINS) await lockAccount(ctx, user, slot.attempt);
    else {
      await db.transaction(async (tx) => {
        await writeAudit(tx, { ...ctx, actor: null }, { entity: 'user', entityId: user.id, action: 'login_failed', summary: { username: user.username, failed: slot.attempt } });
      });
    }
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

/**
 * Locks the account for LOCK_MINUTES. Only the request that actually sets the lock (the row is not
 * yet locked) audits `login_locked` and tells the owner, so a burst of guesses leaves one entry.
 */
async function lockAccount(ctx: CommandContext, user: UserRow, attempt: number): Promise<void> {
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const locked = await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: until })
      .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning({ id: users.id });
    if (!row) return false;
    await writeAudit(tx, { ...ctx, actor: null }, { entity: 'user', entityId: user.id, action: 'login_locked', summary: { username: user.username, failed: Math.min(attempt, MAX_FAILED_LOGINS) } });
    await notify(tx, now, { organisationId: user.organisationId, userId: user.id, title: '账户已临时锁定', body: lockNotice(ctx.ip) });
    return true;
  });
  if (locked && user.email?.includes('@')) {
    try {
      await ctx.jobs.send('notify-email', { to: user.email, subject: '【质量攻关平台】账户已临时锁定', body: lockNotice(ctx.ip) });
    } catch (err) {
      console.error('[auth] lock e-mail not queued', (err as Error).message);
    }
  }
}

function lockNotice(ip: string | undefined): string {
  return `您的账户因连续${MAX_FAILED_LOGINS}次登录失败已被临时锁定${LOCK_MINUTES}分钟（最后一次尝试来自地址 ${ip ?? '未知'}）。如非本人操作，请在解锁后立即修改密码，或联系市市场监管委管理员。`;
}
