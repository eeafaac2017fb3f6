/** 立项审核 list: the active campaign's projects awaiting decision (and decided), search, filters, sort, counts, export. */
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import { formatShanghai } from '../../domain/deadlines';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { DECISION_STATES, type ApprovalFilter, type ApprovalItem } from '../../shared/approvals';
import { DIRECTION_LABELS, type Direction } from '../../shared/application-form';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, projects } from '../db/schema';
import { projectScope } from '../policy/project-policy';

const applicant = alias(organisations, 'applicant_org');
const recommender = alias(organisations, 'recommender_org');

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Scope (projectScope) + campaign + decision states + search and filters. */
function conditions(actor: Actor, campaignId: string, f: ApprovalFilter, withState: boolean): SQL {
  const c: SQL[] = [projectScope(actor), eq(projects.campaignId, campaignId), isNull(projects.deletedAt)];
  c.push(inArray(projects.state, withState && f.state ? [f.state] : [...DECISION_STATES]));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    c.push(or(ilike(projects.name, like), ilike(projects.applicationNo, like), ilike(projects.projectNo, like), ilike(applicant.name, like))!);
  }
  if (f.recommenderOrgId) c.push(eq(projects.recommenderOrgId, f.recommenderOrgId));
  if (f.direction) c.push(eq(projects.direction, f.direction));
  if (f.chain) c.push(eq(projects.chain, f.chain));
  return and(...c)!;
}

function orderBy(f: ApprovalFilter): SQL[] {
  const dir = sql.raw(f.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST');
  const col = {
    submittedAt: sql`${projects.submittedAt}`,
    name: sql`${projects.name}`,
    applicationNo: sql`${projects.applicationNo}`,
    projectNo: sql`${projects.projectNo}`,
    recommender: sql`${recommender.name}`,
    decidedAt: sql`CASE WHEN ${projects.state} = 'under_review' THEN NULL ELSE ${projects.stateChangedAt} END`,
  }[f.sort];
  return [sql`${col} ${dir}`, asc(projects.applicationNo), asc(projects.id)];
}

const select = (db: DbOrTx) =>
  db
    .select({ p: projects, applicantName: applicant.name, recommenderName: recommender.name })
    .from(projects)
    .innerJoin(applicant, eq(applicant.id, projects.applicantOrgId))
    .leftJoin(recommender, eq(recommender.id, projects.recommenderOrgId));

type Row = { p: typeof projects.$inferSelect; applicantName: string; recommenderName: string | null };

function toItem({ p, applicantName, recommenderName }: Row): ApprovalItem {
  const state = p.state as ProjectState;
  return {
    id: p.id,
    applicationNo: p.applicationNo,
    projectNo: p.projectNo,
    name: p.name,
    applicantOrgId: p.applicantOrgId,
    applicantName,
    recommenderOrgId: p.recommenderOrgId,
    recommenderName,
    direction: p.direction,
    directionLabel: p.direction ? (DIRECTION_LABELS[p.direction as Direction] ?? p.direction) : null,
    chain: p.chain,
    state,
    stateLabel: PROJECT_STATE_LABELS[state],
    submittedAt: p.submittedAt?.toISOString() ?? null,
    recommendOrder: p.recommendOrder,
    recommendationOpinion: p.recommendationOpinion,
    duplicateScore: p.duplicateScore === null ? null : Number(p.duplicateScore),
    duplicateFlag: p.duplicateFlag,
    batchId: p.batchId,
    rejectReason: state === 'rejected' ? p.lastReason : null,
    decidedAt: state === 'approved' || state === 'rejected' ? p.stateChangedAt.toISOString() : null,
    version: p.version,
  };
}

export async function listApprovals(db: DbOrTx, actor: Actor, campaignId: string, f: ApprovalFilter & { page: number; pageSize: number }) {
  const where = conditions(actor, campaignId, f, true);
  const [rows, [{ n }], perState] = await Promise.all([
    select(db).where(where).orderBy(...orderBy(f)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(projects).innerJoin(applicant, eq(applicant.id, projects.applicantOrgId)).where(where),
    db
      .select({ state: projects.state, n: count() })
      .from(projects)
      .innerJoin(applicant, eq(applicant.id, projects.applicantOrgId))
      .where(conditions(actor, campaignId, f, false))
      .groupBy(projects.state),
  ]);
  const counts = { under_review: 0, approved: 0, rejected: 0 };
  for (const r of perState) if (r.state in counts) counts[r.state as keyof typeof counts] = Number(r.n);
  return { items: rows.map(toItem), total: Number(n), page: f.page, pageSize: f.pageSize, counts };
}

/** Exactly the filtered rows, in the list's order (no paging). */
export async function exportApprovalRows(db: DbOrTx, actor: Actor, campaignId: string, f: ApprovalFilter): Promise<ApprovalItem[]> {
  const rows = await select(db).where(conditions(actor, campaignId, f, true)).orderBy(...orderBy(f)).limit(100_000);
  return rows.map(toItem);
}

export const APPROVAL_EXPORT_SHEET = '立项审核项目列表';

export async function renderApprovalsXlsx(items: ApprovalItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '攻关 Gongguan';
  const ws = wb.addWorksheet(APPROVAL_EXPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '序号', key: 'seq', width: 6 },
    { header: '申报编号', key: 'no', width: 20 },
    { header: '立项编号', key: 'projectNo', width: 20 },
    { header: '项目名称', key: 'name', width: 36 },
    { header: '申报单位', key: 'applicant', width: 30 },
    { header: '推荐单位', key: 'recommender', width: 26 },
    { header: '申报方向', key: 'direction', width: 18 },
    { header: '所属产业链/领域', key: 'chain', width: 14 },
    { header: '推荐排序', key: 'order', width: 8 },
    { header: '雷同分值', key: 'score', width: 9 },
    { header: '状态', key: 'state', width: 14 },
    { header: '不予立项原因', key: 'reason', width: 30 },
    { header: '审核时间（北京时间）', key: 'decidedAt', width: 22 },
  ];
  ws.getRow(1).font = { bold: true };
  items.forEach((it, i) =>
    ws.addRow({
      seq: i + 1,
      no: it.applicationNo ?? '',
      projectNo: it.projectNo ?? '',
      name: it.name,
      applicant: it.applicantName,
      recommender: it.recommenderName ?? '',
      direction: it.directionLabel ?? '',
      chain: it.chain ?? '',
      order: it.recommendOrder ?? '',
      score: it.duplicateScore ?? '',
      state: it.stateLabel,
      reason: it.rejectReason ?? '',
      decidedAt: it.decidedAt ? formatShanghai(new Date(it.decidedAt)) : '',
    }),
  );
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 13 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
