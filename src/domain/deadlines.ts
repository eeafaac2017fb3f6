/**
 * Deadline guards, evaluated on the server clock (Asia/Shanghai instants stored with +08:00).
 * 逾期不再接收 (seed 四（六）): after the deadline nothing is accepted unless the commission opened a
 * 补报窗口 for that recommender or project.
 */
export interface WindowTimes {
  opensAt: string;
  closesAt: string;
}

export interface Reopening {
  closesAt: Date;
  revokedAt?: Date | null;
}

export type WindowStatus =
  | { open: true; closesAt: Date; viaReopening: boolean }
  | { open: false; reason: 'not_yet_open' | 'closed'; opensAt: Date; closesAt: Date };

/** The deadline second itself counts: "23:59:59" accepts until 23:59:59.999. */
export function lastAcceptedMs(closesAt: string | Date): number {
  const ms = typeof closesAt === 'string' ? Date.parse(closesAt) : closesAt.getTime();
  return ms + 999;
}

export function windowStatus(window: WindowTimes, now: Date, reopenings: Reopening[] = []): WindowStatus {
  const opensAt = new Date(window.opensAt);
  const closesAt = new Date(window.closesAt);
  const t = now.getTime();
  if (t < opensAt.getTime()) return { open: false, reason: 'not_yet_open', opensAt, closesAt };
  if (t <= lastAcceptedMs(closesAt)) return { open: true, closesAt, viaReopening: false };
  const live = reopenings
    .filter((r) => !r.revokedAt && t <= lastAcceptedMs(r.closesAt))
    .sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime());
  if (live.length > 0) return { open: true, closesAt: live[0].closesAt, viaReopening: true };
  return { open: false, reason: 'closed', opensAt, closesAt };
}

/** "2026年4月20日 23:59:59" in Beijing time, for messages. */
export function formatShanghai(instant: Date): string {
  const s = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 19)}`;
}

export function windowClosedMessage(label: string, status: Extract<WindowStatus, { open: false }>): string {
  return status.reason === 'not_yet_open'
    ? `${label}尚未开始，开始时间为${formatShanghai(status.opensAt)}（北京时间）`
    : `${label}已于${formatShanghai(status.closesAt)}（北京时间）截止，逾期不再接收。如确需补报，请联系市市场监管委开通补报窗口`;
}
