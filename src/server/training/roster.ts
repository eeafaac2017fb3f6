/** 报名名单 of a session (provider/commission) and its Excel export. */
import { and, eq } from 'drizzle-orm';
import type { RosterDto } from '../../shared/training';
import type { DbOrTx } from '../db/client';
import { renderListXlsx } from '../documents/list-xlsx';
import { trainingSignups } from '../db/schema';
import { formatShanghai } from '../../domain/deadlines';
import { loadSessionForManager, seesFullPhone, sessionDtos, signupDto, signupsOf, type TrainingContext } from './session-repository';
import { requireTrainingManager } from '../policy/role-guards';

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
