/**
 * 项目申报（推荐单位）and 推荐批次 routes. Recommender routes refuse other roles (403); another
 * recommender's application or batch answers 404. Commission routes live in commission-routes.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { apiErrorSchema } from '../../shared/api-error';
import type { ApplicationForm } from '../../domain/application-form';
import {
  applicationReviewSchema,
  authenticityInputSchema,
  authenticityRecordSchema,
  bulkRequestSchema,
  bulkResponseSchema,
  declineRequestSchema,
  inboxFilterSchema,
  inboxQuerySchema,
  inboxResponseSchema,
  orderRequestSchema,
  orderResponseSchema,
  projectActionResultSchema,
  recommendRequestSchema,
  recommenderBatchSchema,
  returnRequestSchema,
  sendBatchRequestSchema,
  stampedRequestSchema,
  batchUpdateRequestSchema,
  unrecommendRequestSchema,
} from '../../shared/recommendations';
import { auditPersonalDataView, unmaskedFormPhones } from '../audit/personal-data';
import { writeAudit } from '../audit/write-audit';
import { applicationCampaign, campaignForYear } from '../campaigns/campaign-repository';
import type { Services } from '../context';
import { projectVisibleGuard } from '../policy/project-visibility';
import { MIME } from '../files/sniff';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { applicationReview } from './application-review';
import { attachStampedSummary } from './attach-stamped-summary';
import { composingBatch, recommendedProjects } from './batch-repository';
import { batchPackage } from './batch-package';
import { bulkReview } from './bulk-review';
import { registerCommissionBatchRoutes } from './commission-routes';
import { declineApplication } from './decline-application';
import { exportInboxRows, findInbox, renderInboxXlsx } from './find-inbox';
import { recommendApplication } from './recommend-application';
import { recordAuthenticity } from './record-authenticity';
import { returnApplication } from './return-application';
import { sendBatch } from './send-batch';
import { setRecommendOrder } from './set-recommend-order';
import { renderSummary, summaryFileName, summaryHeader, summaryRows } from './summary-documents';
import { unrecommendApplication } from './unrecommend-application';
import { currentBatch, updateBatchContact } from './update-batch';
import { errors, sendDownload } from '../http/responses';
import { requireRecommender } from '../policy/role-guards';
import type { ProjectRow } from '../projects/load-project';

const idParams = z.object({ id: z.string().uuid() });
const TAG = ['项目申报（推荐单位）'];

function actionResult(p: ProjectRow) {
  return { id: p.id, state: p.state as ProjectState, stateLabel: PROJECT_STATE_LABELS[p.state as ProjectState], version: p.version, recommendOrder: p.recommendOrder };
}

export function registerRecommendationRoutes(app: FastifyInstance, services: Services) {
  const visible = projectVisibleGuard(services.database.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  r.get(
    '/api/recommender/applications',
    { schema: { tags: TAG, summary: '待审核申报列表（本推荐单位）', querystring: inboxQuerySchema, response: { 200: inboxResponseSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      requireRecommender(ctx.actor);
      const campaign = await campaignForYear(db, req.query.year, ctx.clock.now());
      return findInbox(db, ctx.actor, campaign.id, req.query);
    },
  );

  r.get(
    '/api/recommender/applications/export.xlsx',
    { schema: { tags: TAG, summary: '导出筛选后的申报列表（Excel）', querystring: inboxFilterSchema } },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      requireRecommender(ctx.actor);
      const campaign = await campaignForYear(db, req.query.year, ctx.clock.now());
      const items = await exportInboxRows(db, ctx.actor, campaign.id, req.query);
      const data = await renderInboxXlsx(items);
      await db.transaction(async (tx) => writeAudit(tx, ctx, { entity: 'project', action: 'export', summary: { filters: req.query, rows: items.length } }));
      return sendDownload(reply, data, `${campaign.year}年质量攻关申报项目列表.xlsx`, MIME.xlsx);
    },
  );

  r.post(
    '/api/recommender/applications/bulk',
    { schema: { tags: TAG, summary: '批量退回 / 不予推荐 / 推荐（共用一个理由，全部成功或全部不执行）', body: bulkRequestSchema, response: { 200: bulkResponseSchema, ...errors } } },
    async (req) => ({ items: await bulkReview(authedContext(services, req), req.body) }),
  );

  r.get(
    '/api/recommender/applications/:id',
    { ...visible, schema: { tags: TAG, summary: '审核申报（申报书、条件核查、查重、附件、完整性、真实性、审核记录）', params: idParams, response: { 200: applicationReviewSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      const review = await applicationReview(ctx, req.params.id);
      const fields = unmaskedFormPhones(review.form as ApplicationForm);
      if (review.applicant.contactPhone) fields.push('单位联系电话');
      await auditPersonalDataView(ctx, { entity: 'project', entityId: req.params.id, view: '推荐审核', fields });
      return review;
    },
  );

  r.put(
    '/api/recommender/applications/:id/authenticity',
    { ...visible, schema: { tags: TAG, summary: '保存真实性核查记录（含现场核查）', params: idParams, body: authenticityInputSchema, response: { 200: authenticityRecordSchema, ...errors } } },
    async (req) => recordAuthenticity(authedContext(services, req), { id: req.params.id, ...req.body }),
  );

  r.post(
    '/api/recommender/applications/:id/return',
    { ...visible, schema: { tags: TAG, summary: '退回补正（原因 + 逐项意见）', params: idParams, body: returnRequestSchema, response: { 200: projectActionResultSchema, ...errors } } },
    async (req) => actionResult(await returnApplication(authedContext(services, req), { id: req.params.id, ...req.body })),
  );

  r.post(
    '/api/recommender/applications/:id/recommend',
    { ...visible, schema: { tags: TAG, summary: '推荐（推荐意见、完整性、真实性、行业认可确认）', params: idParams, body: recommendRequestSchema, response: { 200: projectActionResultSchema, ...errors } } },
    async (req) => actionResult(await recommendApplication(authedContext(services, req), { id: req.params.id, ...req.body })),
  );

  r.post(
    '/api/recommender/applications/:id/decline',
    { ...visible, schema: { tags: TAG, summary: '不予推荐（原因）', params: idParams, body: declineRequestSchema, response: { 200: projectActionResultSchema, ...errors } } },
    async (req) => actionResult(await declineApplication(authedContext(services, req), { id: req.params.id, ...req.body })),
  );

  r.post(
    '/api/recommender/applications/:id/unrecommend',
    { ...visible, schema: { tags: TAG, summary: '撤销推荐（未报送前）', params: idParams, body: unrecommendRequestSchema, response: { 200: projectActionResultSchema, ...errors } } },
    async (req) => actionResult(await unrecommendApplication(authedContext(services, req), { id: req.params.id, ...req.body })),
  );

  r.put(
    '/api/recommender/order',
    { schema: { tags: TAG, summary: '设置推荐排序（全部已推荐项目，按顺序）', body: orderRequestSchema, response: { 200: orderResponseSchema, ...errors } } },
    async (req) => setRecommendOrder(authedContext(services, req), req.body),
  );

  // ---- 推荐批次 ----

  r.get('/api/recommender/batch', { schema: { tags: TAG, summary: '当前推荐批次（编制中）', response: { 200: recommenderBatchSchema, ...errors } } }, async (req) =>
    currentBatch(authedContext(services, req)),
  );

  r.put(
    '/api/recommender/batch',
    { schema: { tags: TAG, summary: '修改推荐批次联系人', body: batchUpdateRequestSchema, response: { 200: recommenderBatchSchema, ...errors } } },
    async (req) => updateBatchContact(authedContext(services, req), req.body),
  );

  r.post(
    '/api/recommender/batch/stamped',
    { schema: { tags: TAG, summary: '关联盖章版汇总表（PDF，先经 POST /api/files?purpose=stamped_summary 上传）', body: stampedRequestSchema, response: { 200: recommenderBatchSchema, 415: apiErrorSchema, ...errors } } },
    async (req) => attachStampedSummary(authedContext(services, req), req.body),
  );

  r.post(
    '/api/recommender/batch/send',
    { schema: { tags: TAG, summary: '报送市市场监管委（支持 Idempotency-Key）', body: sendBatchRequestSchema, response: { 200: recommenderBatchSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, () => sendBatch(authedContext(services, req), req.body)),
  );

  for (const ext of ['xlsx', 'docx'] as const) {
    r.get(`/api/recommender/batch/summary.${ext}`, { schema: { tags: TAG, summary: `立项申报汇总表（${ext === 'xlsx' ? 'Excel' : 'Word'}，当前推荐名单）` } }, async (req, reply) => {
      const ctx = authedContext(services, req);
      requireRecommender(ctx.actor);
      const now = ctx.clock.now();
      const { header, rows, batchId } = await db.transaction(async (tx) => {
        const campaign = await applicationCampaign(tx, now);
        const batch = await composingBatch(tx, ctx.actor.organisationId, campaign, now);
        const list = await recommendedProjects(tx, ctx.actor.organisationId, campaign.id);
        return { header: await summaryHeader(tx, batch, campaign.year, now), rows: summaryRows(list.map(({ p }) => p)), batchId: batch.id };
      });
      const rendered = await renderSummary(header, rows);
      await auditPersonalDataView(ctx, { entity: 'recommendation_batch', entityId: batchId, view: `立项申报汇总表（${ext}）`, fields: rows.some((r) => r.phone) ? ['项目负责人电话'] : [], count: rows.length });
      return sendDownload(reply, rendered[ext], summaryFileName(header, ext), MIME[ext]);
    });
  }

  r.get(
    '/api/recommender/batches/:id/download.zip',
    { schema: { tags: TAG, summary: '下载本单位已报送批次的全部材料（zip）', params: idParams } },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      requireRecommender(ctx.actor);
      const { fileName, data } = await batchPackage(ctx, req.params.id);
      return sendDownload(reply, data, fileName, 'application/zip');
    },
  );

  registerCommissionBatchRoutes(app, services);
}
