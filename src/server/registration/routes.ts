import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { categoryVerdict, validateUscc, type UsccResult } from '../../domain/uscc';
import { apiErrorSchema } from '../../shared/api-error';
import {
  applicantOrganisationSchema,
  recognitionDecisionRequestSchema,
  recognitionEvidenceRequestSchema,
  recognitionQueueItemSchema,
  recognitionQueueResponseSchema,
  RECOMMENDER_SUBTYPE_LABELS,
  RECOMMENDER_SUBTYPES,
  recommenderListResponseSchema,
  registerRequestSchema,
  registerResponseSchema,
  usccCheckResponseSchema,
} from '../../shared/applications';
import { AppError } from '../app-error';
import { setSessionCookies } from '../auth/routes';
import type { Services } from '../context';
import { files, organisations } from '../db/schema';
import { contentDisposition } from '../http/responses';
import { authedContext, commandContext } from '../http/request-context';
import { applicantOrganisationDto, decideRecognition, organisationForRecognition, ownOrganisation, recognitionQueue, submitRecognitionEvidence } from './recognition';
import { defaultRecommenderFor, registerApplicant } from './register';
import { errorsWith } from '../http/responses';

const errors = errorsWith(429);
const TAG = '单位注册';

export function registerRegistrationRoutes(app: FastifyInstance, services: Services, opts: { cookieSecure: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  r.post(
    '/api/public/register',
    {
      schema: {
        tags: [TAG],
        summary: '申报单位注册（单位 + 首个账号，注册后自动登录）',
        description: '统一社会信用代码须通过 GB 32100-2015 校验；非天津市注册的仅限行业质量管理专业组织（须上传认可证明并经推荐单位确认）。',
        body: registerRequestSchema,
        response: { 200: registerResponseSchema, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const res = await registerApplicant(commandContext(services, req), { ...req.body, userAgent: req.headers['user-agent'] });
      setSessionCookies(reply, opts.cookieSecure, res.session.token, res.session.csrfToken);
      return {
        user: { id: res.user.id, username: res.user.username, displayName: res.user.displayName, role: 'applicant' as const },
        organisation: await applicantOrganisationDto(db, res.org),
        notices: res.notices,
      };
    },
  );

  r.get(
    '/api/public/uscc/:code',
    {
      schema: { tags: [TAG], summary: '校验统一社会信用代码（逐位提示错误）', params: z.object({ code: z.string().max(60) }), response: { 200: usccCheckResponseSchema, 429: apiErrorSchema } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => {
      const v = validateUscc(req.params.code);
      const rec = v.valid && v.tianjin ? await defaultRecommenderFor(db, v.divisionCode) : null;
      return {
        valid: v.valid,
        normalized: v.normalized,
        tianjin: v.tianjin,
        divisionCode: v.divisionCode,
        district: v.district,
        defaultRecommender: rec ?? undefined,
        errors: v.errors.map((e) => ({ message: e.message, position: e.position })),
        ...usccCategoryFields(v),
      };
    },
  );

  r.get(
    '/api/public/recommenders',
    {
      schema: {
        tags: [TAG],
        summary: '推荐单位列表（注册和申报时选择）',
        querystring: z.object({ uscc: z.string().max(60).optional() }),
        response: { 200: recommenderListResponseSchema },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req) => {
      const rows = await db
        .select()
        .from(organisations)
        .where(and(eq(organisations.kind, 'recommender'), eq(organisations.active, true)))
        .orderBy(asc(organisations.subtype), asc(organisations.divisionCode), asc(organisations.name));
      let defaultRecommenderId: string | null = null;
      if (req.query.uscc) {
        const v = validateUscc(req.query.uscc);
        if (v.valid && v.tianjin) defaultRecommenderId = (await defaultRecommenderFor(db, v.divisionCode))?.id ?? null;
      }
      return {
        items: rows
          .filter((o) => (RECOMMENDER_SUBTYPES as readonly string[]).includes(o.subtype ?? ''))
          .map((o) => {
            const subtype = o.subtype as (typeof RECOMMENDER_SUBTYPES)[number];
            return { id: o.id, name: o.name, subtype, subtypeLabel: RECOMMENDER_SUBTYPE_LABELS[subtype], district: o.district };
          }),
        defaultRecommenderId,
      };
    },
  );

  r.get('/api/applicant/organisation', { schema: { tags: [TAG], summary: '本单位注册信息与认可状态', response: { 200: applicantOrganisationSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    return applicantOrganisationDto(db, await ownOrganisation(db, ctx.actor));
  });

  r.post(
    '/api/applicant/organisation/recognition',
    {
      schema: {
        tags: [TAG],
        summary: '上传行业主管部门认可证明（先 POST /api/files?purpose=org_recognition 上传文件）',
        body: recognitionEvidenceRequestSchema,
        response: { 200: applicantOrganisationSchema, ...errors },
      },
    },
    async (req) => submitRecognitionEvidence(authedContext(services, req), req.body),
  );

  r.get('/api/recommender/recognitions', { schema: { tags: [TAG], summary: '待本推荐单位确认认可的行业组织', response: { 200: recognitionQueueResponseSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    return { items: await recognitionQueue(db, ctx.actor) };
  });

  r.get(
    '/api/recommender/organisations/:id/recognition/evidence',
    { schema: { tags: [TAG], summary: '下载行业组织的认可证明', params: z.object({ id: z.string().uuid() }) } },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      const org = await organisationForRecognition(db, ctx.actor, req.params.id);
      const [file] = org.recognitionFileId ? await db.select().from(files).where(eq(files.id, org.recognitionFileId)) : [];
      if (!file) throw new AppError('not_found', 'no evidence', '该单位尚未上传认可证明');
      reply.header('Content-Disposition', contentDisposition(file.originalName));
      reply.type(file.mime);
      return reply.send(await services.files.stream(file.storageKey));
    },
  );

  r.post(
    '/api/recommender/organisations/:id/recognition',
    {
      // 404 before body validation for an organisation that is not this recommender's.
      preValidation: async (req) => {
        const id = (req.params as { id?: unknown }).id;
        if (req.actor && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) await organisationForRecognition(db, req.actor, id);
      },
      schema: {
        tags: [TAG],
        summary: '确认或不予确认行业组织的认可',
        params: z.object({ id: z.string().uuid() }),
        body: recognitionDecisionRequestSchema,
        response: { 200: recognitionQueueItemSchema, ...errors },
      },
    },
    async (req) => decideRecognition(authedContext(services, req), { organisationId: req.params.id, ...req.body }),
  );
}

/** Category and former-division facts of a valid code, for the registration form's live check. */
function usccCategoryFields(v: UsccResult) {
  if (!v.valid) return {};
  const verdict = categoryVerdict(v.normalized);
  const r = v.retiredDivision;
  return {
    categoryName: verdict.categoryName,
    categoryRefusal: verdict.admitted ? undefined : verdict.message,
    formerDivision: r ? `${r.name}（${r.until}年撤销，今属${v.district}）` : undefined,
  };
}
