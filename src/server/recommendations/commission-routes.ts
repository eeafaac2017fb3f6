/** 推荐批次 for the commission: list, detail, zip download, receive, return, recommender overview. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignYearField } from '../../domain/campaign-config';
import { RECOMMENDER_SUBTYPES } from '../../domain/vocabularies';
import {
  BATCH_STATE_LABELS,
  batchVersionRequestSchema,
  commissionBatchDetailSchema,
  commissionBatchListSchema,
  commissionBatchQuerySchema,
  recommenderStatusListSchema,
  returnBatchRequestSchema,
  type BatchState,
} from '../../shared/recommendations';
import type { Services } from '../context';
import { authedContext } from '../http/request-context';
import { batchPackage } from './batch-package';
import { commissionBatchDetail, listCommissionBatches, recommenderStatuses } from './commission-batches';
import { receiveBatch } from './receive-batch';
import { returnBatch } from './return-batch';
import { errors, sendDownload } from '../http/responses';
import { requireCommission } from '../policy/role-guards';

const idParams = z.object({ id: z.string().uuid() });
const TAG = ['推荐批次（市市场监管委）'];
const batchStateResult = z.object({ id: z.string(), state: z.string(), stateLabel: z.string(), version: z.number().int() });

export function registerCommissionBatchRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/commission/batches',
    { schema: { tags: TAG, summary: '已报送的推荐批次', querystring: commissionBatchQuerySchema, response: { 200: commissionBatchListSchema, ...errors } } },
    async (req) => listCommissionBatches(authedContext(services, req), req.query),
  );

  r.get(
    '/api/commission/recommenders',
    {
      schema: {
        tags: TAG,
        summary: '推荐单位报送情况（16个区市场监管局及行业主管部门、行业协会）',
        querystring: z.object({ kind: z.enum(RECOMMENDER_SUBTYPES).optional(), year: campaignYearField.optional() }),
        response: { 200: recommenderStatusListSchema, ...errors },
      },
    },
    async (req) => recommenderStatuses(authedContext(services, req), req.query),
  );

  r.get(
    '/api/commission/batches/:id',
    { schema: { tags: TAG, summary: '推荐批次详情', params: idParams, response: { 200: commissionBatchDetailSchema, ...errors } } },
    async (req) => commissionBatchDetail(authedContext(services, req), req.params.id),
  );

  r.get('/api/commission/batches/:id/download.zip', { schema: { tags: TAG, summary: '下载推荐批次全部材料（zip）', params: idParams } }, async (req, reply) => {
    const ctx = authedContext(services, req);
    requireCommission(ctx.actor);
    const { fileName, data } = await batchPackage(ctx, req.params.id);
    return sendDownload(reply, data, fileName, 'application/zip');
  });

  const result = (b: { id: string; state: string; version: number }) => ({ id: b.id, state: b.state, stateLabel: BATCH_STATE_LABELS[b.state as BatchState], version: b.version });

  r.post(
    '/api/commission/batches/:id/receive',
    { schema: { tags: TAG, summary: '接收推荐批次', params: idParams, body: batchVersionRequestSchema, response: { 200: batchStateResult, ...errors } } },
    async (req) => result(await receiveBatch(authedContext(services, req), { id: req.params.id, ...req.body })),
  );

  r.post(
    '/api/commission/batches/:id/return',
    { schema: { tags: TAG, summary: '整批退回推荐单位（原因）', params: idParams, body: returnBatchRequestSchema, response: { 200: batchStateResult, ...errors } } },
    async (req) => result(await returnBatch(authedContext(services, req), { id: req.params.id, ...req.body })),
  );
}
