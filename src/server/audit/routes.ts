import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { pageQuerySchema, pagedSchema } from '../../shared/auth';
import { formatShanghai } from '../../domain/deadlines';
import type { Services } from '../context';
import { auditLog, organisations } from '../db/schema';
import { authedContext } from '../http/request-context';
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
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('审计日志');
    ws.columns = [
      { header: '序号', key: 'seq', width: 8 },
      { header: '时间（北京时间）', key: 'at', width: 22 },
      { header: '操作人', key: 'actor', width: 14 },
      { header: '角色', key: 'role', width: 12 },
      { header: '所属单位', key: 'org', width: 30 },
      { header: '对象类型', key: 'entity', width: 16 },
      { header: '对象编号', key: 'entityId', width: 38 },
      { header: '操作', key: 'action', width: 18 },
      { header: '摘要', key: 'summary', width: 60 },
      { header: 'IP 地址', key: 'ip', width: 16 },
      { header: '请求编号', key: 'requestId', width: 38 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const { a, orgName } of rows) {
      ws.addRow({ seq: a.seq, at: formatShanghai(a.at), actor: a.actorName, role: a.actorRole, org: orgName, entity: a.entity, entityId: a.entityId, action: a.action, summary: JSON.stringify(a.summary), ip: a.ip, requestId: a.requestId });
    }
    await db.transaction(async (tx) => {
      await writeAudit(tx, ctx, { entity: 'audit_log', action: 'export', summary: { filters: req.query, rows: rows.length } });
    });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    reply.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(buf);
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
