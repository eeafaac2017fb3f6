/**
 * What the 立项审核 commands share: loading a project under a row lock with the 404 decision,
 * the workflow and version checks, the decision window (server clock), the 立项编号 counter, the
 * approval review record and the notifications to the applicant and its recommender.
 */
import { sql } from 'drizzle-orm';
import { formatShanghai } from '../../domain/deadlines';
import { approvalOpensAt, formatProjectNo } from '../../domain/project-number';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import type { DecisionResult } from '../../shared/approvals';
import { AppError } from '../app-error';
import type { CampaignRow } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { counters } from '../db/schema';
import { notify } from '../notifications/notify';
import { type Email, emailsOf } from '../notifications/email';
import type { ProjectRow } from '../projects/load-project';
import { projectLabel } from '../projects/project-label';


export const PROJECT_NO_COUNTER = 'project_no';

/** The campaign settings this area reads (CampaignConfig.projectNoFormat / approvalOpensAt, both optional). */
type ApprovalConfig = { projectNoFormat?: string; approvalOpensAt?: string; windows: { application: { closesAt: string } } };
const approvalConfig = (campaign: CampaignRow) => campaign.config as ApprovalConfig;

export function decisionsStatus(campaign: CampaignRow, now: Date): { open: boolean; opensAt: Date; message: string | null } {
  const opensAt = approvalOpensAt(approvalConfig(campaign));
  const open = now.getTime() >= opensAt.getTime();
  return {
    open,
    opensAt,
    message: open ? null : `立项审核尚未开始：各推荐单位报送截止后方可立项，开始时间为${formatShanghai(opensAt)}（北京时间）`,
  };
}

/** Decisions wait for the application deadline (seed 四（一）then（二）), judged on the server clock. */
export function assertDecisionsOpen(campaign: CampaignRow, now: Date): void {
  const s = decisionsStatus(campaign, now);
  if (!s.open) throw new AppError('window_not_open', 'approval not open yet', s.message!);
}

/**
 * 立项编号: gap-free per campaign. The counter row is upserted inside the approve transaction and
 * stays locked until commit; a rolled-back approve gives its number back.
 */
export async function nextProjectNo(tx: DbOrTx, campaign: CampaignRow): Promise<string> {
  const [row] = await tx
    .insert(counters)
    .values({ scope: campaign.id, name: PROJECT_NO_COUNTER, value: 1 })
    .onConflictDoUpdate({ target: [counters.scope, counters.name], set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return formatProjectNo(approvalConfig(campaign).projectNoFormat, campaign.year, row.value);
}

/** In-app notices to the applicant and its recommender (same transaction); e-mails after commit. */
export async function notifyDecision(tx: DbOrTx, now: Date, row: ProjectRow, updated: ProjectRow): Promise<Email[]> {
  const label = projectLabel(row);
  const approved = updated.state === 'approved';
  const title = approved ? '申报项目已立项' : '申报项目未立项';
  const applicantBody = approved
    ? `您单位申报的${label}经市市场监管委立项审核，已列入年度天津市质量攻关项目计划，立项编号：${updated.projectNo}。请按要求参加宣贯培训并组织实施。`
    : `您单位申报的${label}经市市场监管委立项审核，未予立项。原因：${updated.lastReason}`;
  const recommenderBody = approved
    ? `您单位推荐的${label}已立项，立项编号：${updated.projectNo}。请做好跟踪服务。`
    : `您单位推荐的${label}未予立项。原因：${updated.lastReason}`;
  await notify(tx, now, { organisationId: row.applicantOrgId, title, body: applicantBody, link: `/applicant/applications/${row.id}` });
  const emails = await emailsOf(tx, [row.applicantOrgId], `【天津市质量攻关】${title}`, applicantBody);
  if (row.recommenderOrgId) {
    await notify(tx, now, { organisationId: row.recommenderOrgId, title: approved ? '推荐项目已立项' : '推荐项目未立项', body: recommenderBody, link: `/recommender/reviews/${row.id}` });
    emails.push(...(await emailsOf(tx, [row.recommenderOrgId], `【天津市质量攻关】${approved ? '推荐项目已立项' : '推荐项目未立项'}`, recommenderBody)));
  }
  return emails;
}

export function decisionResult(p: ProjectRow): DecisionResult {
  return {
    id: p.id,
    state: p.state as ProjectState,
    stateLabel: PROJECT_STATE_LABELS[p.state as ProjectState],
    version: p.version,
    projectNo: p.projectNo,
    rejectReason: p.state === 'rejected' ? p.lastReason : null,
  };
}
