/**
 * 成果评定指标 lock: once an evaluation group of the campaign is committed (experts drawn and
 * confirmed, scores may be given), its criteria can no longer change — scores already given were
 * against them. A proposed group (draw not yet confirmed) does not lock.
 */
import { and, count, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { evaluationGroups } from '../db/schema';

export async function criteriaLockReason(db: DbOrTx, campaignId: string): Promise<string | null> {
  const [row] = await db
    .select({ n: count() })
    .from(evaluationGroups)
    .where(and(eq(evaluationGroups.campaignId, campaignId), ne(evaluationGroups.state, 'proposed')));
  const n = Number(row?.n ?? 0);
  return n > 0 ? `本年度已有${n}个成果评定组确认抽取结果，专家已按现行评定指标评分，评定指标不能再修改` : null;
}
