/** 报名名单 of a session (provider/commission) and its Excel export. */
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { RosterDto, TrainingSessionDto } from '../../shared/training';
import { currentCampaign } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { renderListXlsx } from '../documents/list-xlsx';
import { trainingSessions, trainingSignups } from '../db/schema';
import { formatShanghai } from '../../domain/deadlines';
import { loadSessionForManager, seesFullPhone, sessionDtos, signupDto, signupsOf, type TrainingContext } from './session-repository';
import { likePattern } from '../http/list-query';
import { requireTrainingManager } from '../policy/role-guards';

export async function listSessions(
  ctx: TrainingContext,
  query: { status: 'all' | 'open' | 'cancelled'; q?: string; page: number; pageSize: number },
): Promise<{ items: TrainingSessionDto[]; total: number; page: number; pageSize: number }> {
  requireTrainingManager(ctx.actor);
  const db = ctx.database.db;
  const campaign = await currentCampaign(db, ctx.clock.now());
  const conds: SQL[] = [eq(trainingSessions.campaignId, campaign.id)];
  // Scope: a provider lists only the sessions it runs; the commission all of them.
  if (ctx.actor.role === 'training_provider') conds.push(eq(trainingSessions.providerOrgId, ctx.actor.organisationId));
  if (query.status !== 'all') conds.push(eq(trainingSessions.status, query.status));
  if (query.q) {
    const like = likePattern(query.q);
    conds.push(or(ilike(trainingSessions.title, like), ilike(trainingSessions.venue, like))!);
  }
  const where = and(...conds);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(trainingSessions).where(where);
  const rows = await db
    .select()
    .from(trainingSessions)
    .where(where)
    .orderBy(desc(trainingSessions.startsAt), asc(trainingSessions.title))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await sessionDtos(db, rows, ctx.clock.now()), total: Number(total), page: query.page, pageSize: query.pageSize };
}

export async function sessionRoster(ctx: TrainingContext, id: string, db: DbOrTx = ctx.database.db): Promise<RosterDto> {
  requireTrainingManager(ctx.actor);
  const row = await loadSessionForManager(db, ctx.actor, id);
  const [session] = await sessionDtos(db, [row], ctx.clock.now());
  const full = seesFullPhone(ctx.actor);
  const items = (await signupsOf(db, and(eq(trainingSignups.sessionId, id)))).map((j) => signupDto(j, full));
  return { session, items, phoneMasked: !full };
}

const ATTENDED_TEXT = (a: boolean | null) => (a === true ? '出勤' : a === false ? '缺勤' : '未登记');

export async function renderRosterXlsx(roster: RosterDto): Promise<Buffer> {
  const s = roster.session;
  type Item = RosterDto['items'][number];
  return renderListXlsx<Item>(
    '报名名单',
    [
      { header: '序号', width: 6, value: (_, i) => i + 1 },
      { header: '申报单位', width: 32, value: (it) => it.applicantName },
      { header: '项目名称', width: 36, value: (it) => it.projectName },
      { header: '项目编号', width: 20, value: (it) => it.projectNo },
      { header: '参训人员', width: 12, value: (it) => it.attendeeName },
      { header: '角色', width: 12, value: (it) => it.attendeeRoleLabel },
      { header: '手机号码', width: 16, value: (it) => it.attendeePhone },
      { header: '报名时间（北京时间）', width: 22, value: (it) => formatShanghai(new Date(it.createdAt)) },
      { header: '出勤', width: 8, value: (it) => ATTENDED_TEXT(it.attended) },
    ],
    roster.items,
    {
      titleLines: [
        `${s.title}（${s.startsAtText}至${s.endsAtText}，北京时间）`,
        `地点：${s.venue}　容量：${s.capacity}人　已报名：${s.signedUp}人　出勤：${s.attendedCount}人　状态：${s.phaseLabel}`,
      ],
    },
  );
}
