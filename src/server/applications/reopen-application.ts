/** 重新编辑 (withdrawn → draft), only while the application window is open for this project. */
import { and, eq } from 'drizzle-orm';
import { findTransition, PROJECT_STATE_LABELS, refusalMessage } from '../../domain/project-workflow';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { projects } from '../db/schema';
import { assertApplicantWindowOpen, projectForActor } from './application-repository';

export async function reopenApplication(ctx: CommandContext & { actor: Actor }, input: { id: string; version: number }) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await projectForActor(tx, ctx.actor, input.id, 'reopen', { forUpdate: true });
    const t = findTransition('reopen_draft', row.state, 'applicant');
    if (!t) throw invalidState(`reopen from ${row.state}`, refusalMessage('reopen_draft', row.state));
    if (row.version !== input.version) throw staleVersion(`project ${row.id}`);
    const now = ctx.clock.now();
    await assertApplicantWindowOpen(tx, await campaignById(tx, row.campaignId), now, row);
    const [saved] = await tx
      .update(projects)
      .set({ state: t.to, version: row.version + 1, stateChangedAt: now, updatedAt: now })
      .where(and(eq(projects.id, row.id), eq(projects.version, input.version)))
      .returning();
    if (!saved) throw staleVersion(`project ${row.id}`);
    await writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: 'reopen_draft', summary: { applicationNo: row.applicationNo, name: row.name, from: row.state, to: t.to } });
    return { id: saved.id, state: saved.state, stateLabel: PROJECT_STATE_LABELS[saved.state], version: saved.version };
  });
}
