import { and, eq } from 'drizzle-orm';
import { emptyApplicationForm, UNIT_NATURES, type UnitNature } from '../../domain/application-form';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { applicationCampaign } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, projects } from '../db/schema';
import { authorize } from '../policy/policy';

/** The recommender an application is sent to must be an active recommender organisation. */
export async function assertRecommender(db: DbOrTx, id: string, field = 'recommenderOrgId') {
  const [rec] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, 'recommender'), eq(organisations.active, true)));
  if (!rec) throw new AppError('validation', `recommender ${id} invalid`, '所选推荐单位不存在', { fields: { [field]: '所选推荐单位不存在，请重新选择' } });
  return rec;
}

/** 新建申报书: a draft prefilled with the unit's registration data; recommender = the unit's default. */
export async function createApplication(
  ctx: CommandContext & { actor: Actor },
  input: { direction?: 'common' | 'precise'; name?: string; recommenderOrgId?: string },
) {
  const actor = ctx.actor;
  authorize(actor, { kind: 'project', action: 'create', resource: { applicantOrgId: actor.organisationId, recommenderOrgId: null, state: 'draft' } });
  const db = ctx.database.db;
  return db.transaction(async (tx) => {
    // Several years run at once: a new application goes to the year whose application window is open.
    const campaign = await applicationCampaign(tx, ctx.clock.now());
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, actor.organisationId));
    const recommenderOrgId = input.recommenderOrgId ?? org.defaultRecommenderId ?? null;
    if (input.recommenderOrgId) await assertRecommender(tx, input.recommenderOrgId);
    const form = emptyApplicationForm();
    form.unit = {
      name: org.name,
      uscc: org.uscc ?? undefined,
      address: org.address ?? undefined,
      district: org.district ?? undefined,
      nature: UNIT_NATURES.includes(org.subtype as UnitNature) ? (org.subtype as UnitNature) : undefined,
      contact: org.contactName || org.contactPhone ? { name: org.contactName ?? undefined, phone: org.contactPhone ?? undefined } : undefined,
    };
    if (input.direction) form.project.direction = input.direction;
    if (input.name) form.project.name = input.name;
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(projects)
      .values({
        campaignId: campaign.id,
        applicantOrgId: org.id,
        recommenderOrgId,
        state: 'draft',
        name: form.project.name ?? '',
        direction: form.project.direction ?? null,
        form,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        stateChangedAt: now,
      })
      .returning();
    await writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: 'create', summary: { year: campaign.year, name: row.name, recommenderOrgId } });
    return row;
  });
}
