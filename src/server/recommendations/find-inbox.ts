/** The recommender's inbox (待审核申报): search, filters, sorting, pagination, per-state counts, export. */
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { formatShanghai } from '../../domain/deadlines';
import { DIRECTION_LABELS, type Direction } from '../../domain/application-form';
import type { InboxFilter, InboxItem } from '../../shared/recommendations';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { renderListXlsx } from '../documents/list-xlsx';
import { organisations, projects } from '../db/schema';
import { projectScope } from '../policy/project-policy';
import { likePattern, pageOf } from '../http/list-query';

/** Scope (projectScope: only the actor's own applications) + campaign + search and filters. */
export function inboxConditions(actor: Actor, campaignId: string, f: InboxFilter, opts: { withState: boolean }): SQL {
  const c: SQL[] = [projectScope(actor), eq(projects.campaignId, campaignId), isNull(projects.deletedAt)];
  if (f.q) {
    const like = likePattern(f.q);
    c.push(or(ilike(projects.name, like), ilike(projects.applicationNo, like), ilike(organisations.name, like))!);
  }
  if (opts.withState && f.state) c.push(inArray(projects.state, f.state.split(',').map((s) => s.trim()) as ProjectState[]));
  if (f.direction) c.push(eq(projects.direction, f.direction));
  if (f.chain) c.push(eq(projects.chain, f.chain));
  if (f.duplicateFlag) c.push(eq(projects.duplicateFlag, f.duplicateFlag === 'true'));
  return and(...c)!;
}

function orderBy(f: InboxFilter): SQL[] {
  const dir = f.order === 'asc' ? 'ASC' : 'DESC';
  const nulls = sql.raw(`${dir} NULLS LAST`);
  const col =
    f.sort === 'name'
      ? sql`${projects.name}`
      : f.sort === 'recommendOrder'
        ? sql`${projects.recommendOrder}`
        : f.sort === 'duplicateScore'
          ? sql`${projects.duplicateScore}`
          : sql`${projects.submittedAt}`;
  return [sql`${col} ${nulls}`, f.order === 'asc' ? asc(projects.applicationNo) : desc(projects.applicationNo), asc(projects.id)];
}

/**
 * Only the columns a list row shows: the 申报书 itself (`form`, ~15 KB of JSON) and the stored
 * duplicate matches are not read for a list page or an export of thousands of rows.
 */
const INBOX_COLUMNS = {
  id: projects.id,
  applicationNo: projects.applicationNo,
  projectNo: projects.projectNo,
  name: projects.name,
  applicantOrgId: projects.applicantOrgId,
  direction: projects.direction,
  chain: projects.chain,
  state: projects.state,
  submittedAt: projects.submittedAt,
  recommendOrder: projects.recommendOrder,
  duplicateScore: projects.duplicateScore,
  duplicateFlag: projects.duplicateFlag,
  lastReason: projects.lastReason,
  batchId: projects.batchId,
  version: projects.version,
};

const select = (db: DbOrTx) =>
  db
    .select({ p: INBOX_COLUMNS, applicantName: organisations.name, applicantKind: organisations.subtype })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId));

type Row = { p: Pick<typeof projects.$inferSelect, keyof typeof INBOX_COLUMNS>; applicantName: string; applicantKind: string | null };

export function toInboxItem({ p, applicantName, applicantKind }: Row): InboxItem {
  return {
    id: p.id,
    applicationNo: p.applicationNo,
    projectNo: p.projectNo,
    name: p.name,
    applicantOrgId: p.applicantOrgId,
    applicantName,
    applicantKind,
    direction: p.direction,
    chain: p.chain,
    state: p.state as ProjectState,
    stateLabel: PROJECT_STATE_LABELS[p.state as ProjectState],
    submittedAt: p.submittedAt?.toISOString() ?? null,
    recommendOrder: p.recommendOrder,
    duplicateScore: p.duplicateScore === null ? null : Number(p.duplicateScore),
    duplicateFlag: p.duplicateFlag,
    lastReason: p.lastReason,
    batchId: p.batchId,
    version: p.version,
  };
}

export async function findInbox(db: DbOrTx, actor: Actor, campaignId: string, f: InboxFilter & { page: number; pageSize: number }) {
  const where = inboxConditions(actor, campaignId, f, { withState: true });
  const [page, perState] = await Promise.all([
    pageOf(
      f,
      ({ limit, offset }) => select(db).where(where).orderBy(...orderBy(f)).limit(limit).offset(offset),
      db.select({ n: count() }).from(projects).innerJoin(organisations, eq(organisations.id, projects.applicantOrgId)).where(where),
    ),
    db
      .select({ state: projects.state, n: count() })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
      .where(inboxConditions(actor, campaignId, f, { withState: false }))
      .groupBy(projects.state),
  ]);
  const counts: Record<string, number> = {};
  for (const r of perState) counts[r.state] = Number(r.n);
  return { ...page, items: page.items.map(toInboxItem), counts };
}

export async function exportInboxRows(db: DbOrTx, actor: Actor, campaignId: string, f: InboxFilter): Promise<InboxItem[]> {
  const rows = await select(db).where(inboxConditions(actor, campaignId, f, { withState: true })).orderBy(...orderBy(f)).limit(100_000);
  return rows.map(toInboxItem);
}

export const INBOX_EXPORT_SHEET = '申报项目列表';

export async function renderInboxXlsx(items: InboxItem[]): Promise<Buffer> {
  return renderListXlsx<InboxItem>(INBOX_EXPORT_SHEET, [
    { header: '序号', width: 6, value: (_, i) => i + 1 },
    { header: '申报编号', width: 22, value: (it) => it.applicationNo },
    { header: '项目名称', width: 36, value: (it) => it.name },
    { header: '申报单位', width: 30, value: (it) => it.applicantName },
    { header: '申报方向', width: 18, value: (it) => (it.direction ? (DIRECTION_LABELS[it.direction as Direction] ?? it.direction) : '') },
    { header: '所属产业链/领域', width: 14, value: (it) => it.chain },
    { header: '状态', width: 16, value: (it) => it.stateLabel },
    { header: '提交时间（北京时间）', width: 22, value: (it) => (it.submittedAt ? formatShanghai(new Date(it.submittedAt)) : '') },
    { header: '推荐排序', width: 8, value: (it) => it.recommendOrder },
    { header: '雷同分值', width: 9, value: (it) => it.duplicateScore },
    { header: '雷同提示', width: 9, value: (it) => (it.duplicateFlag ? '是' : '否') },
    { header: '退回/不予推荐原因', width: 30, value: (it) => it.lastReason },
  ], items);
}
