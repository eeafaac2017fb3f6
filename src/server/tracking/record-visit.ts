/**
 * 走访 / 检查: the project's recommender records a visit (date, people, findings, files) and the
 * guidance opinions (指导意见) it gave there, each one a tracking item the unit answers.
 */
import { inArray } from 'drizzle-orm';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { VisitInput } from '../../shared/implementation';
import { validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { ActorContext } from '../context';
import { files, trackingItems, trackingVisits } from '../db/schema';
import { rememberIdempotent } from '../http/idempotency';
import { loadForImplementation } from '../implementation/project-access';
import { notify } from '../notifications/notify';

export async function recordVisit(ctx: ActorContext, projectId: string, input: VisitInput) {
  const now = ctx.clock.now();
  if (input.visitedOn > shanghaiDateString(now)) throw validation({ visitedOn: '走访日期不能晚于今天' });
  return ctx.database.db.transaction(async (tx) => {
    const project = await loadForImplementation(tx, ctx.actor, 'visit', projectId, { forUpdate: true });
    if (input.fileIds.length) {
      const own = await tx.select({ id: files.id, owner: files.ownerOrgId }).from(files).where(inArray(files.id, input.fileIds));
      if (own.length !== new Set(input.fileIds).size || own.some((f) => f.owner !== ctx.actor.organisationId)) throw validation({ fileIds: '附件：请先上传本单位的文件' });
    }
    const [visit] = await tx
      .insert(trackingVisits)
      .values({ projectId: project.id, kind: input.kind, visitedOn: input.visitedOn, people: input.participants, findings: input.findings, fileIds: input.fileIds, authorOrgId: ctx.actor.organisationId, createdBy: ctx.actor.userId, createdAt: now })
      .returning();
    for (const g of input.guidance) {
      await tx.insert(trackingItems).values({ projectId: project.id, kind: 'guidance', visitId: visit.id, content: g, raisedBy: ctx.actor.userId, raisedByOrgId: ctx.actor.organisationId, createdAt: now });
    }
    await notify(tx, now, {
      organisationId: project.applicantOrgId,
      title: `${input.kind === 'visit' ? '走访' : '检查'}记录：${project.name}`,
      body: input.guidance.length ? `${ctx.actor.organisationName}提出了${input.guidance.length}条指导意见，请在项目实施页答复。` : `${ctx.actor.organisationName}登记了${input.visitedOn}的${input.kind === 'visit' ? '走访' : '检查'}。`,
      link: `/applicant/implementation/${project.id}`,
    });
    await writeAudit(tx, ctx, { entity: 'tracking_visit', entityId: visit.id, action: 'create', summary: { project: project.name, kind: input.kind, visitedOn: input.visitedOn, guidance: input.guidance.length, files: input.fileIds.length } });
    const dto = { id: visit.id, guidance: input.guidance.length };
    await rememberIdempotent(tx, dto);
    return dto;
  });
}

