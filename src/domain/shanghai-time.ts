/**
 * Asia/Shanghai helpers. China has used UTC+8 all year since 1991 (no DST), so a fixed offset is exact
 * for every date the platform handles (program.md: deadlines enforced in Asia/Shanghai time).
 */

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function shifted(instant: Date): Date {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('无效的时间');
  return new Date(t + SHANGHAI_OFFSET_MS);
}

/** 'YYYY-MM-DD' of the instant on the Shanghai wall clock. */
export function shanghaiDateString(instant: Date): string {
  const s = shifted(instant);
  return `${pad(s.getUTCFullYear(), 4)}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`;
}

/** 'YYYY-MM-DD HH:mm:ss' of the instant on the Shanghai wall clock. */
export function shanghaiDateTimeString(instant: Date): string {
  const s = shifted(instant);
  return `${shanghaiDateString(instant)} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}`;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * Parse a Shanghai wall-clock time 'YYYY-MM-DD', 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DD HH:mm:ss(.SSS)'
 * into a UTC instant. Throws on malformed or impossible values.
 */
export function parseShanghaiLocal(local: string): Date {
  const m = LOCAL_RE.exec(local.trim());
  if (!m) throw new RangeError(`时间格式应为YYYY-MM-DD HH:mm:ss：${local}`);
  const [y, mo, d, h = 0, mi = 0, s = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) =>
    v === undefined ? undefined : Number(v),
  ) as number[];
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  if (h > 23 || mi > 59 || s > 59) throw new RangeError(`时间不存在：${local}`);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`日期不存在：${local}`);
  }
  return new Date(wall - SHANGHAI_OFFSET_MS);
}

/** 00:00:00.000 Shanghai on `date` as a UTC instant. */
export function startOfShanghaiDay(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`日期格式应为YYYY-MM-DD：${date}`);
  return parseShanghaiLocal(date);
}

/** 23:59:59.999 Shanghai on `date` as a UTC instant (deadline "截至某日" inclusive). */
export function endOfShanghaiDay(date: string): Date {
  return new Date(startOfShanghaiDay(date).getTime() + 86_400_000 - 1);
}
