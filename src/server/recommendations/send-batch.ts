/**
 * 报送: the recommender sends its batch to the commission by the application deadline
 * (2026-04-20 23:59:59 Beijing, or a commission reopening). ONE transaction: the 汇总表 (Word and
 * Excel) is generated and stored with the batch, the batch → sent, every recommended project →
 * under_review carrying the batch id, audit entries, notifications to each applicant and to the
 * commission. E-mails are queued after commit. The route wraps this in withIdempotency.
 */
import { and, eq } from 'drizzle-orm';
import { AppError, invalidState, notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { assertWindowOpen, campaignById } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { files, recommendationBatches } from '../db/schema';
import { MIME } from '../files/sniff';
import { rememberIdempotent } from '../http/idempotency';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { recommendedProjects, recommenderBatchDto } from './batch-repository';
import { renumberRecommended } from './recommend-order';
import { applyTransition, checkTransition } from '../projects/transition';
import { renderSummary, summaryFileName, summaryHeader, summaryRows } from './summary-documents';
import type { ActorContext } from '../context';
import { commissionOrgIds, emailsOf, sendEmails } from '../notifications/email';
import { requireRecommender } from '../policy/role-guards';
import { projectLabel } from '../projects/project-label';

const MAX_GENERATED_BYTES = 100 * 1024 * 1024;

/** Stores a generated 汇总表 file owned by the acting recommender (also used by the results forward, src/server/results/). */

export async function storeGenerated(tx: DbOrTx, ctx: ActorContext, data: Buffer, name: string, mime: string, now: Date) {
  const stored = await ctx.files.put(data, { maxBytes: MAX_GENERATED_BYTES });
  const [row] = await tx
    .insert(files)
    .values({ sha256: stored.sha256, size: stored.size, mime, originalName: name, storageKey: stored.key, ownerOrgId: ctx.actor.organisationId, uploadedBy: ctx.actor.userId, purpose: 'summary_table', createdAt: now })
    .returning();
  return row;
}

export async function sendBatch(ctx: ActorContext, input: { batchId: string; version: number }) {
  requireRecommender(ctx.actor);
  const { dto, emails } = await ctx.database.db.transaction(async (tx) => {
    const [batch] = await tx.select().from(recommendationBatches).where(eq(recommendationBatches.id, input.batchId)).for('update');
    if (!batch) throw notFound(`batch ${input.batchId}`, '推荐批次');
    authorize(ctx.actor, { kind: 'batch', action: 'send', resource: batch }, false);
    if (batch.state !== 'composing') throw invalidState(`batch ${batch.id} is ${batch.state}`, '该推荐批次已报送，不能重复报送');
    if (batch.version !== input.version) throw staleVersion(`batch ${batch.id}`);
    const now = ctx.clock.now();
    const campaign = await campaignById(tx, batch.campaignId);
    await assertWindowOpen(tx, campaign, 'application', now, { organisationId: batch.recommenderOrgId });

    await renumberRecommended(tx, batch.recommenderOrgId, campaign.id);
    const list = await recommendedProjects(tx, batch.recommenderOrgId, campaign.id);
    const fields: Record<string, string> = {};
    if (list.length === 0) fields.projects = '推荐名单为空，请至少推荐1个项目后再报送';
    if (!batch.contactName || !batch.contactPhone) fields.contactName = '请填写汇总表的联系人及联系电话';
    const [stamped] = batch.stampedPdfFileId ? await tx.select().from(files).where(eq(files.id, batch.stampedPdfFileId)) : [];
    if (!stamped || stamped.mime !== MIME.pdf) fields.stampedPdfFileId = '请上传盖章版汇总表（PDF）';
    if (Object.keys(fields).length) throw new AppError('validation', 'batch not ready', `推荐批次尚不能报送：${Object.values(fields).join('；')}`, { fields });
    for (const { p } of list) checkTransition(p, 'send_batch', ctx.actor);

    // The 汇总表 exactly as sent: the projects in 推荐排序, the contact and today's date.
    const header = await summaryHeader(tx, batch, campaign.year, now);
    const rendered = await renderSummary(header, summaryRows(list.map(({ p }) => p)));
    const docx = await storeGenerated(tx, ctx, rendered.docx, summaryFileName(header, 'docx'), MIME.docx, now);
    const xlsx = await storeGenerated(tx, ctx, rendered.xlsx, summaryFileName(header, 'xlsx'), MIME.xlsx, now);

    const [sent] = await tx
      .update(recommendationBatches)
      .set({ state: 'sent', sentAt: now, projectCount: list.length, summaryDocxFileId: docx.id, summaryXlsxFileId: xlsx.id, returnReason: null, version: batch.version + 1, updatedAt: now })
      .where(and(eq(recommendationBatches.id, batch.id), eq(recommendationBatches.version, batch.version)))
      .returning();
    if (!sent) throw staleVersion(`batch ${batch.id}`);

    for (const { p } of list) {
      await applyTransition(tx, ctx, p, 'send_batch', 'under_review', { set: { batchId: batch.id }, audit: { summary: { from: p.state, to: 'under_review', batchId: batch.id, order: p.recommendOrder } } });
      await notify(tx, now, {
        organisationId: p.applicantOrgId,
        title: '申报项目已报送市市场监管委',
        body: `您单位申报的${projectLabel(p)}已由推荐单位（${header.recommenderName}）报送市市场监管委，进入立项审核。`,
        link: `/applications/${p.id}`,
      });
    }
    await writeAudit(tx, ctx, {
      entity: 'recommendation_batch',
      entityId: batch.id,
      action: 'send',
      summary: { year: campaign.year, projects: list.length, stampedPdf: stamped!.sha256, summaryDocx: docx.sha256, summaryXlsx: xlsx.sha256 },
    });
    const commission = await commissionOrgIds(tx);
    const title = '推荐单位已报送推荐批次';
    const body = `${header.recommenderName}已报送${campaign.year}年质量攻关项目推荐批次，共${list.length}个项目（联系人：${header.contactName}，${header.contactPhone}）。`;
    for (const orgId of commission) await notify(tx, now, { organisationId: orgId, title, body, link: `/commission/batches/${batch.id}` });

    const applicantOrgs = [...new Set(list.map(({ p }) => p.applicantOrgId))];
    const emails = [
      ...(await emailsOf(tx, applicantOrgs, '【天津市质量攻关】申报项目已报送市市场监管委', `您单位的申报项目已由${header.recommenderName}报送市市场监管委，进入立项审核。`)),
      ...(await emailsOf(tx, commission, `【天津市质量攻关】${title}`, body)),
    ];
    const dto = await recommenderBatchDto(tx, sent, campaign, now);
    // Stored with the send itself: a keyed retry after a crash past this commit replays (issue 7.5).
    await rememberIdempotent(tx, dto);
    return { dto, emails };
  });
  await sendEmails(ctx, emails);
  return dto;
}
