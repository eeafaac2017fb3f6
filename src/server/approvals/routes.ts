/**
 * 立项审核 routes (commission). Under /api/commission/ so the route guard refuses every other role
 * (403); a project the commission may not know (a draft, a missing id) answers 404.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvalFilterSchema,
  approvalListSchema,
  approvalQuerySchema,
  approveRequestSchema,
  bulkApproveRequestSchema,
  bulkDecisionResultSchema,
  bulkRejectRequestSchema,
  decisionResultSchema,
  rejectRequestSchema,
} from '../../shared/approvals';
import { writeAudit } from '../audit/write-audit';
import { campaignForYear } from '../campaigns/campaign-repository';
import type { Services } from '../context';
import { MIME } from '../files/sniff';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { projectVisibleGuard } from '../policy/project-visibility';
import { approveProject } from './approve-project';
import { approveProjects } from './approve-projects';
import { exportApprovalRows, findApprovals, renderApprovalsXlsx } from './find-approvals';
import { decisionResult, decisionsStatus } from './decision-support';
import { requireCommission } from '../policy/role-guards';
import { rejectProject } from './reject-project';
import { rejectProjects } from './reject-projects';
import { errors, sendDownload } from '../http/responses';

const idParams = z.object({ id: z.string().uuid() });
const TAG = ['立项审核（市市场监管委）'];

export function registerApprovalRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const visible = projectVisibleGuard(db);

  r.get(
    '/api/commission/approvals',
    { schema: { tags: TAG, summary: '立项审核项目列表（本年度：待审核、已立项、未立项）', querystring: approvalQuerySchema, response: { 200: approvalListSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      requireCommission(ctx.actor);
      const campaign = await campaignForYear(db, req.query.year, ctx.clock.now());
      const list = await findApprovals(db, ctx.actor, campaign, req.query);
      const s = decisionsStatus(campaign, ctx.clock.now());
      return { ...list, decisions: { open: s.open, opensAt: s.opensAt.toISOString(), message: s.message } };
    },
  );

  r.get(
    '/api/commission/approvals/export.xlsx',
    { schema: { tags: TAG, summary: '导出筛选后的立项审核项目列表（Excel）', querystring: approvalFilterSchema } },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      requireCommission(ctx.actor);
      const campaign = await campaignForYear(db, req.query.year, ctx.clock.now());
      const items = await exportApprovalRows(db, ctx.actor, campaign, req.query);
      const data = await renderApprovalsXlsx(items);
      await db.transaction(async (tx) => writeAudit(tx, ctx, { entity: 'project', action: 'export_approvals', summary: { filters: req.query, rows: items.length } }));
      return sendDownload(reply, data, `${campaign.year}年质量攻关立项审核项目列表.xlsx`, MIME.xlsx);
    },
  );

  r.post(
    '/api/commission/approvals/bulk-approve',
    { schema: { tags: TAG, summary: '批量立项（全部成功或全部不执行；支持 Idempotency-Key）', body: bulkApproveRequestSchema, response: { 200: bulkDecisionResultSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, async () => ({ items: (await approveProjects(authedContext(services, req), req.body)).map(decisionResult) })),
  );

  r.post(
    '/api/commission/approvals/bulk-reject',
    { schema: { tags: TAG, summary: '批量不予立项（同一原因；全部成功或全部不执行；支持 Idempotency-Key）', body: bulkRejectRequestSchema, response: { 200: bulkDecisionResultSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, async () => ({ items: (await rejectProjects(authedContext(services, req), req.body)).map(decisionResult) })),
  );

  r.post(
    '/api/commission/approvals/:id/approve',
    { ...visible, schema: { tags: TAG, summary: '立项（分配立项编号；支持 Idempotency-Key）', params: idParams, body: approveRequestSchema, response: { 200: decisionResultSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, async () => decisionResult(await approveProject(authedContext(services, req), { id: req.params.id, ...req.body }))),
  );

  r.post(
    '/api/commission/approvals/:id/reject',
    { ...visible, schema: { tags: TAG, summary: '不予立项（原因必填；支持 Idempotency-Key）', params: idParams, body: rejectRequestSchema, response: { 200: decisionResultSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, async () => decisionResult(await rejectProject(authedContext(services, req), { id: req.params.id, ...req.body }))),
  );
}
