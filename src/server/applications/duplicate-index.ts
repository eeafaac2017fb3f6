/**
 * 雷同检查 (program.md §5): each application is compared with earlier years' results
 * (historical_results, kinds per the campaign's `duplicate.targets`) and with the same campaign's
 * other applications that have been submitted at least once.
 *
 * The `SimilarityIndex` (src/domain/similarity-index.ts: jieba words, IDF, the campaign's synonym
 * table `duplicate.synonyms`) is built once per process and campaign and
 * cached: the historical part is rebuilt only when the history changes (an import); the same-year
 * applications are updated one by one as their versions change. Several app instances each keep
 * their own cache; they converge on the next use.
 *
 * Privacy: an applicant sees other applicants' same-year applications only as "本年度其他申报项目"
 * with a score and the ranges of ITS OWN text that overlap — never the other name, unit or text.
 * Historical results are published lists and are shown in full. Recommenders and the commission
 * see everything.
 */
import { and, count, eq, inArray, isNull, max, notInArray, sql } from 'drizzle-orm';
import { SimilarityIndex, type SimilarityMatch } from '../../domain/similarity-index';
import { DEFAULT_SYNONYM_GROUPS, SynonymNormalizer } from '../../domain/similarity-synonyms';
import type { HistoryKind } from '../../domain/vocabularies';
import type { ApplicationForm } from '../../domain/application-form';
import type { DuplicateCheck, DuplicateMatch } from '../../shared/applications';
import type { CampaignConfig } from '../../domain/campaign-config';
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
  historySignature: string;
  /** The synonym table the index was built with. */
  synonyms: string;
  /** When the history signature was last read (performance.now()). */
  historyCheckedAt: number;
  /** Fingerprint of the compared same-year applications when `projects` was last brought up to date. */
  sameYearSignature?: string;
  index: SimilarityIndex;
  /** compared project id → "version:state" of what the index holds. */
  projects: Map<string, string>;
}

/**
 * The history changes only by an import (rare, by the commission). An import in this process
 * invalidates the cache at once; other instances notice it within this time. Reading the
 * history signature costs a count over 50,000 rows (~40 ms on PGlite), so exact checks
 * (every submit) do not pay it every time.
 */
export const HISTORY_RECHECK_MS = 60_000;

interface CampaignCache {
  entry?: CacheEntry;
  /** When the last completed check against the database started (performance.now()). */
  checkedAt: number;
  /** A check in progress, shared by every reader that accepts a recent index. */
  inflight?: Promise<CacheEntry>;
}

const caches = new WeakMap<object, Map<string, CampaignCache>>();

/**
 * How old an index a page view may use without asking the database whether anything changed.
 * Checking costs two scans (history signature, same-year versions: ~70 ms at 5,000 applications
 * and 50,000 results on PGlite) and the 申报书 page shows the live check on every view, so on
 * the deadline day most views share one check (docs/performance.md, figure 1). Submits and the
 * explicit 雷同检查 button always check (maxAgeMs 0): what is stored with a submission is exact.
 */
export const DUPLICATE_INDEX_VIEW_MAX_AGE_MS = 2_000;

/** Forget the cached index (after a history import in this process: the next use rebuilds). */
export function invalidateDuplicateIndex(db: object): void {
  caches.delete(db);
}

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

function historyKinds(config: CampaignConfig): HistoryKind[] {
  const kinds: HistoryKind[] = [];
  if (config.duplicate.targets.includes('excellent_results')) kinds.push('excellent_result');
  if (config.duplicate.targets.includes('past_projects')) kinds.push('past_project');
  return kinds;
}

async function historySignatureOf(db: DbOrTx, config: CampaignConfig): Promise<string> {
  const kinds = historyKinds(config);
  const [h] = kinds.length
    ? await db.select({ n: count(), at: max(historicalResults.createdAt) }).from(historicalResults).where(inArray(historicalResults.kind, kinds))
    : [{ n: 0, at: null }];
  const at = h.at instanceof Date ? h.at.toISOString() : String(h.at ?? '');
  return [kinds.join(','), h.n, at, config.duplicate.targets.includes('same_year'), synonymSignature(config)].join('|');
}

/** A changed synonym table rebuilds the index (every document is compared through it). */
function synonymSignature(config: CampaignConfig): string {
  return new SynonymNormalizer(config.duplicate.synonyms ?? DEFAULT_SYNONYM_GROUPS).signature;
}

