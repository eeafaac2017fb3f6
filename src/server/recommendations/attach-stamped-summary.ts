/**
 * 盖章版汇总表: links a PDF uploaded through POST /api/files?purpose=stamped_summary (the upload
 * endpoint already decides the type by content) to the composing batch. The file must be the
 * recommender's own and a PDF.
 */
import { and, eq } from 'drizzle-orm';
import { AppError, notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { applicationCampaign } from '../campaigns/campaign-repository';
import { files, recommendationBatches } from '../db/schema';
import { MIME } from '../files/sniff';
import { authorize } from '../policy/policy';
import { composingBatch, recommenderBatchDto } from './batch-repository';
import type { ActorContext } from '../context';
import { requireRecommender } from '../policy/role-guards';

export async function attachStampedSummary(ctx: ActorContext, input: { version: number; fileId: string }) {
  requireRecommender(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await applicationCampaign(tx, ctx.clock.now());
    const now = ctx.clock.now();
    const batch = await composingBatch(tx, ctx.actor.organisationId, campaign, now);
    authorize(ctx.actor, { kind: 'batch', action: 'compose', resource: batch }, false);
    const [file] = await tx.select().from(files).where(eq(files.id, input.fileId));
    if (!file || file.ownerOrgId !== ctx.actor.organisationId) throw notFound(`file ${input.fileId}`, '文件');
    if (file.mime !== MIME.pdf) {
      throw new AppError('unsupported_file', `stamped summary is ${file.mime}`, '盖章版汇总表须为 PDF 文件（盖章后扫描或导出为 PDF），请重新上传', { fields: { fileId: '盖章版汇总表须为 PDF 文件' } });
    }
    if (file.purpose !== 'stamped_summary') {
      throw new AppError('validation', `file purpose ${file.purpose}`, '请通过“上传盖章版汇总表”上传该文件', { fields: { fileId: '请通过“上传盖章版汇总表”上传该文件' } });
    }
    if (batch.version !== input.version) throw staleVersion(`batch ${batch.id}`);
    const [updated] = await tx
      .update(recommendationBatches)
      .set({ stampedPdfFileId: file.id, version: batch.version + 1, updatedAt: now })
      .where(and(eq(recommendationBatches.id, batch.id), eq(recommendationBatches.version, batch.version)))
      .returning();
    if (!updated) throw staleVersion(`batch ${batch.id}`);
    await writeAudit(tx, ctx, { entity: 'recommendation_batch', entityId: batch.id, action: 'attach_stamped_summary', summary: { fileId: file.id, name: file.originalName, sha256: file.sha256 } });
    return recommenderBatchDto(tx, updated, campaign, now);
  });
}
