/**
 * 作废: the commission voids an issued certificate with a reason (lifecycle.md: issued → void, when
 * revoked or re-issued). The project, if still recognised, is pending again: the next run issues a
 * new certificate under a new number (numbers are never reused).
 */
import { and, eq } from 'drizzle-orm';
import { MIN_VOID_REASON_LENGTH } from '../../shared/certificates';
import { invalidState, notFound, staleVersion, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { certificates, projects } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';

export async function voidCertificate(ctx: CommandContext & { actor: Actor }, input: { id: string; version: number; reason: string }) {
  authorize(ctx.actor, { kind: 'certificate', action: 'void' });
  const reason = (input.reason ?? '').trim();
  if (!reason) throw validation({ reason: '请填写作废原因' });
  if (Array.from(reason).length < MIN_VOID_REASON_LENGTH) throw validation({ reason: `作废原因至少${MIN_VOID_REASON_LENGTH}个字，请写明具体情况` });
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ c: certificates, p: { name: projects.name, applicantOrgId: projects.applicantOrgId, recognitionLevel: projects.recognitionLevel } })
      .from(certificates)
      .innerJoin(projects, eq(projects.id, certificates.projectId))
      .where(eq(certificates.id, input.id))
      .for('update', { of: certificates });
    if (!row) throw notFound(`certificate ${input.id}`, '证书');
    if (row.c.state !== 'issued') throw invalidState(`certificate ${row.c.id} is ${row.c.state}`, `证书${row.c.certificateNo}已作废，不能重复作废`);
    if (row.c.version !== input.version) throw staleVersion(`certificate ${row.c.id}`);
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(certificates)
      .set({ state: 'void', voidedAt: now, voidReason: reason, version: row.c.version + 1 })
      .where(and(eq(certificates.id, row.c.id), eq(certificates.version, row.c.version)))
      .returning();
    if (!updated) throw staleVersion(`certificate ${row.c.id}`);
    await writeAudit(tx, ctx, { entity: 'certificate', entityId: row.c.id, action: 'void', summary: { certificateNo: row.c.certificateNo, projectId: row.c.projectId, reason } });
    await notify(tx, now, {
      organisationId: row.p.applicantOrgId,
      title: '优秀成果证书已作废',
      body: `您单位“${row.p.name}”项目的证书（编号${row.c.certificateNo}）已作废。原因：${reason}`,
      link: '/applicant/applications',
    });
    return { c: updated, p: row.p };
  });
}
