/** 经验交流会 (程序九): the commission records one (date, place); the portal lists them. */
import { desc } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConferenceDto, conferenceRequestSchema } from '../../shared/publicity';
import { writeAudit } from '../audit/write-audit';
import { currentCampaign } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { exchangeConferences } from '../db/schema';
import { authorize } from '../policy/policy';

export async function createConference(ctx: CommandContext & { actor: Actor }, input: z.infer<typeof conferenceRequestSchema>): Promise<ConferenceDto> {
  authorize(ctx.actor, { kind: 'publicity', action: 'manage' });
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await currentCampaign(tx, ctx.clock.now());
    const [row] = await tx.insert(exchangeConferences).values({ campaignId: campaign.id, ...input, createdBy: ctx.actor.userId, createdAt: ctx.clock.now() }).returning();
    await writeAudit(tx, ctx, { entity: 'conference', entityId: row.id, action: 'create_conference', summary: { title: row.title, heldOn: row.heldOn, place: row.place } });
    return { id: row.id, title: row.title, heldOn: row.heldOn, place: row.place, description: row.description };
  });
}

export async function listConferences(db: DbOrTx): Promise<ConferenceDto[]> {
  const rows = await db.select().from(exchangeConferences).orderBy(desc(exchangeConferences.heldOn)).limit(20);
  return rows.map((r) => ({ id: r.id, title: r.title, heldOn: r.heldOn, place: r.place, description: r.description }));
}
