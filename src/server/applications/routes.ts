/**
 * 程序一 项目申报 — applicant side of the 申报书, plus the commission's historical-results import.
 * Thin: zod schema → authedContext → command → DTO. Schemas live in src/shared/applications.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import {
  applicationCheckSchema,
  applicationDetailSchema,
  applicationListQuerySchema,
  applicationListResponseSchema,
  applicationStateResponseSchema,
  applicationVersionSchema,
  createApplicationRequestSchema,
  duplicateCheckSchema,
  HISTORY_KINDS,
  historyImportResponseSchema,
  historyListQuerySchema,
  historyListResponseSchema,
  saveDraftRequestSchema,
  saveDraftResponseSchema,
  staleDraftResponseSchema,
  submitApplicationRequestSchema,
  submitApplicationResponseSchema,
  versionRequestSchema,
} from '../../shared/applications';
import { okSchema } from '../../shared/auth';
import type { CampaignConfig } from '../../domain/campaign-config';
import { AppError, notFound } from '../app-error';
import { campaignById, currentCampaign } from '../campaigns/campaign-repository';
import type { Services } from '../context';
import { projectVersions } from '../db/schema';
import { contentDisposition } from '../http/responses';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { authorize } from '../policy/policy';

import { projectVisibleGuard } from '../policy/project-visibility';
import { registerRegistrationRoutes } from '../registration/routes';
import { applicationDetail } from './application-detail';
import { auditPersonalDataView, unmaskedFormPhones } from '../audit/personal-data';
import { formForViewer, isOwnApplicant, maskForm, parseForm } from './application-repository';
import { loadProjectFor } from '../projects/load-project';
import { runApplicationChecks } from './check-application';
import { createApplication } from './create-application';
import { deleteApplication } from './delete-application';
import { findDuplicates } from './duplicate-index';
import { exportApplication, type ExportFormat } from './export-application';
import { historyTemplateXlsx, importHistory } from './import-history';
import { reopenApplication } from './reopen-application';
import { saveDraft } from './save-draft';
import { submitApplication } from './submit-application';
import { withdrawApplication } from './withdraw-application';
import { findApplications } from './find-applications';
import { findHistoricalResults } from './find-historical-results';
import { errors } from '../http/responses';

const TAG = '项目申报';
const HISTORY_TAG = '历年成果';
const idParams = z.object({ id: z.string().uuid() });
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Registers issue 4's routes: registration (src/server/registration) and applications. */
export function registerApplicationAreaRoutes(app: FastifyInstance, services: Services, opts: { cookieSecure: boolean }) {
  registerRegistrationRoutes(app, services, opts);
  registerApplicationRoutes(app, services);
  registerHistoryRoutes(app, services);
}

