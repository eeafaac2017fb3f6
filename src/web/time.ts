/**
 * Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving) independent of the browser's
 * own zone: every date people see or pick on the platform is Beijing time.
 */
import dayjs, { type Dayjs } from 'dayjs';

const OFFSET_MS = 8 * 3600_000;

/** "YYYY-MM-DDTHH:mm:ss" wall-clock time in Beijing for any instant. */
export function beijingWall(instant: string | number | Date): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19);
}

/** Format an instant as Beijing time, e.g. 2026年4月20日 23:59. */
export function formatBeijing(instant: string | number | Date | null | undefined, pattern: 'datetime' | 'date' | 'dateCn' | 'datetimeCn' | 'seconds' = 'datetime'): string {
  if (instant === null || instant === undefined || instant === '') return '—';
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  if (Number.isNaN(ms)) return '—';
  const w = beijingWall(ms);
  const [y, mo, d] = [w.slice(0, 4), w.slice(5, 7), w.slice(8, 10)];
  const hm = w.slice(11, 16);
  switch (pattern) {
    case 'date':
      return w.slice(0, 10);
    case 'dateCn':
      return `${Number(y)}年${Number(mo)}月${Number(d)}日`;
    case 'datetimeCn':
      return `${Number(y)}年${Number(mo)}月${Number(d)}日 ${hm}`;
    case 'seconds':
      return `${w.slice(0, 10)} ${w.slice(11, 19)}`;
    default:
      return `${w.slice(0, 10)} ${hm}`;
  }
}

/**
 * For antd pickers: a local dayjs that shows the same wall-clock fields as the Beijing time of
 * the instant (so the picker reads Beijing time whatever the browser's zone is).
 */
export function toPickerValue(instant: string | null | undefined): Dayjs | null {
  if (!instant) return null;
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return null;
  return dayjs(beijingWall(ms));
}

/** Back from a picker value to an ISO instant with the +08:00 offset the server expects. */
export function fromPickerValue(value: Dayjs | null | undefined): string | null {
  if (!value || !value.isValid()) return null;
  return `${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}

/** Picker day (start or end of day, Beijing) as an instant, for date-range filters. */
export function pickerDayBoundary(value: Dayjs | null | undefined, end: boolean): string | undefined {
  if (!value || !value.isValid()) return undefined;
  return `${value.format('YYYY-MM-DD')}T${end ? '23:59:59' : '00:00:00'}+08:00`;
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  totalMs: number;
}

export function remaining(targetMs: number, nowMs: number): Remaining {
  const totalMs = Math.max(0, targetMs - nowMs);
  const s = Math.floor(totalMs / 1000);
  return { days: Math.floor(s / 86400), hours: Math.floor((s % 86400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60, totalMs };
}
