import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import {
  managedOrganisationSchema,
  organisationDirectoryQuerySchema,
  organisationDirectorySchema,
  organisationImportResultSchema,
  organisationInputSchema,
  organisationUpdateSchema,
} from '../../shared/organisations';
import { AppError } from '../app-error';
import type { Services } from '../context';
import { organisations, users } from '../db/schema';
import { MIME } from '../files/sniff';
import { authedContext } from '../http/request-context';
import { authorize } from '../policy/policy';
import { errors, sendDownload } from '../http/responses';
import { importOrganisations, organisationImportTemplate } from './import-organisations';
import { kindOf, toManagedDto } from './organisation-repository';
import { createOrganisation, setOrganisationActive, updateOrganisation } from './save-organisation';

const TAG = '单位管理';
const idParams = z.object({ id: z.string().uuid() });

export function registerOrganisationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  r.get(
    '/api/admin/organisation-directory',
    { schema: { tags: [TAG], summary: '单位名录（推荐单位、培训服务机构、专家库、市市场监管委）', querystring: organisationDirectoryQuerySchema, response: { 200: organisationDirectorySchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'organisation', action: 'manage', resource: { id: '', kind: 'recommender' } });
      const c: SQL[] = [ne(organisations.kind, 'applicant')];
      if (req.query.type) {
        const { kind, subtype } = kindOf(req.query.type);
        c.push(eq(organisations.kind, kind));
        if (subtype) c.push(eq(organisations.subtype, subtype));
      }
      if (req.query.includeInactive !== 'true') c.push(eq(organisations.active, true));
      if (req.query.q) {
        const like = `%${req.query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
        c.push(or(ilike(organisations.name, like), ilike(organisations.shortName, like), ilike(organisations.district, like))!);
      }
      const rows = await db.select().from(organisations).where(and(...c)).orderBy(asc(organisations.kind), asc(organisations.subtype), asc(organisations.divisionCode), asc(organisations.name)).limit(2000);
      const ids = rows.map((o) => o.id);
      const counts = ids.length ? await db.select({ id: users.organisationId, n: count() }).from(users).where(inArray(users.organisationId, ids)).groupBy(users.organisationId) : [];
      const countOf = new Map(counts.map((x) => [x.id, Number(x.n)]));
      return { items: rows.map((o) => toManagedDto(o, countOf.get(o.id) ?? 0)) };
    },
  );

  r.post('/api/admin/organisations', { schema: { tags: [TAG], summary: '新建单位', body: organisationInputSchema, response: { 200: managedOrganisationSchema, ...errors } } }, async (req) =>
    createOrganisation(authedContext(services, req), req.body),
  );

  r.put('/api/admin/organisations/:id', { schema: { tags: [TAG], summary: '修改单位信息', params: idParams, body: organisationUpdateSchema, response: { 200: managedOrganisationSchema, ...errors } } }, async (req) =>
    updateOrganisation(authedContext(services, req), req.params.id, req.body),
  );

  r.post(
    '/api/admin/organisations/:id/active',
    {
      schema: { tags: [TAG], summary: '启用或停用单位（停用后本单位账户不能登录）', params: idParams, body: z.object({ active: z.boolean(), version: z.number().int() }), response: { 200: managedOrganisationSchema, ...errors } },
    },
    async (req) => setOrganisationActive(authedContext(services, req), req.params.id, req.body.active, req.body.version),
  );

  r.get('/api/admin/organisations/import-template', { schema: { tags: [TAG], summary: '单位与账户导入模板（Excel）' } }, async (req, reply) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'organisation', action: 'manage', resource: { id: '', kind: 'recommender' } });
    return sendDownload(reply, await organisationImportTemplate(), '单位与账户导入模板.xlsx', MIME.xlsx);
  });

  r.post(
    '/api/admin/organisations/import',
    {
      schema: { tags: [TAG], summary: '导入单位与账户（multipart，字段 file；任一行有误则整份不导入，逐行列出错误）', response: { 200: organisationImportResultSchema, ...errors, 413: apiErrorSchema, 415: apiErrorSchema } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'organisation', action: 'manage', resource: { id: '', kind: 'recommender' } });
      if (!req.isMultipart()) throw new AppError('validation', 'not multipart', '请以表单方式上传 Excel 文件', { fields: { file: '请选择要导入的 Excel 文件' } });
      const part = await req.file({ limits: { fileSize: 10 * 1024 * 1024 } });
      if (!part) throw new AppError('validation', 'no file', '请选择要导入的 Excel 文件', { fields: { file: '请选择要导入的 Excel 文件' } });
      return importOrganisations(ctx, await part.toBuffer());
    },
  );
}
