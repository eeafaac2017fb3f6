/**
 * Enrolment and management of the TOTP second factor (issue 13.10): set up (secret + QR code),
 * enable with a first code (recovery codes shown once), new recovery codes, disable (not for the
 * commission or administrators, who must keep it). Every step is audited.
 */
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { AppError, invalidState, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { users } from '../db/schema';
import { verifyPassword } from './passwords';
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, matchTotp, otpauthUrl, secondFactorRequired } from './totp';

type Ctx = CommandContext & { actor: Actor };
const WRONG_CODE = '动态验证码不正确或已使用过，请输入身份验证器中当前显示的6位验证码';

async function currentUser(ctx: Ctx) {
  const [user] = await ctx.database.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw new AppError('unauthenticated', 'user gone', '请先登录');
  return user;
}

export async function startEnrolment(ctx: Ctx): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const user = await currentUser(ctx);
  if (user.totpEnabledAt) throw invalidState('totp already enabled', '两步验证已启用；如需更换手机，请先生成新的恢复码或联系管理员');
  const secret = generateTotpSecret();
  const url = otpauthUrl(user.username, secret);
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(users).set({ totpPendingSecret: secret, updatedAt: ctx.clock.now() }).where(eq(users.id, user.id));
    await writeAudit(tx, ctx, { entity: 'user', entityId: user.id, action: 'second_factor_setup' });
  });
  const qrDataUrl = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUrl: url, qrDataUrl };
}

export async function enableSecondFactor(ctx: Ctx, input: { totpCode: string }): Promise<{ recoveryCodes: string[] }> {
  const user = await currentUser(ctx);
  if (user.totpEnabledAt) throw invalidState('totp already enabled', '两步验证已启用');
  if (!user.totpPendingSecret) throw invalidState('no pending secret', '请先扫描二维码开始绑定');
  const step = matchTotp(user.totpPendingSecret, input.totpCode, ctx.clock.now(), null);
  if (step === null) throw validation({ totpCode: WRONG_CODE });
  const recoveryCodes = generateRecoveryCodes();
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step, totpRecoveryCodes: recoveryCodes.map(hashRecoveryCode), updatedAt: now })
      .where(eq(users.id, user.id));
    await writeAudit(tx, ctx, { entity: 'user', entityId: user.id, action: 'second_factor_enabled', summary: { recoveryCodes: recoveryCodes.length } });
  });
  return { recoveryCodes };
}

/** A code of the enrolled secret, taken once (the step is remembered like at login). */
async function takeCode(ctx: Ctx, user: typeof users.$inferSelect, code: string): Promise<number> {
  if (!user.totpEnabledAt || !user.totpSecret) throw invalidState('totp not enabled', '尚未启用两步验证');
  const step = matchTotp(user.totpSecret, code, ctx.clock.now(), user.totpLastStep);
  if (step === null) throw validation({ totpCode: WRONG_CODE });
  return step;
}

export async function renewRecoveryCodes(ctx: Ctx, input: { totpCode: string }): Promise<{ recoveryCodes: string[] }> {
  const user = await currentUser(ctx);
  const step = await takeCode(ctx, user, input.totpCode);
  const recoveryCodes = generateRecoveryCodes();
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(users).set({ totpLastStep: step, totpRecoveryCodes: recoveryCodes.map(hashRecoveryCode), updatedAt: ctx.clock.now() }).where(eq(users.id, user.id));
    await writeAudit(tx, ctx, { entity: 'user', entityId: user.id, action: 'recovery_codes_renewed', summary: { recoveryCodes: recoveryCodes.length } });
  });
  return { recoveryCodes };
}

export async function disableSecondFactor(ctx: Ctx, input: { password: string; totpCode: string }): Promise<void> {
  const user = await currentUser(ctx);
  if (secondFactorRequired(user)) throw new AppError('forbidden', 'totp required for role', '市市场监管委及管理员账户必须启用两步验证，不能关闭');
  if (!(await verifyPassword(user.passwordHash, input.password))) throw validation({ password: '密码不正确' });
  await takeCode(ctx, user, input.totpCode);
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryCodes: [], updatedAt: ctx.clock.now() }).where(eq(users.id, user.id));
    await writeAudit(tx, ctx, { entity: 'user', entityId: user.id, action: 'second_factor_disabled' });
  });
}
