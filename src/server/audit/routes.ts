import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { pageQuerySchema, pagedSchema, ROLE_LABELS, type RoleCode } from '../../shared/auth';
import { formatShanghai } from '../../domain/deadlines';
import type { Services } from '../context';
import { authedContext } from '../http/request-context';
import { sendDownload } from '../http/responses';
import { renderListXlsx, XLSX_MIME } from '../documents/list-xlsx';
import { authorize } from '../policy/policy';
import { verifyAuditChain } from './verify-chain';
import { writeAudit } from './write-audit';
import { auditEntriesForExport, auditFilterSchema, findAuditEntries } from './find-audit-entries';
import { auditActionLabel, auditEntityLabel, auditSummaryText } from '../../shared/audit-labels';

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

export function registerAuditRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema };

  r.get('/api/audit', { schema: { tags: ['审计'], summary: '审计日志', querystring: auditFilterSchema.extend(pageQuerySchema.shape), response: { 200: pagedSchema(entrySchema), ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'audit', action: 'read' });
    return findAuditEntries(db, req.query);
  });

  r.get('/api/audit/export.xlsx', { schema: { tags: ['审计'], summary: '导出审计日志（Excel）', querystring: auditFilterSchema } }, async (req, reply) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'audit', action: 'export' });
    const rows = await auditEntriesForExport(db, req.query);
    await db.transaction(async (tx) => {
      await writeAudit(tx, ctx, { entity: 'audit_log', action: 'export', summary: { filters: req.query, rows: rows.length } });
    });
    type Row = (typeof rows)[number];
    const buf = await renderListXlsx<Row>('审计日志', [
      { header: '序号', width: 8, value: ({ a }) => a.seq },
      { header: '时间（北京时间）', width: 22, value: ({ a }) => formatShanghai(a.at) },
      { header: '操作人', width: 14, value: ({ a }) => a.actorName },
      { header: '角色', width: 12, value: ({ a }) => (a.actorRole ? (ROLE_LABELS[a.actorRole as RoleCode] ?? a.actorRole) : null) },
      { header: '所属单位', width: 30, value: ({ orgName }) => orgName },
      { header: '对象类型', width: 16, value: ({ a }) => auditEntityLabel(a.entity) },
      { header: '对象编号', width: 38, value: ({ a }) => a.entityId },
      { header: '操作', width: 18, value: ({ a }) => auditActionLabel(a.action) },
      { header: '摘要', width: 60, value: ({ a }) => auditSummaryText(a.summary) },
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
