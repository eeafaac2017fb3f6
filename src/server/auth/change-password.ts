import { and, eq, isNull, ne } from 'drizzle-orm';
import { passwordProblems } from '../../domain/password-policy';
import { AppError, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { sessions, users } from '../db/schema';
import { hashPassword, verifyPassword } from './passwords';

export async function changePassword(ctx: CommandContext & { actor: Actor }, input: { currentPassword: string; newPassword: string }) {
  const { db } = ctx.database;
  const [user] = await db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation', 'wrong current password', '当前密码不正确', { fields: { currentPassword: '当前密码不正确' } });
  }
  const problems = passwordProblems(input.newPassword, user.username);
  if (problems.length) throw validation({ newPassword: `新密码不符合要求：${problems.join('；')}` });
  if (input.newPassword === input.currentPassword) throw validation({ newPassword: '新密码不能与当前密码相同' });
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now, version: user.version + 1 })
      .where(eq(users.id, user.id));
    // Other sessions end: a changed password must lock out whoever had the old one.
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), ne(sessions.id, ctx.actor.sessionId ?? '')));
    await writeAudit(tx, ctx, { entity: 'user', entityId: user.id, action: 'change_password' });
  });
}
