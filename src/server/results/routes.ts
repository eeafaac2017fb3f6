import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { commissionResultBatchDetailSchema, commissionResultBatchItemSchema, commissionResultBatchListSchema, recommenderResultsSchema, resultBatchDtoSchema, resultBatchQuerySchema, resultDetailSchema, resultForwardSchema, resultReturnSchema, resultSubmitSchema, resultSummarySchema } from '../../shared/results';
import { campaignById, currentCampaign } from '../campaigns/campaign-repository';
import { notFound } from '../app-error';
import type { Services } from '../context';
import { organisations, projects } from '../db/schema';
import { MIME } from '../files/sniff';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { errors, sendDownload } from '../http/responses';
import { projectScope } from '../policy/project-policy';
import { requireRecommender } from '../policy/role-guards';
import { loadProjectFor } from '../projects/load-project';
import { batchVersionRequestSchema, returnBatchRequestSchema } from '../../shared/recommendations';
import { listResultBatches, resultBatchDetail } from './commission-result-batches';
import { forwardResults } from './forward-results';
import { receiveResultBatch } from './receive-result-batch';
import { returnResultBatch } from './return-result-batch';
import { renderResultDocx, renderResultPdf, resultDocTitle } from './result-documents';
import { RESULT_STATES, resultBatchDtos, resultDetail, resultList, resultsWindow } from './result-repository';
import { acceptResult, returnResult } from './review-result';
import { submitResult } from './submit-result';

const TAG = '提交成果';
const params = z.object({ projectId: z.string().uuid() });
const versionBody = z.object({ version: z.number().int() });
const formatParams = params.extend({ format: z.enum(['docx', 'pdf']) });

