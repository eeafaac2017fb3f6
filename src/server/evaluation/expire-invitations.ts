/**
 * 未响应: a scheduled job (hourly) that, once a group's scoring deadline has passed (Beijing date),
 * marks the invitations nobody answered `no_response` — they no longer hold the project's
 * conclusion up — and tells the commission once per group, which may replace those experts.
 * Idempotent: a second run finds nothing to do. An invitation past its deadline cannot be accepted.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import { shanghaiDateString } from '../../domain/shanghai-time';
import { writeAudit } from '../audit/write-audit';
import type { Services } from '../context';
import { evaluationGroups, expertTasks } from '../db/schema';
import { commissionOrgIds } from '../notifications/email';
import { notify } from '../notifications/notify';

export const EVALUATION_NO_RESPONSE_JOB = 'evaluation-no-response';

export async function expireInvitations(services: Services): Promise<{ expired: number }> {
  const ctx = { ...services, actor: null, requestId: `job:${EVALUATION_NO_RESPONSE_JOB}` };
  return services.database.db.transaction(async (tx) => {
    const now = services.clock.now();
    const today = shanghaiDateString(now);
    const groups = await tx.select().from(evaluationGroups).where(and(inArray(evaluationGroups.state, ['committed', 'scoring']), lt(evaluationGroups.deadline, today)));
    let expired = 0;
    for (const g of groups) {
      const stale = await tx
        .update(expertTasks)
        .set({ state: 'no_response', updatedAt: now })
        .where(and(eq(expertTasks.groupId, g.id), eq(expertTasks.state, 'invited')))
        .returning({ id: expertTasks.id });
      if (!stale.length) continue;
      expired += stale.length;
      await writeAudit(tx, ctx, { entity: 'evaluation_group', entityId: g.id, action: 'expire_invitations', summary: { field: g.field, tasks: stale.length, deadline: g.deadline } });
      for (const org of await commissionOrgIds(tx)) {
        await notify(tx, now, { organisationId: org, title: '评定任务未响应', body: `“${g.field}”评定组有${stale.length}项评定任务在截止日期（${g.deadline}）前未获专家响应，请替换专家。`, link: `/commission/evaluation/${g.id}` });
      }
    }
    return { expired };
  });
}
