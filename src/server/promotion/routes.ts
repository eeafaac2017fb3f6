/**
 * 宣传推广 (程序九): the public 优秀成果 pages and 经验交流会 list (/api/public/excellent,
 * /api/public/conferences), the unit's showcase text (/api/applicant/showcase) and the
 * commission's approval (/api/commission/showcase, /api/commission/conferences).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveShowcaseRequestSchema, conferenceRequestSchema, conferenceSchema, hideShowcaseRequestSchema, proposeShowcaseRequestSchema, publicShowcaseSchema, showcaseEntrySchema } from '../../shared/publicity';
import { notFound } from '../app-error';
import { PUBLIC_RATE_LIMIT_PER_MINUTE } from '../config';
import type { Services } from '../context';
import { showcaseEntries } from '../db/schema';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { errors } from '../http/responses';
import { authorize } from '../policy/policy';
import { eq } from 'drizzle-orm';
import { createConference, listConferences } from './conferences';
import { approveShowcase, hideShowcase, ownShowcase, proposeShowcase, publicShowcase, showcaseDtos } from './showcase';

const idParams = z.object({ id: z.string().uuid('编号格式不正确') });
const PUBLIC_TAG = ['宣传推广（公开）'];
const TAG = ['宣传推广'];

export function registerPromotionRoutes(app: FastifyInstance, services: Services, opts: { publicRateLimitPerMinute?: number } = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const PUBLIC_READ = { rateLimit: { max: opts.publicRateLimitPerMinute ?? PUBLIC_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
  const one = async (id: string) => (await showcaseDtos(db, eq(showcaseEntries.id, id)))[0];

  r.get('/api/public/excellent', { schema: { tags: PUBLIC_TAG, summary: '优秀成果展示（已审核公开的）', response: { 200: z.object({ items: z.array(publicShowcaseSchema) }) } }, config: PUBLIC_READ }, async () => ({ items: await publicShowcase(db) }));

  r.get('/api/public/excellent/:id', { schema: { tags: PUBLIC_TAG, summary: '优秀成果详情', params: idParams, response: { 200: publicShowcaseSchema, 404: errors[404] } }, config: PUBLIC_READ }, async (req) => {
    const [entry] = await publicShowcase(db, req.params.id);
    if (!entry) throw notFound(`showcase ${req.params.id}`, '优秀成果');
    return entry;
  });

  r.get('/api/public/conferences', { schema: { tags: PUBLIC_TAG, summary: '经验交流会', response: { 200: z.object({ items: z.array(conferenceSchema) }) } }, config: PUBLIC_READ }, async () => ({ items: await listConferences(db) }));

  r.get('/api/applicant/showcase', { schema: { tags: TAG, summary: '本单位优秀成果的展示内容', response: { 200: z.object({ items: z.array(showcaseEntrySchema) }), ...errors } } }, async (req) => ({ items: await ownShowcase(db, authedContext(services, req).actor) }));

  r.post('/api/applicant/showcase/:id/propose', { schema: { tags: TAG, summary: '提交展示内容（经市市场监管委审核后公开）', params: idParams, body: proposeShowcaseRequestSchema, response: { 200: showcaseEntrySchema, ...errors } } }, async (req) => {
    await proposeShowcase(authedContext(services, req), req.params.id, req.body);
    return one(req.params.id);
  });

  r.get('/api/commission/showcase', { schema: { tags: TAG, summary: '优秀成果展示内容（全部状态）', response: { 200: z.object({ items: z.array(showcaseEntrySchema) }), ...errors } } }, async (req) => {
    authorize(authedContext(services, req).actor, { kind: 'publicity', action: 'manage' });
    return { items: await showcaseDtos(db) };
  });

  r.post('/api/commission/showcase/:id/approve', { schema: { tags: TAG, summary: '审核通过并公开展示（可修改文字）', params: idParams, body: approveShowcaseRequestSchema, response: { 200: showcaseEntrySchema, ...errors } } }, async (req) => {
    await approveShowcase(authedContext(services, req), req.params.id, req.body);
    return one(req.params.id);
  });

  r.post('/api/commission/showcase/:id/hide', { schema: { tags: TAG, summary: '撤下展示（须填写理由）', params: idParams, body: hideShowcaseRequestSchema, response: { 200: showcaseEntrySchema, ...errors } } }, async (req) => {
    await hideShowcase(authedContext(services, req), req.params.id, req.body);
    return one(req.params.id);
  });

  r.post('/api/commission/conferences', { schema: { tags: TAG, summary: '登记经验交流会（支持 Idempotency-Key）', body: conferenceRequestSchema, response: { 200: conferenceSchema, ...errors } } }, async (req, reply) =>
    withIdempotency(services, req, reply, () => createConference(authedContext(services, req), req.body)),
  );
}
