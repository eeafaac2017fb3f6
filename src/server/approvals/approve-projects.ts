/**
 * 批量立项: all-or-nothing. Every selected project is locked and checked first; if any is
 * refused nothing changes, no 立项编号 is consumed, and the answer names each refused project
 * (`fields['items.<i>']`). Numbers follow the order of the selection.
 */
import { AppError, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignById, type CampaignRow } from '../campaigns/campaign-repository';
import { applyApprove } from './approve-project';
import type { ActorContext } from '../context';
import { requireCommission } from '../policy/role-guards';
import { assertProjectFor, lockProjects, PROJECT_LABEL, type ProjectRow } from '../projects/load-project';
import { checkTransition } from '../projects/transition';
import { assertDecisionsOpen } from './decision-support';
import { type Email, sendEmails } from '../notifications/email';
import { projectLabel } from '../projects/project-label';

export async function approveProjects(ctx: ActorContext, input: { items: { id: string; version: number }[] }): Promise<ProjectRow[]> {
  requireCommission(ctx.actor);
  const ids = input.items.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw validation({ items: '所选项目中有重复' });
  const { results, emails } = await ctx.database.db.transaction(async (tx) => {
    const rows = await lockProjects(tx, ids);
    const refused: Record<string, string> = {};
    let firstError: AppError | null = null;
    const campaigns = new Map<string, CampaignRow>();
    for (const [i, item] of input.items.entries()) {
      const row = rows.get(item.id);
      try {
        assertProjectFor(ctx.actor, 'approve', row, item.id, PROJECT_LABEL);
        checkTransition(row, 'approve', ctx.actor, { version: item.version });
        if (!campaigns.has(row.campaignId)) campaigns.set(row.campaignId, await campaignById(tx, row.campaignId));
        assertDecisionsOpen(campaigns.get(row.campaignId)!, ctx.clock.now());
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        firstError ??= err;
        refused[`items.${i}`] = `${row && !row.deletedAt && row.state !== 'draft' ? projectLabel(row) : '所选项目'}：${err.userMessage}`;
      }
    }
    if (firstError) {
      const n = Object.keys(refused).length;
      throw new AppError(firstError.code, `bulk approve: ${n} refused`, `批量立项未执行：${n}个项目不符合条件（${Object.values(refused)[0]}${n > 1 ? ' 等' : ''}），请处理后重试`, { fields: refused });
    }
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
