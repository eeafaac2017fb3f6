/**
 * The one way a project changes state (issue 11). Applications, recommendations and approvals use
 * it; procedures 4–9 will. In the caller's transaction, on a row the caller loaded with
 * `loadProjectFor(…, { forUpdate: true })`:
 *
 *   1. the optimistic version (a stale screen must reload first),
 *   2. the workflow table (src/domain/project-workflow.ts: does `action` exist from this state for
 *      this role?),
 *   3. the role and organisation (policy `allow(actor, 'project', …)`),
 *   4. the window / deadline guard the caller passes (it knows which window and whose reopening),
 *   5. `UPDATE … WHERE id = ? AND version = ?` (state, version + 1, state timestamp),
 *   6. the review row (`recordReview`) when the transition is a decision, and the audit entry.
 *
 * Notifications stay with the caller (their wording is the procedure's), inside the same transaction.
 * Commands that must check more between 3 and 5 call `checkTransition` and `applyTransition`.
 */
import { and, eq } from 'drizzle-orm';
import { findTransition, refusalMessage, type ProjectAction, type ProjectState, type WorkflowRole } from '../../domain/project-workflow';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { projects } from '../db/schema';
import { authorize } from '../policy/policy';
import type { ProjectAction as PolicyAction } from '../policy/project-policy';
import { projectResource, type ProjectRow } from './load-project';
import { recordReview, type ReviewRecord } from './record-review';

export type TransitionContext = CommandContext & { actor: Actor };
/** A scheduled job's transition (workflow role `system`, e.g. the results `lapse`): no person acts. */
export type SystemTransitionContext = CommandContext & { actor: null };

/** Which permission of the project policy a workflow action needs (fail closed: unlisted → refused). */
const POLICY_ACTION: Partial<Record<ProjectAction, PolicyAction>> = {
  submit: 'submit',
  withdraw: 'withdraw',
  reopen_draft: 'reopen',
  delete_draft: 'delete_draft',
  return: 'review',
  recommend: 'review',
  decline: 'review',
  unrecommend: 'review',
  send_batch: 'batch',
  return_batch: 'supervise',
  approve: 'approve',
  reject: 'approve',
  submit_results: 'submit',
  return_results: 'review',
  forward_results: 'batch',
  return_result_batch: 'supervise',
  assign_group: 'evaluate',
  conclude_evaluation: 'evaluate',
  propose_recognition: 'recognise',
  not_propose: 'recognise',
  publicity_passed: 'recognise',
  objection_upheld: 'recognise',
  revoke: 'recognise',
};

export interface TransitionCheck {
  /** The version the client read; omitted where the API does not require one. */
  version?: number;
  /** The workflow role; by default the actor's role. */
  role?: WorkflowRole;
}

/** Steps 1–3: the target state, or a refusal (409 stale_version / invalid_state, 403). */
export function checkTransition(row: ProjectRow, action: ProjectAction, actor: Actor, opts: TransitionCheck = {}): ProjectState {
  if (opts.version !== undefined && opts.version !== row.version) throw staleVersion(`project ${row.id}`);
  const t = findTransition(action, row.state, opts.role ?? (actor.role as WorkflowRole));
  if (!t) throw invalidState(`project ${row.id}: ${action} from ${row.state}`, refusalMessage(action, row.state));
  const policyAction = POLICY_ACTION[action];
  if (!policyAction) throw invalidState(`project ${row.id}: ${action} has no permission rule`, refusalMessage(action, row.state));
  authorize(actor, { kind: 'project', action: policyAction, resource: projectResource(row) });
  return t.to;
}

export interface TransitionWrite {
  /** Other columns written with the state. */
  set?: Partial<typeof projects.$inferInsert>;
  /** The decision row (`project_reviews`), when the transition is a review or decision. */
  review?: ReviewRecord;
  /** The audit entry (`action` defaults to the workflow action). */
  audit: { action?: string; summary: Record<string, unknown> };
}

/** Steps 5–6. */
export async function applyTransition(tx: DbOrTx, ctx: TransitionContext | SystemTransitionContext, row: ProjectRow, action: ProjectAction, to: ProjectState, w: TransitionWrite): Promise<ProjectRow> {
  const now = ctx.clock.now();
  const [updated] = await tx
    .update(projects)
    .set({ ...w.set, state: to, version: row.version + 1, stateChangedAt: now, updatedAt: now })
    .where(and(eq(projects.id, row.id), eq(projects.version, row.version)))
    .returning();
  if (!updated) throw staleVersion(`project ${row.id}`);
  if (w.review) {
    if (!ctx.actor) throw invalidState(`project ${row.id}: a review needs a person`, refusalMessage(action, row.state));
    await recordReview(tx, ctx as TransitionContext, row, w.review);
  }
  await writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: w.audit.action ?? action, summary: w.audit.summary });
  return updated;
}

/** Steps 1–6 in order; `guard` is the window / deadline check (step 4). */
export async function transition(
  tx: DbOrTx,
  ctx: TransitionContext,
  row: ProjectRow,
  action: ProjectAction,
  opts: TransitionCheck & Omit<TransitionWrite, 'audit'> & { guard?: () => void | Promise<void>; audit: (to: ProjectState) => TransitionWrite['audit'] },
): Promise<{ updated: ProjectRow; to: ProjectState }> {
  const to = checkTransition(row, action, ctx.actor, opts);
  if (opts.guard) await opts.guard();
  const updated = await applyTransition(tx, ctx, row, action, to, { set: opts.set, review: opts.review, audit: opts.audit(to) });
  return { updated, to };
}
