import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { UPLOAD_PURPOSES } from '../../domain/vocabularies';
import type { CampaignConfig } from '../../domain/campaign-config';
import { AppError } from '../app-error';
import { currentCampaign } from '../campaigns/campaign-repository';
import type { Services } from '../context';
import { files } from '../db/schema';
import { authedContext } from '../http/request-context';
import { contentDisposition } from '../http/responses';
import { allow, authorize } from '../policy/policy';
import { sharedThroughApplications } from './file-readers';
import { uploadFile } from './upload-file';

export const fileDtoSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), mime: z.string(), sha256: z.string() });
const PURPOSES = UPLOAD_PURPOSES;

export function registerFileRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  r.post(
    '/api/files',
    {
      schema: {
        tags: ['文件'],
        summary: '上传文件（multipart，字段 file；类型按内容识别）',
        querystring: z.object({ purpose: z.enum(PURPOSES).default('attachment') }),
        response: { 200: fileDtoSchema, 400: apiErrorSchema, 401: apiErrorSchema, 413: apiErrorSchema, 415: apiErrorSchema },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      if (!req.isMultipart()) throw new AppError('validation', 'not multipart', '请以表单方式上传文件', { fields: { file: '请选择要上传的文件' } });
      const campaign = await currentCampaign(db, services.clock.now());
      const limits = (campaign.config as CampaignConfig).files;
      const part = await req.file({ limits: { fileSize: limits.maxBytes } });
      if (!part) throw new AppError('validation', 'no file', '请选择要上传的文件', { fields: { file: '请选择要上传的文件' } });
      const purpose = req.query.purpose;
      const allowed = purpose === 'stamped_summary' ? (['pdf'] as const) : limits.allowedTypes.filter((t) => t !== 'zip');
      const row = await uploadFile(ctx, { stream: part.file, fileName: part.filename, purpose, maxBytes: limits.maxBytes, allowedTypes: [...allowed] });
      return { id: row.id, name: row.originalName, size: row.size, mime: row.mime, sha256: row.sha256 };
    },
  );

  r.get(
    '/api/files/:id',
    { schema: { tags: ['文件'], summary: '下载文件', params: z.object({ id: z.string().uuid() }), querystring: z.object({ inline: z.coerce.boolean().optional() }) } },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      const [row] = await db.select().from(files).where(eq(files.id, req.params.id));
      if (!row) throw new AppError('not_found', 'file', '文件不存在或无权访问');
      // A file is also readable by whoever may read an application whose 申报书 references it.
      let shared: string[] = [];
      if (!allow(ctx.actor, { kind: 'file', action: 'read', resource: { ownerOrgId: row.ownerOrgId } })) shared = await sharedThroughApplications(db, ctx.actor, row);
      authorize(ctx.actor, { kind: 'file', action: 'read', resource: { ownerOrgId: row.ownerOrgId, sharedWithOrgIds: shared } }, false);
      const body = await services.files.stream(row.storageKey);
      reply.header('Content-Disposition', contentDisposition(row.originalName, !!req.query.inline));
      reply.type(row.mime);
      return reply.send(body);
    },
  );
}
