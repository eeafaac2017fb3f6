/** 成果评定 reads: groups, their tasks and conclusions, the pool a draw picks from, and the DTOs. */
import { and, asc, desc, eq, ilike, inArray, isNull, sql, type SQL, count } from 'drizzle-orm';
import { aggregateScores, drawOrder, expertTotal, type ConflictFinding, type EvaluationCriteria, type PoolExpert } from '../../domain/evaluation';
import type { ConflictType } from '../../domain/conflicts';
import type { CampaignConfig } from '../../domain/campaign-config';
import { evaluationCriteriaOf, type GroupDetail, type GroupQuery, type GroupSummary } from '../../shared/evaluation';
import { notFound } from '../app-error';
import type { CampaignRow } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { campaigns, evaluationGroups, evaluationOutcomes, expertConflicts, expertProfiles, expertTasks, organisations, projects, users } from '../db/schema';
import { likePattern, pageOf } from '../http/list-query';

export type GroupRow = typeof evaluationGroups.$inferSelect;
export type TaskRow = typeof expertTasks.$inferSelect;
export type OutcomeRow = typeof evaluationOutcomes.$inferSelect;

export interface Replacement {
  out: string;
  in: string;
  reason: string;
  at: string;
  by: string;
}
/** expert_tasks.conflict: the expert's 回避 declaration. */
export interface TaskDeclaration {
  kind: 'none' | 'conflict';
  type?: ConflictType;
  description?: string;
  at: string;
}
/** expert_tasks.scores: the score sheet. */
export interface Sheet {
  items: Record<string, number | null>;
  vetoes: string[];
  opinion: string;
  savedAt?: string;
}

/** Tasks that no longer count for the project: the expert declined or stepped aside. */
export const INACTIVE_TASK_STATES = ['declined', 'recused', 'no_response'] as const;
const isActive = (t: Pick<TaskRow, 'state'>) => !(INACTIVE_TASK_STATES as readonly string[]).includes(t.state);

export async function loadGroup(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<GroupRow> {
  const q = db.select().from(evaluationGroups).where(eq(evaluationGroups.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound(`evaluation group ${id}`, '评定组');
  return row;
}

export async function criteriaOfCampaign(db: DbOrTx, campaignId: string): Promise<{ campaign: CampaignRow; criteria: EvaluationCriteria }> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw notFound(`campaign ${campaignId}`, '年度活动');
  return { campaign, criteria: evaluationCriteriaOf(campaign.config as CampaignConfig) };
}

/** The expert pool and the 回避 findings of the given projects: the inputs of a draw. */
export async function drawInputs(db: DbOrTx, projectIds: string[]): Promise<{ pool: PoolExpert[]; conflicts: ConflictFinding[] }> {
  const rows = await db.select({ id: users.id, fields: expertProfiles.fields, status: expertProfiles.status }).from(users).innerJoin(expertProfiles, eq(expertProfiles.userId, users.id)).where(eq(users.role, 'expert'));
  const found = projectIds.length
    ? await db.select({ expertId: expertConflicts.expertUserId, projectId: expertConflicts.projectId, decision: expertConflicts.decision }).from(expertConflicts).where(inArray(expertConflicts.projectId, projectIds))
    : [];
  return { pool: rows.map((r) => ({ id: r.id, fields: (r.fields as string[]) ?? [], active: r.status === 'active' })), conflicts: found };
}

/** Projects already held by a group still being formed (a project is in at most one group). */
export async function projectsInProposedGroups(db: DbOrTx, campaignId: string, exceptGroupId?: string): Promise<Set<string>> {
  const rows = await db.select({ id: evaluationGroups.id, projectIds: evaluationGroups.projectIds }).from(evaluationGroups).where(and(eq(evaluationGroups.campaignId, campaignId), eq(evaluationGroups.state, 'proposed')));
  return new Set(rows.filter((r) => r.id !== exceptGroupId).flatMap((r) => r.projectIds as string[]));
}

/**
 * A group's field is a 产业链 (`projects.chain`) or a 攻关方向 (its label in the campaign, e.g.
 * 质量共性技术攻关): the condition selecting its projects.
 */
export function fieldCondition(campaign: CampaignRow, field: string): SQL {
  const direction = (campaign.config as CampaignConfig).directions.find((d) => d.label === field);
  return direction ? eq(projects.direction, direction.code) : eq(projects.chain, field);
}

/** Fields (产业链, then 攻关方向) with received results waiting for a group, and how many specialists the pool has for each. */
export async function fieldOptions(db: DbOrTx, campaign: CampaignRow) {
  const waiting = await db
    .select({ id: projects.id, chain: projects.chain, direction: projects.direction })
    .from(projects)
    .where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'results_received'), isNull(projects.deletedAt)));
  const held = await projectsInProposedGroups(db, campaign.id);
  const { pool } = await drawInputs(db, []);
  const free = waiting.filter((p) => !held.has(p.id));
  const chains = new Map<string, number>();
  for (const p of free) if (p.chain) chains.set(p.chain, (chains.get(p.chain) ?? 0) + 1);
  const byChain = [...chains.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
  const byDirection = (campaign.config as CampaignConfig).directions.map((d) => [d.label, free.filter((p) => p.direction === d.code).length] as [string, number]).filter(([, n]) => n > 0);
  return [...byChain, ...byDirection].map(([field, n]) => ({ field, waiting: n, specialists: pool.filter((e) => e.active && e.fields.includes(field)).length }));
}

