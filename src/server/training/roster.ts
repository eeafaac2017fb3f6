/** 报名名单 of a session (provider/commission) and its Excel export. */
import ExcelJS from 'exceljs';
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { RosterDto, TrainingSessionDto } from '../../shared/training';
import { activeCampaign } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { trainingSessions, trainingSignups } from '../db/schema';
import { formatShanghai } from '../../domain/deadlines';
import {
  loadSessionForManager,
  requireTrainingManager,
  seesFullPhone,
  sessionDtos,
  signupDto,
  signupsOf,
  type TrainingContext,
} from './session-repository';

export async function listSessions(
  ctx: TrainingContext,
  query: { status: 'all' | 'open' | 'cancelled'; q?: string; page: number; pageSize: number },
): Promise<{ items: TrainingSessionDto[]; total: number; page: number; pageSize: number }> {
  requireTrainingManager(ctx.actor);
  const db = ctx.database.db;
  const campaign = await activeCampaign(db);
  const conds: SQL[] = [eq(trainingSessions.campaignId, campaign.id)];
  // Scope: a provider lists only the sessions it runs; the commission all of them.
  if (ctx.actor.role === 'training_provider') conds.push(eq(trainingSessions.providerOrgId, ctx.actor.organisationId));
  if (query.status !== 'all') conds.push(eq(trainingSessions.status, query.status));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
  const wb = new ExcelJS.Workbook();
  wb.creator = '攻关 Gongguan';
  const ws = wb.addWorksheet('报名名单', { views: [{ state: 'frozen', ySplit: 3 }] });
  const s = roster.session;
  ws.addRow([`${s.title}（${s.startsAtText}至${s.endsAtText}，北京时间）`]);
  ws.addRow([`地点：${s.venue}　容量：${s.capacity}人　已报名：${s.signedUp}人　出勤：${s.attendedCount}人　状态：${s.phaseLabel}`]);
  ws.getRow(1).font = { bold: true, size: 13 };
  const header = ['序号', '申报单位', '项目名称', '项目编号', '参训人员', '角色', '手机号码', '报名时间（北京时间）', '出勤'];
  ws.addRow(header).font = { bold: true };
  [6, 32, 36, 20, 12, 12, 16, 22, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  roster.items.forEach((it, i) =>
    ws.addRow([i + 1, it.applicantName, it.projectName, it.projectNo ?? '', it.attendeeName, it.attendeeRoleLabel, it.attendeePhone, formatShanghai(new Date(it.createdAt)), ATTENDED_TEXT(it.attended)]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
