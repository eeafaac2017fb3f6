/**
 * Demo 公开发布: the 立项计划 (version 1) of the demo campaign's approved projects, so the public
 * portal lists real published rows at first start. Published by the demo commission account.
 */
import { eq } from 'drizzle-orm';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { DbOrTx } from '../db/client';
import { campaigns, publications, users } from '../db/schema';
import { approvedPlanRows, defaultPlanTitle, publicRow } from '../publications/plan-rows';
import { DEMO_USERNAMES } from './accounts';
import type { SeedArea } from './seed-registry';

export const DEMO_PLAN_DOCUMENT_NO = '津市场监管质发〔2026〕5号';

export const publicationsSeed: SeedArea = {
  name: 'publications',
  async run(tx: DbOrTx, ctx) {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.status, 'active'));
    if (!campaign) return;
    const rows = await approvedPlanRows(tx, campaign);
    if (rows.length === 0) return;
    const [publisher] = await tx.select({ id: users.id }).from(users).where(eq(users.username, DEMO_USERNAMES.commission));
    await tx.insert(publications).values({
      campaignId: campaign.id,
      kind: 'project_plan',
      version: 1,
      title: defaultPlanTitle(campaign.year),
      documentNo: DEMO_PLAN_DOCUMENT_NO,
      publishedOn: shanghaiDateString(ctx.now),
      rows: rows.map(publicRow),
      publishedBy: publisher?.id ?? null,
      publishedAt: ctx.now,
    });
  },
};
