/**
 * 真实性核查记录: the recommender's notes and an optional 现场核查 (date, people, findings).
 * Append-only (each save is a new project_reviews row, the latest counts), so it needs no version;
 * it does not change the project's state.
 */
import type { AuthenticityInput } from '../../shared/recommendations';
import { invalidState } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { latestAuthenticity } from './review-data';
import { loadProjectFor, PROJECT_LABEL } from '../projects/load-project';
import { recordReview } from '../projects/record-review';
import type { ActorContext } from '../context';
import { requireRecommender } from '../policy/role-guards';

const OPEN_STATES = ['submitted', 'recommended'];

export async function recordAuthenticity(ctx: ActorContext, input: AuthenticityInput & { id: string }) {
  requireRecommender(ctx.actor);
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'review', input.id, { forUpdate: true, label: PROJECT_LABEL });
    if (!OPEN_STATES.includes(row.state)) throw invalidState(`authenticity in ${row.state}`, '只有待审核或已推荐（待报送）的项目可以记录真实性核查');
    const record = { confirmed: input.confirmed, notes: input.notes ?? '', siteVisit: input.siteVisit ?? null };
    await recordReview(tx, ctx, row, { stage: 'recommendation', decision: 'authenticity', checklist: { authenticity: record } });
    await writeAudit(tx, ctx, {
      entity: 'project',
      entityId: row.id,
      action: 'record_authenticity',
      summary: { confirmed: record.confirmed, siteVisit: record.siteVisit ? { date: record.siteVisit.date, people: record.siteVisit.people } : null },
    });
    return (await latestAuthenticity(tx, row.id))!;
  });
}
