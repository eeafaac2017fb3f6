import { describe, expect, it } from 'vitest';
import { attendanceRuleOf, attendanceShortfalls, DEFAULT_ATTENDANCE_RULE, type AttendanceSignup } from './training-attendance';

const s = (projectId: string, sessionId: string, role: AttendanceSignup['role'], attended: boolean | null, sessionCancelled = false): AttendanceSignup => ({ projectId, sessionId, role, attended, sessionCancelled });

describe('required attendance of 宣贯培训', () => {
  const projects = ['机器人关节', '光伏逆变器', '控制柜', '减速器'];

  it('flags the projects whose 质量负责人 attended no session (default rule)', () => {
    const signups = [
      s('机器人关节', '第一期', 'quality_head', true),
      s('光伏逆变器', '第一期', 'project_lead', true), // the wrong role does not count
      s('控制柜', '第一期', 'quality_head', false), // ticked absent
      s('控制柜', '第二期', 'quality_head', null), // signed up, not yet held
    ];
    expect(attendanceShortfalls(projects, signups, DEFAULT_ATTENDANCE_RULE)).toEqual([
      { projectId: '光伏逆变器', attendedSessions: 0, requiredSessions: 1, pendingSignups: 0 },
      { projectId: '控制柜', attendedSessions: 0, requiredSessions: 1, pendingSignups: 1 },
      { projectId: '减速器', attendedSessions: 0, requiredSessions: 1, pendingSignups: 0 },
    ]);
  });

  it('with role any, any attendee counts; sessions are counted once however many attended', () => {
    const signups = [s('光伏逆变器', '第一期', 'key_technician', true), s('机器人关节', '第一期', 'quality_head', true), s('机器人关节', '第一期', 'project_lead', true)];
    const missing = attendanceShortfalls(projects, signups, { minSessions: 2, role: 'any' });
    expect(missing.map((m) => [m.projectId, m.attendedSessions])).toEqual([
      ['机器人关节', 1],
      ['光伏逆变器', 1],
      ['控制柜', 0],
      ['减速器', 0],
    ]);
    expect(attendanceShortfalls(['光伏逆变器'], signups, { minSessions: 1, role: 'any' })).toEqual([]);
  });

  it('a sign-up of a cancelled session is neither attended nor pending', () => {
    expect(attendanceShortfalls(['减速器'], [s('减速器', '第三期', 'quality_head', null, true)], DEFAULT_ATTENDANCE_RULE)).toEqual([{ projectId: '减速器', attendedSessions: 0, requiredSessions: 1, pendingSignups: 0 }]);
  });

  it('reads the rule from the campaign config, defaulting when absent or malformed', () => {
    expect(attendanceRuleOf({})).toEqual(DEFAULT_ATTENDANCE_RULE);
    expect(attendanceRuleOf({ training: { attendeesPerProject: 3 } })).toEqual(DEFAULT_ATTENDANCE_RULE);
    expect(attendanceRuleOf({ training: { attendeesPerProject: 3, requiredAttendance: { minSessions: 2, role: 'any' } } })).toEqual({ minSessions: 2, role: 'any' });
    expect(attendanceRuleOf({ training: { requiredAttendance: { minSessions: 0, role: 'any' } } })).toEqual(DEFAULT_ATTENDANCE_RULE);
  });
});
