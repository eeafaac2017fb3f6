/**
 * 成果报送: the recommender forwards ALL its accepted results to the commission as one batch, by the
 * results deadline (2026-09-30 23:59:59 Beijing, campaign data) or a commission reopening. The
 * deadline is judged ONCE, on the clock read inside the transaction, and everything (汇总表 Word +
 * Excel, batch row, every project → results_received, audit, notifications) is written in that one
 * transaction: a forward in flight at the deadline lands entirely or is refused entirely
 * (逾期不再接收). The 成果汇总表 has its own columns (result-summary.ts) on the shared 汇总表
 * renderers; file storage is the application batch's (src/server/recommendations/). Forwards of one recommender are serialised by an advisory lock.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { resultForwardSchema } from '../../shared/results';
import { AppError, notFound } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { assertWindowOpen, currentCampaign } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import { files, organisations, projectResults, projects, resultBatches } from '../db/schema';
import { MIME } from '../files/sniff';
import { rememberIdempotent } from '../http/idempotency';
import { commissionOrgIds } from '../notifications/email';
import { notify } from '../notifications/notify';
import { requireRecommender } from '../policy/role-guards';
import { projectLabel } from '../projects/project-label';
import { applyTransition, checkTransition } from '../projects/transition';
import { storeGenerated } from '../recommendations/send-batch';
import { summaryHeader } from '../recommendations/summary-documents';
import { benefitsOf, resultBatchDtos } from './result-repository';
import { renderResultSummary, resultSummaryFileName } from './result-summary';

const FORWARD_LOCK = 7_262_118;

export async function forwardResults(ctx: ActorContext, input: z.infer<typeof resultForwardSchema>) {
  requireRecommender(ctx.actor);
  const orgId = ctx.actor.organisationId;
  return ctx.database.db.transaction(async (tx) => {
    // Which year: the current one by date (several run at once); the deadline below reads the clock once more, for good.
    const campaign = await currentCampaign(tx, ctx.clock.now());
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FORWARD_LOCK}, hashtext(${`${orgId}:${campaign.id}`}))`);
    // The one reading of the clock: the deadline and every timestamp of this forward use it.
    const now = ctx.clock.now();
    await assertWindowOpen(tx, campaign, 'results', now, { organisationId: orgId });

    const list = await tx
      .select({ p: projects, r: projectResults, applicantName: organisations.name })
      .from(projects)
      .innerJoin(projectResults, eq(projectResults.projectId, projects.id))
      .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
      .where(and(eq(projects.recommenderOrgId, orgId), eq(projects.campaignId, campaign.id), eq(projects.state, 'results_submitted'), eq(projectResults.reviewState, 'accepted')))
      .orderBy(asc(projects.projectNo), asc(projects.name))
      .for('update', { of: [projects, projectResults] });
    const fields: Record<string, string> = {};
    if (!list.length) fields.projects = '没有审核通过的成果，请先审核通过至少1项成果再报送';
    const [stamped] = await tx.select().from(files).where(eq(files.id, input.stampedPdfFileId));
    if (!stamped || stamped.ownerOrgId !== orgId) throw notFound(`file ${input.stampedPdfFileId}`, '盖章版报送函');
    if (stamped.mime !== MIME.pdf) fields.stampedPdfFileId = '盖章版报送函须为PDF文件';
    if (Object.keys(fields).length) throw new AppError('validation', 'forward not ready', `成果尚不能报送：${Object.values(fields).join('；')}`, { fields });
    for (const { p } of list) checkTransition(p, 'forward_results', ctx.actor);

    // 成果汇总表 as forwarded: the accepted results in project-number order, the contact and today's date.
    const header = await summaryHeader(tx, { recommenderOrgId: orgId, contactName: input.contactName, contactPhone: input.contactPhone }, campaign.year, now);
    const rendered = await renderResultSummary(header, await Promise.all(list.map(async ({ p, r, applicantName }) => ({ p, r, applicantName, benefits: await benefitsOf(tx, r.id) }))));
    const docx = await storeGenerated(tx, ctx, rendered.docx, resultSummaryFileName(header, 'docx'), MIME.docx, now);
    const xlsx = await storeGenerated(tx, ctx, rendered.xlsx, resultSummaryFileName(header, 'xlsx'), MIME.xlsx, now);
    const [batch] = await tx
      .insert(resultBatches)
      .values({ campaignId: campaign.id, recommenderOrgId: orgId, summaryDocxFileId: docx.id, summaryXlsxFileId: xlsx.id, stampedPdfFileId: stamped.id, contactName: input.contactName, contactPhone: input.contactPhone, projectCount: list.length, projectIds: list.map(({ p }) => p.id), sentAt: now, createdAt: now, updatedAt: now })
      .returning();

    for (const { p, r } of list) {
      await applyTransition(tx, ctx, p, 'forward_results', 'results_received', { audit: { summary: { from: p.state, to: 'results_received', resultBatchId: batch.id } } });
      await tx.update(projectResults).set({ resultBatchId: batch.id, forwardedAt: now, version: r.version + 1, updatedAt: now }).where(eq(projectResults.id, r.id));
      await notify(tx, now, { organisationId: p.applicantOrgId, title: '成果已报送市市场监管委', body: `您单位${projectLabel(p)}的成果材料已由${header.recommenderName}报送市市场监管委，进入成果评定。`, link: `/applicant/results/${p.id}` });
    }
    await writeAudit(tx, ctx, { entity: 'result_batch', entityId: batch.id, action: 'forward', summary: { year: campaign.year, projects: list.length, at: now.toISOString(), stampedPdf: stamped.sha256, summaryDocx: docx.sha256, summaryXlsx: xlsx.sha256 } });
    for (const c of await commissionOrgIds(tx)) {
      await notify(tx, now, { organisationId: c, title: '推荐单位已报送成果', body: `${header.recommenderName}已报送${campaign.year}年质量攻关项目成果，共${list.length}项（联系人：${input.contactName}，${input.contactPhone}）。`, link: '/commission/results' });
    }
    const dto = (await resultBatchDtos(tx, orgId, campaign.id)).find((b) => b.id === batch.id)!;
    await rememberIdempotent(tx, dto);
    return dto;
  });
}
