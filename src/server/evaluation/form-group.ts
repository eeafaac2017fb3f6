/**
 * Forming an evaluation group (程序七): the draw (reproducible from its seed; only the seed's hash is
 * kept), a redraw, and replacing one expert with a reason. Before commit the group is only a
 * proposal; after commit a replacement takes over the tasks an expert declined or stepped aside from.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { drawGroup, drawOrder } from '../../domain/evaluation';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { groupCreateSchema, groupRedrawSchema, groupReplaceSchema } from '../../shared/evaluation';
import { invalidState, staleVersion, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignForYear } from '../campaigns/campaign-repository';
import type { ActorContext } from '../context';
import type { DbOrTx } from '../db/client';
import { evaluationGroups, expertTasks, projects, users } from '../db/schema';
import { notify } from '../notifications/notify';
import { authorize } from '../policy/policy';
import { criteriaOfCampaign, drawInputs, fieldCondition, groupDetail, loadGroup, projectsInProposedGroups, type GroupRow, type Replacement } from './group-repository';

export const seedHash = (seed: string) => createHash('sha256').update(seed, 'utf8').digest('hex');
const newSeed = () => randomBytes(9).toString('base64url');

async function draw(tx: DbOrTx, campaignId: string, field: string, projectIds: string[], seed: string) {
  const { criteria } = await criteriaOfCampaign(tx, campaignId);
  const members = drawGroup({ seed, field, projectIds, ...(await drawInputs(tx, projectIds)), criteria });
  if (members.length < criteria.minGroupSize) {
    throw validation({ field: `“${field}”领域可抽取的专家只有${members.length}人（须在库、专业对口且与本组项目无回避），少于评定组最少人数${criteria.minGroupSize}人` });
  }
  return members;
}

export async function createGroup(ctx: ActorContext, input: z.infer<typeof groupCreateSchema>) {
  authorize(ctx.actor, { kind: 'evaluation', action: 'manage', resource: {} });
  const now = ctx.clock.now();
  if (input.deadline <= shanghaiDateString(now)) throw validation({ deadline: `评分截止日期应晚于今天（${shanghaiDateString(now)}）` });
  const campaign = await campaignForYear(ctx.database.db, input.year, now);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'results_received'), fieldCondition(campaign, input.field), isNull(projects.deletedAt)))
      .for('update');
    const held = await projectsInProposedGroups(tx, campaign.id);
    const free = rows.filter((r) => !held.has(r.id));
    let projectIds = free.map((r) => r.id);
    if (input.projectIds) {
      const wrong = input.projectIds.find((id) => !projectIds.includes(id));
      if (wrong) throw validation({ projectIds: '所选项目须为本领域已报送、尚未编入评定组的成果' });
      projectIds = [...new Set(input.projectIds)];
    }
    if (!projectIds.length) throw validation({ field: `“${input.field}”领域没有待评定的成果` });
    const seed = input.seed ?? newSeed();
    const members = await draw(tx, campaign.id, input.field, projectIds, seed);
    const [g] = await tx
      .insert(evaluationGroups)
      .values({ campaignId: campaign.id, field: input.field, state: 'proposed', drawSeedHash: seedHash(seed), projectIds, members, deadline: input.deadline, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now })
      .returning();
    await writeAudit(tx, ctx, { entity: 'evaluation_group', entityId: g.id, action: 'draw_group', summary: { field: input.field, projects: projectIds.length, members: members.length, seedHash: g.drawSeedHash, chosenSeed: !!input.seed } });
    return groupDetail(tx, g, seed);
  });
}

async function lockAtVersion(tx: DbOrTx, id: string, version: number): Promise<GroupRow> {
  const g = await loadGroup(tx, id, { forUpdate: true });
  if (g.version !== version) throw staleVersion(`evaluation group ${id}`);
  return g;
}

export async function redrawGroup(ctx: ActorContext, id: string, input: z.infer<typeof groupRedrawSchema>) {
  authorize(ctx.actor, { kind: 'evaluation', action: 'manage', resource: {} });
  return ctx.database.db.transaction(async (tx) => {
    const g = await lockAtVersion(tx, id, input.version);
    if (g.state !== 'proposed') throw invalidState(`group ${id} is ${g.state}`, '评定组已确认，不能重新抽取');
    const seed = input.seed ?? newSeed();
    const members = await draw(tx, g.campaignId, g.field, g.projectIds as string[], seed);
    const [u] = await tx
      .update(evaluationGroups)
      .set({ members, drawSeedHash: seedHash(seed), replacements: [], version: g.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(evaluationGroups.id, id), eq(evaluationGroups.version, g.version)))
      .returning();
    await writeAudit(tx, ctx, { entity: 'evaluation_group', entityId: id, action: 'redraw', summary: { field: g.field, members: members.length, seedHash: u.drawSeedHash } });
    return groupDetail(tx, u, seed);
  });
}

export async function replaceExpert(ctx: ActorContext, id: string, input: z.infer<typeof groupReplaceSchema>) {
  authorize(ctx.actor, { kind: 'evaluation', action: 'manage', resource: {} });
  return ctx.database.db.transaction(async (tx) => {
    const g = await lockAtVersion(tx, id, input.version);
    if (g.state === 'concluded' || g.state === 'adopted') throw invalidState(`group ${id} is ${g.state}`, '评定组已得出结论，不能替换专家');
    const members = g.members as string[];
    if (!members.includes(input.out)) throw validation({ out: '被替换的专家不是本评定组成员' });
    const { criteria } = await criteriaOfCampaign(tx, g.campaignId);
    const projectIds = g.projectIds as string[];
    const eligible = drawOrder({ seed: 'replace', field: g.field, projectIds, ...(await drawInputs(tx, projectIds)), criteria, exclude: members });
    if (!eligible.includes(input.in)) throw validation({ in: '替换专家须在库、专业对口、不在本组且与本组项目无回避' });
    const now = ctx.clock.now();
    let nextMembers: string[];
    let handedOver: string[] = [];
    if (g.state === 'proposed') {
      nextMembers = members.map((m) => (m === input.out ? input.in : m));
    } else {
      // After commit: the newcomer takes the projects the expert declined or stepped aside from.
      const open = await tx
        .select()
        .from(expertTasks)
        .where(and(eq(expertTasks.groupId, id), eq(expertTasks.expertUserId, input.out), inArray(expertTasks.state, ['declined', 'recused', 'no_response'])));
      const taken = await tx.select({ projectId: expertTasks.projectId }).from(expertTasks).where(and(eq(expertTasks.groupId, id), eq(expertTasks.expertUserId, input.in)));
      handedOver = open.map((t) => t.projectId!).filter((p) => !taken.some((x) => x.projectId === p));
      if (!handedOver.length) throw invalidState(`expert ${input.out} has nothing to hand over`, '该专家没有谢绝或回避的评定任务，无需替换');
      await tx.insert(expertTasks).values(handedOver.map((projectId) => ({ groupId: id, expertUserId: input.in, projectId, state: 'invited' as const, createdAt: now, updatedAt: now })));
      nextMembers = [...members, input.in];
      const [expert] = await tx.select({ orgId: users.organisationId }).from(users).where(eq(users.id, input.in));
      await notify(tx, now, { organisationId: expert.orgId, userId: input.in, title: '新的成果评定任务', body: `您被邀请参加“${g.field}”评定组，评定${handedOver.length}个项目，请于${g.deadline}前完成。`, link: '/expert/tasks' });
    }
    const replacements: Replacement[] = [...((g.replacements as Replacement[]) ?? []), { out: input.out, in: input.in, reason: input.reason, at: now.toISOString(), by: ctx.actor.userId }];
    const [u] = await tx
      .update(evaluationGroups)
      .set({ members: nextMembers, replacements, version: g.version + 1, updatedAt: now })
      .where(and(eq(evaluationGroups.id, id), eq(evaluationGroups.version, g.version)))
      .returning();
    await writeAudit(tx, ctx, { entity: 'evaluation_group', entityId: id, action: 'replace_expert', summary: { out: input.out, in: input.in, reason: input.reason, projects: handedOver.length } });
    return groupDetail(tx, u);
  });
}
