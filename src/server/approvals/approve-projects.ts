/**
 * 批量立项: all-or-nothing. Every selected project is locked and checked first; if any is
 * refused nothing changes, no 立项编号 is consumed, and the answer names each refused project
 * (`fields['items.<i>']`). Numbers follow the order of the selection.
 */
import { writeAudit } from '../audit/write-audit';
import { applyApprove } from './approve-project';
import type { ActorContext } from '../context';
import { requireCommission } from '../policy/role-guards';
import type { ProjectRow } from '../projects/load-project';
import { type Email, sendEmails } from '../notifications/email';
import { assertDistinct, lockAndCheckAll } from './bulk-decision';

export async function approveProjects(ctx: ActorContext, input: { items: { id: string; version: number }[] }): Promise<ProjectRow[]> {
  requireCommission(ctx.actor);
  const ids = assertDistinct(input.items);
  const { results, emails } = await ctx.database.db.transaction(async (tx) => {
    const { rows, campaigns } = await lockAndCheckAll(tx, ctx, input.items, 'approve', '批量立项');
    const results: ProjectRow[] = [];
    const emails: Email[] = [];
    for (const item of input.items) {
      const row = rows.get(item.id)!;
      const out = await applyApprove(tx, ctx, row, campaigns.get(row.campaignId)!);
      results.push(out.updated);
      emails.push(...out.emails);
    }
    await writeAudit(tx, ctx, { entity: 'project', action: 'bulk_approve', summary: { count: results.length, ids, projectNos: results.map((r) => r.projectNo) } });
    return { results, emails };
  });
  await sendEmails(ctx, emails);
  return results;
}
