/**
 * 批量审核: return / decline / recommend many applications with ONE shared reason or opinion.
 * All-or-nothing: one transaction; every project is checked, and if any is refused nothing
 * changes and the answer names each refused project (`fields['ids.<i>']`). Bulk recommend uses
 * each project's saved 真实性核查记录 (it carries no per-project authenticity).
 */
import { MIN_OPINION_LENGTH, MIN_REASON_LENGTH } from '../../shared/recommendations';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { AppError, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { applyDecline } from './decline-application';
import { applyRecommend } from './recommend-application';
import { applyReturn } from './return-application';
import { loadProjectFor, PROJECT_LABEL } from '../projects/load-project';
import type { ActorContext } from '../context';
import { requireText } from '../http/input';
import { type Email, sendEmails } from '../notifications/email';
import { requireRecommender } from '../policy/role-guards';
import { projectLabel } from '../projects/project-label';

export interface BulkInput {
  action: 'return' | 'decline' | 'recommend';
  ids: string[];
  reason?: string;
  opinion?: string;
  versions?: Record<string, number>;
}

export async function bulkReview(ctx: ActorContext, input: BulkInput) {
  requireRecommender(ctx.actor);
  if (new Set(input.ids).size !== input.ids.length) throw validation({ ids: '所选项目中有重复' });
  const text =
    input.action === 'recommend'
      ? requireText(input.opinion, 'opinion', '推荐意见', MIN_OPINION_LENGTH)
      : requireText(input.reason, 'reason', input.action === 'return' ? '退回原因' : '不予推荐的原因', MIN_REASON_LENGTH);

  const { results, emails } = await ctx.database.db.transaction(async (tx) => {
    const results = [];
    const emails: Email[] = [];
    const refused: Record<string, string> = {};
    let firstError: AppError | null = null;
    for (const [i, id] of input.ids.entries()) {
      let label = '所选项目';
      try {
        // Every check of an item runs before any of its writes, so a refusal leaves nothing behind.
        const row = await loadProjectFor(tx, ctx.actor, 'review', id, { forUpdate: true, label: PROJECT_LABEL });
        label = projectLabel(row);
        const version = input.versions?.[id];
        const out =
          input.action === 'return'
            ? await applyReturn(tx, ctx, row, { version, reason: text, fieldComments: {} })
            : input.action === 'decline'
              ? await applyDecline(tx, ctx, row, { version, reason: text })
              : await applyRecommend(tx, ctx, row, { version, opinion: text });
        results.push(out.updated);
        emails.push(...out.emails);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        firstError ??= err;
        refused[`ids.${i}`] = `${label}：${err.userMessage}`;
      }
    }
    if (firstError) {
      const n = Object.keys(refused).length;
      throw new AppError(firstError.code, `bulk ${input.action}: ${n} refused`, `批量操作未执行：${n}个项目不符合条件（${Object.values(refused)[0]}${n > 1 ? ' 等' : ''}），请处理后重试`, { fields: refused });
    }
    await writeAudit(tx, ctx, { entity: 'project', action: `bulk_${input.action}`, summary: { count: results.length, ids: input.ids, text } });
    return { results, emails };
  });
  await sendEmails(ctx, emails);
  return results.map((r) => ({ id: r.id, state: r.state, stateLabel: PROJECT_STATE_LABELS[r.state as ProjectState], version: r.version, recommendOrder: r.recommendOrder }));
}
