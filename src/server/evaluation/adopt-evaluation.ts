/**
 * The commission adopts a concluded group's conclusions: every outcome gets `adoptedAt` (the input of
 * 公示, 程序八: evaluated projects with an adopted outcome), the projects carry their level and
 * score, and the units and recommenders are told the level (never who scored it).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { versionSchema } from '../../shared/evaluation';
import { EVALUATION_LEVEL_LABELS } from '../../shared/evaluation';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { evaluationGroups, evaluationOutcomes, projects } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { groupDetail, loadGroup } from './group-repository';

export async function adoptGroup(ctx: ActorContext, id: string, input: z.infer<typeof versionSchema>) {
  authorize(ctx.actor, { kind: 'evaluation', action: 'manage', resource: {} });
  return ctx.database.db.transaction(async (tx) => {
    const g = await loadGroup(tx, id, { forUpdate: true });
    if (g.state === 'adopted') throw invalidState(`group ${id} adopted`, '评定组结论已采纳，不能重复采纳');
    if (g.state !== 'concluded') throw invalidState(`group ${id} is ${g.state}`, '评定组尚未对全部项目得出结论，不能采纳');
    if (g.version !== input.version) throw staleVersion(`evaluation group ${id}`);
    const now = ctx.clock.now();
    const outcomes = await tx.update(evaluationOutcomes).set({ adoptedAt: now, version: sql`${evaluationOutcomes.version} + 1` }).where(eq(evaluationOutcomes.groupId, id)).returning();
    const rows = await tx.select().from(projects).where(inArray(projects.id, outcomes.map((o) => o.projectId))).for('update');
    for (const o of outcomes) {
      const p = rows.find((r) => r.id === o.projectId)!;
      await tx.update(projects).set({ evaluationLevel: o.level, evaluationScore: o.score, version: p.version + 1, updatedAt: now }).where(eq(projects.id, p.id));
      const body = `项目“${p.name}”的成果评定等级为“${EVALUATION_LEVEL_LABELS[o.level]}”。`;
      await notify(tx, now, { organisationId: p.applicantOrgId, title: '成果评定结果', body, link: `/applications/${p.id}` });
      if (p.recommenderOrgId) await notify(tx, now, { organisationId: p.recommenderOrgId, title: '成果评定结果', body, link: `/applications/${p.id}` });
    }
    const [u] = await tx
      .update(evaluationGroups)
      .set({ state: 'adopted', adoptedAt: now, version: g.version + 1, updatedAt: now })
      .where(and(eq(evaluationGroups.id, id), eq(evaluationGroups.version, g.version)))
      .returning();
    await writeAudit(tx, ctx, { entity: 'evaluation_group', entityId: id, action: 'adopt_group', summary: { field: g.field, projects: outcomes.length, proposed: outcomes.filter((o) => o.proposed).length } });
    return groupDetail(tx, u);
  });
}
