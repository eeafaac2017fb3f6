/**
 * 雷同检查 (program.md §5): each application is compared with earlier years' results
 * (historical_results, kinds per the campaign's `duplicate.targets`) and with the same campaign's
 * other applications that have been submitted at least once.
 *
 * The `SimilarityIndex` (src/domain/similarity.ts) is built once per process and campaign and
 * cached; before every use a cheap aggregate query (row counts + newest timestamps of both sources)
 * tells whether the data changed, and only then is the index rebuilt. Several app instances each
 * keep their own cache; they converge on the next use.
 *
 * Privacy: an applicant sees other applicants' same-year applications only as "本年度其他申报项目"
 * with a score and the ranges of ITS OWN text that overlap — never the other name, unit or text.
 * Historical results are published lists and are shown in full. Recommenders and the commission
 * see everything.
 */
import { and, count, eq, inArray, isNull, max, notInArray } from 'drizzle-orm';
import { SimilarityIndex, type SimilarityMatch } from '../../domain/similarity';
import type { ApplicationForm } from '../../shared/application-form';
import type { DuplicateCheck, DuplicateMatch } from '../../shared/applications';
import type { CampaignConfig } from '../../shared/campaign';
import type { Db, DbOrTx } from '../db/client';
import { historicalResults, organisations, projects } from '../db/schema';

export const DUPLICATE_FIELD_LABELS: Record<string, string> = { name: '项目名称', problem: '质量问题', goals: '攻关目标', route: '技术路线' };

/** States whose applications are NOT compared (never sent, or taken back). */
const NOT_COMPARED_STATES = ['draft', 'withdrawn'] as const;

interface DocMeta {
  source: 'historical' | 'application';
  id: string;
  name: string;
  unitName: string;
  year?: number;
  level?: string;
  applicationNo?: string;
}

interface CacheEntry {
  signature: string;
  index: SimilarityIndex;
}

const caches = new WeakMap<object, Map<string, CacheEntry>>();

/** The four compared fields of a 申报书. */
export function similarityFields(form: ApplicationForm): Record<string, string> {
  const goals = (form.content?.goals ?? [])
    .map((g) => [g.indicator, g.baseline ? `由${g.baseline}${g.unit ?? ''}` : '', g.target ? `达到${g.target}${g.unit ?? ''}` : ''].join(''))
    .filter(Boolean)
    .join('；');
  return {
    name: form.project?.name ?? '',
    problem: form.content?.background ?? '',
    goals,
    route: form.content?.technicalRoute ?? '',
  };
}

function historyKinds(config: CampaignConfig): string[] {
  const kinds: string[] = [];
  if (config.duplicate.targets.includes('excellent_results')) kinds.push('excellent_result');
  if (config.duplicate.targets.includes('past_projects')) kinds.push('past_project');
  return kinds;
}

async function signatureOf(db: DbOrTx, campaignId: string, config: CampaignConfig): Promise<string> {
  const kinds = historyKinds(config);
  const sameYear = config.duplicate.targets.includes('same_year');
  const [h] = kinds.length
    ? await db.select({ n: count(), at: max(historicalResults.createdAt) }).from(historicalResults).where(inArray(historicalResults.kind, kinds))
    : [{ n: 0, at: null }];
  const [p] = sameYear
    ? await db
        .select({ n: count(), at: max(projects.updatedAt), st: max(projects.stateChangedAt) })
        .from(projects)
        .where(and(eq(projects.campaignId, campaignId), notInArray(projects.state, [...NOT_COMPARED_STATES]), isNull(projects.deletedAt)))
    : [{ n: 0, at: null, st: null }];
  const t = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d ?? ''));
  return [kinds.join(','), h.n, t(h.at), sameYear, p.n, t(p.at), t((p as { st?: unknown }).st)].join('|');
}

async function build(db: DbOrTx, campaignId: string, config: CampaignConfig): Promise<SimilarityIndex> {
  const index = new SimilarityIndex();
  const kinds = historyKinds(config);
  if (kinds.length) {
    const rows = await db.select().from(historicalResults).where(inArray(historicalResults.kind, kinds));
    for (const r of rows) {
      const meta: DocMeta = { source: 'historical', id: r.id, name: r.name, unitName: r.unitName, year: r.year, level: r.level ?? undefined };
      index.add({ id: `h:${r.id}`, fields: { name: r.name, problem: r.problem ?? '', goals: r.goals ?? '', route: r.route ?? '' }, meta });
    }
  }
  if (config.duplicate.targets.includes('same_year')) {
    const rows = await db
      .select({ id: projects.id, form: projects.form, applicationNo: projects.applicationNo, unitName: organisations.name })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
      .where(and(eq(projects.campaignId, campaignId), notInArray(projects.state, [...NOT_COMPARED_STATES]), isNull(projects.deletedAt)));
    for (const r of rows) {
      const form = r.form as ApplicationForm;
      const fields = similarityFields(form);
      const meta: DocMeta = { source: 'application', id: r.id, name: fields.name, unitName: r.unitName, applicationNo: r.applicationNo ?? undefined };
      index.add({ id: `p:${r.id}`, fields, meta });
    }
  }
  return index;
}

