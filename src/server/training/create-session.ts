/** 新建培训场次 for the active campaign (provider: its own; commission: run by the commission itself). */
import type { SessionInput, TrainingSessionDto } from '../../shared/training';
import { writeAudit } from '../audit/write-audit';
import { currentCampaign } from '../campaigns/campaign-repository';
import { trainingSessions } from '../db/schema';
import { rememberIdempotent } from '../http/idempotency';
import { checkSessionInput } from './session-input';
import { sessionDtos, type TrainingContext } from './session-repository';
import { requireTrainingManager } from '../policy/role-guards';

export async function createSession(ctx: TrainingContext, input: SessionInput): Promise<TrainingSessionDto> {
  requireTrainingManager(ctx.actor);
  const now = ctx.clock.now();
  const checked = checkSessionInput(input, now, { mustBeFuture: true });
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await currentCampaign(tx, ctx.clock.now());
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        ...checked,
        campaignId: campaign.id,
        providerOrgId: ctx.actor.role === 'training_provider' ? ctx.actor.organisationId : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, ctx, {
      entity: 'training_session',
      entityId: row.id,
      action: 'create',
      summary: { title: row.title, venue: row.venue, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), capacity: row.capacity },
    });
    const [dto] = await sessionDtos(tx, [row], now);
    await rememberIdempotent(tx, dto);
    return dto;
  });
}
