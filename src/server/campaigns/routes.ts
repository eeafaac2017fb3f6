import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api-error';
import { campaignConfigSchema, campaignOverviewSchema, campaignSchema, campaignYearQuerySchema, campaignYearSchema, WINDOW_KEYS } from '../../domain/campaign-config';
import { windowStatus } from '../../domain/deadlines';
import type { CampaignConfig } from '../../domain/campaign-config';
import type { Services } from '../context';
import { campaigns, organisations, windowReopenings } from '../db/schema';
import { authedContext } from '../http/request-context';
import { authorize } from '../policy/policy';
import { applicationCampaign, campaignById, campaignForYear, currentCampaign, toCampaignDto } from './campaign-repository';
import { campaignOverview } from './campaign-overview';
import { copyCampaign } from './copy-campaign';
import { reopenWindow } from './reopen-window';
import { updateCampaign } from './update-campaign';
import { criteriaLockReason } from './criteria-lock';
import { errors } from '../http/responses';
import { AppError } from '../app-error';
import { holidayCalendarXlsx, importHolidayCalendar } from './import-holiday-calendar';
import { sendDownload } from '../http/responses';
import { XLSX_MIME } from '../documents/list-xlsx';

const idParams = z.object({ id: z.string().uuid() });

const windowStateSchema = z.object({
  key: z.enum(WINDOW_KEYS),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  reason: z.string().optional(),
});

const publicCampaignSchema = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  documentNo: z.string().nullable(),
  directions: campaignConfigSchema.shape.directions,
  focusChains: z.array(z.string()),
  livelihoodIndustries: z.array(z.string()),
  benefitAreas: campaignConfigSchema.shape.benefitAreas,
  earliestStartDate: z.string(),
  windows: z.array(windowStateSchema),
  vetoChecklist: campaignConfigSchema.shape.vetoChecklist,
  namingRules: campaignConfigSchema.shape.namingRules,
  files: campaignConfigSchema.shape.files,
  duplicate: campaignConfigSchema.shape.duplicate,
  contact: campaignConfigSchema.shape.contact,
  serverTime: z.string(),
});

const calendarImportSchema = z.object({
  saved: z.boolean(),
  problems: z.array(z.object({ line: z.number(), message: z.string() })),
  campaign: campaignSchema.optional(),
});

const reopeningSchema = z.object({
  id: z.string(),
  window: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  projectId: z.string().nullable(),
  closesAt: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  revoked: z.boolean(),
});

