/**
 * 项目实施 / 跟踪服务 rules (程序四、五), pure: the schedule of progress reports a campaign sets,
 * when a report is late, which reminders are due, milestones at risk, and what a plan change is
 * (the first submission, then dated adjustments with a reason — never an overwrite).
 * Dates are Beijing calendar dates `YYYY-MM-DD`; instants are compared in Beijing time.
 */
import { endOfShanghaiDay, shanghaiDateString } from './shanghai-time';

export const REPORT_FREQUENCIES = ['monthly', 'quarterly'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** The campaign's `progressSchedule` (src/domain/campaign-config.ts), defaults filled in. */
export interface ProgressSchedule {
  frequency: ReportFrequency;
  /** The report of a period is due on this day of the month after the period ends (1–28). */
  dayOfMonth: number;
  /** First reminder this many days before the due date. */
  remindDaysBefore: number;
  /** Late reminder this many days after the due date. */
  remindDaysAfter: number;
  /** Extra reports due on fixed dates (e.g. a mid-year review), beside the periodic ones. */
  fixedDates?: string[];
}

export const DEFAULT_PROGRESS_SCHEDULE: ProgressSchedule = { frequency: 'monthly', dayOfMonth: 10, remindDaysBefore: 3, remindDaysAfter: 1 };

export interface DuePeriod {
  /** `2026-05` (monthly) or `2026-Q2` (quarterly). */
  period: string;
  /** Readable: 2026年5月 / 2026年第2季度. */
  label: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The reporting periods from the one containing `startOn` up to the one containing `untilOn`
 * (inclusive), each with its due date: `dayOfMonth` of the month after the period ends.
 */
export function duePeriods(schedule: ProgressSchedule, startOn: string, untilOn: string): DuePeriod[] {
  if (untilOn < startOn) return [];
  const months = schedule.frequency === 'monthly' ? 1 : 3;
  const [sy, sm] = startOn.split('-').map(Number);
  let y = sy;
  let m = months === 1 ? sm : Math.floor((sm - 1) / 3) * 3 + 1;
  const out: DuePeriod[] = [];
  for (let guard = 0; guard < 240; guard++) {
    const periodStart = ymd(y, m, 1);
    if (periodStart > untilOn) break;
    const endMonth = m + months - 1;
    const periodEnd = ymd(y, endMonth, daysInMonth(y, endMonth));
    let ny = y;
    let nm = endMonth + 1;
    if (nm > 12) {
      nm = 1;
      ny++;
    }
    const day = Math.min(Math.max(1, schedule.dayOfMonth), daysInMonth(ny, nm));
    out.push({
      period: months === 1 ? `${y}-${pad(m)}` : `${y}-Q${(m - 1) / 3 + 1}`,
      label: months === 1 ? `${y}年${m}月` : `${y}年第${(m - 1) / 3 + 1}季度`,
      periodStart,
      periodEnd,
      dueOn: ymd(ny, nm, day),
    });
    y = ny;
    m = nm;
  }
  return out;
}

/**
 * The periodic periods (see `duePeriods`) and the campaign's fixed report dates on or after
 * `startOn` (a fixed date still ahead is listed as upcoming), ordered by due date.
 */
export function scheduledPeriods(schedule: ProgressSchedule, startOn: string, untilOn: string): DuePeriod[] {
  const fixed = [...new Set(schedule.fixedDates ?? [])]
    .filter((d) => d >= startOn)
    .map((d) => ({ period: `fixed:${d}`, label: `${d}专项报告`, periodStart: startOn, periodEnd: d, dueOn: d }));
  return [...duePeriods(schedule, startOn, untilOn), ...fixed].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.period.localeCompare(b.period));
}

export const REPORT_STATUSES = ['upcoming', 'due_soon', 'late', 'submitted', 'submitted_late'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A report is on time when submitted by the end of its due date (Beijing); after that it is late. */
export function reportStatus(dueOn: string, submittedAt: Date | null, now: Date, schedule: Pick<ProgressSchedule, 'remindDaysBefore'> = DEFAULT_PROGRESS_SCHEDULE): ReportStatus {
  const deadline = endOfShanghaiDay(dueOn).getTime();
  if (submittedAt) return submittedAt.getTime() <= deadline ? 'submitted' : 'submitted_late';
  if (now.getTime() > deadline) return 'late';
  return shanghaiDateString(now) >= addDays(dueOn, -schedule.remindDaysBefore) ? 'due_soon' : 'upcoming';
}

export const isLate = (s: ReportStatus) => s === 'late';

export type ReminderKind = 'before' | 'late';

/**
 * The reminder a period calls for on `today` (Beijing date), if any: `before` from
 * `remindDaysBefore` days before the due date up to the due date, `late` from `remindDaysAfter`
 * days after it. Nothing once submitted. Each is sent once (the caller records the key).
 */
export function reminderFor(schedule: ProgressSchedule, dueOn: string, submitted: boolean, today: string): ReminderKind | null {
  if (submitted) return null;
  if (today > dueOn) return today >= addDays(dueOn, Math.max(1, schedule.remindDaysAfter)) ? 'late' : null;
  return today >= addDays(dueOn, -schedule.remindDaysBefore) ? 'before' : null;
}

/** The unique key of one reminder event: a project, a period, a kind. */
export const reminderKey = (projectId: string, period: string, kind: ReminderKind) => `progress:${projectId}:${period}:${kind}`;

export interface MilestoneLike {
  dueOn: string;
  doneOn?: string | null;
}

/** A milestone not done by its date, or due within `withinDays`, is at risk. */
export function milestoneAtRisk(m: MilestoneLike, today: string, withinDays = 7): boolean {
  if (m.doneOn) return false;
  return m.dueOn <= addDays(today, withinDays);
}

export type PlanChangeKind = 'draft' | 'initial' | 'adjustment';

/**
 * What saving a plan is: a draft before the first submission (edited in place), the first
 * submission, or — once submitted — an adjustment (策略调整) that needs a reason and becomes a new
 * dated revision. Returns a Chinese problem when the change is not allowed.
 */
export function planChange(firstSubmitted: boolean, input: { submit: boolean; reason?: string | null }): { kind: PlanChangeKind } | { problem: string; field: string } {
  if (!firstSubmitted) return { kind: input.submit ? 'initial' : 'draft' };
  const reason = (input.reason ?? '').trim();
  if (reason.length < 5) return { problem: '实施方案已提交，修改须作为策略调整并填写调整原因（至少5个字）', field: 'reason' };
  return { kind: 'adjustment' };
}

/** Indicators that already have measured values may not disappear in an adjustment. */
export function removedMeasuredIndicators(before: { id: string; name: string }[], after: { id: string }[], measuredIds: Iterable<string>): string[] {
  const kept = new Set(after.map((i) => i.id));
  const measured = new Set(measuredIds);
  return before.filter((i) => !kept.has(i.id) && measured.has(i.id)).map((i) => i.name);
}

export const PDCA_LABELS = { plan: '计划（P）', do: '执行（D）', check: '检查（C）', act: '处理（A）' } as const;

/** Quality tools a plan may name (a list kept as data; plans may add others). */
export const QUALITY_TOOLS = ['因果图', '排列图', '控制图', '直方图', '散布图', '检查表', '分层法', 'FMEA', 'DOE', '6σ', 'QC七大手法', 'SPC', 'QFD', '防错（Poka-Yoke）'] as const;
