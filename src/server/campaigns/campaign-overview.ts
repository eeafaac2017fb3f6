import { and, count, eq, isNull } from 'drizzle-orm';
import { OVERVIEW_MILESTONE_LABELS, OVERVIEW_MILESTONES, overviewCounts } from '../../domain/campaign-overview';
import type { ProjectState } from '../../domain/project-workflow';
import type { CampaignOverview } from '../../domain/campaign-config';
import type { DbOrTx } from '../db/client';
import { projects } from '../db/schema';

/** One grouped count over the campaign's projects; the milestone rule is the domain's. */
export async function campaignOverview(db: DbOrTx, campaign: { id: string; year: number }): Promise<CampaignOverview> {
  const rows = await db
    .select({ state: projects.state, n: count() })
    .from(projects)
    .where(and(eq(projects.campaignId, campaign.id), isNull(projects.deletedAt)))
    .groupBy(projects.state);
  const counts = overviewCounts(Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Partial<Record<ProjectState, number>>);
  return { campaignId: campaign.id, year: campaign.year, milestones: OVERVIEW_MILESTONES.map((key) => ({ key, label: OVERVIEW_MILESTONE_LABELS[key], count: counts[key] })) };
}
