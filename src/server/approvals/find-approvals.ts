/** 立项审核 list: the active campaign's projects awaiting decision (and decided), search, filters, sort, counts, export. */
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { formatShanghai } from '../../domain/deadlines';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { DECISION_STATES, type ApprovalFilter, type ApprovalItem } from '../../shared/approvals';
import { DIRECTION_LABELS, type Direction } from '../../domain/application-form';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, projects } from '../db/schema';
import { renderListXlsx } from '../documents/list-xlsx';
import { projectScope } from '../policy/project-policy';
import { likePattern, pageOf } from '../http/list-query';
import type { CampaignRow } from '../campaigns/campaign-repository';
import { preferentialRule } from './preferential-support';

const applicant = alias(organisations, 'applicant_org');
const recommender = alias(organisations, 'recommender_org');

/** Scope (projectScope) + campaign + decision states + search and filters. */
function conditions(actor: Actor, campaignId: string, f: ApprovalFilter, withState: boolean): SQL {
  const c: SQL[] = [projectScope(actor), eq(projects.campaignId, campaignId), isNull(projects.deletedAt)];
  if (f.district) c.push(eq(applicant.district, f.district));
  if (f.duplicate) c.push(eq(projects.duplicateFlag, f.duplicate === 'flagged'));
  if (f.eligibility === 'problems') c.push(hasEligibilityProblem);
  if (f.eligibility === 'ok') c.push(sql`NOT ${hasEligibilityProblem}`);
  c.push(inArray(projects.state, withState && f.state ? [f.state] : [...DECISION_STATES]));
  if (f.q) {
    const like = likePattern(f.q);
    c.push(or(ilike(projects.name, like), ilike(projects.applicationNo, like), ilike(projects.projectNo, like), ilike(applicant.name, like))!);
  }
  if (f.recommenderOrgId) c.push(eq(projects.recommenderOrgId, f.recommenderOrgId));
  if (f.direction) c.push(eq(projects.direction, f.direction));
  if (f.chain) c.push(eq(projects.chain, f.chain));
  return and(...c)!;
}

/** A failed or warning item in the submit-time eligibility snapshot ({checkedAt, items: [{id, status, message}]}). */
const hasEligibilityProblem = sql`jsonb_path_exists(${projects.eligibility}, '$.items[*] ? (@.status == "fail" || @.status == "warning")')`;

/** 倾斜支持 directions of the campaign (config.directions[].preferred): 质量共性技术攻关. */
const preferredOf = (campaign: CampaignRow) => preferentialRule(campaign).directions as string[];

function orderBy(f: ApprovalFilter, preferred: string[]): SQL[] {
  const dir = sql.raw(f.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST');
  const col = {
    submittedAt: sql`${projects.submittedAt}`,
    name: sql`${projects.name}`,
    applicationNo: sql`${projects.applicationNo}`,
    projectNo: sql`${projects.projectNo}`,
    recommender: sql`${recommender.name}`,
    decidedAt: sql`CASE WHEN ${projects.state} = 'under_review' THEN NULL ELSE ${projects.stateChangedAt} END`,
  }[f.sort];
  const first =
    f.priority === 'preferred' && preferred.length
      ? [sql`CASE WHEN ${inArray(projects.direction, preferred as Direction[])} THEN 0 ELSE 1 END`]
      : [];
  return [...first, sql`${col} ${dir}`, asc(projects.applicationNo), asc(projects.id)];
}

const select = (db: DbOrTx) =>
  db
    .select({ p: projects, applicantName: applicant.name, recommenderName: recommender.name })
    .from(projects)
    .innerJoin(applicant, eq(applicant.id, projects.applicantOrgId))
    .leftJoin(recommender, eq(recommender.id, projects.recommenderOrgId));

type Row = { p: typeof projects.$inferSelect; applicantName: string; recommenderName: string | null };

type EligibilitySnapshot = { items?: { id?: string; label?: string; status?: string; message?: string }[] };

function toItem({ p, applicantName, recommenderName }: Row, preferred: string[]): ApprovalItem {
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
    eligibilityProblems: ((p.eligibility as EligibilitySnapshot).items ?? []).filter((e) => e.status === 'fail' || e.status === 'warning').map((e) => [e.label, e.message].filter(Boolean).join('：') || (e.id ?? '')),
    preferred: !!p.direction && preferred.includes(p.direction),
    batchId: p.batchId,
    rejectReason: state === 'rejected' ? p.lastReason : null,
    decidedAt: state === 'approved' || state === 'rejected' ? p.stateChangedAt.toISOString() : null,
    version: p.version,
  };
}

export async function findApprovals(db: DbOrTx, actor: Actor, campaign: CampaignRow, f: ApprovalFilter & { page: number; pageSize: number }) {
  const campaignId = campaign.id;
  const preferred = preferredOf(campaign);
  const where = conditions(actor, campaignId, f, true);
  const [page, perState] = await Promise.all([
    pageOf(
      f,
      ({ limit, offset }) => select(db).where(where).orderBy(...orderBy(f, preferred)).limit(limit).offset(offset),
      db.select({ n: count() }).from(projects).innerJoin(applicant, eq(applicant.id, projects.applicantOrgId)).where(where),
    ),
    db
      .select({ state: projects.state, n: count() })
      .from(projects)
      .innerJoin(applicant, eq(applicant.id, projects.applicantOrgId))
      .where(conditions(actor, campaignId, f, false))
      .groupBy(projects.state),
  ]);
  const counts = { under_review: 0, approved: 0, rejected: 0 };
  for (const r of perState) if (r.state in counts) counts[r.state as keyof typeof counts] = Number(r.n);
  return { ...page, items: page.items.map((r) => toItem(r, preferred)), counts };
}

/** Exactly the filtered rows, in the list's order (no paging). */
export async function exportApprovalRows(db: DbOrTx, actor: Actor, campaign: CampaignRow, f: ApprovalFilter): Promise<ApprovalItem[]> {
  const preferred = preferredOf(campaign);
  const rows = await select(db).where(conditions(actor, campaign.id, f, true)).orderBy(...orderBy(f, preferred)).limit(100_000);
  return rows.map((r) => toItem(r, preferred));
}

export const APPROVAL_EXPORT_SHEET = '立项审核项目列表';

export async function renderApprovalsXlsx(items: ApprovalItem[]): Promise<Buffer> {
  return renderListXlsx<ApprovalItem>(APPROVAL_EXPORT_SHEET, [
    { header: '序号', width: 6, value: (_, i) => i + 1 },
    { header: '申报编号', width: 20, value: (it) => it.applicationNo },
    { header: '立项编号', width: 20, value: (it) => it.projectNo },
    { header: '项目名称', width: 36, value: (it) => it.name },
    { header: '申报单位', width: 30, value: (it) => it.applicantName },
    { header: '推荐单位', width: 26, value: (it) => it.recommenderName },
    { header: '申报方向', width: 18, value: (it) => it.directionLabel },
    { header: '倾斜支持', width: 10, value: (it) => (it.preferred ? '共性技术' : '') },
    { header: '所属产业链/领域', width: 14, value: (it) => it.chain },
    { header: '推荐排序', width: 8, value: (it) => it.recommendOrder },
    { header: '雷同分值', width: 9, value: (it) => it.duplicateScore },
    { header: '状态', width: 14, value: (it) => it.stateLabel },
    { header: '不予立项原因', width: 30, value: (it) => it.rejectReason },
    { header: '审核时间（北京时间）', width: 22, value: (it) => (it.decidedAt ? formatShanghai(new Date(it.decidedAt)) : '') },
  ], items);
}
