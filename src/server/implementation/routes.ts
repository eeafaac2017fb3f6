/**
 * 项目实施 routes (`/api/implementation/**`): the unit's plan, reports and materials; the project
 * page read by the unit, its recommender and the commission (another recommender: 404).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idResultSchema, materialInputSchema, projectViewSchema, trackingListSchema, planSaveSchema, reportInputSchema, trackingListQuerySchema } from '../../shared/implementation';
import type { Services } from '../context';
import { MIME } from '../files/sniff';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { contentDisposition, errors, sendDownload } from '../http/responses';
import { trackingRows } from '../tracking/dashboard';
import { addMaterial } from './add-material';
import { materialsZip, projectFile } from './materials-zip';
import { projectImplementationView } from './project-view';
import { savePlan } from './save-plan';
import { submitReport } from './submit-report';

const TAG = ['项目实施'];
const idParams = z.object({ id: z.string().uuid() });

export function registerImplementationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/implementation/projects',
    { schema: { tags: TAG, summary: '实施中的项目（项目单位：本单位；推荐单位：本单位推荐；市市场监管委：全部）', querystring: trackingListQuerySchema, response: { 200: trackingListSchema, ...errors } } },
    async (req) => ({ items: await trackingRows(authedContext(services, req), req.query) }),
  );

  r.get(
    '/api/implementation/projects/:id',
    { schema: { tags: TAG, summary: '项目实施详情（方案、报告、材料、走访、时间线、指标）', params: idParams, response: { 200: projectViewSchema, ...errors } } },
    async (req) => projectImplementationView(authedContext(services, req), req.params.id),
  );

  r.put(
    '/api/implementation/projects/:id/plan',
    { schema: { tags: TAG, summary: '保存 / 提交实施方案；提交后修改为策略调整（须填写原因）', params: idParams, body: planSaveSchema, response: { 200: idResultSchema, ...errors } } },
    async (req) => savePlan(authedContext(services, req), req.params.id, req.body),
  );

  r.post(
    '/api/implementation/projects/:id/reports',
    { schema: { tags: TAG, summary: '报送进展报告（定期或里程碑）', params: idParams, body: reportInputSchema, response: { 200: idResultSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, () => submitReport(authedContext(services, req), req.params.id, req.body)),
  );

  r.post(
    '/api/implementation/projects/:id/materials',
    { schema: { tags: TAG, summary: '登记过程性材料（新版本替换旧版本，旧版本保留）', params: idParams, body: materialInputSchema, response: { 200: idResultSchema, ...errors } } },
    async (req) => addMaterial(authedContext(services, req), req.params.id, req.body),
  );

  r.get(
    '/api/implementation/projects/:id/materials.zip',
    { schema: { tags: TAG, summary: '下载全部过程性材料（ZIP）', params: idParams } },
    async (req, reply) => {
      const { data, name } = await materialsZip(authedContext(services, req), req.params.id);
      return sendDownload(reply, data, name, MIME.zip);
    },
  );

  r.get(
    '/api/implementation/projects/:id/files/:fileId',
    { schema: { tags: TAG, summary: '下载项目的过程性材料或走访附件', params: z.object({ id: z.string().uuid(), fileId: z.string().uuid() }) } },
    async (req, reply) => {
      const row = await projectFile(authedContext(services, req), req.params.id, req.params.fileId);
      reply.header('Content-Disposition', contentDisposition(row.originalName));
      reply.type(row.mime);
      return reply.send(await services.files.stream(row.storageKey));
    },
  );
}
