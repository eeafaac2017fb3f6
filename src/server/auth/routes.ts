import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { changePasswordRequestSchema, loginRequestSchema, meSchema, okSchema, type Me } from '../../shared/auth';
import { apiErrorSchema } from '../../shared/api-error';
import { LOGIN_RATE_LIMIT_PER_MINUTE } from '../config';
import type { Services } from '../context';
import { organisations, users } from '../db/schema';
import { authedContext, commandContext, requireActor } from '../http/request-context';
import { changePassword } from './change-password';
import { login } from './login';
import { logout } from './logout';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions';

export function setSessionCookies(reply: FastifyReply, secure: boolean, token: string, csrf: string) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  // Readable by the web client, echoed back in x-csrf-token (double submit).
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

export async function loadMe(services: Services, userId: string): Promise<Me> {
  const [row] = await services.database.db
    .select({ u: users, o: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  return {
    id: row.u.id,
    username: row.u.username,
    displayName: row.u.displayName,
    role: row.u.role,
    isAdmin: row.u.isAdmin,
    mustChangePassword: row.u.mustChangePassword,
    organisation: { id: row.o.id, name: row.o.name, kind: row.o.kind, subtype: row.o.subtype },
  };
}

export function registerAuthRoutes(app: FastifyInstance, services: Services, opts: { cookieSecure: boolean; loginRateLimitPerMinute?: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 423: apiErrorSchema, 429: apiErrorSchema };

  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['认证'], summary: '登录', body: loginRequestSchema, response: { 200: z_user(), ...errors } },
      config: { rateLimit: { max: opts.loginRateLimitPerMinute ?? LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = await login(commandContext(services, req), { ...req.body, userAgent: req.headers['user-agent'] });
      setSessionCookies(reply, opts.cookieSecure, s.token, s.csrfToken);
      return { user: await loadMe(services, s.userId) };
    },
  );

  r.get('/api/auth/me', { schema: { tags: ['认证'], summary: '当前用户', response: { 200: z_user(), 401: apiErrorSchema } } }, async (req) => {
    const actor = requireActor(req);
    return { user: await loadMe(services, actor.userId) };
  });

  // The web client's "who am I" on public pages: 200 with null instead of a 401 for visitors.
  r.get('/api/auth/session', { schema: { tags: ['认证'], summary: '当前会话（未登录时 user 为 null）', response: { 200: z.object({ user: meSchema.nullable() }) } } }, async (req) => ({
    user: req.actor ? await loadMe(services, req.actor.userId) : null,
  }));

  r.post('/api/auth/logout', { schema: { tags: ['认证'], summary: '退出登录', response: { 200: okSchema } } }, async (req, reply) => {
    if (req.actor) await logout(authedContext(services, req), false);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.post('/api/auth/logout-all', { schema: { tags: ['认证'], summary: '退出所有设备', response: { 200: okSchema, 401: apiErrorSchema } } }, async (req, reply) => {
    await logout(authedContext(services, req), true);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.post(
    '/api/auth/change-password',
    { schema: { tags: ['认证'], summary: '修改密码', body: changePasswordRequestSchema, response: { 200: z_user(), ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      await changePassword(ctx, req.body);
      return { user: await loadMe(services, ctx.actor.userId) };
    },
  );
}

function z_user() {
  return z.object({ user: meSchema });
}
