/**
 * `publicity-close`: a pg-boss cron job (every minute) that opens the scheduled 公示 windows whose
 * first day has come and closes the open ones whose last day has ended (23:59:59 Asia/Shanghai).
 * System acts, audited; idempotent (a second run finds nothing to do).
 */
import { eq, inArray } from 'drizzle-orm';
import { objectionDeadline } from '../../domain/publicity';
import { shanghaiDateString } from '../../domain/shanghai-time';
import { writeAudit } from '../audit/write-audit';
import type { Services } from '../context';
import { publicityWindows } from '../db/schema';
import { publicationCache } from '../publications/public-cache';

export const PUBLICITY_CLOSE_JOB = 'publicity-close';

export async function sweepPublicityWindows(services: Services): Promise<{ opened: number; closed: number }> {
  const ctx = { ...services, actor: null, requestId: `job:${PUBLICITY_CLOSE_JOB}` };
  const now = services.clock.now();
  const today = shanghaiDateString(now);
  const result = await services.database.db.transaction(async (tx) => {
    const live = await tx.select().from(publicityWindows).where(inArray(publicityWindows.state, ['scheduled', 'open'])).for('update');
    let opened = 0;
    let closed = 0;
    for (const w of live) {
      if (now.getTime() > objectionDeadline(w.closesOn).getTime()) {
        await tx.update(publicityWindows).set({ state: 'closed', closedAt: now, version: w.version + 1 }).where(eq(publicityWindows.id, w.id));
        await writeAudit(tx, ctx, { entity: 'publicity', entityId: w.id, action: 'close_publicity', summary: { title: w.title, closesOn: w.closesOn } });
        closed++;
      } else if (w.state === 'scheduled' && w.opensOn <= today) {
        await tx.update(publicityWindows).set({ state: 'open', version: w.version + 1 }).where(eq(publicityWindows.id, w.id));
        await writeAudit(tx, ctx, { entity: 'publicity', entityId: w.id, action: 'start_publicity', summary: { title: w.title, opensOn: w.opensOn } });
        opened++;
      }
    }
    return { opened, closed };
  });
  if (result.opened || result.closed) publicationCache(services.database).clear();
  return result;
}
