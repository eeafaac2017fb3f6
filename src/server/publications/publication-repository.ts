/**
 * Reading publications. A row never changes, so the public answers are cached in process: the
 * cache is keyed by the series' newest version, which is the only thing a new publication changes
 * for an older version (its 已更正 mark), and it is cleared on every publish in this process.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { PUBLICATION_KINDS, type PlanRow, type PublicationDetail, type PublicationKind, type PublicationSummary } from '../../shared/publications';
import { notFound } from '../app-error';
import type { DbOrTx } from '../db/client';
import { campaigns, publications } from '../db/schema';

export type PublicationRow = typeof publications.$inferSelect;
type Joined = { p: PublicationRow; year: number };

export async function loadSeries(db: DbOrTx, campaignId: string, kind: PublicationKind, series = ''): Promise<PublicationRow[]> {
  return db
    .select()
    .from(publications)
    .where(and(eq(publications.campaignId, campaignId), eq(publications.kind, kind), eq(publications.series, series)))
    .orderBy(desc(publications.version));
}

function summaries(all: Joined[]): PublicationSummary[] {
  const bySeries = new Map<string, Joined[]>();
  for (const j of all) {
    const key = `${j.p.campaignId}/${j.p.kind}/${j.p.series}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), j]);
  }
  return all.map(({ p, year }) => {
    const series = bySeries.get(`${p.campaignId}/${p.kind}/${p.series}`)!;
    const next = series.find((o) => o.p.version === p.version + 1);
    const prev = series.find((o) => o.p.version === p.version - 1);
    return {
      id: p.id,
      kind: p.kind as PublicationKind,
      kindLabel: PUBLICATION_KINDS[p.kind as PublicationKind] ?? p.kind,
      year,
      version: p.version,
      title: p.title,
      documentNo: p.documentNo,
      publishedOn: p.publishedOn,
      publishedAt: p.publishedAt.toISOString(),
      rowCount: (p.rows as unknown[]).length,
      correctionNote: p.correctionNote,
      correctedBy: next ? { id: next.p.id, version: next.p.version } : null,
      corrects: prev ? { id: prev.p.id, version: prev.p.version } : null,
    };
  });
}

async function joined(db: DbOrTx, where?: ReturnType<typeof eq>): Promise<Joined[]> {
  const q = db.select({ p: publications, year: campaigns.year }).from(publications).innerJoin(campaigns, eq(campaigns.id, publications.campaignId));
  return (where ? q.where(where) : q).orderBy(desc(campaigns.year), asc(publications.kind), desc(publications.version));
}

/** Every publication (all years, all versions), newest year first; the caller filters. */
export async function listPublications(db: DbOrTx): Promise<PublicationSummary[]> {
  return summaries(await joined(db));
}

export async function publicationDetail(db: DbOrTx, id: string): Promise<PublicationDetail> {
  const [one] = await db.select({ campaignId: publications.campaignId, kind: publications.kind, series: publications.series }).from(publications).where(eq(publications.id, id));
  if (!one) throw notFound(`publication ${id}`, '公开信息');
  const series = await joined(db, and(eq(publications.campaignId, one.campaignId), eq(publications.kind, one.kind), eq(publications.series, one.series)) as ReturnType<typeof eq>);
  const all = summaries(series);
  const me = all.find((s) => s.id === id)!;
  const row = series.find((s) => s.p.id === id)!.p;
  const rows = row.rows as PlanRow[];
  return {
    ...me,
    rows,
    versions: all.map((s) => ({ id: s.id, version: s.version, publishedOn: s.publishedOn, correctionNote: s.correctionNote })),
  };
}
