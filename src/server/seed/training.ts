/**
 * Demo 宣贯培训 (procedure 3): two upcoming sessions of the demo training provider, with a few
 * attendees of already approved demo projects, so the provider's and applicants' pages are not
 * empty at first start. Times are Beijing 09:00 two and three weeks after the seed's "now".
 */
import { and, eq } from 'drizzle-orm';
import { shanghaiDateString, parseShanghaiLocal } from '../../domain/shanghai-time';
import type { DbOrTx } from '../db/client';
import { campaigns, organisations, projects, trainingSessions, trainingSignups } from '../db/schema';
import type { SeedArea } from './seed-registry';

const day = (now: Date, days: number, hm: string) => parseShanghaiLocal(`${shanghaiDateString(new Date(now.getTime() + days * 86_400_000))} ${hm}`);

const PEOPLE = [
  { attendeeName: '刘建新', attendeeRole: 'quality_head' as const, attendeePhone: '13702260101' },
  { attendeeName: '张玉梅', attendeeRole: 'project_lead' as const, attendeePhone: '13702260102' },
  { attendeeName: '王志刚', attendeeRole: 'key_technician' as const, attendeePhone: '13702260103' },
];

export const trainingSeed: SeedArea = {
  name: 'training',
  async run(tx: DbOrTx, ctx) {
    const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.status, 'active'));
    const [provider] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'training_provider'));
    if (!campaign || !provider) return;
    const [first, second] = await tx
      .insert(trainingSessions)
      .values([
        {
          campaignId: campaign.id,
          providerOrgId: provider.id,
          title: '质量攻关宣贯培训（第一期）：评价程序与要求',
          venue: '天津市市场监督管理委员会二楼报告厅',
          startsAt: day(ctx.now, 14, '09:00'),
          endsAt: day(ctx.now, 14, '16:30'),
          capacity: 120,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        },
        {
          campaignId: campaign.id,
          providerOrgId: provider.id,
          title: '质量攻关宣贯培训（第二期）：质量工具与方法专题',
          venue: '天津市质量攻关培训服务中心一号教室',
          startsAt: day(ctx.now, 21, '09:00'),
          endsAt: day(ctx.now, 21, '12:00'),
          capacity: 60,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        },
      ])
      .returning({ id: trainingSessions.id });
    const approved = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'approved')))
      .orderBy(projects.name)
      .limit(PEOPLE.length);
    if (approved.length === 0) return;
    await tx.insert(trainingSignups).values(
      PEOPLE.map((p, i) => ({ ...p, sessionId: i === 2 ? second.id : first.id, projectId: approved[i % approved.length].id, createdAt: ctx.now })),
    );
  },
};
