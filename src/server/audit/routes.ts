import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { pageQuerySchema, pagedSchema } from '../../shared/auth';
import { formatShanghai } from '../../domain/deadlines';
import type { Services } from '../context';
import { auditLog, organisations } from '../db/schema';
import { authedContext } from '../http/request-context';
import { sendDownload } from '../http/responses';
import { renderListXlsx, XLSX_MIME } from '../documents/list-xlsx';
import { authorize } from '../policy/policy';
import { verifyAuditChain } from './verify-chain';
import { writeAudit } from './write-audit';

const filterSchema = z.object({
  userId: z.string().uuid().optional(),
  organisationId: z.string().uuid().optional(),
  entity: z.string().max(50).optional(),
  action: z.string().max(50).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine(isCalendarDate, '不是有效的日期').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine(isCalendarDate, '不是有效的日期').optional(),
});

/** 2026-02-30 has the right shape but is no day: it must be refused, not reach the database. */
function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorOrgName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  summary: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

function conditions(f: z.infer<typeof filterSchema>): SQL | undefined {
  const c: SQL[] = [];
  if (f.userId) c.push(eq(auditLog.actorUserId, f.userId));
  if (f.organisationId) c.push(eq(auditLog.actorOrgId, f.organisationId));
  if (f.entity) c.push(eq(auditLog.entity, f.entity));
  if (f.action) c.push(eq(auditLog.action, f.action));
  // Dates are Beijing calendar days.
  if (f.from) c.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) c.push(lte(auditLog.at, new Date(`${f.to}T23:59:59.999+08:00`)));
  return c.length ? and(...c) : undefined;
}

export function registerAuditRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema };

  const select = () =>
    db
      .select({ a: auditLog, orgName: organisations.name })
      .from(auditLog)
      .leftJoin(organisations, eq(organisations.id, auditLog.actorOrgId));

  r.get('/api/audit', { schema: { tags: ['审计'], summary: '审计日志', querystring: filterSchema.extend(pageQuerySchema.shape), response: { 200: pagedSchema(entrySchema), ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'audit', action: 'read' });
    const where = conditions(req.query);
    const { page, pageSize } = req.query;
    const [rows, [{ n }]] = await Promise.all([
      select().where(where).orderBy(desc(auditLog.seq)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(auditLog).where(where),
    ]);
    return {
      items: rows.map(({ a, orgName }) => ({ ...a, at: a.at.toISOString(), actorOrgName: orgName })),
      total: Number(n),
      page,
      pageSize,
    };
  });

  r.get('/api/audit/export.xlsx', { schema: { tags: ['审计'], summary: '导出审计日志（Excel）', querystring: filterSchema } }, async (req, reply) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'audit', action: 'export' });
    const rows = await select().where(conditions(req.query)).orderBy(desc(auditLog.seq)).limit(100_000);
    await db.transaction(async (tx) => {
      await writeAudit(tx, ctx, { entity: 'audit_log', action: 'export', summary: { filters: req.query, rows: rows.length } });
    });
    type Row = (typeof rows)[number];
    const buf = await renderListXlsx<Row>('审计日志', [
      { header: '序号', width: 8, value: ({ a }) => a.seq },
      { header: '时间（北京时间）', width: 22, value: ({ a }) => formatShanghai(a.at) },
      { header: '操作人', width: 14, value: ({ a }) => a.actorName },
      { header: '角色', width: 12, value: ({ a }) => a.actorRole },
      { header: '所属单位', width: 30, value: ({ orgName }) => orgName },
      { header: '对象类型', width: 16, value: ({ a }) => a.entity },
      { header: '对象编号', width: 38, value: ({ a }) => a.entityId },
      { header: '操作', width: 18, value: ({ a }) => a.action },
      { header: '摘要', width: 60, value: ({ a }) => JSON.stringify(a.summary) },
      { header: 'IP 地址', width: 16, value: ({ a }) => a.ip },
      { header: '请求编号', width: 38, value: ({ a }) => a.requestId },
    ], rows);
    return sendDownload(reply, buf, '审计日志.xlsx', XLSX_MIME);
  });

  r.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['审计'],
        summary: '校验审计哈希链',
        response: { 200: z.object({ ok: z.boolean(), entries: z.number(), brokenSeq: z.number().optional(), reason: z.string().optional() }), ...errors },
      },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'audit', action: 'read' });
      return verifyAuditChain(db);
    },
  );
}
