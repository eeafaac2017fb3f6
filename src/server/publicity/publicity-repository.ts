/**
 * Reading 公示 data: the candidates (evaluated projects whose evaluation outcome the commission
 * adopted), the windows with their projects and objection counts, the rows a list publishes.
 * Expert names never appear: the outcome row carries the group's conclusion, not its members.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import type { EvaluationLevel, PublicityState } from '../../domain/vocabularies';
import type { PlanRow } from '../../shared/publications';
import { EVALUATION_LEVEL_LABELS } from '../../shared/evaluation';
import { PUBLICITY_STATE_LABELS, type PublicityCandidate, type PublicityWindowDto } from '../../shared/publicity';
import { notFound } from '../app-error';
import type { DbOrTx } from '../db/client';
import { campaigns, evaluationOutcomes, objections, organisations, projects, publications, publicityWindows } from '../db/schema';

export type PublicityWindowRow = typeof publicityWindows.$inferSelect;
export type SelectionChange = { projectId: string; change: 'added' | 'removed'; reason: string };

const applicant = alias(organisations, 'applicant_org');
const recommender = alias(organisations, 'recommender_org');

export const seriesOf = (windowId: string) => `publicity:${windowId}`;
export const levelLabel = (level: string | null | undefined) => (level ? (EVALUATION_LEVEL_LABELS[level as EvaluationLevel] ?? level) : '');

export interface ListedProject {
  projectId: string;
  projectNo: string;
  name: string;
  unit: string;
  district: string;
  recommender: string;
  level: string;
  score: string | null;
  proposed: boolean;
  adopted: boolean;
  state: ProjectState;
  version: number;
  campaignId: string;
  applicantOrgId: string;
  recommenderOrgId: string | null;
}

/** Projects with their outcome (if any), in 立项编号 order. */
export async function projectsWithOutcomes(db: DbOrTx, where: ReturnType<typeof and>): Promise<ListedProject[]> {
  const found = await db
    .select({ p: projects, o: evaluationOutcomes, unit: applicant.name, district: applicant.district, recommender: recommender.name })
    .from(projects)
    .innerJoin(applicant, eq(applicant.id, projects.applicantOrgId))
    .leftJoin(recommender, eq(recommender.id, projects.recommenderOrgId))
    .leftJoin(evaluationOutcomes, eq(evaluationOutcomes.projectId, projects.id))
    .where(and(isNull(projects.deletedAt), where))
    .orderBy(asc(projects.projectNo), asc(projects.id));
  return found.map((r) => ({
    projectId: r.p.id,
    projectNo: r.p.projectNo ?? '',
    name: r.p.name,
    unit: r.unit,
    district: r.district ?? '',
    recommender: r.recommender ?? '',
    level: r.o?.level ?? '',
    score: r.o?.score ?? null,
    proposed: r.o?.proposed ?? false,
    adopted: !!r.o?.adoptedAt,
    state: r.p.state,
    version: r.p.version,
    campaignId: r.p.campaignId,
    applicantOrgId: r.p.applicantOrgId,
    recommenderOrgId: r.p.recommenderOrgId,
  }));
}

/** 公示 candidates: evaluated projects of the campaign whose outcome the commission adopted. */
export async function candidates(db: DbOrTx, campaignId: string): Promise<PublicityCandidate[]> {
  const rows = await projectsWithOutcomes(db, and(eq(projects.campaignId, campaignId), eq(projects.state, 'evaluated'), isNotNull(evaluationOutcomes.adoptedAt)));
  return rows.map((r) => ({ ...projectColumns(r), level: r.level, levelLabel: levelLabel(r.level), score: r.score, proposed: r.proposed, version: r.version }));
}

/** The public rows of a list (公示名单 / 认定结果): never an expert, never an objector. */
export function listRows(rows: ListedProject[]): PlanRow[] {
  return rows.map((r, i) => ({ seq: i + 1, projectNo: r.projectNo, name: r.name, unit: r.unit, district: r.district, recommender: r.recommender, direction: '', chain: '', level: levelLabel(r.level) }));
}

export async function loadWindow(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<PublicityWindowRow> {
  const q = db.select().from(publicityWindows).where(eq(publicityWindows.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound(`publicity ${id}`, '公示');
  return row;
}

export const windowProjectIds = (w: PublicityWindowRow) => (w.projectIds as string[]) ?? [];

/** The header of a window as every DTO (commission and public) shows it. */
export function windowHeader(w: PublicityWindowRow) {
  return { id: w.id, title: w.title, documentNo: w.documentNo ?? '', opensOn: w.opensOn, closesOn: w.closesOn, state: w.state, stateLabel: PUBLICITY_STATE_LABELS[w.state as PublicityState] ?? w.state };
}

/** The public columns of a listed project (no internal ids but the project's). */
export function projectColumns(p: ListedProject) {
  return { projectId: p.projectId, projectNo: p.projectNo, name: p.name, unit: p.unit, district: p.district, recommender: p.recommender };
}

async function latestPublicationIds(db: DbOrTx, windowIds: string[]) {
  if (!windowIds.length) return new Map<string, string>();
  const rows = await db
    .select({ id: publications.id, kind: publications.kind, series: publications.series })
    .from(publications)
    .where(inArray(publications.series, windowIds.map(seriesOf)))
    .orderBy(desc(publications.version));
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(`${r.series}/${r.kind}`)) out.set(`${r.series}/${r.kind}`, r.id);
  return out;
}

export async function windowDtos(db: DbOrTx, windows: PublicityWindowRow[]): Promise<PublicityWindowDto[]> {
  if (!windows.length) return [];
  const allIds = [...new Set(windows.flatMap(windowProjectIds))];
  const [listed, objs, pubs, years] = await Promise.all([
    allIds.length ? projectsWithOutcomes(db, inArray(projects.id, allIds)) : Promise.resolve([]),
    db.select({ publicityId: objections.publicityId, state: objections.state, outcome: objections.outcome }).from(objections).where(inArray(objections.publicityId, windows.map((w) => w.id))),
    latestPublicationIds(db, windows.map((w) => w.id)),
    db.select({ id: campaigns.id, year: campaigns.year }).from(campaigns),
  ]);
  const byId = new Map(listed.map((p) => [p.projectId, p]));
  const yearOf = new Map(years.map((c) => [c.id, c.year]));
  return windows.map((w) => {
    const mine = objs.filter((o) => o.publicityId === w.id);
    return {
      ...windowHeader(w),
      year: yearOf.get(w.campaignId) ?? 0,
      version: w.version,
      projects: windowProjectIds(w)
        .map((id) => byId.get(id))
        .filter((p): p is ListedProject => !!p)
        .map((p) => ({ ...projectColumns(p), levelLabel: levelLabel(p.level), state: p.state, stateLabel: PROJECT_STATE_LABELS[p.state], version: p.version })),
      selectionChanges: (w.selectionChanges as SelectionChange[]) ?? [],
      listPublicationId: pubs.get(`${seriesOf(w.id)}/publicity_list`) ?? null,
      resultPublicationId: pubs.get(`${seriesOf(w.id)}/recognition_result`) ?? null,
      objections: { total: mine.length, open: mine.filter((o) => o.state !== 'concluded').length, upheld: mine.filter((o) => o.outcome === 'upheld').length },
    };
  });
}

export async function windowsOfCampaign(db: DbOrTx, campaignId: string): Promise<PublicityWindowRow[]> {
  return db.select().from(publicityWindows).where(eq(publicityWindows.campaignId, campaignId)).orderBy(desc(publicityWindows.opensOn), desc(publicityWindows.createdAt));
}
