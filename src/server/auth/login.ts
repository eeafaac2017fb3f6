import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../../domain/password-policy';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { CommandContext } from '../context';
import { organisations, users } from '../db/schema';
import { notify } from '../notifications/notify';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { createSession } from './sessions';
import { hashRecoveryCode, matchTotp } from './totp';

/**
 * The one answer to every refused login — unknown name, wrong password, locked account — so the
 * answer never tells whether an account exists or is locked (issue 13.3). The owner of a locked
 * account learns it by notification (and e-mail when configured).
 */
export const BAD_CREDENTIALS_MESSAGE = `用户名或密码错误（连续${MAX_FAILED_LOGINS}次错误将锁定账户${LOCK_MINUTES}分钟）`;
const BAD = () => new AppError('bad_credentials', 'bad credentials', BAD_CREDENTIALS_MESSAGE);

type UserRow = typeof users.$inferSelect;

export async function login(ctx: CommandContext, input: { username: string; password: string; totpCode?: string; recoveryCode?: string; userAgent?: string }) {
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
  const secondFactor = user.totpEnabledAt && user.totpSecret ? await checkSecondFactor(ctx, user, input, slot.attempt) : undefined;
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const session = await createSession(tx, ctx.clock, user.id, { ip: ctx.ip, userAgent: input.userAgent });
    await writeAudit(tx, { ...ctx, actor: { userId: user.id, displayName: user.displayName, role: user.role, organisationId: user.organisationId } as any }, {
      entity: 'user',
      entityId: user.id,
      action: 'login',
      summary: { username: user.username, ...(secondFactor ? { secondFactor } : {}) },
    });
    return { ...session, userId: user.id };
  });
}

export const SECOND_FACTOR_MESSAGE = '请输入身份验证器中显示的6位动态验证码（手机丢失时可输入一个恢复码）';
const WRONG_SECOND_FACTOR = '动态验证码不正确或已使用过，请输入身份验证器中当前显示的验证码';

/**
 * The second step (issue 13.10), reached only with the right password. Without a code the
 * attempt is handed back (the person is asked for it); a wrong, reused or expired code — or a
 * wrong recovery code — counts as a failed login like a wrong password, so lockout and the rate
 * limit cover the second factor too. Returns how the second factor was passed.
 */
async function checkSecondFactor(ctx: CommandContext, user: UserRow, input: { totpCode?: string; recoveryCode?: string }, attempt: number): Promise<'totp' | 'recovery_code'> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  if (!input.totpCode && !input.recoveryCode) {
    await db.update(users).set({ failedLogins: sql`GREATEST(${users.failedLogins} - 1, 0)` }).where(eq(users.id, user.id));
    throw new AppError('second_factor_required', 'second factor needed', SECOND_FACTOR_MESSAGE);
  }
  if (input.totpCode) {
    const step = matchTotp(user.totpSecret!, input.totpCode, now, user.totpLastStep);
    // Taken atomically: of two requests with the same code, one wins.
    const [ok] =
      step === null
        ? []
        : await db
            .update(users)
            .set({ totpLastStep: step })
            .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
            .returning({ id: users.id });
    if (ok) return 'totp';
  } else if (input.recoveryCode) {
    const hash = hashRecoveryCode(input.recoveryCode);
    const [ok] = await db
      .update(users)
      .set({ totpRecoveryCodes: sql`${users.totpRecoveryCodes} - ${hash}::text` })
      .where(and(eq(users.id, user.id), sql`jsonb_exists(${users.totpRecoveryCodes}, ${hash}::text)`))
      .returning({ left: sql<number>`jsonb_array_length(${users.totpRecoveryCodes})` });
    if (ok) {
      await db.transaction(async (tx) => {
        await writeAudit(tx, { ...ctx, actor: null }, { entity: 'user', entityId: user.id, action: 'recovery_code_used', summary: { username: user.username, left: Number(ok.left) } });
        await notify(tx, now, { organisationId: user.organisationId, userId: user.id, title: '已使用恢复码登录', body: `您的账户刚刚使用一个恢复码登录（地址 ${ctx.ip ?? '未知'}），剩余 ${Number(ok.left)} 个。如非本人操作，请立即修改密码并重新生成恢复码。` });
      });
      return 'recovery_code';
    }
  }
  if (attempt >= MAX_FAILED_LOGINS) {
    await lockAccount(ctx, user, attempt);
    throw BAD();
  }
  await db.transaction(async (tx) => {
    await writeAudit(tx, { ...ctx, actor: null }, { entity: 'user', entityId: user.id, action: 'login_second_factor_failed', summary: { username: user.username, failed: attempt } });
  });
  throw new AppError('second_factor_required', 'wrong second factor', WRONG_SECOND_FACTOR, { fields: { [input.totpCode ? 'totpCode' : 'recoveryCode']: WRONG_SECOND_FACTOR } });
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
