/** The commission's view of 推荐批次: list, detail, and which recommenders have sent. */
import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { type ProjectState } from '../../domain/project-workflow';
import { BATCH_STATE_LABELS, RECOMMENDER_KIND_LABELS } from '../../shared/recommendations';
import { notFound } from '../app-error';
import { campaignForYear } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { campaigns, files, organisations, projects, recommendationBatches } from '../db/schema';
import { authorize } from '../policy/policy';
import { batchProjectDto, type BatchRow } from './batch-repository';
import type { RecommenderSubtype } from '../../domain/vocabularies';
import type { ActorContext } from '../context';
import { requireCommission } from '../policy/role-guards';
import { likePattern, pageOf } from '../http/list-query';

export interface CommissionBatchFilter {
  state?: 'sent' | 'received' | 'returned';
  recommenderOrgId?: string;
  recommenderKind?: RecommenderSubtype;
  q?: string;
  year?: number;
  page: number;
  pageSize: number;
}

async function completeness(db: DbOrTx, b: BatchRow) {
  const ids = [b.stampedPdfFileId, b.summaryDocxFileId, b.summaryXlsxFileId].filter((x): x is string => !!x);
  const present = new Set(ids.length ? (await db.select({ id: files.id }).from(files).where(inArray(files.id, ids))).map((f) => f.id) : []);
  const [{ n }] = await db.select({ n: count() }).from(projects).where(eq(projects.batchId, b.id));
  const c = {
    stampedPdf: !!b.stampedPdfFileId && present.has(b.stampedPdfFileId),
    summaryDocx: !!b.summaryDocxFileId && present.has(b.summaryDocxFileId),
    summaryXlsx: !!b.summaryXlsxFileId && present.has(b.summaryXlsxFileId),
    // A returned batch no longer carries its projects.
    projectsMatch: b.state === 'returned' ? true : Number(n) === b.projectCount,
  };
  return { ...c, complete: c.stampedPdf && c.summaryDocx && c.summaryXlsx && c.projectsMatch };
}

async function itemDto(db: DbOrTx, b: BatchRow, org: typeof organisations.$inferSelect) {
  return {
    id: b.id,
    state: b.state,
    stateLabel: BATCH_STATE_LABELS[b.state],
    version: b.version,
    recommenderOrgId: org.id,
    recommenderName: org.name,
    recommenderKind: org.subtype,
    contactName: b.contactName,
    contactPhone: b.contactPhone,
    projectCount: b.projectCount,
    sentAt: b.sentAt?.toISOString() ?? null,
    receivedAt: b.receivedAt?.toISOString() ?? null,
    returnReason: b.returnReason,
    stampedPdfFileId: b.stampedPdfFileId,
    summaryDocxFileId: b.summaryDocxFileId,
    summaryXlsxFileId: b.summaryXlsxFileId,
    completeness: await completeness(db, b),
  };
}

export async function listCommissionBatches(ctx: ActorContext, f: CommissionBatchFilter) {
  requireCommission(ctx.actor);
  const db = ctx.database.db;
  const campaign = await campaignForYear(db, f.year, ctx.clock.now());
  // The commission never sees a composing batch (batch policy).
  const c: SQL[] = [eq(recommendationBatches.campaignId, campaign.id), ne(recommendationBatches.state, 'composing')];
  if (f.state) c.push(eq(recommendationBatches.state, f.state));
  if (f.recommenderOrgId) c.push(eq(recommendationBatches.recommenderOrgId, f.recommenderOrgId));
  if (f.recommenderKind) c.push(eq(organisations.subtype, f.recommenderKind));
  if (f.q) c.push(ilike(organisations.name, likePattern(f.q)));
  const where = and(...c);
  const page = await pageOf(
    f,
    ({ limit, offset }) =>
      db
        .select({ b: recommendationBatches, org: organisations })
        .from(recommendationBatches)
        .innerJoin(organisations, eq(organisations.id, recommendationBatches.recommenderOrgId))
        .where(where)
        .orderBy(desc(recommendationBatches.sentAt), asc(organisations.name))
        .limit(limit)
        .offset(offset),
    db.select({ n: count() }).from(recommendationBatches).innerJoin(organisations, eq(organisations.id, recommendationBatches.recommenderOrgId)).where(where),
  );
  const items = [];
  for (const { b, org } of page.items) items.push(await itemDto(db, b, org));
  return { ...page, items };
}

