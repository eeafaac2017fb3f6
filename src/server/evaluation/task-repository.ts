/**
 * An expert's own tasks. Another expert's task does not exist for this actor (404). The result's
 * materials open only once the task is accepted and declared free of conflict (state scoring or
 * submitted); other experts' scores are never part of the payload.
 */
import { and, asc, eq } from 'drizzle-orm';
import { NO_CONFLICT_STATEMENT, type ExpertTaskDetail, type ExpertTaskSummary } from '../../shared/evaluation';
import { notFound } from '../app-error';
import { campaignById } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { campaigns, evaluationGroups, expertTasks, organisations, projects } from '../db/schema';
import { authorize } from '../policy/policy';
import { benefitsOf, resultDetail, resultOf } from '../results/result-repository';
import { criteriaOfCampaign, type Sheet, type TaskDeclaration, type TaskRow } from './group-repository';

export const MATERIAL_STATES = ['scoring', 'submitted'] as const;

/** The actor's own task (404 for anyone else, including other experts), optionally locked. */
export async function loadOwnTask(db: DbOrTx, ctx: ActorContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<TaskRow> {
  const q = db.select().from(expertTasks).where(eq(expertTasks.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  authorize(ctx.actor, { kind: 'evaluation', action: 'work_task', resource: { expertUserId: row?.expertUserId } }, false);
  if (!row) throw notFound(`task ${id}`, '评定任务');
  return row;
}

const taskColumns = {
  t: expertTasks,
  field: evaluationGroups.field,
  deadline: evaluationGroups.deadline,
  year: campaigns.year,
  projectName: projects.name,
  projectNo: projects.projectNo,
  applicantName: organisations.name,
};

function toSummary(r: { t: TaskRow; field: string; deadline: string | null; year: number; projectName: string; projectNo: string | null }): ExpertTaskSummary {
  return { id: r.t.id, groupId: r.t.groupId, year: r.year, field: r.field, projectName: r.projectName, projectNo: r.projectNo, state: r.t.state, deadline: r.deadline, version: r.t.version };
}

async function taskRows(db: DbOrTx, where: ReturnType<typeof and>) {
  return db
    .select(taskColumns)
    .from(expertTasks)
    .innerJoin(evaluationGroups, eq(evaluationGroups.id, expertTasks.groupId))
    .innerJoin(campaigns, eq(campaigns.id, evaluationGroups.campaignId))
    .innerJoin(projects, eq(projects.id, expertTasks.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .where(where)
    .orderBy(asc(evaluationGroups.deadline), asc(projects.projectNo), asc(expertTasks.id));
}

export async function listOwnTasks(ctx: ActorContext): Promise<ExpertTaskSummary[]> {
  authorize(ctx.actor, { kind: 'evaluation', action: 'work_task', resource: { expertUserId: ctx.actor.userId } });
  return (await taskRows(ctx.database.db, and(eq(expertTasks.expertUserId, ctx.actor.userId)))).map(toSummary);
}

export async function ownTaskDetail(db: DbOrTx, ctx: ActorContext, id: string): Promise<ExpertTaskDetail> {
  const task = await loadOwnTask(db, ctx, id);
  const [r] = await taskRows(db, and(eq(expertTasks.id, task.id)));
  const [group] = await db.select({ campaignId: evaluationGroups.campaignId }).from(evaluationGroups).where(eq(evaluationGroups.id, task.groupId));
  const { criteria } = await criteriaOfCampaign(db, group.campaignId);
  let materials: ExpertTaskDetail['materials'] = null;
  if ((MATERIAL_STATES as readonly string[]).includes(task.state)) {
    const [p] = await db.select().from(projects).where(eq(projects.id, task.projectId!));
    materials = await resultDetail(db, p, await campaignById(db, p.campaignId), ctx.clock.now());
  }
  const d = task.conflict as TaskDeclaration | null;
  const sheet = task.scores as Sheet | null;
  return {
    ...toSummary(r),
    applicantName: r.applicantName,
    declineReason: task.declineReason,
    declaration: d ? { kind: d.kind, type: d.type ?? null, description: d.description ?? null, at: d.at } : null,
    statement: NO_CONFLICT_STATEMENT,
    criteria,
    materials,
    sheet: sheet ? { items: sheet.items, vetoes: sheet.vetoes, opinion: sheet.opinion } : null,
    submittedAt: task.submittedAt?.toISOString() ?? null,
  };
}

/** The files of the task's result (report, process files, benefit evidence): the only ones the expert may download. */
export async function taskFileIds(db: DbOrTx, task: TaskRow): Promise<Set<string>> {
  if (!(MATERIAL_STATES as readonly string[]).includes(task.state) || !task.projectId) return new Set();
  const r = await resultOf(db, task.projectId);
  if (!r) return new Set();
  const evidence = (await benefitsOf(db, r.id)).map((b) => b.evidenceFileId).filter((x): x is string => !!x);
  return new Set([...(r.reportFileId ? [r.reportFileId] : []), ...((r.processFileIds as string[]) ?? []), ...evidence]);
}

