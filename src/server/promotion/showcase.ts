/**
 * 宣传推广 showcase entries: reading (public: approved only; commission: all; a unit: its own) and
 * the three writes: the unit proposes its text (draft/proposed/hidden → proposed), the commission
 * approves (→ approved, public; it may edit the text) or takes an entry down with a reason
 * (→ hidden). Optimistic version, one transaction and audit each.
 */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ShowcaseState } from '../../domain/vocabularies';
import type { approveShowcaseRequestSchema, hideShowcaseRequestSchema, proposeShowcaseRequestSchema, PublicShowcase, ShowcaseEntryDto } from '../../shared/publicity';
import { SHOWCASE_STATE_LABELS } from '../../shared/publicity';
import { invalidState, notFound, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { campaigns, organisations, projects, showcaseEntries } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { requireApplicant } from '../policy/role-guards';
import { loadProjectFor } from '../projects/load-project';
import { levelLabel } from '../publicity/publicity-repository';
import { evaluationOutcomes } from '../db/schema';

type Ctx = CommandContext & { actor: Actor };
export type ShowcaseRow = typeof showcaseEntries.$inferSelect;

export async function showcaseDtos(db: DbOrTx, where?: SQL): Promise<ShowcaseEntryDto[]> {
  const q = db
    .select({ e: showcaseEntries, year: campaigns.year, unit: organisations.name, district: organisations.district, level: evaluationOutcomes.level })
    .from(showcaseEntries)
    .innerJoin(projects, eq(projects.id, showcaseEntries.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .innerJoin(campaigns, eq(campaigns.id, showcaseEntries.campaignId))
    .leftJoin(evaluationOutcomes, eq(evaluationOutcomes.projectId, projects.id));
  const rows = await (where ? q.where(where) : q).orderBy(desc(campaigns.year), desc(showcaseEntries.approvedAt), desc(showcaseEntries.createdAt));
  return rows.map((r) => ({
    id: r.e.id,
    projectId: r.e.projectId,
    year: r.year,
    title: r.e.title,
    unit: r.unit,
    district: r.district ?? '',
    summary: r.e.summary,
    highlights: (r.e.highlights as string[]) ?? [],
    levelLabel: levelLabel(r.level),
    state: r.e.state,
    stateLabel: SHOWCASE_STATE_LABELS[r.e.state as ShowcaseState] ?? r.e.state,
    version: r.e.version,
    approvedAt: r.e.approvedAt?.toISOString() ?? null,
  }));
}

/** Approved entries of projects still recognised: what the portal shows. */
export async function publicShowcase(db: DbOrTx, id?: string): Promise<PublicShowcase[]> {
  const conds = [eq(showcaseEntries.state, 'approved'), eq(projects.state, 'recognised')];
  if (id) conds.push(eq(showcaseEntries.id, id));
  return (await showcaseDtos(db, and(...conds))).map(({ state: _s, stateLabel: _l, version: _v, ...pub }) => pub);
}

async function lockEntry(tx: DbOrTx, id: string, version: number): Promise<ShowcaseRow> {
  const [row] = await tx.select().from(showcaseEntries).where(eq(showcaseEntries.id, id)).for('update');
  if (!row) throw notFound(`showcase ${id}`, '成果展示');
  if (row.version !== version) throw staleVersion(`showcase ${id}`);
  return row;
}

/** The unit proposes its own text for the showcase (its project only). */
export async function proposeShowcase(ctx: Ctx, id: string, input: z.infer<typeof proposeShowcaseRequestSchema>) {
  requireApplicant(ctx.actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [peek] = await tx.select({ projectId: showcaseEntries.projectId }).from(showcaseEntries).where(eq(showcaseEntries.id, id));
    if (!peek) throw notFound(`showcase ${id}`, '成果展示');
    const project = await loadProjectFor(tx, ctx.actor, 'read', peek.projectId, { label: '成果展示' });
    if (project.state !== 'recognised') throw invalidState(`project ${project.id} is ${project.state}`, '项目不是已认定的优秀成果，不能提交展示材料');
    const row = await lockEntry(tx, id, input.version);
    if (row.state === 'approved') throw invalidState(`showcase ${id} approved`, '展示内容已公开，如需修改请联系市市场监管委');
    const [updated] = await tx
      .update(showcaseEntries)
      .set({ title: input.title, summary: input.summary, highlights: input.highlights, state: 'proposed', proposedAt: now, version: row.version + 1, updatedAt: now })
      .where(and(eq(showcaseEntries.id, id), eq(showcaseEntries.version, row.version)))
      .returning();
    await writeAudit(tx, ctx, { entity: 'showcase', entityId: id, action: 'propose_showcase', summary: { projectId: row.projectId, title: input.title } });
    return updated;
  });
}

export async function approveShowcase(ctx: Ctx, id: string, input: z.infer<typeof approveShowcaseRequestSchema>) {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockEntry(tx, id, input.version);
    const [project] = await tx.select().from(projects).where(eq(projects.id, row.projectId));
    if (project.state !== 'recognised') throw invalidState(`project ${project.id} is ${project.state}`, '项目不是已认定的优秀成果，不能公开展示');
    if (row.state === 'approved' && input.title === undefined && input.summary === undefined && input.highlights === undefined) throw invalidState(`showcase ${id} approved`, '展示内容已公开');
    const [updated] = await tx
      .update(showcaseEntries)
      .set({ title: input.title ?? row.title, summary: input.summary ?? row.summary, highlights: input.highlights ?? row.highlights, state: 'approved', approvedAt: now, approvedBy: ctx.actor.userId, version: row.version + 1, updatedAt: now })
      .where(and(eq(showcaseEntries.id, id), eq(showcaseEntries.version, row.version)))
      .returning();
    await writeAudit(tx, ctx, { entity: 'showcase', entityId: id, action: 'approve_showcase', summary: { projectId: row.projectId, title: updated.title, edited: input.title !== undefined || input.summary !== undefined || input.highlights !== undefined } });
    await notify(tx, now, { organisationId: project.applicantOrgId, title: '优秀成果已在门户公开展示', body: `“${project.name}”的成果展示已经市市场监管委审核，在门户“优秀成果”栏目公开展示。`, link: `/excellent/${id}` });
    return updated;
  });
}

export async function hideShowcase(ctx: Ctx, id: string, input: z.infer<typeof hideShowcaseRequestSchema>) {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockEntry(tx, id, input.version);
    if (row.state !== 'approved') throw invalidState(`showcase ${id} is ${row.state}`, '展示内容尚未公开，无需撤下');
    const [updated] = await tx.update(showcaseEntries).set({ state: 'hidden', version: row.version + 1, updatedAt: now }).where(eq(showcaseEntries.id, id)).returning();
    await writeAudit(tx, ctx, { entity: 'showcase', entityId: id, action: 'hide_showcase', summary: { projectId: row.projectId, reason: input.reason } });
    return updated;
  });
}

/** A unit's own entries (for proposing its text). */
export async function ownShowcase(db: DbOrTx, actor: Actor): Promise<ShowcaseEntryDto[]> {
  requireApplicant(actor);
  const own = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.applicantOrgId, actor.organisationId), eq(projects.state, 'recognised')));
  if (!own.length) return [];
  return showcaseDtos(db, inArray(showcaseEntries.projectId, own.map((p) => p.id)));
}
