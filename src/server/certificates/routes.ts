/** 证书发放 (commission) and the applicant's certificate downloads. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { certificateListSchema, certificateOverviewSchema, certificateQuerySchema, certificateRunSchema, certificateSchema, voidCertificateRequestSchema } from '../../shared/certificates';
import { pageQuerySchema } from '../../shared/auth';
import { campaignForYear } from '../campaigns/campaign-repository';
import { campaignYearQuerySchema } from '../../domain/campaign-config';
import type { Services } from '../context';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { authorize } from '../policy/policy';
import { certificateOverview, toCertificateDto, toRunDto } from './certificate-repository';
import { findCertificates } from './find-certificates';
import { certificatePdf, certificatesZip } from './download-certificate';
import { startCertificateRun } from './start-certificate-run';
import { voidCertificate } from './void-certificate';
import { errors, sendDownload } from '../http/responses';

const idParams = z.object({ id: z.string().uuid() });
const TAG = ['证书发放（市市场监管委）'];
const APPLICANT_TAG = ['证书（申报单位）'];

export function registerCertificateRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/commission/certificates/overview', { schema: { tags: TAG, summary: '证书发放概况（所选年度已认定、已发放、待发放，最近一次发放进度；year 缺省为当前年度）', querystring: campaignYearQuerySchema, response: { 200: certificateOverviewSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'certificate', action: 'read' });
    return certificateOverview(ctx.database.db, await campaignForYear(ctx.database.db, req.query.year, ctx.clock.now()));
  });

  r.post(
    '/api/commission/certificates/runs',
    { schema: { tags: TAG, summary: '开始发放证书（所选年度全部已认定且未发证的项目；进行中时返回当前发放）', querystring: campaignYearQuerySchema, response: { 200: certificateRunSchema, ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, async () => toRunDto(await startCertificateRun(authedContext(services, req), req.query.year))),
  );

  r.get('/api/commission/certificates', { schema: { tags: TAG, summary: '本年度证书列表（搜索：证书编号、项目名称、获证单位）', querystring: certificateQuerySchema, response: { 200: certificateListSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'certificate', action: 'read' });
    const campaign = await campaignForYear(ctx.database.db, req.query.year, ctx.clock.now());
    return findCertificates(ctx.database.db, { campaignId: campaign.id, state: req.query.state, q: req.query.q }, req.query);
  });

  r.get('/api/commission/certificates/download.zip', { schema: { tags: TAG, summary: '下载所选年度全部有效证书（zip；year 缺省为当前年度）', querystring: campaignYearQuerySchema } }, async (req, reply) => {
    const { data, fileName } = await certificatesZip(authedContext(services, req), req.query.year);
    return sendDownload(reply, data, fileName, 'application/zip');
  });

  r.get('/api/commission/certificates/:id/download', { schema: { tags: TAG, summary: '下载证书（PDF）', params: idParams } }, async (req, reply) => {
    const { data, fileName } = await certificatePdf(authedContext(services, req), req.params.id);
    return sendDownload(reply, data, fileName, 'application/pdf');
  });

  r.post(
    '/api/commission/certificates/:id/void',
    { schema: { tags: TAG, summary: '作废证书（须填写原因；重新发放时使用新编号）', params: idParams, body: voidCertificateRequestSchema, response: { 200: certificateSchema, ...errors } } },
    async (req) => {
      const { c, p } = await voidCertificate(authedContext(services, req), { id: req.params.id, ...req.body });
      return toCertificateDto(c, p);
    },
  );

  r.get('/api/applicant/certificates', { schema: { tags: APPLICANT_TAG, summary: '本单位的有效证书', querystring: pageQuerySchema, response: { 200: certificateListSchema, ...errors } } }, async (req) => {
    const ctx = authedContext(services, req);
    return findCertificates(ctx.database.db, { applicantOrgId: ctx.actor.organisationId, state: 'issued' }, req.query);
  });

  r.get('/api/applicant/certificates/:id/download', { schema: { tags: APPLICANT_TAG, summary: '下载本单位的证书（PDF）', params: idParams } }, async (req, reply) => {
    const { data, fileName } = await certificatePdf(authedContext(services, req), req.params.id);
    return sendDownload(reply, data, fileName, 'application/pdf');
  });
}
