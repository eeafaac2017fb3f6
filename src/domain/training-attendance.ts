/**
 * 宣贯培训 required attendance (issue 16): a campaign rule such as "each approved project's
 * 质量负责人 attends at least one session". Pure: given the approved projects and their sign-ups
 * (with the attendance recorded by check-in or the provider's tick), which projects miss it.
 */
import type { AttendeeRole } from './vocabularies';

/** `any`: any attendee of the project counts. */
export type RequiredAttendeeRole = AttendeeRole | 'any';

export interface AttendanceRule {
  /** Distinct sessions the project must have attended. */
  minSessions: number;
  role: RequiredAttendeeRole;
}

export const DEFAULT_ATTENDANCE_RULE: AttendanceRule = { minSessions: 1, role: 'quality_head' };

export interface AttendanceSignup {
  projectId: string;
  sessionId: string;
  role: AttendeeRole;
  /** true: attended (checked in or ticked); false: ticked absent; null: not recorded yet. */
  attended: boolean | null;
  sessionCancelled: boolean;
}

export interface AttendanceShortfall {
  projectId: string;
  attendedSessions: number;
  requiredSessions: number;
  /** Sign-ups of the required role not yet recorded, in sessions that are not cancelled. */
  pendingSignups: number;
}

/** The campaign's rule read loosely (a config saved before the rule existed has none → default). */
export function attendanceRuleOf(config: unknown): AttendanceRule {
  const r = (config as { training?: { requiredAttendance?: Partial<AttendanceRule> } } | null)?.training?.requiredAttendance;
  if (!r || typeof r.minSessions !== 'number' || r.minSessions < 1 || typeof r.role !== 'string') return DEFAULT_ATTENDANCE_RULE;
  return { minSessions: r.minSessions, role: r.role };
}

/** The projects (in the given order) that attended fewer sessions than the rule asks. */
export function attendanceShortfalls(projectIds: readonly string[], signups: readonly AttendanceSignup[], rule: AttendanceRule): AttendanceShortfall[] {
  const attended = new Map<string, Set<string>>();
  const pending = new Map<string, number>();
  for (const s of signups) {
    if (rule.role !== 'any' && s.role !== rule.role) continue;
    if (s.attended === true && !s.sessionCancelled) {
      const set = attended.get(s.projectId) ?? new Set<string>();
      set.add(s.sessionId);
      attended.set(s.projectId, set);
    } else if (s.attended === null && !s.sessionCancelled) {
      pending.set(s.projectId, (pending.get(s.projectId) ?? 0) + 1);
    }
  }
  const out: AttendanceShortfall[] = [];
  for (const projectId of projectIds) {
    const n = attended.get(projectId)?.size ?? 0;
    if (n < rule.minSessions) out.push({ projectId, attendedSessions: n, requiredSessions: rule.minSessions, pendingSignups: pending.get(projectId) ?? 0 });
  }
  return out;
}
