/** The recommender's inbox (待审核申报): search, filters, sorting, pagination, per-state counts, export. */
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { formatShanghai } from '../../domain/deadlines';
import { DIRECTION_LABELS, type Direction } from '../../shared/application-form';
import type { InboxFilter, InboxItem } from '../../shared/recommendations';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, projects } from '../db/schema';
import { projectScope } from '../policy/project-policy';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Scope (projectScope: only the actor's own applications) + campaign + search and filters. */
export function inboxConditions(actor: Actor, campaignId: string, f: InboxFilter, opts: { withState: boolean }): SQL {
  const c: SQL[] = [projectScope(actor), eq(projects.campaignId, campaignId), isNull(projects.deletedAt)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
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

export async function listInbox(db: DbOrTx, actor: Actor, campaignId: string, f: InboxFilter & { page: number; pageSize: number }) {
  const where = inboxConditions(actor, campaignId, f, { withState: true });
  const [rows, [{ n }], perState] = await Promise.all([
    select(db).where(where).orderBy(...orderBy(f)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(projects).innerJoin(organisations, eq(organisations.id, projects.applicantOrgId)).where(where),
    db
      .select({ state: projects.state, n: count() })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
      .where(inboxConditions(actor, campaignId, f, { withState: false }))
      .groupBy(projects.state),
  ]);
  const counts: Record<string, number> = {};
  for (const r of perState) counts[r.state] = Number(r.n);
  return { items: rows.map(toInboxItem), total: Number(n), page: f.page, pageSize: f.pageSize, counts };
}

export async function exportInboxRows(db: DbOrTx, actor: Actor, campaignId: string, f: InboxFilter): Promise<InboxItem[]> {
  const rows = await select(db).where(inboxConditions(actor, campaignId, f, { withState: true })).orderBy(...orderBy(f)).limit(100_000);
  return rows.map(toInboxItem);
}

export const INBOX_EXPORT_SHEET = '申报项目列表';

export async function renderInboxXlsx(items: InboxItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '攻关 Gongguan';
  const ws = wb.addWorksheet(INBOX_EXPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '序号', key: 'seq', width: 6 },
    { header: '申报编号', key: 'no', width: 22 },
    { header: '项目名称', key: 'name', width: 36 },
    { header: '申报单位', key: 'applicant', width: 30 },
    { header: '申报方向', key: 'direction', width: 18 },
    { header: '所属产业链/领域', key: 'chain', width: 14 },
    { header: '状态', key: 'state', width: 16 },
    { header: '提交时间（北京时间）', key: 'submittedAt', width: 22 },
    { header: '推荐排序', key: 'order', width: 8 },
    { header: '雷同分值', key: 'score', width: 9 },
    { header: '雷同提示', key: 'flag', width: 9 },
    { header: '退回/不予推荐原因', key: 'reason', width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  items.forEach((it, i) =>
    ws.addRow({
      seq: i + 1,
      no: it.applicationNo ?? '',
      name: it.name,
      applicant: it.applicantName,
      direction: it.direction ? (DIRECTION_LABELS[it.direction as Direction] ?? it.direction) : '',
      chain: it.chain ?? '',
      state: it.stateLabel,
      submittedAt: it.submittedAt ? formatShanghai(new Date(it.submittedAt)) : '',
      order: it.recommendOrder ?? '',
      score: it.duplicateScore ?? '',
      flag: it.duplicateFlag ? '是' : '否',
      reason: it.lastReason ?? '',
    }),
  );
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 12 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
