import { eq, sql } from 'drizzle-orm';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/passwords';
import type { Actor, CommandContext } from '../context';
import { organisations, users } from '../db/schema';
import { authorize } from '../policy/policy';
import { temporaryPassword } from './temporary-password';

const ROLE_FOR_ORG_KIND: Record<string, string[]> = {
  commission: ['commission'],
  recommender: ['recommender'],
  expert_pool: ['expert'],
  training_provider: ['training_provider'],
  applicant: ['applicant'],
};

export async function createAccount(
  ctx: CommandContext & { actor: Actor },
  input: { username: string; displayName: string; role: string; organisationId: string; phone?: string; email?: string; isAdmin?: boolean },
) {
  const [org] = await ctx.database.db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw new AppError('validation', 'org missing', '所属单位不存在', { fields: { organisationId: '所属单位不存在' } });
  authorize(ctx.actor, { kind: 'user', action: 'create', resource: { organisationKind: org.kind } });
  if (!ROLE_FOR_ORG_KIND[org.kind]?.includes(input.role)) {
    throw new AppError('validation', 'role/org mismatch', '角色与所属单位类型不符', { fields: { role: '角色与所属单位类型不符' } });
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return ctx.database.db.transaction(async (tx) => {
    const username = input.username.trim();
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
    if (taken) throw new AppError('conflict', 'username taken', '用户名已被使用', { fields: { username: '用户名已被使用，请换一个' } });
    const [user] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName.trim(),
        role: input.role as any,
        organisationId: org.id,
        phone: input.phone || null,
        email: input.email || null,
        isAdmin: input.role === 'commission' && !!input.isAdmin,
        passwordHash,
        mustChangePassword: true,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await writeAudit(tx, ctx, { entity: 'user', entityId: user.id, action: 'create', summary: { username, role: input.role, organisation: org.name } });
    return { user, temporaryPassword: password };
  });
}