async function taskCounts(db: DbOrTx, groupIds: string[]) {
  if (!groupIds.length) return new Map<string, { tasks: number; submitted: number; concluded: number }>();
  const rows = await db
    .select({
      groupId: expertTasks.groupId,
      tasks: sql<number>`count(*) filter (where ${expertTasks.state} not in ('declined', 'recused', 'no_response'))::int`,
      submitted: sql<number>`count(*) filter (where ${expertTasks.state} = 'submitted')::int`,
    })
    .from(expertTasks)
    .where(inArray(expertTasks.groupId, groupIds))
    .groupBy(expertTasks.groupId);
  const outcomes = await db.select({ groupId: evaluationOutcomes.groupId, n: sql<number>`count(*)::int` }).from(evaluationOutcomes).where(inArray(evaluationOutcomes.groupId, groupIds)).groupBy(evaluationOutcomes.groupId);
  const out = new Map(groupIds.map((id) => [id, { tasks: 0, submitted: 0, concluded: 0 }]));
  for (const r of rows) Object.assign(out.get(r.groupId)!, { tasks: r.tasks, submitted: r.submitted });
  for (const r of outcomes) out.get(r.groupId)!.concluded = r.n;
  return out;
}

function toSummary(g: GroupRow, year: number, c: { tasks: number; submitted: number; concluded: number }): GroupSummary {
  return {
    id: g.id,
    year,
    field: g.field,
    state: g.state,
    projectCount: (g.projectIds as string[]).length,
    memberCount: (g.members as string[]).length,
    tasks: c.tasks,
    submitted: c.submitted,
    concluded: c.concluded,
    deadline: g.deadline,
    createdAt: g.createdAt.toISOString(),
    version: g.version,
  };
}

export async function groupSummaries(db: DbOrTx, campaign: CampaignRow, q: GroupQuery) {
  const c: SQL[] = [eq(evaluationGroups.campaignId, campaign.id)];
  if (q.state) c.push(eq(evaluationGroups.state, q.state));
  if (q.q) c.push(ilike(evaluationGroups.field, likePattern(q.q)));
  const where = and(...c);
  const page = await pageOf(
    q,
    ({ limit, offset }) => db.select().from(evaluationGroups).where(where).orderBy(desc(evaluationGroups.createdAt), asc(evaluationGroups.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(evaluationGroups).where(where),
  );
  const counts = await taskCounts(db, page.items.map((r) => r.id));
  return { ...page, items: page.items.map((g) => toSummary(g, campaign.year, counts.get(g.id)!)) };
}

/** Why a project of the group cannot be concluded yet, or null. */
export function conclusionBlocker(group: Pick<GroupRow, 'state'>, tasks: TaskRow[], criteria: EvaluationCriteria, names: Map<string, string>): string | null {
  if (group.state === 'proposed') return '评定组尚未确认';
  const active = tasks.filter(isActive);
  const pending = active.filter((t) => t.state !== 'submitted');
  if (pending.length) return `尚有${pending.length}位专家未提交评分（${pending.map((t) => names.get(t.expertUserId) ?? '专家').join('、')}），不能得出评定结论`;
  if (active.length < criteria.minGroupSize) return `有效评分的专家${active.length}人，少于评定组最少人数${criteria.minGroupSize}人，请先替换谢绝或回避的专家`;
  return null;
}

export function aggregateOf(criteria: EvaluationCriteria, tasks: TaskRow[]) {
  const sheets = tasks.filter((t) => t.state === 'submitted').map((t) => t.scores as Sheet);
  return sheets.length ? aggregateScores(criteria, sheets) : null;
}

export async function tasksOfGroup(db: DbOrTx, groupId: string, projectId?: string): Promise<TaskRow[]> {
  const c = [eq(expertTasks.groupId, groupId)];
  if (projectId) c.push(eq(expertTasks.projectId, projectId));
  return db.select().from(expertTasks).where(and(...c)).orderBy(asc(expertTasks.createdAt), asc(expertTasks.id));
}

async function expertRows(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, name: users.displayName, username: users.username, employer: expertProfiles.employer, title: expertProfiles.title, fields: expertProfiles.fields })
    .from(users)
    .innerJoin(expertProfiles, eq(expertProfiles.userId, users.id))
    .where(inArray(users.id, ids));
}

