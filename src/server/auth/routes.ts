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
import { disableSecondFactor, enableSecondFactor, renewRecoveryCodes, startEnrolment } from './second-factor';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions';
import { secondFactorRequired } from './totp';

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
    secondFactor: { enabled: !!row.u.totpEnabledAt, required: secondFactorRequired(row.u), recoveryCodesLeft: Array.isArray(row.u.totpRecoveryCodes) ? row.u.totpRecoveryCodes.length : 0 },
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

  // Two-factor login (issue 13.10). Reached with a session; rate-limited like login.
  const totpLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
  const TOTP_TAG = '认证';
  const codeBody = z.object({ totpCode: z.string().trim().regex(/^\d{6}$/, '应为6位数字') });
  const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
  r.post(
    '/api/auth/second-factor/setup',
    { schema: { tags: [TOTP_TAG], summary: '两步验证：开始绑定（返回密钥和二维码）', response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }), ...errors, 409: apiErrorSchema } }, config: totpLimit },
    async (req) => startEnrolment(authedContext(services, req)),
  );
  r.post(
    '/api/auth/second-factor/enable',
    { schema: { tags: [TOTP_TAG], summary: '两步验证：输入第一个动态验证码完成绑定（返回恢复码，只显示一次）', body: codeBody, response: { 200: recoveryCodesSchema, ...errors, 409: apiErrorSchema } }, config: totpLimit },
    async (req) => enableSecondFactor(authedContext(services, req), req.body),
  );
  r.post(
    '/api/auth/second-factor/recovery-codes',
    { schema: { tags: [TOTP_TAG], summary: '两步验证：重新生成恢复码（旧恢复码作废）', body: codeBody, response: { 200: recoveryCodesSchema, ...errors, 409: apiErrorSchema } }, config: totpLimit },
    async (req) => renewRecoveryCodes(authedContext(services, req), req.body),
  );
  r.post(
    '/api/auth/second-factor/disable',
    { schema: { tags: [TOTP_TAG], summary: '两步验证：关闭（市市场监管委及管理员不可关闭）', body: codeBody.extend({ password: z.string().min(1).max(200) }), response: { 200: okSchema, ...errors, 403: apiErrorSchema, 409: apiErrorSchema } }, config: totpLimit },
    async (req) => {
      await disableSecondFactor(authedContext(services, req), req.body);
      return { ok: true as const };
    },
  );
}

function z_user() {
  return z.object({ user: meSchema });
}