export function registerCampaignRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Public and unauthenticated: limited per address (issue 7.7); generous, as every page load of an office behind one NAT asks it.
  r.get('/api/public/campaign', { schema: { tags: ['年度活动'], summary: '当前年度活动（公开）', response: { 200: publicCampaignSchema, 404: apiErrorSchema } }, config: { rateLimit: { max: 300, timeWindow: '1 minute' } } }, async () => {
    const now = services.clock.now();
    // The year applicants work in: the one whose application window is open (several years run at once).
    const row = await applicationCampaign(services.database.db, now);
    const c = row.config as CampaignConfig;
    return {
      id: row.id,
      year: row.year,
      title: row.title,
      documentNo: row.documentNo,
      directions: c.directions,
      focusChains: c.focusChains,
      livelihoodIndustries: c.livelihoodIndustries,
      benefitAreas: c.benefitAreas,
      earliestStartDate: c.earliestStartDate,
      windows: WINDOW_KEYS.map((key) => {
        const s = windowStatus(c.windows[key], now);
        return { key, opensAt: c.windows[key].opensAt, closesAt: c.windows[key].closesAt, open: s.open, reason: s.open ? undefined : s.reason };
      }),
      vetoChecklist: c.vetoChecklist,
      namingRules: c.namingRules,
      files: c.files,
      duplicate: c.duplicate,
      contact: c.contact,
      serverTime: now.toISOString(),
    };
  });

  r.get(
    '/api/commission/overview',
    { schema: { tags: ['年度活动'], summary: '年度工作概况（所选年度各环节项目数；year 缺省为当前年度）', querystring: campaignYearQuerySchema, response: { 200: campaignOverviewSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'campaign', action: 'read_overview' });
      return campaignOverview(services.database.db, await campaignForYear(services.database.db, req.query.year, ctx.clock.now()));
    },
  );

  // Every signed-in role selects among the years it has work in; drafts only for the commission that configures them.
  r.get(
    '/api/campaigns/years',
    { schema: { tags: ['年度活动'], summary: '可选年度（年度选择器；current 为缺省年度）', response: { 200: z.object({ items: z.array(campaignYearSchema) }), ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      const db = services.database.db;
      const rows = await db.select().from(campaigns).orderBy(desc(campaigns.year));
      const current = await currentCampaign(db, ctx.clock.now()).catch(() => null);
      const commission = ctx.actor.role === 'commission';
      return {
        items: rows
          .filter((r) => r.status !== 'draft' || commission)
          .map((r) => ({ id: r.id, year: r.year, title: r.title, status: r.status as 'draft' | 'active' | 'archived', current: r.id === current?.id })),
      };
    },
  );

  r.get('/api/campaigns', { schema: { tags: ['年度活动'], summary: '年度活动列表', response: { 200: z.object({ items: z.array(campaignSchema) }), ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'campaign', action: 'update' });
    const rows = await services.database.db.select().from(campaigns).orderBy(desc(campaigns.year));
    return { items: rows.map(toCampaignDto) };
  });

  r.get('/api/campaigns/:id', { schema: { tags: ['年度活动'], summary: '年度活动详情', params: idParams, response: { 200: campaignSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'campaign', action: 'update' });
    return toCampaignDto(await campaignById(services.database.db, req.params.id));
  });

  r.get(
    '/api/campaigns/:id/criteria-lock',
    { schema: { tags: ['年度活动'], summary: '成果评定指标是否已锁定（已有评定组确认）', params: idParams, response: { 200: z.object({ locked: z.boolean(), reason: z.string().nullable() }), ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'campaign', action: 'update' });
      const c = await campaignById(services.database.db, req.params.id);
      const reason = await criteriaLockReason(services.database.db, c.id);
      return { locked: reason !== null, reason };
    },
  );

  r.put(
    '/api/campaigns/:id',
    {
      schema: {
        tags: ['年度活动'],
        summary: '修改年度活动配置',
        params: idParams,
        body: z.object({
          version: z.number().int(),
          title: z.string().trim().min(2).max(100),
          documentNo: z.string().max(50).nullable().optional(),
          status: z.enum(['draft', 'active', 'archived']),
          config: campaignConfigSchema,
        }),
        response: { 200: campaignSchema, ...errors },
      },
    },
    async (req) => updateCampaign(authedContext(services, req), { id: req.params.id, ...req.body }),
  );

  r.post(
    '/api/campaigns/:id/copy',
    {
      schema: { tags: ['年度活动'], summary: '复制为下一年度', params: idParams, body: z.object({ year: z.number().int().min(2020).max(2100) }), response: { 200: campaignSchema, ...errors } },
    },
    async (req) => copyCampaign(authedContext(services, req), { id: req.params.id, year: req.body.year }),
  );

  r.get(
    '/api/campaigns/:id/reopenings',
    { schema: { tags: ['年度活动'], summary: '补报窗口列表', params: idParams, response: { 200: z.object({ items: z.array(reopeningSchema) }), ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'campaign', action: 'reopen_window' });
      const rows = await services.database.db
        .select({ r: windowReopenings, orgName: organisations.name })
        .from(windowReopenings)
        .leftJoin(organisations, eq(organisations.id, windowReopenings.organisationId))
        .where(eq(windowReopenings.campaignId, req.params.id))
        .orderBy(asc(windowReopenings.createdAt));
      return {
        items: rows.map(({ r: x, orgName }) => ({
          id: x.id,
          window: x.window,
          organisationId: x.organisationId,
          organisationName: orgName,
          projectId: x.projectId,
          closesAt: x.closesAt.toISOString(),
          reason: x.reason,
          createdAt: x.createdAt.toISOString(),
          revoked: !!x.revokedAt,
        })),
      };
    },
  );

  r.post(
    '/api/campaigns/:id/reopenings',
    {
      schema: {
        tags: ['年度活动'],
        summary: '为推荐单位开通补报窗口',
        params: idParams,
        body: z.object({
          window: z.enum(WINDOW_KEYS),
          organisationId: z.string().uuid().optional(),
          projectId: z.string().uuid().optional(),
          closesAt: z.string().min(10).max(40),
          reason: z.string().trim().min(1).max(500),
        }),
        response: { 200: z.object({ id: z.string() }), ...errors },
      },
    },
    async (req) => {
      const row = await reopenWindow(authedContext(services, req), { campaignId: req.params.id, ...req.body });
      return { id: row.id };
    },
  );

  r.put(
    '/api/campaigns/:id/calendar',
    {
      schema: {
        tags: ['年度活动'],
        summary: '粘贴导入节假日日历（每行：日期 节日 休/上班；任一行有误则不保存，逐行列出错误）',
        params: idParams,
        body: z.object({ version: z.number().int(), text: z.string().max(20_000) }),
        response: { 200: calendarImportSchema, ...errors },
      },
    },
    async (req) => importHolidayCalendar(authedContext(services, req), { id: req.params.id, version: req.body.version, text: req.body.text }),
  );

  r.get(
    '/api/campaigns/:id/calendar/template.xlsx',
    { schema: { tags: ['年度活动'], summary: '节假日日历 Excel（当前日历；为空时为示例行），改后可再导入', params: idParams } },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'campaign', action: 'update' });
      const row = await campaignById(services.database.db, req.params.id);
      return sendDownload(reply, await holidayCalendarXlsx(row), `${row.year}年节假日安排.xlsx`, XLSX_MIME);
    },
  );

  r.post(
    '/api/campaigns/:id/calendar/xlsx',
    {
      schema: {
        tags: ['年度活动'],
        summary: 'Excel 导入节假日日历（multipart，字段 file；列：日期|节日|安排）',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 200: calendarImportSchema, ...errors, 413: apiErrorSchema, 415: apiErrorSchema },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'campaign', action: 'update' });
      if (!req.isMultipart()) throw new AppError('validation', 'not multipart', '请以表单方式上传 Excel 文件', { fields: { file: '请选择要导入的 Excel 文件' } });
      const part = await req.file({ limits: { fileSize: 2 * 1024 * 1024 } });
      if (!part) throw new AppError('validation', 'no file', '请选择要导入的 Excel 文件', { fields: { file: '请选择要导入的 Excel 文件' } });
      return importHolidayCalendar(ctx, { id: req.params.id, version: req.query.version, xlsx: await part.toBuffer() });
    },
  );
}
