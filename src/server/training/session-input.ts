/** Checks a session's times on the server clock (Asia/Shanghai wall-clock input, program.md: times judged on the server). */
import type { SessionInput } from '../../shared/training';
import { validation } from '../app-error';
import { parseWallClock } from './session-repository';

export interface CheckedSession {
  title: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/** Longest session the provider may schedule: 3 days covers a residential course. */
const MAX_SESSION_MS = 3 * 24 * 3600_000;

export function checkSessionInput(input: SessionInput, now: Date, opts: { mustBeFuture: boolean }): CheckedSession {
  const startsAt = parseWallClock(input.startsAt, 'startsAt', '开始时间');
  const endsAt = parseWallClock(input.endsAt, 'endsAt', '结束时间');
  if (opts.mustBeFuture && startsAt.getTime() <= now.getTime()) throw validation({ startsAt: '开始时间应晚于当前时间（北京时间）' });
  if (endsAt.getTime() <= startsAt.getTime()) throw validation({ endsAt: '结束时间应晚于开始时间' });
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_MS) throw validation({ endsAt: '单场培训不能超过3天，请分场次安排' });
  return { title: input.title.trim(), venue: input.venue.trim(), startsAt, endsAt, capacity: input.capacity };
}