export async function loadBatchForRead(db: DbOrTx, ctx: ActorContext, id: string) {
  const [row] = await db
    .select({ b: recommendationBatches, org: organisations, year: campaigns.year })
    .from(recommendationBatches)
    .innerJoin(organisations, eq(organisations.id, recommendationBatches.recommenderOrgId))
    .innerJoin(campaigns, eq(campaigns.id, recommendationBatches.campaignId))
    .where(eq(recommendationBatches.id, id));
  if (!row) throw notFound(`batch ${id}`, '推荐批次');
  authorize(ctx.actor, { kind: 'batch', action: 'read', resource: row.b }, false);
  return row;
}

/** Projects that went with a batch: the batch's own, or (returned batch) none. */
export async function batchProjects(db: DbOrTx, batchId: string) {
  return db
    .select({ p: projects, applicantName: organisations.name })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .where(and(eq(projects.batchId, batchId), isNull(projects.deletedAt)))
    .orderBy(sql`${projects.recommendOrder} ASC NULLS LAST`, asc(projects.id));
}

export async function commissionBatchDetail(ctx: ActorContext, id: string) {
  requireCommission(ctx.actor);
  const db = ctx.database.db;
  const { b, org, year } = await loadBatchForRead(db, ctx, id);
  const list = await batchProjects(db, b.id);
  return {
    ...(await itemDto(db, b, org)),
    campaignYear: year,
    projects: list.map((r) => ({ ...batchProjectDto(r), recommendationOpinion: r.p.recommendationOpinion, duplicateFlag: r.p.duplicateFlag })),
  };
}

const SENT_STATES: ProjectState[] = ['under_review', 'approved', 'rejected'];

/** Every recommender with the state of its latest batch: which of the 16 district bureaus (and others) have sent. */
export async function recommenderStatuses(ctx: ActorContext, f: { kind?: RecommenderSubtype; year?: number }) {
  requireCommission(ctx.actor);
  const db = ctx.database.db;
  const campaign = await campaignForYear(db, f.year, ctx.clock.now());
  const orgs = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'recommender'), eq(organisations.active, true), f.kind ? eq(organisations.subtype, f.kind) : undefined))
    .orderBy(asc(organisations.subtype), asc(organisations.divisionCode), asc(organisations.name));
  const batches = await db
    .select()
    .from(recommendationBatches)
    .where(and(eq(recommendationBatches.campaignId, campaign.id), ne(recommendationBatches.state, 'composing')))
    .orderBy(desc(recommendationBatches.sentAt));
  const counts = await db
    .select({ org: projects.recommenderOrgId, state: projects.state, n: count() })
    .from(projects)
    .where(and(eq(projects.campaignId, campaign.id), isNull(projects.deletedAt)))
    .groupBy(projects.recommenderOrgId, projects.state);
  const countOf = (orgId: string, states: string[]) => counts.filter((c) => c.org === orgId && states.includes(c.state)).reduce((s, c) => s + Number(c.n), 0);
  const items = orgs.map((o) => {
    const mine = batches.filter((b) => b.recommenderOrgId === o.id);
    const latest = mine[0];
    const status = (latest?.state ?? 'not_sent') as 'not_sent' | 'sent' | 'received' | 'returned';
    return {
      id: o.id,
      name: o.name,
      kind: o.subtype,
      kindLabel: RECOMMENDER_KIND_LABELS[o.subtype ?? ''] ?? '推荐单位',
      district: o.district,
      batchStatus: status,
      batchStatusLabel: status === 'not_sent' ? '未报送' : BATCH_STATE_LABELS[status],
      lastSentAt: latest?.sentAt?.toISOString() ?? null,
      batchesSent: mine.length,
      projectsSent: countOf(o.id, SENT_STATES),
      pendingReview: countOf(o.id, ['submitted']),
      recommendedUnsent: countOf(o.id, ['recommended']),
    };
  });
  const bureaus = items.filter((i) => i.kind === 'district_bureau');
  return { items, districtBureaus: { total: bureaus.length, sent: bureaus.filter((b) => b.batchStatus === 'sent' || b.batchStatus === 'received').length } };
}
