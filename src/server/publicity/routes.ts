/**
 * 公示公布 (程序八): the commission's API (/api/commission/publicity) and the public 公示 pages with
 * the objection form (/api/public/publicity: no login, rate-limited). Objector identity is only in
 * the commission's objection DTOs.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { objectionDeadline, publicityPhase, suggestedOpeningDay } from '../../domain/publicity';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { ObjectionOutcome, ObjectionState, ObjectorKind } from '../../domain/vocabularies';
import type { CampaignConfig } from '../../domain/campaign-config';
import {
  assignObjectionRequestSchema,
  concludeObjectionRequestSchema,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_STATE_LABELS,
  objectionDtoSchema,
  objectionReceiptSchema,
  objectionRequestSchema,
  OBJECTOR_KIND_LABELS,
  openPublicityRequestSchema,
  publicityOverviewSchema,
  publicityWindowSchema,
  publicPublicityListSchema,
  publicPublicitySchema,
  publishRecognitionRequestSchema,
  revokeRecognitionRequestSchema,
  declineRecognitionRequestSchema,
  type ObjectionDto,
} from '../../shared/publicity';
import { AppError, notFound } from '../app-error';
import { campaignById, campaignForYear, currentCampaign } from '../campaigns/campaign-repository';
import { PUBLIC_RATE_LIMIT_PER_MINUTE } from '../config';
import type { Services } from '../context';
import type { DbOrTx } from '../db/client';
import { files, objections, projects, publicityWindows } from '../db/schema';
import { withIdempotency } from '../http/idempotency';
import { authedContext, commandContext } from '../http/request-context';
import { contentDisposition, errors, errorsWith } from '../http/responses';
import { authorize } from '../policy/policy';
import { assignObjection, concludeObjection } from './handle-objection';
import { openPublicity } from './open-publicity';
import { candidates, levelLabel, loadWindow, projectColumns, windowHeader, projectsWithOutcomes, seriesOf, windowDtos, windowProjectIds, windowsOfCampaign, type PublicityWindowRow } from './publicity-repository';
import { publishRecognition } from './publish-recognition';
import { declineRecognition, revokeRecognition } from './revoke-recognition';
import { receiptNo, storeObjectionEvidence, submitObjection } from './submit-objection';
import { loadSeries } from '../publications/publication-repository';

const TAG = ['公示公布（市市场监管委）'];
const PUBLIC_TAG = ['公示公布（公开）'];
const idParams = z.object({ id: z.string().uuid('编号格式不正确') });
const publicErrors = errorsWith(429);
/** Public writes: the same allowance as registration (per address and minute). */
const PUBLIC_WRITE = { rateLimit: { max: 10, timeWindow: '1 minute' } };

async function objectionDtos(db: DbOrTx, where: ReturnType<typeof and>): Promise<ObjectionDto[]> {
  const rows = await db
    .select({ o: objections, title: publicityWindows.title, projectName: projects.name, fileName: files.originalName })
    .from(objections)
    .innerJoin(publicityWindows, eq(publicityWindows.id, objections.publicityId))
    .leftJoin(projects, eq(projects.id, objections.projectId))
    .leftJoin(files, eq(files.id, objections.evidenceFileId))
    .where(where)
    .orderBy(desc(objections.createdAt));
  return rows.map(({ o, title, projectName, fileName }) => ({
    id: o.id,
    receiptNo: receiptNo(o.id, o.createdAt),
    publicityId: o.publicityId,
    publicityTitle: title,
    projectId: o.projectId,
    projectName: projectName ?? '',
    objectorName: o.objectorName,
    objectorKind: o.objectorKind,
    objectorKindLabel: OBJECTOR_KIND_LABELS[o.objectorKind as ObjectorKind] ?? o.objectorKind,
    contact: o.contact,
    content: o.content,
    evidence: o.evidenceFileId ? { fileId: o.evidenceFileId, name: fileName ?? '佐证材料' } : null,
    state: o.state,
    stateLabel: OBJECTION_STATE_LABELS[o.state as ObjectionState] ?? o.state,
    outcome: o.outcome,
    outcomeLabel: o.outcome ? OBJECTION_OUTCOME_LABELS[o.outcome as ObjectionOutcome] : null,
    assignee: o.assignee,
    reply: o.reply,
    receivedAt: o.createdAt.toISOString(),
    concludedAt: o.concludedAt?.toISOString() ?? null,
    version: o.version,
  }));
}

