import { default2026CampaignConfig } from '../../domain/campaign';
import { DEFAULT_NAMING_RULES } from '../../domain/project-name';
import { and, eq } from 'drizzle-orm';
import type { CampaignConfig } from '../../domain/campaign-config';
import { writeAudit } from '../audit/write-audit';
import type { DbOrTx } from '../db/client';
import { campaigns, organisations, users, windowReopenings } from '../db/schema';
import { DEMO_USERNAMES } from './accounts';
import type { SeedArea } from './seed-registry';

/** The 2026 campaign from the seed document (津市场监管质发〔2026〕2号). */
export const campaignSeed: SeedArea = {
  name: 'campaign-2026',
  async run(tx: DbOrTx) {
    await tx.insert(campaigns).values({
      year: 2026,
      title: '2026年天津市质量攻关工作方案',
      documentNo: '津市场监管质发〔2026〕2号',
      status: 'active',
      config: default2026CampaignConfig(DEFAULT_NAMING_RULES.map((r) => ({ ...r }))),
    });
  },
};

/**
 * Demo only: when the demo is installed after the 2026 application deadline, the commission has
 * opened a 补报窗口 for the 滨海新区 bureau, so the whole application path can be tried. It is an
 * ordinary reopening record (audited), visible and revocable on the commission's campaign page.
 */
export const demoReopeningSeed: SeedArea = {
  name: 'demo-reopening',
  async run(tx: DbOrTx, ctx) {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.year, 2026));
    const config = campaign.config as CampaignConfig;
    const [commissioner] = await tx.select().from(users).where(eq(users.username, DEMO_USERNAMES.commission));
    const [bureau] = await tx.select().from(organisations).where(and(eq(organisations.subtype, 'district_bureau'), eq(organisations.district, '滨海新区')));
    for (const window of ['application', 'results'] as const) {
      if (ctx.now.getTime() <= Date.parse(config.windows[window].closesAt)) continue;
      const closesAt = new Date(ctx.now.getTime() + 90 * 86_400_000);
      const [row] = await tx
        .insert(windowReopenings)
        .values({ campaignId: campaign.id, window, organisationId: bureau.id, closesAt, reason: '演示：为滨海新区开通补报窗口，便于体验完整流程', grantedBy: commissioner.id, createdAt: ctx.now })
        .returning();
      await writeAudit(tx, { actor: null, clock: { now: () => ctx.now } }, { entity: 'window_reopening', entityId: row.id, action: 'reopen', summary: { demo: true, window, organisation: bureau.name } });
    }
  },
};
