/** 推荐批次 reads: the recommender's current composing batch, its projects and readiness. */
import { and, asc, desc, eq, isNull, max, ne, sql } from 'drizzle-orm';
import { formatShanghai } from '../../domain/deadlines';
import type { ProjectState } from '../../domain/project-workflow';
import { BATCH_STATE_LABELS, type RecommenderBatch } from '../../shared/recommendations';
import { windowFor, type CampaignRow } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { files, organisations, projectReviews, projects, recommendationBatches } from '../db/schema';
import { recommendedOf } from './recommend-order';

export type BatchRow = typeof recommendationBatches.$inferSelect;

const BATCH_LOCK = 7_262_105;

/**
 * The recommender's composing batch for the campaign, created on first use (contact copied from its
 * previous batch or from the organisation). Serialised per recommender by an advisory lock.
 */
export async function composingBatch(tx: DbOrTx, orgId: string, campaign: CampaignRow, now: Date): Promise<BatchRow> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${BATCH_LOCK}, hashtext(${`${orgId}:${campaign.id}`}))`);
  const [found] = await tx
    .select()
    .from(recommendationBatches)
    .where(and(eq(recommendationBatches.campaignId, campaign.id), eq(recommendationBatches.recommenderOrgId, orgId), eq(recommendationBatches.state, 'composing')))
    .limit(1)
    .for('update');
  if (found) return found;
  const [previous] = await tx
    .select()
    .from(recommendationBatches)
    .where(and(eq(recommendationBatches.campaignId, campaign.id), eq(recommendationBatches.recommenderOrgId, orgId)))
    .orderBy(desc(recommendationBatches.createdAt))
    .limit(1);
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
  const [row] = await tx
    .insert(recommendationBatches)
    .values({
      campaignId: campaign.id,
      recommenderOrgId: orgId,
      state: 'composing',
      contactName: previous?.contactName ?? org?.contactName ?? null,
      contactPhone: previous?.contactPhone ?? org?.contactPhone ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row;
}

export async function recommendedProjects(db: DbOrTx, orgId: string, campaignId: string) {
  return db
    .select({ p: projects, applicantName: organisations.name })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .where(recommendedOf(orgId, campaignId))
    .orderBy(sql`${projects.recommendOrder} ASC NULLS LAST`, asc(projects.stateChangedAt), asc(projects.id));
}

export function batchProjectDto({ p, applicantName }: { p: typeof projects.$inferSelect; applicantName: string }) {
  return {
    id: p.id,
    applicationNo: p.applicationNo,
    name: p.name,
    applicantName,
    direction: p.direction,
    chain: p.chain,
    state: p.state as ProjectState,
    recommendOrder: p.recommendOrder,
    version: p.version,
  };
}

async function fileRef(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [f] = await db.select().from(files).where(eq(files.id, id));
  return f ? { fileId: f.id, name: f.originalName, size: f.size, uploadedAt: f.createdAt.toISOString() } : null;
}

/** When the list of recommended projects last changed (recommend, unrecommend, reorder). */
async function listChangedAt(db: DbOrTx, orgId: string, campaignId: string): Promise<Date | null> {
  const [[a], [b]] = await Promise.all([
    db.select({ m: max(projects.updatedAt) }).from(projects).where(recommendedOf(orgId, campaignId)),
    db
      .select({ m: max(projectReviews.createdAt) })
      .from(projectReviews)
      .innerJoin(projects, eq(projects.id, projectReviews.projectId))
      .where(and(eq(projectReviews.reviewerOrgId, orgId), eq(projectReviews.decision, 'unrecommend'), eq(projects.campaignId, campaignId))),
  ]);
  const times = [a?.m, b?.m].filter((x): x is Date => x instanceof Date);
  return times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null;
}

export async function recommenderBatchDto(db: DbOrTx, batch: BatchRow, campaign: CampaignRow, now: Date): Promise<RecommenderBatch> {
  const orgId = batch.recommenderOrgId;
  const composing = batch.state === 'composing';
  const [[org], list, stamped, docx, xlsx, window, history, changedAt] = await Promise.all([
    db.select().from(organisations).where(eq(organisations.id, orgId)),
    composing
      ? recommendedProjects(db, orgId, campaign.id)
      : db
          .select({ p: projects, applicantName: organisations.name })
          .from(projects)
          .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
          .where(and(eq(projects.batchId, batch.id), isNull(projects.deletedAt)))
          .orderBy(sql`${projects.recommendOrder} ASC NULLS LAST`, asc(projects.id)),
    fileRef(db, batch.stampedPdfFileId),
    fileRef(db, batch.summaryDocxFileId),
    fileRef(db, batch.summaryXlsxFileId),
    windowFor(db, campaign, 'application', now, { organisationId: orgId }),
    db
      .select()
      .from(recommendationBatches)
      .where(and(eq(recommendationBatches.campaignId, campaign.id), eq(recommendationBatches.recommenderOrgId, orgId), ne(recommendationBatches.state, 'composing')))
      .orderBy(desc(recommendationBatches.sentAt)),
    composing ? listChangedAt(db, orgId, campaign.id) : Promise.resolve(null),
  ]);
  const orders = list.map((r) => r.p.recommendOrder);
  const readiness: RecommenderBatch['readiness'] = [
    { key: 'projects', label: '至少推荐1个项目', ok: list.length > 0, blocking: true, detail: list.length ? `已推荐${list.length}个项目` : '推荐名单为空' },
    // Gaps (e.g. imported data) are closed when the batch is sent; the table always prints 1..N.
    { key: 'order', label: '推荐排序连续（1至N）', ok: orders.every((o, i) => o === i + 1), blocking: false, detail: '推荐排序不连续，报送时将按当前顺序重新编号为1至N' },
    { key: 'contact', label: '填写联系人及联系电话', ok: !!(batch.contactName && batch.contactPhone), blocking: true },
    { key: 'stamped_pdf', label: '上传盖章版汇总表（PDF）', ok: !!stamped, blocking: true },
    {
      key: 'stamped_after_changes',
      label: '盖章版汇总表与当前推荐名单一致',
      ok: !stamped || !changedAt || Date.parse(stamped.uploadedAt) >= changedAt.getTime(),
      blocking: false,
      detail: '盖章版上传后推荐名单或排序有调整，请核对后重新下载汇总表、盖章并上传',
    },
    {
      key: 'window',
      label: '在报送截止时间内',
      ok: window.open,
      blocking: true,
      detail: window.open ? undefined : `项目申报（推荐单位报送）${window.reason === 'closed' ? `已于${formatShanghai(window.closesAt)}（北京时间）截止，如需补报请联系市市场监管委开通补报窗口` : `尚未开始`}`,
    },
  ];
  for (const r of readiness) if (r.ok) delete r.detail;
  return {
    id: batch.id,
    state: batch.state,
    stateLabel: BATCH_STATE_LABELS[batch.state],
    version: batch.version,
    campaignYear: campaign.year,
    recommenderName: org?.name ?? '',
    contactName: batch.contactName,
    contactPhone: batch.contactPhone,
    stampedPdf: stamped,
    summaryDocx: docx,
    summaryXlsx: xlsx,
    projects: list.map(batchProjectDto),
    readiness,
    ready: readiness.every((r) => r.ok || !r.blocking),
    window: window.open
      ? { open: true, closesAt: window.closesAt.toISOString(), viaReopening: window.viaReopening }
      : { open: false, closesAt: window.closesAt.toISOString(), viaReopening: false },
    sentAt: batch.sentAt?.toISOString() ?? null,
    history: history.map((h) => ({
      id: h.id,
      state: h.state,
      stateLabel: BATCH_STATE_LABELS[h.state],
      projectCount: h.projectCount,
      sentAt: h.sentAt?.toISOString() ?? null,
      receivedAt: h.receivedAt?.toISOString() ?? null,
      returnReason: h.returnReason,
    })),
  };
}

