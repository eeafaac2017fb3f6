/**
 * 逾期未报送: a scheduled job (pg-boss cron, every minute, Asia/Shanghai) that, once the results
 * deadline has passed, moves every project of each running campaign whose result never reached the
 * commission (approved / results_submitted / results_returned) to `lapsed` — unless a live 补报
 * reopening covers its recommender or the project itself (src/domain/results-deadline.ts). The
 * transition is the workflow's `lapse` by the `system` role; each project is audited and its unit
 * and recommender are told. Idempotent: a second run finds nothing to do.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CampaignConfig } from '../../domain/campaign-config';
import { findTransition } from '../../domain/project-workflow';
import { lapsesAt, RESULT_PENDING_STATES } from '../../domain/results-deadline';
import { campaignById } from '../campaigns/campaign-repository';
import type { Services } from '../context';
import { campaigns, projects, windowReopenings } from '../db/schema';
import { notify } from '../notifications/notify';
import { projectLabel } from '../projects/project-label';
import { applyTransition } from '../projects/transition';

export const RESULTS_LAPSE_JOB = 'results-lapse';

/**
 * Every running campaign is swept: several years run at once (2026 results fall due while 2027
 * applications are open), so the newest campaign alone would never lapse the older year's projects.
 */
export async function lapseOverdueResults(services: Services): Promise<{ lapsed: number }> {
  const running = await services.database.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.status, 'active'));
  let lapsed = 0;
  for (const c of running) lapsed += (await lapseCampaign(services, c.id)).lapsed;
  return { lapsed };
}

async function lapseCampaign(services: Services, campaignId: string): Promise<{ lapsed: number }> {
  const ctx = { ...services, actor: null, requestId: `job:${RESULTS_LAPSE_JOB}` };
  return services.database.db.transaction(async (tx) => {
    const campaign = await campaignById(tx, campaignId);
    const now = services.clock.now();
    const window = (campaign.config as CampaignConfig).windows.results;
    const pending = await tx
      .select()
      .from(projects)
      .where(and(eq(projects.campaignId, campaign.id), inArray(projects.state, [...RESULT_PENDING_STATES]), isNull(projects.deletedAt)))
      .for('update');
    if (!pending.length) return { lapsed: 0 };
    const reopenings = await tx
      .select()
      .from(windowReopenings)
      .where(and(eq(windowReopenings.campaignId, campaign.id), eq(windowReopenings.window, 'results'), isNull(windowReopenings.revokedAt)));
    let lapsed = 0;
    for (const p of pending) {
      const own = reopenings.filter((r) => r.projectId === p.id || (r.organisationId !== null && r.organisationId === p.recommenderOrgId));
      if (!lapsesAt(p.state, window, now, own)) continue;
      const t = findTransition('lapse', p.state, 'system');
      if (!t) continue;
      await applyTransition(tx, ctx, p, 'lapse', t.to, { set: { lastReason: '逾期未报送成果' }, audit: { summary: { from: p.state, to: t.to, deadline: window.closesAt } } });
      const body = `${projectLabel(p)}的成果材料未在截止时间（${window.closesAt.slice(0, 10)}）前报送市市场监管委，已逾期未报送，逾期不再接收。`;
      await notify(tx, now, { organisationId: p.applicantOrgId, title: '项目成果逾期未报送', body, link: `/applicant/results/${p.id}` });
      if (p.recommenderOrgId) await notify(tx, now, { organisationId: p.recommenderOrgId, title: '项目成果逾期未报送', body, link: `/recommender/results/${p.id}` });
      lapsed++;
    }
    return { lapsed };
  });
}
