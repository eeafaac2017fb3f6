/**
 * 签到 by QR code: the provider opens the session's check-in (a short code and its QR code); an
 * attendee opens the link on a phone, confirms name and mobile, and is marked attended — only
 * from CHECKIN_OPENS_BEFORE_MS before the start to the end, once per sign-up, audited. The manual
 * attendance tick (mark-attendance.ts) stays for corrections.
 */
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { AppError, invalidState, notFound, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { trainingCheckinCodes, trainingCheckins, trainingSessions, trainingSignups } from '../db/schema';
import { loadSessionForManager, wallClockText, type SessionRow, type TrainingContext } from './session-repository';
import { requireTrainingManager } from '../policy/role-guards';

/** Attendees may check in from half an hour before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CHECKIN_CODE_LENGTH = 6;

export function checkinWindow(s: Pick<SessionRow, 'startsAt' | 'endsAt'>): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(s.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS), closesAt: s.endsAt };
}

/** Why check-in is not possible now (Chinese), or null when it is open. */
export function checkinRefusal(s: Pick<SessionRow, 'status' | 'startsAt' | 'endsAt'>, now: Date): string | null {
  if (s.status === 'cancelled') return '该培训场次已取消';
  const w = checkinWindow(s);
  if (now < w.opensAt) return `签到尚未开始，开始时间：${wallClockText(w.opensAt)}（北京时间）`;
  if (now > w.closesAt) return `签到已结束（截止 ${wallClockText(w.closesAt)}），如确已参训请联系培训机构登记`;
  return null;
}

const newCode = () => Array.from({ length: CHECKIN_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** The provider's check-in screen: the session's code (made on first use, audited) and its QR code. */
export async function openCheckin(ctx: TrainingContext, id: string, origin: string) {
  requireTrainingManager(ctx.actor);
  const { session, code } = await ctx.database.db.transaction(async (tx) => {
    const session = await loadSessionForManager(tx, ctx.actor, id, true);
    if (session.status === 'cancelled') throw invalidState(`session ${id} cancelled`, '该培训场次已取消，不能签到');
    const [existing] = await tx.select().from(trainingCheckinCodes).where(eq(trainingCheckinCodes.sessionId, id));
    if (existing) return { session, code: existing.code };
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newCode();
      const [taken] = await tx.select({ id: trainingCheckinCodes.sessionId }).from(trainingCheckinCodes).where(eq(trainingCheckinCodes.code, code));
      if (taken) continue;
      await tx.insert(trainingCheckinCodes).values({ sessionId: id, code, createdBy: ctx.actor.userId, createdAt: ctx.clock.now() });
      await writeAudit(tx, ctx, { entity: 'training_session', entityId: id, action: 'open_checkin', summary: { title: session.title, code } });
      return { session, code };
    }
    throw new AppError('internal', 'no free check-in code', '签到码生成失败，请重试');
  });
  const url = `${origin}/checkin/${code}`;
  const w = checkinWindow(session);
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { code, url, svg, opensAt: w.opensAt.toISOString(), closesAt: w.closesAt.toISOString() };
}

async function sessionByCode(db: DbOrTx, code: string): Promise<SessionRow> {
  const [row] = await db
    .select({ s: trainingSessions })
    .from(trainingCheckinCodes)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingCheckinCodes.sessionId))
    .where(eq(trainingCheckinCodes.code, code.toUpperCase()));
  if (!row) throw notFound(`checkin code ${code}`, '签到码');
  return row.s;
}

/** What the attendee's phone shows before confirming. */
export async function checkinInfo(ctx: CommandContext, code: string) {
  const s = await sessionByCode(ctx.database.db, code);
  const refusal = checkinRefusal(s, ctx.clock.now());
  const w = checkinWindow(s);
  return { title: s.title, venue: s.venue, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), opensAt: w.opensAt.toISOString(), open: refusal === null, message: refusal };
}

/** The attendee confirms name and mobile: the matching sign-up of this session is marked attended. */
export async function selfCheckin(ctx: CommandContext, code: string, input: { name: string; phone: string }) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const s = await sessionByCode(tx, code);
    const refusal = checkinRefusal(s, now);
    if (refusal) throw new AppError('window_not_open', `checkin closed for ${s.id}`, refusal);
    const [signup] = await tx
      .select()
      .from(trainingSignups)
      .where(and(eq(trainingSignups.sessionId, s.id), eq(trainingSignups.attendeePhone, input.phone)))
      .for('update');
    if (!signup || signup.attendeeName !== input.name) {
      throw validation({ phone: '未找到与该姓名和手机号码一致的本场次报名记录，请核对或联系培训机构' });
    }
    const [done] = await tx.select().from(trainingCheckins).where(eq(trainingCheckins.signupId, signup.id));
    if (done) throw new AppError('conflict', `signup ${signup.id} checked in`, `您已于 ${wallClockText(done.at)} 签到，无需重复签到`);
    await tx.insert(trainingCheckins).values({ signupId: signup.id, sessionId: s.id, at: now, ip: ctx.ip ?? null });
    await tx.update(trainingSignups).set({ attended: true, attendanceMarkedAt: now }).where(eq(trainingSignups.id, signup.id));
    await writeAudit(tx, ctx, { entity: 'training_session', entityId: s.id, action: 'checkin', summary: { title: s.title, signupId: signup.id, projectId: signup.projectId } });
    return { title: s.title, attendeeName: signup.attendeeName, checkedInAt: now.toISOString() };
  });
}