export function registerApplicationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  const visible = projectVisibleGuard(db);

  r.post(
    '/api/applications',
    { schema: { tags: [TAG], summary: '新建申报书草稿（自动带入单位信息和默认推荐单位）', body: createApplicationRequestSchema, response: { 200: applicationDetailSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      const row = await createApplication(ctx, req.body);
      return applicationDetail(db, ctx.actor, row.id, services.clock.now());
    },
  );

  r.get(
    '/api/applications',
    { schema: { tags: [TAG], summary: '申报书列表（按角色范围：申报单位看本单位，推荐单位看报给本单位的）', querystring: applicationListQuerySchema, response: { 200: applicationListResponseSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      return findApplications(db, ctx.actor, req.query);
    },
  );

  r.get(
    '/api/applications/:id',
    { ...visible, schema: { tags: [TAG], summary: '申报书详情（表单、状态、可执行操作、退回意见、历史版本、雷同与申报条件检查）', params: idParams, response: { 200: applicationDetailSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      const detail = await applicationDetail(db, ctx.actor, req.params.id, services.clock.now());
      // Applicants only ever see their own; anyone else seeing the phones in full leaves a trace.
      if (ctx.actor.role !== 'applicant') {
        await auditPersonalDataView(ctx, { entity: 'project', entityId: detail.id, view: '申报书详情', fields: unmaskedFormPhones(detail.form) });
      }
      return detail;
    },
  );

  r.put(
    '/api/applications/:id/draft',
    {
      ...visible,
      schema: {
        tags: [TAG],
        summary: '保存草稿（自动保存；只校验格式，不校验完整性）',
        description: '版本号过期时返回 409 stale_version，`current` 为服务器上的最新内容，供合并。',
        params: idParams,
        body: saveDraftRequestSchema,
        response: { 200: saveDraftResponseSchema, ...errors, 409: z.union([staleDraftResponseSchema, apiErrorSchema]) },
      },
    },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      try {
        return await saveDraft(ctx, { id: req.params.id, ...req.body });
      } catch (err) {
        if (err instanceof AppError && err.code === 'stale_version' && err.details) {
          return reply.status(409).send({ code: 'stale_version' as const, message: err.userMessage, requestId: String(req.id), current: err.details as z.infer<typeof staleDraftResponseSchema>['current'] });
        }
        throw err;
      }
    },
  );

  r.post(
    '/api/applications/:id/check',
    { ...visible, schema: { tags: [TAG], summary: '提交前检查（不提交）：字段、申报条件、项目名称规范、雷同、申报期限', params: idParams, response: { 200: applicationCheckSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      const row = await loadProjectFor(db, ctx.actor, 'submit', req.params.id);
      const campaign = await campaignById(db, row.campaignId);
      const { blockingFields: _b, storedMatches: _s, ...check } = await runApplicationChecks(db, {
        campaign,
        row,
        form: parseForm(row.form),
        viewer: { redactOtherApplications: true },
        now: services.clock.now(),
      });
      return check;
    },
  );

  r.post(
    '/api/applications/:id/duplicates',
    { ...visible, schema: { tags: [TAG], summary: '雷同检查：与历年成果和本年度其他申报比对，返回相似度和重合片段', params: idParams, response: { 200: duplicateCheckSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      const row = await loadProjectFor(db, ctx.actor, 'read', req.params.id);
      const campaign = await campaignById(db, row.campaignId);
      const { form } = await formForViewer(db, ctx.actor, row);
      const { stored: _s, ...res } = await findDuplicates(db, {
        campaignId: campaign.id,
        config: campaign.config as CampaignConfig,
        projectId: row.id,
        form,
        viewer: { redactOtherApplications: ctx.actor.role === 'applicant' },
      });
      return res;
    },
  );

  r.post(
    '/api/applications/:id/submit',
    {
      ...visible,
      schema: {
        tags: [TAG],
        summary: '提交申报（支持 Idempotency-Key 请求头，重复请求只提交一次）',
        params: idParams,
        body: submitApplicationRequestSchema,
        response: { 200: submitApplicationResponseSchema, ...errors },
      },
    },
    async (req, reply) => withIdempotency(services, req, reply, () => submitApplication(authedContext(services, req), { id: req.params.id, version: req.body.version })),
  );

  r.post(
    '/api/applications/:id/withdraw',
    { ...visible, schema: { tags: [TAG], summary: '撤回申报（推荐单位尚未审核时）', params: idParams, body: versionRequestSchema, response: { 200: applicationStateResponseSchema, ...errors } } },
    async (req) => withdrawApplication(authedContext(services, req), { id: req.params.id, version: req.body.version }),
  );

  r.post(
    '/api/applications/:id/reopen',
    { ...visible, schema: { tags: [TAG], summary: '撤回后重新编辑（申报期内）', params: idParams, body: versionRequestSchema, response: { 200: applicationStateResponseSchema, ...errors } } },
    async (req) => reopenApplication(authedContext(services, req), { id: req.params.id, version: req.body.version }),
  );

  r.delete('/api/applications/:id', { ...visible, schema: { tags: [TAG], summary: '删除从未提交过的草稿', params: idParams, response: { 200: okSchema, ...errors } } }, async (req) => {
    await deleteApplication(authedContext(services, req), { id: req.params.id });
    return { ok: true as const };
  });

  r.get(
    '/api/applications/:id/versions/:n',
    {
      ...visible,
      schema: {
        tags: [TAG],
        summary: '历史提交版本的申报书',
        params: z.object({ id: z.string().uuid(), n: z.coerce.number().int().min(1) }),
        response: { 200: applicationVersionSchema, ...errors },
      },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      const row = await loadProjectFor(db, ctx.actor, 'read', req.params.id);
      const [v] = await db
        .select()
        .from(projectVersions)
        .where(and(eq(projectVersions.projectId, row.id), eq(projectVersions.versionNo, req.params.n)));
      if (!v) throw notFound(`version ${req.params.n}`, `第${req.params.n}版申报书`);
      const own = isOwnApplicant(ctx.actor, row);
      const form = parseForm(v.form);
      if (!own) await auditPersonalDataView(ctx, { entity: 'project', entityId: row.id, view: `第${v.versionNo}版申报书`, fields: unmaskedFormPhones(form) });
      return { id: row.id, versionNo: v.versionNo, submittedAt: v.submittedAt.toISOString(), form: own ? form : maskForm(form), idNumbersMasked: !own };
    },
  );

  for (const format of ['docx', 'pdf'] as const satisfies readonly ExportFormat[]) {
    r.get(
      `/api/applications/:id/export.${format}`,
      { ...visible, schema: { tags: [TAG], summary: `导出申报书（${format === 'docx' ? 'Word' : 'PDF'}，身份证号脱敏）`, params: idParams } },
      async (req, reply) => {
        const out = await exportApplication(authedContext(services, req), { id: req.params.id, format });
        reply.header('Content-Disposition', contentDisposition(out.fileName));
        reply.type(out.mime);
        return reply.send(out.body);
      },
    );
  }
}

export function registerHistoryRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  r.get('/api/commission/history/template.xlsx', { schema: { tags: [HISTORY_TAG], summary: '下载历年成果导入模板（Excel）' } }, async (req, reply) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'campaign', action: 'update' });
    reply.header('Content-Disposition', contentDisposition('历年成果导入模板.xlsx'));
    reply.type(XLSX_MIME);
    return reply.send(await historyTemplateXlsx());
  });

  r.post(
    '/api/commission/history/import',
    {
      schema: {
        tags: [HISTORY_TAG],
        summary: '导入历年成果（multipart，字段 file；任一行有误则整份不导入）',
        querystring: z.object({ kind: z.enum(HISTORY_KINDS).default('excellent_result') }),
        response: { 200: historyImportResponseSchema, ...errors, 413: apiErrorSchema, 415: apiErrorSchema },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'campaign', action: 'update' });
      if (!req.isMultipart()) throw new AppError('validation', 'not multipart', '请以表单方式上传 Excel 文件', { fields: { file: '请选择要导入的 Excel 文件' } });
      const part = await req.file({ limits: { fileSize: 20 * 1024 * 1024 } });
      if (!part) throw new AppError('validation', 'no file', '请选择要导入的 Excel 文件', { fields: { file: '请选择要导入的 Excel 文件' } });
      const data = await part.toBuffer();
      const campaign = await currentCampaign(db, services.clock.now());
      return importHistory(ctx, { data, fileName: part.filename, kind: req.query.kind, maxYear: campaign.year - 1 });
    },
  );

  r.get(
    '/api/commission/history',
    { schema: { tags: [HISTORY_TAG], summary: '历年成果列表', querystring: historyListQuerySchema, response: { 200: historyListResponseSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'campaign', action: 'update' });
      return findHistoricalResults(db, req.query);
    },
  );
}
