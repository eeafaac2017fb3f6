/**
 * Publications: the public reading API (/api/public/publications, no login, rate-limited, cached)
 * and the commission's publish API (/api/commission/publications, commission role only).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planStatusSchema, publicationListQuerySchema, publishPlanRequestSchema, publicationSummarySchema } from '../../shared/publications';
import { currentCampaign } from '../campaigns/campaign-repository';
import type { Services } from '../context';
import { contentDisposition } from '../http/responses';
import { MIME } from '../files/sniff';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { authorize } from '../policy/policy';
import { errors } from '../http/responses';
import { approvedPlanRows, defaultPlanTitle, publicRow } from './plan-rows';
import { publicationCache, type CachedAnswer } from './public-cache';
import { renderPublicationPdf, renderPublicationXlsx, publicationFileName } from './publication-files';
import { listPublications, loadSeries, publicationDetail } from './publication-repository';
import { publishPlan } from './publish-plan';
import { PUBLIC_RATE_LIMIT_PER_MINUTE } from '../config';

const PUBLIC_TAG = ['公开发布（公开）'];
const TAG = ['公开发布（市市场监管委）'];
/** The same allowance as the other public reading routes. */
const idParams = z.object({ id: z.string().uuid() });
const JSON_CACHE = 'public, max-age=60';
const FILE_CACHE = 'public, max-age=31536000, immutable';

function sendCached(req: FastifyRequest, reply: FastifyReply, a: CachedAnswer, cacheControl: string, type: string) {
  reply.header('ETag', a.etag).header('Cache-Control', cacheControl);
  if (req.headers['if-none-match'] === a.etag) return reply.code(304).send();
  return reply.type(type).send(a.body);
}

export function registerPublicationRoutes(app: FastifyInstance, services: Services, opts: { publicRateLimitPerMinute?: number } = {}) {
  const PUBLIC_RATE = { rateLimit: { max: opts.publicRateLimitPerMinute ?? PUBLIC_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const now = () => services.clock.now().getTime();
  const cache = publicationCache(services.database);

  r.get('/api/public/publications', { schema: { tags: PUBLIC_TAG, summary: '公开发布列表（按年度；含已更正的历史版本）', querystring: publicationListQuerySchema }, config: PUBLIC_RATE }, async (req, reply) => {
    const { year, kind } = req.query;
    const a = await cache.json(`list:${year ?? ''}:${kind ?? ''}`, now(), async () => {
      const all = await listPublications(db);
      const years = [...new Set(all.map((p) => p.year))].sort((x, y) => y - x);
      return { years, items: all.filter((p) => (!year || p.year === year) && (!kind || p.kind === kind)) };
    });
    return sendCached(req, reply, a, JSON_CACHE, 'application/json; charset=utf-8');
  });

  r.get('/api/public/publications/:id', { schema: { tags: PUBLIC_TAG, summary: '公开发布详情（某一版本的全部条目）', params: idParams, response: { 404: errors[404] } }, config: PUBLIC_RATE }, async (req, reply) => {
    const a = await cache.json(`detail:${req.params.id}`, now(), () => publicationDetail(db, req.params.id));
    return sendCached(req, reply, a, JSON_CACHE, 'application/json; charset=utf-8');
  });

  for (const ext of ['pdf', 'xlsx'] as const) {
    r.get(
      `/api/public/publications/:id/file.${ext}`,
      { schema: { tags: PUBLIC_TAG, summary: ext === 'pdf' ? '下载公开发布文件（PDF）' : '下载公开发布文件（Excel）', params: idParams, response: { 404: errors[404] } }, config: PUBLIC_RATE },
      async (req, reply) => {
        const a = await cache.file(`${ext}:${req.params.id}`, now(), async () => {
          const detail = await publicationDetail(db, req.params.id);
          return { body: await (ext === 'pdf' ? renderPublicationPdf(detail) : renderPublicationXlsx(detail)), name: publicationFileName(detail, ext) };
        });
        reply.header('Content-Disposition', contentDisposition(a.name!));
        return sendCached(req, reply, a, FILE_CACHE, ext === 'pdf' ? 'application/pdf' : MIME.xlsx);
      },
    );
  }

  r.get('/api/commission/publications/plan', { schema: { tags: TAG, summary: '立项计划公布：已发布版本与待发布名单预览', response: { 200: planStatusSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'publication', action: 'publish' });
    const campaign = await currentCampaign(db, ctx.clock.now());
    const [series, rows, all] = await Promise.all([loadSeries(db, campaign.id, 'project_plan'), approvedPlanRows(db, campaign), listPublications(db)]);
    return {
      campaignId: campaign.id,
      year: campaign.year,
      latestVersion: series[0]?.version ?? 0,
      versions: all.filter((p) => p.kind === 'project_plan' && p.year === campaign.year),
      preview: rows.map(publicRow),
      suggestedTitle: defaultPlanTitle(campaign.year),
    };
  });

  r.post(
    '/api/commission/publications/plan',
    { schema: { tags: TAG, summary: '发布（或更正）立项计划：生成新的不可修改版本并通知申报单位和推荐单位（支持 Idempotency-Key）', body: publishPlanRequestSchema, response: { 200: publicationSummarySchema, ...errors } } },
    async (req, reply) =>
      withIdempotency(services, req, reply, async () => {
        const row = await publishPlan(authedContext(services, req), req.body);
        const all = await listPublications(db);
        return all.find((p) => p.id === row.id)!;
      }),
  );
}
