import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { adminUserSchema, createUserRequestSchema, okSchema, pageQuerySchema, pagedSchema, ROLES } from '../../shared/auth';
import type { Services } from '../context';
import { organisations } from '../db/schema';
import { authedContext } from '../http/request-context';
import { authorize } from '../policy/policy';
import { createAccount } from './create-account';
import { findAccounts } from './find-accounts';
import { resetPassword, setAccountActive, unlockAccount } from './manage-account';
import { errors } from '../http/responses';

const idParams = z.object({ id: z.string().uuid() });

export function registerAccountRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  r.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['账户管理'],
        summary: '账户列表',
        querystring: pageQuerySchema.extend({ q: z.string().max(50).optional(), role: z.enum(ROLES).optional(), organisationId: z.string().uuid().optional() }),
        response: { 200: pagedSchema(adminUserSchema), ...errors },
      },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'user', action: 'list', resource: { organisationKind: 'commission' } });
      return findAccounts(db, req.query, services.clock.now());
    },
  );

  r.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['账户管理'],
        summary: '创建账户（首次登录须修改密码）',
        body: createUserRequestSchema,
        response: { 200: z.object({ user: z.object({ id: z.string(), username: z.string() }), temporaryPassword: z.string() }), ...errors },
      },
    },
    async (req) => {
      const { user, temporaryPassword } = await createAccount(authedContext(services, req), req.body);
      return { user: { id: user.id, username: user.username }, temporaryPassword };
    },
  );

  r.post(
    '/api/admin/users/:id/reset-password',
    { schema: { tags: ['账户管理'], summary: '重置密码', params: idParams, response: { 200: z.object({ temporaryPassword: z.string() }), ...errors } } },
    async (req) => ({ temporaryPassword: await resetPassword(authedContext(services, req), req.params.id) }),
  );

  r.post('/api/admin/users/:id/unlock', { schema: { tags: ['账户管理'], summary: '解除锁定', params: idParams, response: { 200: okSchema, ...errors } } }, async (req) => {
    await unlockAccount(authedContext(services, req), req.params.id);
    return { ok: true as const };
  });

  r.post(
    '/api/admin/users/:id/active',
    { schema: { tags: ['账户管理'], summary: '启用或停用账户', params: idParams, body: z.object({ active: z.boolean(), version: z.number().int() }), response: { 200: okSchema, ...errors } } },
    async (req) => {
      await setAccountActive(authedContext(services, req), req.params.id, req.body.active, req.body.version);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/admin/organisations',
    {
      schema: {
        tags: ['账户管理'],
        summary: '单位列表',
        querystring: z.object({ kind: z.enum(['applicant', 'recommender', 'commission', 'expert_pool', 'training_provider']).optional() }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), subtype: z.string().nullable() })) }), ...errors },
      },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'user', action: 'list', resource: { organisationKind: 'commission' } });
      const rows = await db
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, subtype: organisations.subtype })
        .from(organisations)
        .where(req.query.kind ? eq(organisations.kind, req.query.kind) : undefined)
        .orderBy(asc(organisations.kind), asc(organisations.subtype), asc(organisations.name))
        .limit(2000);
      return { items: rows };
    },
  );
}
