/**
 * 倾斜支持 on the review screen: the campaign's rule (config.preferentialSupport and the directions
 * marked preferred) applied to the active campaign's approvals per direction.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { preferentialQuota, type PreferentialSupportRule } from '../../domain/preferential-support';
import { campaignYearQuerySchema, type CampaignConfig } from '../../domain/campaign-config';
import { preferentialStatusSchema, type PreferentialStatus } from '../../shared/preferential';
import { campaignForYear, type CampaignRow } from '../campaigns/campaign-repository';
import type { Services } from '../context';
import type { DbOrTx } from '../db/client';
import { projects } from '../db/schema';
import { authedContext } from '../http/request-context';
import { authorize } from '../policy/policy';
import { errors } from '../http/responses';

export function preferentialRule(campaign: CampaignRow): PreferentialSupportRule {
  const config = campaign.config as CampaignConfig;
  const p = config.preferentialSupport;
  return {
    directions: config.directions.filter((d) => d.preferred).map((d) => d.code),
    reservedShare: p?.reservedShare ?? null,
    plannedApprovals: p?.plannedApprovals ?? null,
    priorityOrdering: p?.priorityOrdering ?? true,
  };
}

export async function preferentialStatus(db: DbOrTx, campaign: CampaignRow): Promise<PreferentialStatus> {
  const config = campaign.config as CampaignConfig;
  const rule = preferentialRule(campaign);
  const rows = await db
    .select({ direction: projects.direction, state: projects.state, n: count() })
    .from(projects)
    .where(and(eq(projects.campaignId, campaign.id), inArray(projects.state, ['approved', 'under_review']), isNull(projects.deletedAt)))
    .groupBy(projects.direction, projects.state);
  const tally = (state: string) => Object.fromEntries(rows.filter((r) => r.state === state && r.direction).map((r) => [r.direction!, Number(r.n)]));
  const approved = tally('approved');
  const underReview = tally('under_review');
  const codes = config.directions.map((d) => d.code);
  const q = preferentialQuota(rule, codes, approved);
  return {
    reservedShare: rule.reservedShare,
    plannedApprovals: rule.plannedApprovals,
    priorityOrdering: rule.priorityOrdering,
    base: q.base,
    reserved: q.reserved,
    directions: q.directions.map((d) => ({ ...d, label: config.directions.find((x) => x.code === d.direction)?.label ?? d.direction, underReview: underReview[d.direction] ?? 0 })),
  };
}

export function registerPreferentialRoutes(app: FastifyInstance, services: Services) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/commission/approvals/preferential',
    { schema: { tags: ['立项审核（市市场监管委）'], summary: '倾斜支持：各申报方向已立项数与预留名额（year 缺省为当前年度）', querystring: campaignYearQuerySchema, response: { 200: preferentialStatusSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      authorize(ctx.actor, { kind: 'campaign', action: 'read_overview' });
      return preferentialStatus(services.database.db, await campaignForYear(services.database.db, req.query.year, ctx.clock.now()));
    },
  );
}