async function publicView(services: Services, w: PublicityWindowRow) {
  const db = services.database.db;
  const ids = windowProjectIds(w);
  const [rows, campaign, [latest]] = await Promise.all([
    ids.length ? projectsWithOutcomes(db, inArray(projects.id, ids)) : Promise.resolve([]),
    campaignById(db, w.campaignId),
    loadSeries(db, w.campaignId, 'publicity_list', seriesOf(w.id)),
  ]);
  const contact = (campaign.config as CampaignConfig).contact;
  return {
    ...windowHeader(w),
    deadline: objectionDeadline(w.closesOn).toISOString(),
    accepting: (w.state === 'open' || w.state === 'scheduled') && publicityPhase(services.clock.now(), w) === 'open',
    publicationId: latest?.id ?? null,
    rows: rows.map((r, i) => ({ ...projectColumns(r), seq: i + 1, level: levelLabel(r.level) })),
    contact: `${contact.division}，联系人：${contact.people}，电话：${contact.phone}`,
  };
}

export function registerPublicityRoutes(app: FastifyInstance, services: Services, opts: { publicRateLimitPerMinute?: number } = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const PUBLIC_READ = { rateLimit: { max: opts.publicRateLimitPerMinute ?? PUBLIC_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };

  // ---- public ----
  r.get('/api/public/publicity', { schema: { tags: PUBLIC_TAG, summary: '公示列表（公示中与已结束的公示）', response: { 200: publicPublicityListSchema } }, config: PUBLIC_READ }, async () => {
    const rows = await db.select().from(publicityWindows).where(inArray(publicityWindows.state, ['open', 'closed', 'published'])).orderBy(desc(publicityWindows.opensOn)).limit(30);
    const items = await Promise.all(rows.map((w) => publicView(services, w)));
    return { items: items.map(({ rows: listed, ...rest }) => ({ ...rest, projectCount: listed.length })) };
  });

  r.get('/api/public/publicity/:id', { schema: { tags: PUBLIC_TAG, summary: '公示详情（名单与异议受理说明）', params: idParams, response: { 200: publicPublicitySchema, 404: errors[404] } }, config: PUBLIC_READ }, async (req) => {
    const w = await loadWindow(db, req.params.id);
    if (w.state === 'scheduled') throw notFound(`publicity ${w.id} scheduled`, '公示');
    return publicView(services, w);
  });

  r.post(
    '/api/public/publicity/:id/objections',
    {
      schema: { tags: PUBLIC_TAG, summary: '提交异议（实名、书面；逾期或匿名不予受理；异议人身份保密）', params: idParams, body: objectionRequestSchema, response: { 200: objectionReceiptSchema, ...publicErrors } },
      config: PUBLIC_WRITE,
    },
    async (req) => submitObjection(commandContext(services, req), req.params.id, req.body),
  );

  r.post(
    '/api/public/publicity/:id/evidence',
    { schema: { tags: PUBLIC_TAG, summary: '上传异议佐证材料（PDF或图片，multipart 字段 file）', params: idParams, response: { 200: z.object({ id: z.string(), name: z.string() }), ...publicErrors, 413: errors[400], 415: errors[400] } }, config: PUBLIC_WRITE },
    async (req) => {
      if (!req.isMultipart()) throw new AppError('validation', 'not multipart', '请以表单方式上传佐证材料', { fields: { file: '请选择要上传的佐证材料' } });
      // The body is read before the window is looked up: a malformed upload answers 400 whatever the id.
      const maxBytes = Math.min(((await currentCampaign(db, services.clock.now())).config as CampaignConfig).files?.maxBytes ?? 20 * 1024 * 1024, 20 * 1024 * 1024);
      const part = await req.file({ limits: { fileSize: maxBytes } });
      if (!part) throw new AppError('validation', 'no file', '请选择要上传的佐证材料', { fields: { file: '请选择要上传的佐证材料' } });
      return storeObjectionEvidence(commandContext(services, req), req.params.id, { stream: part.file, fileName: part.filename, maxBytes });
    },
  );

  // ---- commission ----
  r.get(
    '/api/commission/publicity',
    { schema: { tags: TAG, summary: '公示公布：可列入公示的项目（已评定且结论已采纳）与各次公示', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: publicityOverviewSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
      const campaign = await campaignForYear(db, req.query.year, ctx.clock.now());
      const [cands, windows] = await Promise.all([candidates(db, campaign.id), windowsOfCampaign(db, campaign.id)]);
      const config = campaign.config as CampaignConfig;
      const suggestedOpensOn = suggestedOpeningDay(shanghaiDateString(ctx.clock.now()), config.calendar);
      return { year: campaign.year, workingDays: config.publicityWorkingDays ?? 5, suggestedOpensOn, candidates: cands, windows: await windowDtos(db, windows) };
    },
  );

  r.post(
    '/api/commission/publicity/windows',
    { schema: { tags: TAG, summary: '确定公示名单并发布公示（按节假日日历计算公示期；支持 Idempotency-Key）', body: openPublicityRequestSchema, response: { 200: publicityWindowSchema, ...errors } } },
    async (req, reply) =>
      withIdempotency(services, req, reply, async () => {
        const w = await openPublicity(authedContext(services, req), req.body);
        return (await windowDtos(db, [w]))[0];
      }),
  );

  r.get('/api/commission/publicity/windows/:id', { schema: { tags: TAG, summary: '一次公示的详情', params: idParams, response: { 200: publicityWindowSchema, ...errors } } }, async (req) => {
    authorize(authedContext(services, req).actor, { kind: 'publicity', action: 'manage' });
    return (await windowDtos(db, [await loadWindow(db, req.params.id)]))[0];
  });

  r.post(
    '/api/commission/publicity/windows/:id/publish',
    { schema: { tags: TAG, summary: '公布认定结果（公示期满且异议均已办结；支持 Idempotency-Key）', params: idParams, body: publishRecognitionRequestSchema, response: { 200: publicityWindowSchema, ...errors } } },
    async (req, reply) =>
      withIdempotency(services, req, reply, async () => {
        await publishRecognition(authedContext(services, req), req.params.id, req.body);
        return (await windowDtos(db, [await loadWindow(db, req.params.id)]))[0];
      }),
  );

  r.get(
    '/api/commission/publicity/objections',
    { schema: { tags: TAG, summary: '异议列表（含异议人身份，仅市市场监管委可见）', querystring: z.object({ publicityId: z.string().uuid('公示编号格式不正确').optional() }), response: { 200: z.object({ items: z.array(objectionDtoSchema) }), ...errors } } },
    async (req) => {
      authorize(authedContext(services, req).actor, { kind: 'publicity', action: 'manage' });
      return { items: await objectionDtos(db, req.query.publicityId ? and(eq(objections.publicityId, req.query.publicityId)) : undefined) };
    },
  );

  r.post('/api/commission/publicity/objections/:id/assign', { schema: { tags: TAG, summary: '指派调查核实', params: idParams, body: assignObjectionRequestSchema, response: { 200: objectionDtoSchema, ...errors } } }, async (req) => {
    await assignObjection(authedContext(services, req), req.params.id, req.body);
    return (await objectionDtos(db, and(eq(objections.id, req.params.id))))[0];
  });

  r.post('/api/commission/publicity/objections/:id/conclude', { schema: { tags: TAG, summary: '异议处理结论与答复（成立则项目退出公示并更正名单）', params: idParams, body: concludeObjectionRequestSchema, response: { 200: objectionDtoSchema, ...errors } } }, async (req) => {
    await concludeObjection(authedContext(services, req), req.params.id, req.body);
    return (await objectionDtos(db, and(eq(objections.id, req.params.id))))[0];
  });

  r.get('/api/commission/publicity/objections/:id/evidence', { schema: { tags: TAG, summary: '下载异议佐证材料', params: idParams } }, async (req, reply) => {
    authorize(authedContext(services, req).actor, { kind: 'publicity', action: 'manage' });
    const [row] = await db.select({ f: files }).from(objections).innerJoin(files, eq(files.id, objections.evidenceFileId)).where(eq(objections.id, req.params.id));
    if (!row) throw notFound(`objection evidence ${req.params.id}`, '佐证材料');
    reply.header('Content-Disposition', contentDisposition(row.f.originalName));
    return reply.type(row.f.mime).send(await services.files.stream(row.f.storageKey));
  });

  r.post('/api/commission/publicity/projects/:id/revoke', { schema: { tags: TAG, summary: '撤销优秀成果认定（须填写理由；已发证书随之作废）', params: idParams, body: revokeRecognitionRequestSchema, response: { 200: z.object({ state: z.string(), version: z.number().int(), voided: z.number().int() }), ...errors } } }, async (req) => {
    const res = await revokeRecognition(authedContext(services, req), req.params.id, req.body);
    return { state: res.project.state, version: res.project.version, voided: res.voided };
  });

  r.post('/api/commission/publicity/projects/:id/decline', { schema: { tags: TAG, summary: '不予认定（已评定项目不列入公示，项目结束；须填写理由）', params: idParams, body: declineRecognitionRequestSchema, response: { 200: z.object({ state: z.string(), version: z.number().int() }), ...errors } } }, async (req) => {
    const p = await declineRecognition(authedContext(services, req), req.params.id, req.body);
    return { state: p.state, version: p.version };
  });
}
