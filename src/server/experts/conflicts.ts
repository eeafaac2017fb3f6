/**
 * 回避 records: recomputed from the data (employers, credit codes, team names, declarations) with the
 * pure rules of src/domain/conflicts.ts. A finding the commission has decided (confirmed or
 * dismissed) is pinned: recomputation never deletes or re-opens it, it only refreshes the evidence.
 * Undecided findings that the data no longer supports are removed.
 */
import { and, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { detectConflicts, type ConflictType, type ProjectFacts } from '../../domain/conflicts';
import type { ProjectState } from '../../domain/project-workflow';
import type { ConflictDto, conflictCreateSchema, conflictDecisionSchema, Declaration } from '../../shared/experts';
import { alias } from 'drizzle-orm/pg-core';
import { notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { expertConflicts, expertProfiles, organisations, projects, users } from '../db/schema';
import { authorize } from '../policy/policy';
import { expertNameFor } from './expert-visibility';

/** Projects an expert may come to evaluate: from 立项审核 to 成果评定. */
export const CONFLICT_PROJECT_STATES: ProjectState[] = ['under_review', 'approved', 'results_submitted', 'results_returned', 'results_received', 'in_evaluation', 'evaluated'];

interface FormLike {
  unit?: { name?: string; uscc?: string };
  consortium?: { name?: string; uscc?: string }[];
  team?: { name?: string; unit?: string }[];
}

const recommenderOrg = alias(organisations, 'recommender_org');

async function projectFacts(db: DbOrTx, projectIds?: string[]) {
  const c: SQL[] = [inArray(projects.state, CONFLICT_PROJECT_STATES), isNull(projects.deletedAt)];
  if (projectIds) c.push(inArray(projects.id, projectIds));
  const rows = await db
    .select({ id: projects.id, form: projects.form, unit: organisations, rec: recommenderOrg })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .leftJoin(recommenderOrg, eq(recommenderOrg.id, projects.recommenderOrgId))
    .where(and(...c));
  return rows.map((r) => {
    const f = (r.form ?? {}) as FormLike;
    const facts: ProjectFacts = {
      unit: { name: r.unit.name, uscc: r.unit.uscc ?? f.unit?.uscc ?? null },
      partners: (f.consortium ?? []).filter((p) => p.name).map((p) => ({ name: p.name!, uscc: p.uscc || null })),
      team: (f.team ?? []).filter((m) => m.name).map((m) => ({ name: m.name!, unit: m.unit || null })),
      recommender: r.rec ? { name: r.rec.name, uscc: r.rec.uscc } : null,
    };
    return { id: r.id, facts };
  });
}

export async function recomputeConflicts(tx: DbOrTx, ctx: Pick<CommandContext, 'actor' | 'clock' | 'ip' | 'requestId'>, scope: { expertIds?: string[]; projectIds?: string[] } = {}) {
  const ec: SQL[] = [eq(users.role, 'expert'), ne(expertProfiles.status, 'removed')];
  if (scope.expertIds) ec.push(inArray(users.id, scope.expertIds));
  const experts = await tx.select({ id: users.id, name: users.displayName, p: expertProfiles }).from(users).innerJoin(expertProfiles, eq(expertProfiles.userId, users.id)).where(and(...ec));
  const projectList = await projectFacts(tx, scope.projectIds);

  const found = new Map<string, { expertUserId: string; projectId: string; type: ConflictType; evidence: string }>();
  for (const e of experts) {
    const facts = { name: e.name, employer: e.p.employer, employerUscc: e.p.employerUscc, declared: (e.p.declarations as Declaration[]) ?? [] };
    for (const p of projectList) {
      for (const c of detectConflicts(facts, p.facts)) found.set(`${e.id}|${p.id}|${c.type}`, { expertUserId: e.id, projectId: p.id, ...c });
    }
  }

  const xc: SQL[] = [];
  if (scope.expertIds) xc.push(inArray(expertConflicts.expertUserId, scope.expertIds.length ? scope.expertIds : ['00000000-0000-0000-0000-000000000000']));
  if (scope.projectIds) xc.push(inArray(expertConflicts.projectId, scope.projectIds.length ? scope.projectIds : ['00000000-0000-0000-0000-000000000000']));
  const existing = await tx.select().from(expertConflicts).where(and(...xc));
  const now = ctx.clock.now();
  let removed = 0;
  let pinned = 0;
  for (const row of existing) {
    const key = `${row.expertUserId}|${row.projectId}|${row.type}`;
    const hit = found.get(key);
    found.delete(key);
    const isPinned = row.decision !== null || row.source === 'decided';
    if (isPinned) pinned++;
    if (hit) {
      if (hit.evidence !== row.evidence) await tx.update(expertConflicts).set({ evidence: hit.evidence, updatedAt: now }).where(eq(expertConflicts.id, row.id));
    } else if (!isPinned) {
      await tx.delete(expertConflicts).where(eq(expertConflicts.id, row.id));
      removed++;
    }
  }
  const fresh = [...found.values()];
  if (fresh.length) {
    await tx.insert(expertConflicts).values(fresh.map((f) => ({ ...f, source: f.type === 'declared_relation' ? ('declared' as const) : ('detected' as const), createdAt: now, updatedAt: now })));
  }
  if (fresh.length || removed) {
    await writeAudit(tx, ctx, { entity: 'expert_conflict', action: 'recompute', summary: { added: fresh.length, removed, pinned, experts: scope.expertIds?.length ?? 'all', projects: scope.projectIds?.length ?? 'all' } });
  }
  return { detected: fresh.length, removed, pinned };
}

export async function recomputeAllConflicts(ctx: ActorContext) {
  authorize(ctx.actor, { kind: 'expert', action: 'decide_conflict', resource: { userId: '' } });
  return ctx.database.db.transaction((tx) => recomputeConflicts(tx, ctx));
}

type ConflictRow = typeof expertConflicts.$inferSelect;

async function conflictDtos(db: DbOrTx, ctx: ActorContext, where: SQL | undefined): Promise<ConflictDto[]> {
  const rows = await db
    .select({ c: expertConflicts, expertName: users.displayName, employer: expertProfiles.employer, projectName: projects.name, applicantName: organisations.name })
    .from(expertConflicts)
    .innerJoin(users, eq(users.id, expertConflicts.expertUserId))
    .innerJoin(expertProfiles, eq(expertProfiles.userId, expertConflicts.expertUserId))
    .innerJoin(projects, eq(projects.id, expertConflicts.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .where(where)
    .orderBy(desc(expertConflicts.createdAt), expertConflicts.id)
    .limit(2000);
  return rows.map(({ c, expertName, employer, projectName, applicantName }) => toConflictDto(ctx, c, expertName, employer, projectName, applicantName));
}

function toConflictDto(ctx: ActorContext, c: ConflictRow, expertName: string, employer: string, projectName: string, applicantName: string): ConflictDto {
  return {
    id: c.id,
    expertId: c.expertUserId,
    expertName: expertNameFor(ctx.actor, { userId: c.expertUserId, name: expertName }),
    expertEmployer: employer,
    projectId: c.projectId,
    projectName,
    applicantName,
    type: c.type,
    evidence: c.evidence,
    source: c.source,
    decision: c.decision,
    decisionReason: c.decisionReason,
    version: c.version,
  };
}

export async function listConflicts(ctx: ActorContext, filter: { expertId?: string; projectId?: string }) {
  authorize(ctx.actor, { kind: 'expert', action: 'decide_conflict', resource: { userId: filter.expertId ?? '' } });
  const c: SQL[] = [];
  if (filter.expertId) c.push(eq(expertConflicts.expertUserId, filter.expertId));
  if (filter.projectId) c.push(eq(expertConflicts.projectId, filter.projectId));
  return { items: await conflictDtos(ctx.database.db, ctx, c.length ? and(...c) : undefined) };
}

/** The commission's decision on a finding: pinned from now on (survives recomputation). */
export async function decideConflict(ctx: ActorContext, id: string, input: z.infer<typeof conflictDecisionSchema>) {
  authorize(ctx.actor, { kind: 'expert', action: 'decide_conflict', resource: { userId: '' } });
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(expertConflicts).where(eq(expertConflicts.id, id)).for('update');
    if (!row) throw notFound(`conflict ${id}`, '回避记录');
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(expertConflicts)
      .set({ decision: input.decision, decisionReason: input.reason, decidedBy: ctx.actor.userId, decidedAt: now, version: row.version + 1, updatedAt: now })
      .where(and(eq(expertConflicts.id, id), eq(expertConflicts.version, input.version)))
      .returning();
    if (!updated) throw staleVersion(`conflict ${id}`);
    await writeAudit(tx, ctx, { entity: 'expert_conflict', entityId: id, action: 'decide', summary: { type: row.type, projectId: row.projectId, expertId: row.expertUserId, decision: input.decision, reason: input.reason } });
    return (await conflictDtos(tx, ctx, eq(expertConflicts.id, id)))[0];
  });
}

/**
 * 回避 the commission decides itself: source `decided`, decision `confirmed`, pinned. An existing
 * finding of the same expert, project and type becomes decided (its evidence is kept in the reason).
 */
export async function createDecidedConflict(ctx: ActorContext, input: z.infer<typeof conflictCreateSchema>) {
  authorize(ctx.actor, { kind: 'expert', action: 'decide_conflict', resource: { userId: input.expertId } });
  return ctx.database.db.transaction(async (tx) => {
    const [expert] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.expertId), eq(users.role, 'expert')));
    if (!expert) throw notFound(`expert ${input.expertId}`, '专家');
    const [project] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.id, input.projectId), isNull(projects.deletedAt), ne(projects.state, 'draft')));
    if (!project) throw notFound(`project ${input.projectId}`, '项目');
    const now = ctx.clock.now();
    const evidence = `市市场监管委认定：${input.reason}`;
    const [row] = await tx
      .insert(expertConflicts)
      .values({ expertUserId: input.expertId, projectId: input.projectId, type: input.type, evidence, source: 'decided', decision: 'confirmed', decisionReason: input.reason, decidedBy: ctx.actor.userId, decidedAt: now, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [expertConflicts.expertUserId, expertConflicts.projectId, expertConflicts.type],
        set: { source: 'decided', decision: 'confirmed', decisionReason: input.reason, decidedBy: ctx.actor.userId, decidedAt: now, updatedAt: now, version: sql`${expertConflicts.version} + 1` },
      })
      .returning();
    await writeAudit(tx, ctx, { entity: 'expert_conflict', entityId: row.id, action: 'decide', summary: { type: input.type, projectId: input.projectId, expertId: input.expertId, decision: 'confirmed', reason: input.reason, created: true } });
    return (await conflictDtos(tx, ctx, eq(expertConflicts.id, row.id)))[0];
  });
}
