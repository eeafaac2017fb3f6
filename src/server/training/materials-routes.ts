/**
 * 授课老师 / 培训资料 routes (issue 16). Managing: `/api/training/**` (provider of the session and
 * commission). Downloading: `/api/applicant/training/**` (units signed up for the session; else 404).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { incompleteListSchema, lecturersInputSchema, materialSchema, materialUploadQuerySchema, sessionResourcesListSchema, sessionResourcesSchema } from '../../shared/training-materials';
import { AppError } from '../app-error';
import type { Services } from '../context';
import { authedContext } from '../http/request-context';
import { contentDisposition, errors, errorsWith } from '../http/responses';
import { incompleteProjects } from './incomplete';
import { attachMaterial, assertMaterialTarget, materialFile, materialFileLimits, myResources, removeMaterial, sessionResources, setLecturers } from './materials';

const TAG = ['宣贯培训'];
const idParams = z.object({ id: z.string().uuid() });

export function registerTrainingMaterialRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/training/sessions/:id/resources',
    { schema: { tags: TAG, summary: '本场次授课老师与培训资料', params: idParams, response: { 200: sessionResourcesSchema, ...errors } } },
    async (req) => sessionResources(authedContext(services, req), req.params.id),
  );

  r.put(
    '/api/training/sessions/:id/lecturers',
    { schema: { tags: TAG, summary: '设置授课老师（姓名、职称、工作单位；版本号）', params: idParams, body: lecturersInputSchema, response: { 200: sessionResourcesSchema, ...errors } } },
    async (req) => setLecturers(authedContext(services, req), req.params.id, req.body),
  );

  r.post(
    '/api/training/sessions/:id/materials',
    {
      schema: { tags: TAG, summary: '上传培训资料（multipart，字段 file；标题与类别在查询参数中）', params: idParams, querystring: materialUploadQuerySchema, response: { 200: materialSchema, ...errorsWith(413, 415) } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      await assertMaterialTarget(ctx, req.params.id);
      if (!req.isMultipart()) throw new AppError('validation', 'not multipart', '请以表单方式上传文件', { fields: { file: '请选择要上传的培训资料文件' } });
      const limits = await materialFileLimits(ctx);
      const part = await req.file({ limits: { fileSize: limits.maxBytes } });
      if (!part) throw new AppError('validation', 'no file', '请选择要上传的培训资料文件', { fields: { file: '请选择要上传的培训资料文件' } });
      return attachMaterial(ctx, req.params.id, { title: req.query.title, category: req.query.materialCategory, stream: part.file, fileName: part.filename, ...limits });
    },
  );

  r.delete(
    '/api/training/materials/:id',
    { schema: { tags: TAG, summary: '删除培训资料', params: idParams, response: { 200: z.object({ id: z.string().uuid(), removed: z.literal(true) }), ...errors } } },
    async (req) => removeMaterial(authedContext(services, req), req.params.id),
  );

  const download = async (req: FastifyRequest, reply: FastifyReply, id: string) => {
    const file = await materialFile(authedContext(services, req), id);
    const body = await services.files.stream(file.storageKey);
    reply.header('Content-Disposition', contentDisposition(file.name));
    reply.type(file.mime);
    return reply.send(body);
  };

  r.get('/api/training/materials/:id/file', { schema: { tags: TAG, summary: '下载培训资料（培训机构、市市场监管委）', params: idParams } }, async (req, reply) => download(req, reply, req.params.id));

  r.get(
    '/api/applicant/training/resources',
    { schema: { tags: TAG, summary: '本单位已报名场次的授课老师与培训资料', response: { 200: sessionResourcesListSchema, ...errors } } },
    async (req) => myResources(authedContext(services, req)),
  );

  r.get('/api/applicant/training/materials/:id/file', { schema: { tags: TAG, summary: '下载培训资料（本单位已报名该场次）', params: idParams } }, async (req, reply) => download(req, reply, req.params.id));

  // ---- 未完成培训 (required attendance) ----
  for (const [url, who] of [
    ['/api/recommender/training/incomplete', '本推荐单位'],
    ['/api/commission/training/incomplete', '全市'],
  ] as const) {
    r.get(url, { schema: { tags: TAG, summary: `${who}未完成培训的已立项项目（按年度培训要求）`, response: { 200: incompleteListSchema, ...errors } } }, async (req) => incompleteProjects(authedContext(services, req)));
  }
}
