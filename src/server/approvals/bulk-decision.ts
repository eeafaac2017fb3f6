/**
 * What 批量立项 and 批量不予立项 share: every selected project is locked (`ORDER BY id FOR UPDATE`)
 * and checked (policy, version, workflow table, decision window) before anything is written; one
 * refusal refuses all, naming each refused project (`fields['items.<i>']`).
 */
import { AppError, validation } from '../app-error';
import { campaignById, type CampaignRow } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { assertProjectFor, lockProjects, PROJECT_LABEL, type ProjectRow } from '../projects/load-project';
import { projectLabel } from '../projects/project-label';
import { checkTransition } from '../projects/transition';
import { assertDecisionsOpen } from './decision-support';

export type BulkItem = { id: string; version: number };

export function assertDistinct(items: BulkItem[]): string[] {
  const ids = items.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw validation({ items: '所选项目中有重复' });
  return ids;
}

export async function lockAndCheckAll(
  tx: DbOrTx,
  ctx: ActorContext,
  items: BulkItem[],
  action: 'approve' | 'reject',
  what: string,
): Promise<{ rows: Map<string, ProjectRow>; campaigns: Map<string, CampaignRow> }> {
  const rows = await lockProjects(tx, items.map((i) => i.id));
  const refused: Record<string, string> = {};
  let firstError: AppError | null = null;
  const campaigns = new Map<string, CampaignRow>();
  for (const [i, item] of items.entries()) {
    const row = rows.get(item.id);
    try {
      assertProjectFor(ctx.actor, 'approve', row, item.id, PROJECT_LABEL);
      checkTransition(row, action, ctx.actor, { version: item.version });
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
    throw new AppError(firstError.code, `bulk ${action}: ${n} refused`, `${what}未执行：${n}个项目不符合条件（${Object.values(refused)[0]}${n > 1 ? ' 等' : ''}），请处理后重试`, { fields: refused });
  }
  return { rows, campaigns };
}
