/**
 * 行业质量管理专业组织的认可 (program.md §2 condition 1): an industry organisation registered
 * outside Tianjin uploads its industry authority's evidence; its recommender (the one chosen at
 * registration, `defaultRecommenderId`) confirms or rejects it. Policy 'confirm_recognition'.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { RECOGNITION_STATUS_LABELS, type ApplicantOrganisation } from '../../shared/applications';
import { invalidState, notFound, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { files, organisations } from '../db/schema';
import { notify } from '../notifications/notify';
import { allow, authorize } from '../policy/policy';
import { requireRecommender } from '../policy/role-guards';

type OrgRow = typeof organisations.$inferSelect;

export async function applicantOrganisationDto(db: DbOrTx, org: OrgRow): Promise<ApplicantOrganisation> {
  const [rec] = org.defaultRecommenderId ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, org.defaultRecommenderId)) : [];
  const status = org.recognitionStatus;
  return {
    id: org.id,
    name: org.name,
    uscc: org.uscc,
    nature: org.subtype,
    district: org.district,
    address: org.address,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    recognitionStatus: status,
    recognitionStatusLabel: RECOGNITION_STATUS_LABELS[status] ?? status,
    recognitionFileId: org.recognitionFileId,
    defaultRecommender: rec ?? null,
    version: org.version,
  };
}

export async function ownOrganisation(db: DbOrTx, actor: Actor): Promise<OrgRow> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, actor.organisationId));
  authorize(actor, { kind: 'organisation', action: 'read', resource: { id: org.id, kind: org.kind, defaultRecommenderId: org.defaultRecommenderId } });
  return org;
}

export async function submitRecognitionEvidence(ctx: CommandContext & { actor: Actor }, input: { fileId: string }) {
  const actor = ctx.actor;
  return ctx.database.db.transaction(async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, actor.organisationId)).for('update');
    authorize(actor, { kind: 'organisation', action: 'update', resource: { id: org.id, kind: org.kind, defaultRecommenderId: org.defaultRecommenderId } });
    if (org.kind !== 'applicant' || org.subtype !== 'industry_org' || !['pending', 'rejected'].includes(org.recognitionStatus)) {
      throw invalidState('recognition not needed', '本单位无需上传行业主管部门认可证明（仅非天津市注册的行业质量管理专业组织需要）');
    }
    const [file] = await tx.select().from(files).where(and(eq(files.id, input.fileId), eq(files.ownerOrgId, org.id)));
    if (!file) throw validation({ fileId: '认可证明文件不存在或不是本单位上传的，请重新上传' });
    const now = ctx.clock.now();
    const [saved] = await tx
      .update(organisations)
      .set({ recognitionFileId: file.id, recognitionStatus: 'pending', version: org.version + 1, updatedAt: now })
      .where(eq(organisations.id, org.id))
      .returning();
    await writeAudit(tx, ctx, { entity: 'organisation', entityId: org.id, action: 'recognition_evidence', summary: { fileId: file.id, fileName: file.originalName, previous: org.recognitionStatus } });
    if (org.defaultRecommenderId) {
      await notify(tx, now, {
        organisationId: org.defaultRecommenderId,
        title: '行业质量管理专业组织认可待确认',
        body: `${org.name}上传了行业主管部门认可证明（${file.originalName}），请确认其申报资格。`,
        link: `/recommender/recognitions`,
      });
    }
    return applicantOrganisationDto(tx, saved);
  });
}

export async function recognitionQueueItem(db: DbOrTx, org: OrgRow) {
  const [file] = org.recognitionFileId ? await db.select().from(files).where(eq(files.id, org.recognitionFileId)) : [];
  return {
    organisationId: org.id,
    name: org.name,
    uscc: org.uscc,
    address: org.address,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    recognitionStatus: org.recognitionStatus,
    evidence: file ? { fileId: file.id, fileName: file.originalName, size: file.size } : null,
    updatedAt: org.updatedAt.toISOString(),
  };
}

/** Industry organisations that chose this recommender and still need a decision (or were decided). */
export async function recognitionQueue(db: DbOrTx, actor: Actor) {
  requireRecommender(actor);
  const rows = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'applicant'), eq(organisations.subtype, 'industry_org'), eq(organisations.defaultRecommenderId, actor.organisationId), isNotNull(organisations.recognitionStatus)));
  const relevant = rows.filter((o) => o.recognitionStatus !== 'not_needed');
  return Promise.all(relevant.map((o) => recognitionQueueItem(db, o)));
}

/** The organisation for a recommender's recognition act: 404 when not its applicant. */
export async function organisationForRecognition(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrgRow> {
  const q = db.select().from(organisations).where(and(eq(organisations.id, id), eq(organisations.kind, 'applicant')));
  const [org] = opts.forUpdate ? await q.for('update') : await q;
  if (!org) throw notFound(`organisation ${id}`, '单位');
  const resource = { id: org.id, kind: org.kind, defaultRecommenderId: org.defaultRecommenderId };
  authorize(actor, { kind: 'organisation', action: 'confirm_recognition', resource }, allow(actor, { kind: 'organisation', action: 'read', resource }));
  return org;
}

export async function decideRecognition(ctx: CommandContext & { actor: Actor }, input: { organisationId: string; decision: 'confirm' | 'reject'; reason: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const org = await organisationForRecognition(tx, ctx.actor, input.organisationId, { forUpdate: true });
    if (org.recognitionStatus !== 'pending') {
      throw invalidState(`recognition ${org.recognitionStatus}`, `该单位的认可状态为“${RECOGNITION_STATUS_LABELS[org.recognitionStatus] ?? org.recognitionStatus}”，无需确认`);
    }
    if (!org.recognitionFileId) throw invalidState('no evidence', '该单位尚未上传行业主管部门认可证明，暂不能确认');
    const reason = input.reason.trim();
    if (input.decision === 'reject' && Array.from(reason).length < 4) throw validation({ reason: '不予确认时请填写原因（至少4个字）' });
    const now = ctx.clock.now();
    const status = input.decision === 'confirm' ? 'recognised' : 'rejected';
    const [saved] = await tx.update(organisations).set({ recognitionStatus: status, version: org.version + 1, updatedAt: now }).where(eq(organisations.id, org.id)).returning();
    await writeAudit(tx, ctx, { entity: 'organisation', entityId: org.id, action: `recognition_${input.decision}`, summary: { name: org.name, reason: reason || undefined, fileId: org.recognitionFileId } });
    await notify(tx, now, {
      organisationId: org.id,
      title: status === 'recognised' ? '行业组织认可已确认' : '行业组织认可未予确认',
      body: status === 'recognised' ? `${ctx.actor.organisationName}已确认本单位为行业主管部门认可的行业质量管理专业组织，可以提交申报。` : `${ctx.actor.organisationName}未予确认本单位的认可证明：${reason}。请补充材料后重新上传。`,
      link: '/applicant/organisation',
    });
    return recognitionQueueItem(tx, saved);
  });
}
