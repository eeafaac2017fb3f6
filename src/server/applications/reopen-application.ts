/** 重新编辑 (withdrawn → draft), only while the application window is open for this project. */
import { PROJECT_STATE_LABELS } from '../../domain/project-workflow';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { transition } from '../projects/transition';
import { assertApplicantWindowOpen } from './application-repository';
import { loadProjectFor } from '../projects/load-project';

export async function reopenApplication(ctx: CommandContext & { actor: Actor }, input: { id: string; version: number }) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'reopen', input.id, { forUpdate: true });
    const { updated: saved } = await transition(tx, ctx, row, 'reopen_draft', {
      version: input.version,
      guard: async () => assertApplicantWindowOpen(tx, await campaignById(tx, row.campaignId), ctx.clock.now(), row),
      audit: (to) => ({ summary: { applicationNo: row.applicationNo, name: row.name, from: row.state, to } }),
    });
    return { id: saved.id, state: saved.state, stateLabel: PROJECT_STATE_LABELS[saved.state], version: saved.version };
  });
}
