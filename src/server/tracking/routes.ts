/**
 * 跟踪服务 routes (`/api/tracking/**`): the recommender's visits, guidance, problems and support
 * arrangements; the unit's answers and requests; dashboards and export (recommender: own projects,
 * commission: all).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idResultSchema, itemAnswerSchema, trackingOverviewSchema, itemCloseSchema, itemInputSchema, trackingListQuerySchema, visitInputSchema } from '../../shared/implementation';
import { writeAudit } from '../audit/write-audit';
import type { Services } from '../context';
import { XLSX_MIME } from '../documents/list-xlsx';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { errors, sendDownload } from '../http/responses';
import { requireCommission } from '../policy/role-guards';
import { answerItem } from './answer-item';
import { closeItem } from './close-item';
import { overviewOf, trackingRows, trackingXlsx } from './dashboard';
import { raiseItem } from './raise-item';
import { recordVisit } from './record-visit';

const TAG = ['跟踪服务'];
const idParams = z.object({ id: z.string().uuid() });

export function registerTrackingRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/tracking/projects/:id/visits',
    { schema: { tags: TAG, summary: '登记走访 / 检查（可附指导意见）', params: idParams, body: visitInputSchema, response: { 200: idResultSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, () => recordVisit(authedContext(services, req), req.params.id, req.body)),
  );

  r.post(
    '/api/tracking/projects/:id/items',
    { schema: { tags: TAG, summary: '提出指导意见 / 问题（推荐单位），反映问题 / 申请质量基础设施支撑（项目单位）', params: idParams, body: itemInputSchema, response: { 200: idResultSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, () => raiseItem(authedContext(services, req), req.params.id, req.body)),
  );

  r.post(
    '/api/tracking/items/:id/answer',
    { schema: { tags: TAG, summary: '答复指导意见或问题 / 登记支撑安排', params: idParams, body: itemAnswerSchema, response: { 200: idResultSchema, ...errors } } },
    async (req) => answerItem(authedContext(services, req), req.params.id, req.body),
  );

  r.post(
    '/api/tracking/items/:id/close',
    { schema: { tags: TAG, summary: '关闭已答复的事项（推荐单位）', params: idParams, body: itemCloseSchema, response: { 200: idResultSchema, ...errors } } },
    async (req) => closeItem(authedContext(services, req), req.params.id, req.body),
  );

  r.get(
    '/api/tracking/projects.xlsx',
    { schema: { tags: TAG, summary: '导出项目实施跟踪情况（Excel）', querystring: trackingListQuerySchema } },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      const { data, rows } = await trackingXlsx(ctx, req.query);
      await services.database.db.transaction((tx) => writeAudit(tx, ctx, { entity: 'tracking', action: 'export', summary: { rows, filters: req.query } }));
      return sendDownload(reply, data, '项目实施跟踪情况.xlsx', XLSX_MIME);
    },
  );

  r.get(
    '/api/tracking/overview',
    { schema: { tags: TAG, summary: '全市项目实施概况（按区、按产业链；逾期项目）', querystring: trackingListQuerySchema, response: { 200: trackingOverviewSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      requireCommission(ctx.actor);
      return overviewOf(await trackingRows(ctx, req.query));
    },
  );
}
