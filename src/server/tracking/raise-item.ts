/**
 * A tracking item: the recommender raises a 指导意见 or a 问题; the unit reports a 问题 or asks for
 * 质量基础设施支撑 (计量 / 标准 / 检验检测 / 认证认可, the category is required then).
 */
import type { ItemInput } from '../../shared/implementation';
import { forbidden, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { trackingItems } from '../db/schema';
import { rememberIdempotent } from '../http/idempotency';
import { loadForImplementation } from '../implementation/project-access';
import { notify } from '../notifications/notify';

const LABEL = { guidance: '指导意见', problem: '问题', support: '质量基础设施支撑请求' } as const;

export async function raiseItem(ctx: ActorContext, projectId: string, input: ItemInput) {
  const now = ctx.clock.now();
  const byUnit = ctx.actor.role === 'applicant';
  if (input.kind === 'support' && !input.category) throw validation({ category: '请选择支撑类别（计量、标准、检验检测或认证认可）' });
  if (byUnit && input.kind === 'guidance') throw forbidden('unit raising guidance', '指导意见由推荐单位提出');
  if (!byUnit && input.kind === 'support') throw forbidden('recommender raising support', '质量基础设施支撑由项目单位提出，推荐单位登记安排情况');
  return ctx.database.db.transaction(async (tx) => {
    const project = await loadForImplementation(tx, ctx.actor, byUnit ? 'ask' : 'guide', projectId, { forUpdate: true });
    const [row] = await tx
      .insert(trackingItems)
      .values({ projectId: project.id, kind: input.kind, category: input.kind === 'support' ? input.category : null, content: input.content, raisedBy: ctx.actor.userId, raisedByOrgId: ctx.actor.organisationId, createdAt: now })
      .returning();
    const to = byUnit ? project.recommenderOrgId : project.applicantOrgId;
    if (to) {
      await notify(tx, now, {
        organisationId: to,
        title: `${LABEL[input.kind]}：${project.name}`,
        body: `${ctx.actor.organisationName}：${input.content.slice(0, 100)}`,
        link: byUnit ? `/recommender/tracking/${project.id}` : `/applicant/implementation/${project.id}`,
      });
    }
    await writeAudit(tx, ctx, { entity: 'tracking_item', entityId: row.id, action: 'create', summary: { project: project.name, kind: input.kind, category: row.category } });
    const dto = { id: row.id, kind: row.kind, state: row.state, version: row.version };
    await rememberIdempotent(tx, dto);
    return dto;
  });
}
