import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { EXPERT_STATUSES } from '../../domain/vocabularies';
import {
  conflictCreateSchema,
  conflictDecisionSchema,
  conflictDtoSchema,
  expertDtoSchema,
  expertHistorySchema,
  expertImportResultSchema,
  expertInputSchema,
  expertSelfUpdateSchema,
  expertStatusSchema,
  expertUpdateSchema,
} from '../../shared/experts';
import { AppError } from '../app-error';
import type { Services } from '../context';
import { expertStatusEvents, users } from '../db/schema';
import { MIME } from '../files/sniff';
import { authedContext } from '../http/request-context';
import { errors, sendDownload } from '../http/responses';
import { authorize } from '../policy/policy';
import { createDecidedConflict, decideConflict, listConflicts, recomputeAllConflicts } from './conflicts';
import { conflictCounts, expertRows, loadExpert, toExpertDto } from './expert-repository';
import { expertImportTemplate, importExperts } from './import-experts';
import { createExpert, setExpertStatus, updateExpert, updateOwnProfile } from './save-expert';

const TAG = '专家库';
const idParams = z.object({ id: z.string().uuid() });

export function registerExpertRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/commission/experts',
    { schema: { tags: [TAG], summary: '专家库列表', querystring: z.object({ q: z.string().max(50).optional(), status: z.enum(EXPERT_STATUSES).optional() }), response: { 200: z.object({ items: z.array(expertDtoSchema) }), ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'expert', action: 'manage', resource: { userId: '' } });
      const rows = await expertRows(services.database.db, { q: req.query.q, status: req.query.status });
      const counts = await conflictCounts(services.database.db, rows.map((x) => x.u.id));
      return { items: rows.map((x) => toExpertDto(ctx.actor, x, counts.get(x.u.id) ?? 0)) };
    },
  );

  r.post('/api/commission/experts', { schema: { tags: [TAG], summary: '新增专家（返回一次临时密码）', body: expertInputSchema, response: { 200: expertDtoSchema.extend({ temporaryPassword: z.string() }), ...errors } } }, async (req) =>
    createExpert(authedContext(services, req), req.body),
  );

  r.get('/api/commission/experts/import-template', { schema: { tags: [TAG], summary: '专家导入模板（Excel）' } }, async (req, reply) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'expert', action: 'manage', resource: { userId: '' } });
    return sendDownload(reply, await expertImportTemplate(), '专家导入模板.xlsx', MIME.xlsx);
  });

  r.post(
    '/api/commission/experts/import',
    {
      schema: { tags: [TAG], summary: '导入专家（multipart，字段 file；任一行有误则整份不导入，逐行列出错误）', response: { 200: expertImportResultSchema, ...errors, 413: apiErrorSchema, 415: apiErrorSchema } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'expert', action: 'manage', resource: { userId: '' } });
      if (!req.isMultipart()) throw new AppError('validation', 'not multipart', '请以表单方式上传 Excel 文件', { fields: { file: '请选择要导入的 Excel 文件' } });
      const part = await req.file({ limits: { fileSize: 10 * 1024 * 1024 } });
      if (!part) throw new AppError('validation', 'no file', '请选择要导入的 Excel 文件', { fields: { file: '请选择要导入的 Excel 文件' } });
      return importExperts(ctx, await part.toBuffer());
    },
  );

  r.put('/api/commission/experts/:id', { schema: { tags: [TAG], summary: '修改专家信息与评价', params: idParams, body: expertUpdateSchema, response: { 200: expertDtoSchema, ...errors } } }, async (req) =>
    updateExpert(authedContext(services, req), req.params.id, req.body),
  );

  r.post('/api/commission/experts/:id/status', { schema: { tags: [TAG], summary: '变更专家状态（在库、暂停、移出，须说明原因）', params: idParams, body: expertStatusSchema, response: { 200: expertDtoSchema, ...errors } } }, async (req) =>
    setExpertStatus(authedContext(services, req), req.params.id, req.body),
  );

  r.get('/api/commission/experts/:id/history', { schema: { tags: [TAG], summary: '专家状态变更记录', params: idParams, response: { 200: expertHistorySchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'expert', action: 'manage', resource: { userId: req.params.id } });
    const db = services.database.db;
    await loadExpert(db, ctx.actor, req.params.id);
    const rows = await db.select({ e: expertStatusEvents, actorName: users.displayName }).from(expertStatusEvents).innerJoin(users, eq(users.id, expertStatusEvents.actorId)).where(eq(expertStatusEvents.expertUserId, req.params.id)).orderBy(asc(expertStatusEvents.createdAt), sql`${expertStatusEvents.fromStatus} IS NOT NULL`);
    return { items: rows.map(({ e, actorName }) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason, actorName, at: e.createdAt.toISOString() })) };
  });

  r.get(
    '/api/commission/conflicts',
    { schema: { tags: [TAG], summary: '回避记录（含识别依据）', querystring: z.object({ expertId: z.string().uuid().optional(), projectId: z.string().uuid().optional() }), response: { 200: z.object({ items: z.array(conflictDtoSchema) }), ...errors } } },
    async (req) => listConflicts(authedContext(services, req), req.query),
  );

  r.post('/api/commission/conflicts/recompute', { schema: { tags: [TAG], summary: '重新识别回避关系（已处理的记录保持不变）', response: { 200: z.object({ detected: z.number(), removed: z.number(), pinned: z.number() }), ...errors } } }, async (req) =>
    recomputeAllConflicts(authedContext(services, req)),
  );

  r.post('/api/commission/conflicts', { schema: { tags: [TAG], summary: '认定回避（市市场监管委决定，不随重新识别改变）', body: conflictCreateSchema, response: { 200: conflictDtoSchema, ...errors } } }, async (req) =>
    createDecidedConflict(authedContext(services, req), req.body),
  );

  r.post('/api/commission/conflicts/:id/decision', { schema: { tags: [TAG], summary: '处理回避记录（确认回避或不需回避，处理后不随重新识别改变）', params: idParams, body: conflictDecisionSchema, response: { 200: conflictDtoSchema, ...errors } } }, async (req) =>
    decideConflict(authedContext(services, req), req.params.id, req.body),
  );

  r.get('/api/expert/profile', { schema: { tags: [TAG], summary: '本人专家信息', response: { 200: expertDtoSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    const row = await loadExpert(services.database.db, ctx.actor, ctx.actor.userId);
    return toExpertDto(ctx.actor, row);
  });

  r.put('/api/expert/profile', { schema: { tags: [TAG], summary: '维护本人专家信息并申报关联关系', body: expertSelfUpdateSchema, response: { 200: expertDtoSchema, ...errors } } }, async (req) =>
    updateOwnProfile(authedContext(services, req), req.body),
  );
}