/** The cached index for a campaign, rebuilt when the signature changed. */
export async function duplicateIndex(db: Db, campaignId: string, config: CampaignConfig): Promise<SimilarityIndex> {
  let perDb = caches.get(db);
  if (!perDb) caches.set(db, (perDb = new Map()));
  const signature = await signatureOf(db, campaignId, config);
  const hit = perDb.get(campaignId);
  if (hit && hit.signature === signature) return hit.index;
  const index = await build(db, campaignId, config);
  perDb.set(campaignId, { signature, index });
  return index;
}

export interface DuplicateViewer {
  /** Applicants never see other applicants' same-year applications in the clear. */
  redactOtherApplications: boolean;
}

function toMatch(m: SimilarityMatch, viewer: DuplicateViewer): DuplicateMatch {
  const meta = m.meta as DocMeta;
  const hide = viewer.redactOtherApplications && meta.source === 'application';
  return {
    source: meta.source,
    sourceLabel: meta.source === 'historical' ? `${meta.year ?? ''}年度${meta.level ? `（${meta.level}）` : ''}历年成果` : '本年度其他申报项目',
    id: hide ? undefined : meta.id,
    score: round4(m.score),
    fieldScores: Object.fromEntries(Object.entries(m.fieldScores).map(([k, v]) => [k, round4(v)])),
    name: hide ? '本年度其他申报项目（内容保密）' : meta.name,
    unitName: hide ? undefined : meta.unitName,
    year: meta.year,
    level: meta.level,
    applicationNo: hide ? undefined : meta.applicationNo,
    overlaps: m.overlaps.map((o) => ({
      field: o.field,
      fieldLabel: DUPLICATE_FIELD_LABELS[o.field] ?? o.field,
      queryRanges: o.queryRanges,
      targetRanges: hide ? undefined : o.targetRanges,
    })),
  };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Top matches for a form (excluding the project itself), above the campaign's show threshold. */
export async function findDuplicates(
  db: Db,
  input: { campaignId: string; config: CampaignConfig; projectId: string; form: ApplicationForm; viewer: DuplicateViewer; topK?: number },
): Promise<DuplicateCheck & { stored: DuplicateMatch[] }> {
  const { flagThreshold, showThreshold } = input.config.duplicate;
  const query = similarityFields(input.form);
  const hasText = Object.values(query).some((v) => v.trim().length > 0);
  const raw = hasText
    ? (await duplicateIndex(db, input.campaignId, input.config)).query(query, { topK: input.topK ?? 5, minScore: showThreshold, excludeIds: [`p:${input.projectId}`] })
    : [];
  const topScore = raw.length ? round4(raw[0].score) : null;
  return {
    topScore,
    flagged: topScore !== null && topScore >= flagThreshold,
    flagThreshold,
    showThreshold,
    query,
    matches: raw.map((m) => toMatch(m, input.viewer)),
    stored: raw.map((m) => toMatch(m, { redactOtherApplications: false })),
  };
}

/** A stored duplicate result (projects.duplicate_matches), redacted for the viewer. */
export function storedDuplicates(
  stored: unknown,
  input: { config: CampaignConfig; form: ApplicationForm; score: number | null; flagged: boolean; viewer: DuplicateViewer },
): DuplicateCheck {
  const list = Array.isArray(stored) ? (stored as DuplicateMatch[]) : [];
  return {
    topScore: input.score,
    flagged: input.flagged,
    flagThreshold: input.config.duplicate.flagThreshold,
    showThreshold: input.config.duplicate.showThreshold,
    query: similarityFields(input.form),
    matches: list.map((m) =>
      input.viewer.redactOtherApplications && m.source === 'application'
        ? { ...m, id: undefined, name: '本年度其他申报项目（内容保密）', unitName: undefined, applicationNo: undefined, overlaps: m.overlaps.map((o) => ({ ...o, targetRanges: undefined })) }
        : m,
    ),
  };
}