function buildHistory(rows: (typeof historicalResults.$inferSelect)[], config: CampaignConfig): SimilarityIndex {
  const index = new SimilarityIndex({ synonyms: config.duplicate.synonyms });
  for (const r of rows) {
    const meta: DocMeta = { source: 'historical', id: r.id, name: r.name, unitName: r.unitName, year: r.year, level: r.level ?? undefined };
    index.add({ id: `h:${r.id}`, fields: { name: r.name, problem: r.problem ?? '', goals: r.goals ?? '', route: r.route ?? '' }, meta });
  }
  return index;
}

/**
 * The same-year part of the index is brought up to date one project at a time: a fingerprint says
 * whether anything changed, a compact scan of (id, version, state) finds what, and only those
 * forms are read and re-indexed. A submit therefore costs one document, not a rebuild of 50,000
 * (docs/performance.md).
 *
 * One aggregate over the compared applications (not drafts, not withdrawn): their number and a
 * sum of hashes of (id, version, state). Every write bumps a project's version, so any change to
 * the compared set changes it; computed in the database (~2 ms), it spares the scan below while
 * nothing was submitted, returned, recommended… since the last check.
 */
async function sameYearSignatureOf(db: DbOrTx, campaignId: string): Promise<string> {
  const [r] = await db
    .select({
      n: count(),
      h: sql<string>`coalesce(sum(hashtext(${projects.id}::text || ':' || ${projects.version} || ':' || ${projects.state})), 0)::text`,
    })
    .from(projects)
    .where(and(eq(projects.campaignId, campaignId), isNull(projects.deletedAt), notInArray(projects.state, [...NOT_COMPARED_STATES])));
  return `${r.n}|${r.h}`;
}

async function refreshProjects(db: DbOrTx, campaignId: string, entry: CacheEntry): Promise<void> {
  const signature = await sameYearSignatureOf(db, campaignId);
  if (entry.sameYearSignature === signature) return;
  await scanProjects(db, campaignId, entry);
  entry.sameYearSignature = signature;
}

/**
 * Brings `entry.projects` (the compared applications: id → "version:state") up to date. The list
 * comes back as ONE aggregated text instead of thousands of rows: on PGlite, decoding rows is most
 * of a query's cost, and this runs on every submit of the deadline day (docs/performance.md).
 */
async function scanProjects(db: DbOrTx, campaignId: string, entry: CacheEntry): Promise<void> {
  const [{ list }] = await db
    .select({ list: sql<string | null>`string_agg(${projects.id}::text || ':' || ${projects.version} || ':' || ${projects.state}, ',')` })
    .from(projects)
    .where(and(eq(projects.campaignId, campaignId), isNull(projects.deletedAt), notInArray(projects.state, [...NOT_COMPARED_STATES])));
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const item of list ? list.split(',') : []) {
    const i = item.indexOf(':');
    const id = item.slice(0, i);
    const stamp = item.slice(i + 1);
    seen.add(id);
    if (entry.projects.get(id) === stamp) continue;
    entry.projects.set(id, stamp);
    entry.index.remove(`p:${id}`);
    changed.push(id);
  }
  // Left the compared set (withdrawn, back to draft, deleted): out of the index.
  for (const id of [...entry.projects.keys()]) {
    if (!seen.has(id)) {
      entry.projects.delete(id);
      entry.index.remove(`p:${id}`);
    }
  }
  for (let i = 0; i < changed.length; i += 500) {
    const batch = await db
      .select({ id: projects.id, form: projects.form, applicationNo: projects.applicationNo, unitName: organisations.name })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
      .where(inArray(projects.id, changed.slice(i, i + 500)));
    for (const r of batch) {
      const fields = similarityFields(r.form as ApplicationForm);
      const meta: DocMeta = { source: 'application', id: r.id, name: fields.name, unitName: r.unitName, applicationNo: r.applicationNo ?? undefined };
      entry.index.add({ id: `p:${r.id}`, fields, meta });
    }
  }
}