export function registerResultRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  /** A project that owes or has a result, as the actor may read it (404 otherwise). */
  async function detailFor(req: FastifyRequest, projectId: string) {
    const ctx = authedContext(services, req);
    const p = await loadProjectFor(db, ctx.actor, 'read', projectId, { label: '项目' });
    if (!(RESULT_STATES as readonly string[]).includes(p.state)) throw notFound(`project ${p.id} has no result stage`, '项目成果');
    return { p, detail: await resultDetail(db, p, await campaignById(db, p.campaignId), ctx.clock.now()) };
  }

  const listSchema = z.object({ items: z.array(resultSummarySchema) });
  r.get('/api/applicant/results', { schema: { tags: [TAG], summary: '本单位已立项项目的成果', response: { 200: listSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    return { items: await resultList(db, projectScope(ctx.actor) as ReturnType<typeof and>) };
  });
  r.get('/api/applicant/results/:projectId', { schema: { tags: [TAG], summary: '项目成果', params, response: { 200: resultDetailSchema, ...errors } } }, async (req) => (await detailFor(req, req.params.projectId)).detail);
  r.post('/api/applicant/results/:projectId/submit', { schema: { tags: [TAG], summary: '提交成果（截止时间前）', params, body: resultSubmitSchema, response: { 200: resultDetailSchema, ...errors } } }, async (req, reply) =>
    withIdempotency(services, req, reply, () => submitResult(authedContext(services, req), req.params.projectId, req.body)),
  );

  r.get('/api/recommender/results', { schema: { tags: [TAG], summary: '本单位推荐项目的成果与报送批次', response: { 200: recommenderResultsSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    requireRecommender(ctx.actor);
    const campaign = await currentCampaign(db, ctx.clock.now());
    const w = await resultsWindow(db, campaign, { id: '00000000-0000-0000-0000-000000000000', recommenderOrgId: ctx.actor.organisationId }, ctx.clock.now());
    return { items: await resultList(db, and(projectScope(ctx.actor), eq(projects.campaignId, campaign.id))), batches: await resultBatchDtos(db, ctx.actor.organisationId, campaign.id), deadline: w.deadline, windowOpen: w.open };
  });
  r.get('/api/recommender/results/:projectId', { schema: { tags: [TAG], summary: '审核项目成果', params, response: { 200: resultDetailSchema, ...errors } } }, async (req) => {
    requireRecommender(authedContext(services, req).actor);
    return (await detailFor(req, req.params.projectId)).detail;
  });
  r.post('/api/recommender/results/:projectId/return', { schema: { tags: [TAG], summary: '退回成果（逐项意见）', params, body: resultReturnSchema, response: { 200: resultDetailSchema, ...errors } } }, async (req) =>
    returnResult(authedContext(services, req), req.params.projectId, req.body),
  );
  r.post('/api/recommender/results/:projectId/accept', { schema: { tags: [TAG], summary: '审核通过成果（待报送）', params, body: versionBody, response: { 200: resultDetailSchema, ...errors } } }, async (req) =>
    acceptResult(authedContext(services, req), req.params.projectId, req.body),
  );
  r.post('/api/recommender/results/forward', { schema: { tags: [TAG], summary: '报送审核通过的成果（一个批次，截止时间前）', body: resultForwardSchema, response: { 200: resultBatchDtoSchema, ...errors } } }, async (req, reply) =>
    withIdempotency(services, req, reply, () => forwardResults(authedContext(services, req), req.body)),
  );

  r.get('/api/commission/results', { schema: { tags: [TAG], summary: '各推荐单位成果报送情况', response: { 200: listSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    const campaign = await currentCampaign(db, ctx.clock.now());
    return { items: await resultList(db, and(projectScope(ctx.actor), eq(projects.campaignId, campaign.id), inArray(projects.state, ['results_received', 'lapsed']))) };
  });

  // 成果批次: the commission's list of every recommender's batches, detail, 签收 and 整批退回.
  const batchParams = z.object({ id: z.string().uuid() });
  r.get('/api/commission/result-batches', { schema: { tags: [TAG], summary: '各推荐单位报送的成果批次', querystring: resultBatchQuerySchema, response: { 200: commissionResultBatchListSchema, ...errors } } }, async (req) =>
    listResultBatches(authedContext(services, req), req.query),
  );
  r.get('/api/commission/result-batches/:id', { schema: { tags: [TAG], summary: '成果批次详情', params: batchParams, response: { 200: commissionResultBatchDetailSchema, ...errors } } }, async (req) =>
    resultBatchDetail(authedContext(services, req), req.params.id),
  );
  r.post('/api/commission/result-batches/:id/receive', { schema: { tags: [TAG], summary: '签收成果批次', params: batchParams, body: batchVersionRequestSchema, response: { 200: commissionResultBatchItemSchema, ...errors } } }, async (req) =>
    receiveResultBatch(authedContext(services, req), { id: req.params.id, ...req.body }),
  );
  r.post('/api/commission/result-batches/:id/return', { schema: { tags: [TAG], summary: '整批退回成果批次（原因至少4个字）', params: batchParams, body: returnBatchRequestSchema, response: { 200: commissionResultBatchItemSchema, ...errors } } }, async (req) =>
    returnResultBatch(authedContext(services, req), { id: req.params.id, ...req.body }),
  );

  // 成果报告 export (Word / PDF), one handler for the three sides.
  const exportReport = async (req: FastifyRequest<{ Params: z.infer<typeof formatParams> }>, reply: FastifyReply) => {
    const { p, detail } = await detailFor(req, req.params.projectId);
    if (!detail.report) throw notFound(`project ${p.id} result not submitted`, '成果报告');
    const campaign = await campaignById(db, p.campaignId);
    const [rec] = p.recommenderOrgId ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, p.recommenderOrgId)) : [];
    const input = { year: campaign.year, recommenderName: rec?.name ?? '', detail };
    const name = `${resultDocTitle(campaign.year)}-${p.name}.${req.params.format}`;
    return req.params.format === 'docx' ? sendDownload(reply, await renderResultDocx(input), name, MIME.docx) : sendDownload(reply, await renderResultPdf(input), name, MIME.pdf);
  };
  for (const prefix of ['applicant', 'recommender', 'commission']) {
    r.get(`/api/${prefix}/results/:projectId/report/:format`, { schema: { tags: [TAG], summary: '导出成果报告（Word 或 PDF）', params: formatParams } }, exportReport);
  }
}
