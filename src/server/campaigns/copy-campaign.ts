import { eq } from 'drizzle-orm';
import { copyCampaignConfigToYear } from '../../domain/campaign';
import type { CampaignConfig } from '../../domain/campaign-config';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { campaigns } from '../db/schema';
import { authorize } from '../policy/policy';
import { campaignById, toCampaignDto } from './campaign-repository';

/** Next year's program is configuration: copy this year's rules as a draft with every date moved. */
export async function copyCampaign(ctx: CommandContext & { actor: Actor }, input: { id: string; year: number }) {
  authorize(ctx.actor, { kind: 'campaign', action: 'create' });
  return ctx.database.db.transaction(async (tx) => {
    const source = await campaignById(tx, input.id);
    const [exists] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.year, input.year));
    if (exists) throw new AppError('conflict', 'year exists', `${input.year}年度活动已存在`, { fields: { year: `${input.year}年度活动已存在` } });
    const config = copyCampaignConfigToYear(source.config as CampaignConfig, source.year, input.year);
    const [row] = await tx
      .insert(campaigns)
      .values({ year: input.year, title: `${input.year}年天津市质量攻关工作方案`, documentNo: null, status: 'draft', config })
      .returning();
    await writeAudit(tx, ctx, { entity: 'campaign', entityId: row.id, action: 'copy', summary: { fromYear: source.year, toYear: input.year } });
    return toCampaignDto(row);
  });
}
