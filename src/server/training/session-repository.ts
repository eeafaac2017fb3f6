/**
 * What the training commands share: loading a session with the 404/403 decision, sign-up counts,
 * the session's phase on the server clock, Beijing wall-clock parsing and the DTOs.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { parseShanghaiLocal, shanghaiDateTimeString } from '../../domain/shanghai-time';
import {
  ATTENDEE_ROLE_LABELS,
  DEFAULT_ATTENDEES_PER_PROJECT,
  SESSION_PHASE_LABELS,
  type AttendeeRole,
  type SessionPhase,
  type TrainingSessionDto,
  type TrainingSignupDto,
} from '../../shared/training';
import { notFound, validation } from '../app-error';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, projects, trainingSessions, trainingSignups } from '../db/schema';
import { maskPhone } from '../documents/format';
import { allow } from '../policy/policy';

export type SessionRow = typeof trainingSessions.$inferSelect;
export type SignupRow = typeof trainingSignups.$inferSelect;
export type TrainingContext = CommandContext & { actor: Actor };

/**
 * A session for the provider or the commission (FOR UPDATE when `lock`). Another provider's
 * session and a missing id both answer 404: existence does not leak.
 */
export async function loadSessionForManager(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<SessionRow> {
  const q = tx.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || !allow(actor, { kind: 'training_session', action: 'read', resource: row })) throw notFound(`training session ${id}`, '培训场次');
  return row;
}

export function phaseOf(row: Pick<SessionRow, 'status' | 'startsAt' | 'endsAt'>, now: Date): SessionPhase {
  if (row.status === 'cancelled') return 'cancelled';
  if (now.getTime() < row.startsAt.getTime()) return 'upcoming';
  if (now.getTime() < row.endsAt.getTime()) return 'in_progress';
  return 'ended';
}

/** `YYYY-MM-DD HH:mm` on the Beijing clock. */
export const wallClockText = (d: Date) => shanghaiDateTimeString(d).slice(0, 16);

/** Parses a Beijing wall-clock input; an impossible date names its field. */
export function parseWallClock(value: string, field: string, label: string): Date {
  try {
    return parseShanghaiLocal(value);
  } catch {
    throw validation({ [field]: `${label}不是有效的时间：${value}` });
  }
}

export interface SessionCounts {
  signedUp: number;
  attended: number;
}

export async function countsFor(db: DbOrTx, ids: string[]): Promise<Map<string, SessionCounts>> {
  const map = new Map<string, SessionCounts>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({
      id: trainingSignups.sessionId,
      signedUp: sql<number>`count(*)::int`,
      attended: sql<number>`count(*) filter (where ${trainingSignups.attended} = true)::int`,
    })
    .from(trainingSignups)
    .where(inArray(trainingSignups.sessionId, ids))
    .groupBy(trainingSignups.sessionId);
  for (const r of rows) map.set(r.id, { signedUp: Number(r.signedUp), attended: Number(r.attended) });
  return map;
}

export async function providerNames(db: DbOrTx, orgIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(orgIds.filter((x): x is string => !!x))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function sessionDto(row: SessionRow, counts: SessionCounts | undefined, now: Date, providerName: string | undefined): TrainingSessionDto {
  const signedUp = counts?.signedUp ?? 0;
  const phase = phaseOf(row, now);
  return {
    id: row.id,
    title: row.title,
    venue: row.venue ?? '',
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    startsAtText: wallClockText(row.startsAt),
    endsAtText: wallClockText(row.endsAt),
    capacity: row.capacity,
    signedUp,
    remaining: Math.max(0, row.capacity - signedUp),
    attendedCount: counts?.attended ?? 0,
    status: row.status as 'open' | 'cancelled',
    phase,
    phaseLabel: SESSION_PHASE_LABELS[phase],
    cancelReason: row.cancelReason,
    // A session without a provider is run by the commission itself.
    providerName: (row.providerOrgId && providerName) || '天津市市场监督管理委员会',
    version: row.version,
  };
}

export async function sessionDtos(db: DbOrTx, rows: SessionRow[], now: Date): Promise<TrainingSessionDto[]> {
  const counts = await countsFor(
    db,
    rows.map((r) => r.id),
  );
  const names = await providerNames(
    db,
    rows.map((r) => r.providerOrgId),
  );
  return rows.map((r) => sessionDto(r, counts.get(r.id), now, r.providerOrgId ? names.get(r.providerOrgId) : undefined));
}

/** Only the training provider contacts attendees, so only it sees their mobile numbers in full. */
export const seesFullPhone = (actor: Actor) => actor.role === 'training_provider';

export interface SignupJoined {
  s: SignupRow;
  projectName: string;
  projectNo: string | null;
  applicationNo: string | null;
  applicantName: string;
  applicantOrgId: string;
}

export async function signupsOf(db: DbOrTx, where: ReturnType<typeof and>): Promise<SignupJoined[]> {
  return db
    .select({
      s: trainingSignups,
      projectName: projects.name,
      projectNo: projects.projectNo,
      applicationNo: projects.applicationNo,
      applicantName: organisations.name,
      applicantOrgId: projects.applicantOrgId,
    })
    .from(trainingSignups)
    .innerJoin(projects, eq(projects.id, trainingSignups.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .where(where)
    .orderBy(organisations.name, projects.name, trainingSignups.createdAt, trainingSignups.attendeeName);
}

export function signupDto(j: SignupJoined, fullPhone: boolean): TrainingSignupDto {
  return {
    id: j.s.id,
    sessionId: j.s.sessionId,
    projectId: j.s.projectId,
    projectName: j.projectName,
    projectNo: j.projectNo ?? j.applicationNo,
    applicantName: j.applicantName,
    attendeeName: j.s.attendeeName,
    attendeeRole: j.s.attendeeRole,
    attendeeRoleLabel: ATTENDEE_ROLE_LABELS[j.s.attendeeRole] ?? j.s.attendeeRole,
    attendeePhone: fullPhone ? j.s.attendeePhone : maskPhone(j.s.attendeePhone),
    attended: j.s.attended,
    createdAt: j.s.createdAt.toISOString(),
  };
}

/** The campaign's per-project limit (campaign data; default 3). */
export function attendeesPerProject(config: unknown): number {
  // Read loosely: a config saved before the `training` key existed has none (→ default).
  const n = (config as { training?: { attendeesPerProject?: unknown } } | null)?.training?.attendeesPerProject;
  return typeof n === 'number' && n >= 1 ? n : DEFAULT_ATTENDEES_PER_PROJECT;
}

/** Where an applicant's notification points: its 宣贯培训 page. */
export const trainingLink = '/applicant/training';