/** The commission's view of a group (expert names included: only the commission reads it). */
export async function groupDetail(db: DbOrTx, g: GroupRow, seed?: string): Promise<GroupDetail> {
  const { campaign, criteria } = await criteriaOfCampaign(db, g.campaignId);
  const projectIds = g.projectIds as string[];
  const members = g.members as string[];
  const replacements = (g.replacements as Replacement[]) ?? [];
  const tasks = await tasksOfGroup(db, g.id);
  const draw = await drawInputs(db, projectIds);
  const candidates = drawOrder({ seed: 'candidates', field: g.field, projectIds, ...draw, criteria: { ...criteria, groupSize: 0 }, exclude: members });
  const experts = await expertRows(db, [...new Set([...members, ...candidates, ...tasks.map((t) => t.expertUserId), ...replacements.flatMap((r) => [r.out, r.in])])]);
  const byId = new Map(experts.map((e) => [e.id, e]));
  const names = new Map(experts.map((e) => [e.id, e.name]));
  const ps = projectIds.length
    ? await db.select({ p: projects, applicantName: organisations.name }).from(projects).innerJoin(organisations, eq(organisations.id, projects.applicantOrgId)).where(inArray(projects.id, projectIds))
    : [];
  ps.sort((a, b) => (a.p.projectNo ?? a.p.name).localeCompare(b.p.projectNo ?? b.p.name));
  const outcomes = projectIds.length ? await db.select().from(evaluationOutcomes).where(and(eq(evaluationOutcomes.groupId, g.id), inArray(evaluationOutcomes.projectId, projectIds))) : [];
  const outcomeOf = new Map(outcomes.map((o) => [o.projectId, o]));
  const counts = (await taskCounts(db, [g.id])).get(g.id)!;
  return {
    ...toSummary(g, campaign.year, counts),
    drawSeedHash: g.drawSeedHash,
    ...(seed ? { seed } : {}),
    members: members.map((id) => byId.get(id)).filter((e) => !!e).map((e) => ({ userId: e.id, name: e.name, username: e.username, employer: e.employer, title: e.title, fields: e.fields as string[] })),
    replacements: replacements.map((r) => ({ out: r.out, outName: names.get(r.out) ?? '', in: r.in, inName: names.get(r.in) ?? '', reason: r.reason, at: r.at })),
    candidates: candidates.map((id) => byId.get(id)!).map((e) => ({ userId: e.id, name: e.name, employer: e.employer, fields: e.fields as string[] })),
    projects: ps.map(({ p, applicantName }) => {
      const own = tasks.filter((t) => t.projectId === p.id);
      const o = outcomeOf.get(p.id);
      const declared = (t: TaskRow) => t.conflict as TaskDeclaration | null;
      return {
        id: p.id,
        projectNo: p.projectNo,
        name: p.name,
        applicantName,
        state: p.state,
        version: p.version,
        tasks: own.map((t) => ({
          id: t.id,
          expertUserId: t.expertUserId,
          expertName: names.get(t.expertUserId) ?? '',
          state: t.state,
          declineReason: t.declineReason,
          conflict: declared(t)?.kind === 'conflict' ? { type: declared(t)!.type ?? '', description: declared(t)!.description ?? '' } : null,
          total: t.state === 'submitted' ? expertTotal(criteria, t.scores as Sheet) : null,
          sheet: t.state === 'submitted' ? { items: (t.scores as Sheet).items, vetoes: (t.scores as Sheet).vetoes, opinion: (t.scores as Sheet).opinion } : null,
        })),
        aggregate: aggregateOf(criteria, own),
        blocker: o ? null : conclusionBlocker(g, own, criteria, names),
        outcome: o
          ? { score: o.score === null ? null : Number(o.score), level: o.level, vetoed: o.vetoed, proposed: o.proposed, opinion: o.opinion, expertCount: o.expertCount, adoptedAt: o.adoptedAt?.toISOString() ?? null }
          : null,
      };
    }),
  };
}
