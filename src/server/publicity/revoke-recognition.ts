/**
 * 撤销认定: the commission revokes a recognised project with a reason (`revoke`: recognised →
 * revoked), its showcase entry is taken off the portal, audited; then each issued certificate is
 * voided through the certificates area's own void command (its own transaction and audit entry).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { declineRecognitionRequestSchema, revokeRecognitionRequestSchema } from '../../shared/publicity';
import type { Actor, CommandContext } from '../context';
import { certificates, showcaseEntries } from '../db/schema';
import { voidCertificate } from '../certificates/void-certificate';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { loadProjectFor } from '../projects/load-project';
import { transition } from '../projects/transition';

export async function revokeRecognition(ctx: CommandContext & { actor: Actor }, projectId: string, input: z.infer<typeof revokeRecognitionRequestSchema>) {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  const now = ctx.clock.now();
  const { updated, issued } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'recognise', projectId, { forUpdate: true, label: '项目' });
    const { updated } = await transition(tx, ctx, row, 'revoke', { version: input.version, set: { lastReason: input.reason }, audit: (to) => ({ summary: { from: row.state, to, reason: input.reason } }) });
    await tx.update(showcaseEntries).set({ state: 'hidden', updatedAt: now }).where(eq(showcaseEntries.projectId, projectId));
    const body = `“${row.name}”的优秀成果认定已撤销。原因：${input.reason}`;
    await notify(tx, now, { organisationId: row.applicantOrgId, title: '优秀成果认定已撤销', body });
    if (row.recommenderOrgId) await notify(tx, now, { organisationId: row.recommenderOrgId, title: '优秀成果认定已撤销', body });
    const issued = await tx.select({ id: certificates.id, version: certificates.version }).from(certificates).where(and(eq(certificates.projectId, projectId), eq(certificates.state, 'issued')));
    return { updated, issued };
  });
  for (const c of issued) await voidCertificate(ctx, { id: c.id, version: c.version, reason: `优秀成果认定已撤销：${input.reason}` });
  return { project: updated, voided: issued.length };
}

/**
 * 不予认定: the commission closes an evaluated project it will not put to 公示 (`not_propose`:
 * evaluated → closed), with a reason; the unit and recommender are told. One transaction, audited.
 */
export async function declineRecognition(ctx: CommandContext & { actor: Actor }, projectId: string, input: z.infer<typeof declineRecognitionRequestSchema>) {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'recognise', projectId, { forUpdate: true, label: '项目' });
    const { updated } = await transition(tx, ctx, row, 'not_propose', { version: input.version, set: { lastReason: input.reason }, audit: (to) => ({ summary: { from: row.state, to, reason: input.reason } }) });
    const body = `“${row.name}”经成果评定，不列入优秀成果公示，项目结束。原因：${input.reason}`;
    await notify(tx, now, { organisationId: row.applicantOrgId, title: '项目成果不予认定', body });
    if (row.recommenderOrgId) await notify(tx, now, { organisationId: row.recommenderOrgId, title: '项目成果不予认定', body });
    return updated;
  });
}