async function checkIndex(db: Db, campaignId: string, config: CampaignConfig, previous: CacheEntry | undefined): Promise<CacheEntry> {
  let entry = previous;
  // a changed synonym table (campaign config) changes every document's terms: rebuild at once
  if (entry && entry.synonyms !== synonymSignature(config)) entry = undefined;
  if (!entry || performance.now() - entry.historyCheckedAt > HISTORY_RECHECK_MS) {
    const checkedAt = performance.now();
    const historySignature = await historySignatureOf(db, config);
    if (entry?.historySignature === historySignature) entry.historyCheckedAt = checkedAt;
    else {
      const kinds = historyKinds(config);
      const rows = kinds.length ? await db.select().from(historicalResults).where(inArray(historicalResults.kind, kinds)) : [];
      entry = { historySignature, historyCheckedAt: checkedAt, synonyms: synonymSignature(config), index: buildHistory(rows, config), projects: new Map() };
    }
  }
  if (config.duplicate.targets.includes('same_year')) await refreshProjects(db, campaignId, entry);
  return entry;
}

/**
 * The cached index for a campaign: history rebuilt when it changed, applications kept up to date
 * incrementally. `maxAgeMs` > 0 lets a reader use an index checked that recently (and join a check
 * already running) instead of checking again; 0 (the default) always checks.
 */
export async function duplicateIndex(db: Db, campaignId: string, config: CampaignConfig, opts: { maxAgeMs?: number } = {}): Promise<SimilarityIndex> {
  let perDb = caches.get(db);
  if (!perDb) caches.set(db, (perDb = new Map()));
  let cache = perDb.get(campaignId);
  if (!cache) perDb.set(campaignId, (cache = { checkedAt: -Infinity }));
  const maxAgeMs = opts.maxAgeMs ?? 0;
  if (maxAgeMs > 0) {
    if (cache.entry && performance.now() - cache.checkedAt <= maxAgeMs) return cache.entry.index;
    if (cache.inflight) return (await cache.inflight).index;
  }
  const startedAt = performance.now();
  const c = cache;
  const run = checkIndex(db, campaignId, config, c.entry).then(
    (entry) => {
      c.entry = entry;
      if (startedAt > c.checkedAt) c.checkedAt = startedAt;
      return entry;
    },
  );
  const shared = run.finally(() => {
    if (c.inflight === shared) c.inflight = undefined;
  });
  c.inflight = shared;
  return (await shared).index;
}

export interface DuplicateViewer {
  /** Applicants never see other applicants' same-year applications in the clear. */
  redactOtherApplications: boolean;
}

function toMatch(m: SimilarityMatch, viewer: DuplicateViewer, texts: Record<string, string> | undefined): DuplicateMatch {
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
    // the other application's words stay confidential for an applicant: only this side's word is shown
    synonyms: m.synonyms.map((s) => ({ field: s.field, fieldLabel: DUPLICATE_FIELD_LABELS[s.field] ?? s.field, query: s.query, target: hide ? '' : s.target, canonical: s.canonical })),
    sharedTerms: hide ? undefined : m.sharedTerms,
    targetTexts: hide || !texts ? undefined : texts,
  };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Top matches for a form (excluding the project itself), above the campaign's show threshold. */
export async function findDuplicates(
  db: Db,
  input: { campaignId: string; config: CampaignConfig; projectId: string; form: ApplicationForm; viewer: DuplicateViewer; topK?: number; maxAgeMs?: number },
): Promise<DuplicateCheck & { stored: DuplicateMatch[] }> {
  const { flagThreshold, showThreshold } = input.config.duplicate;
  const query = similarityFields(input.form);
  const hasText = Object.values(query).some((v) => v.trim().length > 0);
  const index = hasText ? await duplicateIndex(db, input.campaignId, input.config, { maxAgeMs: input.maxAgeMs }) : null;
  const raw = index ? index.query(query, { topK: input.topK ?? 5, minScore: showThreshold, excludeIds: [`p:${input.projectId}`] }) : [];
  const topScore = raw.length ? round4(raw[0].score) : null;
  const texts = raw.map((m) => index?.fieldsById(m.id));
  return {
    topScore,
    flagged: topScore !== null && topScore >= flagThreshold,
    flagThreshold,
    showThreshold,
    query,
    matches: raw.map((m, i) => toMatch(m, input.viewer, texts[i])),
    stored: raw.map((m, i) => toMatch(m, { redactOtherApplications: false }, texts[i])),
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
        ? {
            ...m,
            id: undefined,
            name: '本年度其他申报项目（内容保密）',
            unitName: undefined,
            applicationNo: undefined,
            overlaps: m.overlaps.map((o) => ({ ...o, targetRanges: undefined })),
            synonyms: m.synonyms?.map((x) => ({ ...x, target: '' })),
            sharedTerms: undefined,
            targetTexts: undefined,
          }
        : m,
    ),
  };
}
