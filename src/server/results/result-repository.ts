/** 提交成果 reads: a project's result row, its benefit figures, files, and the DTOs of both sides. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { ResultBatchDto, ResultDetail, ResultSummary } from '../../shared/results';
import type { BenefitKind, EvaluationLevel } from '../../domain/vocabularies';
import { BATCH_STATE_LABELS } from '../../shared/recommendations';
import { windowFor, type CampaignRow } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { files, implementationPlans, organisations, projectResults, projects, resultBatches, resultBenefits } from '../db/schema';
import type { ImplementationPlan } from '../../shared/implementation';
import type { ProjectRow } from '../projects/load-project';

export type ResultRow = typeof projectResults.$inferSelect;
export type BenefitRow = typeof resultBenefits.$inferSelect;

/** States in which a project has (or owes) a result: from 立项 to the commission's receipt, lapsed, and 成果评定 (程序七). */
export const RESULT_STATES = ['approved', 'results_submitted', 'results_returned', 'results_received', 'lapsed', 'in_evaluation', 'evaluated'] as const;

export async function resultOf(db: DbOrTx, projectId: string, opts: { forUpdate?: boolean } = {}): Promise<ResultRow | undefined> {
  const q = db.select().from(projectResults).where(eq(projectResults.projectId, projectId));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function resultsWindow(db: DbOrTx, campaign: CampaignRow, p: Pick<ProjectRow, 'id' | 'recommenderOrgId'>, now: Date) {
  const s = await windowFor(db, campaign, 'results', now, { organisationId: p.recommenderOrgId, projectId: p.id });
  return { open: s.open, deadline: s.closesAt.toISOString() };
}

export function toResultSummary(p: ProjectRow, applicantName: string, r: ResultRow | undefined): ResultSummary {
  return {
    projectId: p.id,
    projectNo: p.projectNo,
    name: p.name,
    applicantName,
    state: p.state,
    reviewState: r && p.state === 'results_submitted' ? r.reviewState : null,
    submittedAt: r?.submittedAt?.toISOString() ?? null,
    returnCount: r?.returnCount ?? 0,
    // Set only when the commission adopts the evaluation (程序七); never who scored it.
    evaluationLevel: (p.evaluationLevel as EvaluationLevel | null) ?? null,
    version: p.version,
  };
}

async function fileRefs(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, { fileId: string; name: string }>();
  const rows = await db.select({ id: files.id, name: files.originalName }).from(files).where(inArray(files.id, ids));
  return new Map(rows.map((f) => [f.id, { fileId: f.id, name: f.name }]));
}

export async function benefitsOf(db: DbOrTx, resultId: string): Promise<BenefitRow[]> {
  return db.select().from(resultBenefits).where(eq(resultBenefits.resultId, resultId)).orderBy(asc(resultBenefits.position));
}

function planned(x: PlanIndicator | undefined) {
  return x ? { name: x.name, unit: x.unit, baseline: x.baseline, target: x.target } : null;
}

export type PlanIndicator = ImplementationPlan['indicators'][number];

/** The indicators of the project's current implementation plan (none without a plan). */
export async function planIndicatorsOf(db: DbOrTx, projectId: string): Promise<PlanIndicator[]> {
  const [plan] = await db.select({ content: implementationPlans.content }).from(implementationPlans).where(eq(implementationPlans.projectId, projectId));
  return ((plan?.content as ImplementationPlan | undefined)?.indicators ?? []).map(({ id, name, unit, baseline, target }) => ({ id, name, unit, baseline, target }));
}

export async function resultDetail(db: DbOrTx, p: ProjectRow, campaign: CampaignRow, now: Date): Promise<ResultDetail> {
  const indicators = await planIndicatorsOf(db, p.id);
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, p.applicantOrgId));
  const r = await resultOf(db, p.id);
  const benefits = r ? await benefitsOf(db, r.id) : [];
  const processIds = (r?.processFileIds as string[]) ?? [];
  const refs = await fileRefs(db, [...processIds, ...(r?.reportFileId ? [r.reportFileId] : [])]);
  const w = await resultsWindow(db, campaign, p, now);
  return {
    ...toResultSummary(p, org?.name ?? '', r),
    report: (r?.report as Record<string, string>) ?? null,
    reportFile: r?.reportFileId ? (refs.get(r.reportFileId) ?? null) : null,
    processFiles: processIds.map((id) => refs.get(id)).filter((x): x is { fileId: string; name: string } => !!x),
    team: (r?.team as ResultDetail['team']) ?? [],
    benefits: benefits.map((b) => ({
      kind: b.kind as BenefitKind,
      indicatorId: b.indicatorId,
      indicatorName: b.indicatorName,
      planned: planned(indicators.find((x) => x.id === b.indicatorId)),
      description: b.description,
      before: b.before,
      after: b.after,
      unit: b.unit,
      amount: b.amount === null ? null : Number(b.amount),
      evidenceFileId: b.evidenceFileId,
    })),
    planIndicators: indicators,
    fieldComments: p.state === 'results_returned' ? ((r?.fieldComments as Record<string, string>) ?? {}) : {},
    lastReason: p.state === 'results_returned' ? p.lastReason : null,
    resultVersion: r?.version ?? null,
    deadline: w.deadline,
    windowOpen: w.open,
  };
}

export type ResultBatchRow = typeof resultBatches.$inferSelect;

/** Batches as DTOs, with their three files (汇总表 Word + Excel, stamped letter) resolved to names. */
export async function toResultBatchDtos(db: DbOrTx, rows: ResultBatchRow[]): Promise<ResultBatchDto[]> {
  const refs = await fileRefs(db, rows.flatMap((b) => [b.summaryDocxFileId, b.summaryXlsxFileId, b.stampedPdfFileId].filter((x): x is string => !!x)));
  const ref = (id: string | null) => (id ? (refs.get(id) ?? null) : null);
  return rows.map((b) => ({
    id: b.id,
    state: b.state,
    stateLabel: BATCH_STATE_LABELS[b.state],
    version: b.version,
    receivedAt: b.receivedAt?.toISOString() ?? null,
    returnReason: b.returnReason,
    projectCount: b.projectCount,
    sentAt: b.sentAt.toISOString(),
    contactName: b.contactName,
    contactPhone: b.contactPhone,
    summaryDocx: ref(b.summaryDocxFileId),
    summaryXlsx: ref(b.summaryXlsxFileId),
    stampedPdf: ref(b.stampedPdfFileId),
  }));
}

export async function resultBatchDtos(db: DbOrTx, recommenderOrgId: string, campaignId: string): Promise<ResultBatchDto[]> {
  const rows = await db.select().from(resultBatches).where(and(eq(resultBatches.recommenderOrgId, recommenderOrgId), eq(resultBatches.campaignId, campaignId))).orderBy(desc(resultBatches.sentAt));
  return toResultBatchDtos(db, rows);
}

/** The projects of a scope that owe or have a result (any state with `anyState`, e.g. a batch's projects once evaluated), with their applicant's name and result row. */
export async function resultList(db: DbOrTx, where: ReturnType<typeof and>, opts: { anyState?: boolean } = {}) {
  const rows = await db
    .select({ p: projects, applicantName: organisations.name, r: projectResults })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .leftJoin(projectResults, eq(projectResults.projectId, projects.id))
    .where(and(opts.anyState ? undefined : inArray(projects.state, [...RESULT_STATES]), where))
    .orderBy(asc(projects.projectNo), asc(projects.name));
  return rows.map(({ p, applicantName, r }) => toResultSummary(p, applicantName, r ?? undefined));
}
