/**
 * 宣贯培训 (program.md item 3) — the DTOs of the training APIs (src/server/training), used by
 * server and web. Times cross the wire as Beijing wall-clock text `YYYY-MM-DD HH:mm` on input and as
 * ISO instants plus that text on output, so a browser in any time zone shows Beijing time.
 */
import { z } from 'zod';
import { ATTENDEE_ROLES, type AttendeeRole } from '../domain/vocabularies';
import { pagedSchema, pageQuerySchema } from './auth';
import { wallClockTime } from '../domain/dates';

/** Who a project may send (program.md item 3: 质量负责人、项目负责人和技术骨干). */
export { ATTENDEE_ROLES, type AttendeeRole };
export const ATTENDEE_ROLE_LABELS: Record<AttendeeRole, string> = {
  quality_head: '质量负责人',
  project_lead: '项目负责人',
  key_technician: '技术骨干',
};

/** Attendees one project may sign up per session unless the campaign config says otherwise. */
export const DEFAULT_ATTENDEES_PER_PROJECT = 3;
export const MIN_CANCEL_REASON_LENGTH = 4;

export const SESSION_PHASES = ['upcoming', 'in_progress', 'ended', 'cancelled'] as const;
export type SessionPhase = (typeof SESSION_PHASES)[number];
export const SESSION_PHASE_LABELS: Record<SessionPhase, string> = {
  upcoming: '报名中',
  in_progress: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

export const wallClockSchema = wallClockTime();

export const sessionInputSchema = z.object({
  title: z.string().trim().min(2).max(100),
  venue: z.string().trim().min(2).max(200),
  startsAt: wallClockSchema,
  endsAt: wallClockSchema,
  capacity: z.number().int().min(1).max(2000),
});
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const sessionUpdateSchema = sessionInputSchema.extend({ version: z.number().int().min(1) });
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

export const sessionCancelSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(MIN_CANCEL_REASON_LENGTH).max(500),
});

export const sessionListQuerySchema = pageQuerySchema.extend({
  /** 'all' (default) | 'open' | 'cancelled' */
  status: z.enum(['all', 'open', 'cancelled']).default('all'),
  q: z.string().trim().max(100).optional(),
});

export const sessionSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  venue: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Beijing wall clock, `YYYY-MM-DD HH:mm`. */
  startsAtText: z.string(),
  endsAtText: z.string(),
  capacity: z.number().int(),
  signedUp: z.number().int(),
  remaining: z.number().int(),
  attendedCount: z.number().int(),
  status: z.enum(['open', 'cancelled']),
  phase: z.enum(SESSION_PHASES),
  phaseLabel: z.string(),
  cancelReason: z.string().nullable(),
  providerName: z.string(),
  version: z.number().int(),
});
export type TrainingSessionDto = z.infer<typeof sessionSchema>;
export const sessionListSchema = pagedSchema(sessionSchema);

export const attendeePhoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '应为11位手机号码');

export const signupInputSchema = z.object({
  projectId: z.string().uuid(),
  attendeeName: z.string().trim().min(2).max(30),
  attendeeRole: z.enum(ATTENDEE_ROLES),
  attendeePhone: attendeePhoneSchema,
});
export type SignupInput = z.infer<typeof signupInputSchema>;

export const signupSchema = z.object({
  id: z.string().uuid(),
  sessionId: z.string().uuid(),
  projectId: z.string().uuid(),
  projectName: z.string(),
  projectNo: z.string().nullable(),
  applicantName: z.string(),
  attendeeName: z.string(),
  attendeeRole: z.enum(ATTENDEE_ROLES),
  attendeeRoleLabel: z.string(),
  /** Full only for the training provider (it contacts attendees); masked (138****5678) for everyone else. */
  attendeePhone: z.string(),
  attended: z.boolean().nullable(),
  createdAt: z.string(),
});
export type TrainingSignupDto = z.infer<typeof signupSchema>;

export const rosterSchema = z.object({
  session: sessionSchema,
  items: z.array(signupSchema),
  phoneMasked: z.boolean(),
});
export type RosterDto = z.infer<typeof rosterSchema>;

export const attendanceInputSchema = z.object({
  items: z
    .array(z.object({ id: z.string().uuid(), attended: z.boolean() }))
    .min(1)
    .max(2000),
});
export const attendanceResultSchema = z.object({ updated: z.number().int(), attendedCount: z.number().int() });

/** What an applicant sees of a session it may sign up for. */
export const openSessionSchema = sessionSchema.extend({ mySignedUp: z.number().int() });
export const openSessionListSchema = z.object({
  items: z.array(openSessionSchema),
  attendeesPerProject: z.number().int(),
});
export type OpenSessionDto = z.infer<typeof openSessionSchema>;

export const eligibleProjectSchema = z.object({ id: z.string().uuid(), name: z.string(), projectNo: z.string().nullable() });
export const eligibleProjectListSchema = z.object({ items: z.array(eligibleProjectSchema) });

/** A sign-up with its session, as the applicant (or its recommender) sees it. */
export const mySignupSchema = signupSchema.extend({
  sessionTitle: z.string(),
  venue: z.string(),
  startsAtText: z.string(),
  endsAtText: z.string(),
  phase: z.enum(SESSION_PHASES),
  phaseLabel: z.string(),
  cancelReason: z.string().nullable(),
  canCancel: z.boolean(),
});
export type MySignupDto = z.infer<typeof mySignupSchema>;
export const mySignupListSchema = z.object({ items: z.array(mySignupSchema) });
