/** Server-side sessions in the database, so any app instance can serve any user (issue 3). */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { IDLE_TIMEOUT_MINUTES } from '../../domain/password-policy';
import type { Clock } from '../clock';
import type { Actor } from '../context';
import type { Db, DbOrTx } from '../db/client';
import { organisations, sessions, users } from '../db/schema';
import { secondFactorRequired } from './totp';

export const SESSION_COOKIE = 'gg_session';
export const CSRF_COOKIE = 'gg_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(tx: DbOrTx, clock: Clock, userId: string, meta: { ip?: string; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = clock.now();
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, csrfToken };
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'ok'; actor: Actor; csrfToken: string; mustChangePassword: boolean; mustEnrolSecondFactor: boolean };

export async function loadSession(db: Db, clock: Clock, token: string | undefined): Promise<SessionLookup> {
  if (!token || token.length > 200) return { status: 'none' };
  const id = hashToken(token);
  const [row] = await db
    .select({ s: sessions, u: users, o: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .limit(1);
  if (!row) return { status: 'none' };
  const now = clock.now();
  if (!row.u.active || !row.o.active || now.getTime() - row.s.lastSeenAt.getTime() > IDLE_TIMEOUT_MINUTES * 60_000) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
    return { status: 'expired' };
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    status: 'ok',
    csrfToken: row.s.csrfToken,
    mustChangePassword: row.u.mustChangePassword,
    mustEnrolSecondFactor: secondFactorRequired(row.u) && !row.u.totpEnabledAt,
    actor: {
      userId: row.u.id,
      username: row.u.username,
      displayName: row.u.displayName,
      role: row.u.role,
      isAdmin: row.u.isAdmin,
      organisationId: row.o.id,
      organisationKind: row.o.kind,
      organisationSubtype: row.o.subtype,
      organisationName: row.o.name,
      sessionId: id,
    },
  };
}
