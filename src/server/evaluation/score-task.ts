/**
 * Scoring: a draft may be saved any number of times; submitting is final. Every item 0…max with at
 * most one decimal, the opinion within its length limits — a bad value is refused naming the item
 * and its limit, nothing is clamped.
 */
import { eq } from 'drizzle-orm';
import { expertTotal, scoreProblems } from '../../domain/evaluation';
import type { ScoreSheetInput } from '../../shared/evaluation';
import { validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { evaluationGroups } from '../db/schema';
import { criteriaOfCampaign, type Sheet } from './group-repository';
import { refuseState, updateTask } from './respond-task';
import { loadOwnTask, ownTaskDetail } from './task-repository';

export async function saveScores(ctx: ActorContext, id: string, input: ScoreSheetInput, final: boolean) {
  return ctx.database.db.transaction(async (tx) => {
    const task = await loadOwnTask(tx, ctx, id, { forUpdate: true });
    if (task.state === 'invited' || task.state === 'accepted') throw refuseState(task, '评分，请先接受任务并作出无利害关系声明');
    if (task.state !== 'scoring') throw refuseState(task, final ? '提交评分' : '保存评分');
    const [g] = await tx.select({ campaignId: evaluationGroups.campaignId }).from(evaluationGroups).where(eq(evaluationGroups.id, task.groupId));
    const { criteria } = await criteriaOfCampaign(tx, g.campaignId);
    const sheet: Sheet = { items: input.items, vetoes: [...new Set(input.vetoes)], opinion: input.opinion.trim() };
    const problems = scoreProblems(criteria, sheet, final);
    if (Object.keys(problems).length) throw validation(problems, Object.values(problems)[0]);
    const now = ctx.clock.now();
    await updateTask(tx, task, input.version, { scores: { ...sheet, savedAt: now.toISOString() }, ...(final ? { state: 'submitted' as const, submittedAt: now } : {}) }, now);
    await writeAudit(tx, ctx, { entity: 'expert_task', entityId: id, action: final ? 'submit_scores' : 'save_scores', summary: { groupId: task.groupId, projectId: task.projectId, total: expertTotal(criteria, sheet), vetoes: sheet.vetoes.length } });
    return ownTaskDetail(tx, ctx, id);
  });
}
