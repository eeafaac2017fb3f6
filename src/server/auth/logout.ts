import { and, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { sessions } from '../db/schema';

/** Ends this session, or with `everywhere` every session of the user (issue 3: logout everywhere). */
export async function logout(ctx: CommandContext & { actor: Actor }, everywhere: boolean): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const where = everywhere
      ? and(eq(sessions.userId, ctx.actor.userId), isNull(sessions.revokedAt))
      : eq(sessions.id, ctx.actor.sessionId ?? '');
    await tx.update(sessions).set({ revokedAt: now }).where(where);
    await writeAudit(tx, ctx, { entity: 'user', entityId: ctx.actor.userId, action: everywhere ? 'logout_everywhere' : 'logout' });
  });
}
