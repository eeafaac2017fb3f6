/**
 * 批量不予立项 with ONE shared reason: all-or-nothing. The reason is checked first (field `reason`);
 * every selected project is locked and checked (policy, version, workflow table, decision window);
 * if any is refused nothing changes and the answer names each refused project
 * (`fields['items.<i>']`). Then each project goes through the project core `transition` — its own
 * review record and audit entry (`reject`) — plus one `bulk_reject` audit entry for the act.
 */
import { MIN_REJECT_REASON_LENGTH } from '../../shared/approvals';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { requireText } from '../http/input';
import { type Email, sendEmails } from '../notifications/email';
import { requireCommission } from '../policy/role-guards';
import type { ProjectRow } from '../projects/load-project';
import { transition } from '../projects/transition';
import { assertDistinct, lockAndCheckAll } from './bulk-decision';
import { notifyDecision } from './decision-support';

export async function rejectProjects(ctx: ActorContext, input: { items: { id: string; version: number }[]; reason?: string }): Promise<ProjectRow[]> {
  requireCommission(ctx.actor);
  const reason = requireText(input.reason, 'reason', '不予立项的原因', MIN_REJECT_REASON_LENGTH);
  const ids = assertDistinct(input.items);
  const { results, emails } = await ctx.database.db.transaction(async (tx) => {
    const { rows } = await lockAndCheckAll(tx, ctx, input.items, 'reject', '批量不予立项');
    const results: ProjectRow[] = [];
    const emails: Email[] = [];
    for (const item of input.items) {
      const row = rows.get(item.id)!;
      const { updated } = await transition(tx, ctx, row, 'reject', {
        version: item.version,
        set: { lastReason: reason },
        review: { stage: 'approval', decision: 'reject', reason },
        audit: () => ({ summary: { from: row.state, to: 'rejected', reason, name: row.name, applicationNo: row.applicationNo, bulk: true } }),
      });
      results.push(updated);
      emails.push(...(await notifyDecision(tx, ctx.clock.now(), row, updated)));
    }
    await writeAudit(tx, ctx, { entity: 'project', action: 'bulk_reject', summary: { count: results.length, ids, reason } });
    return { results, emails };
  });
  await sendEmails(ctx, emails);
  return results;
}
