import { eq } from 'drizzle-orm';
import { copyCampaignConfigToYear } from '../../domain/campaign';
import type { CampaignConfig } from '../../domain/campaign-config';
import type { DbOrTx } from '../db/client';
import { campaigns } from '../db/schema';
import type { SeedArea } from './seed-registry';

/**
 * Demo: the commission has already copied 2026 to a 2027 draft (every date a year later, holiday
 * calendar still to be imported), so the year selector and the 2027 preparation can be tried.
 */
export const campaign2027DraftSeed: SeedArea = {
  name: 'campaign-2027-draft',
  async run(tx: DbOrTx) {
    const [source] = await tx.select().from(campaigns).where(eq(campaigns.year, 2026));
    const [exists] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.year, 2027));
    if (!source || exists) return;
    await tx.insert(campaigns).values({
      year: 2027,
      title: '2027年天津市质量攻关工作方案',
      documentNo: null,
      status: 'draft',
      config: copyCampaignConfigToYear(source.config as CampaignConfig, 2026, 2027),
    });
  },
};
