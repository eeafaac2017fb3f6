import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import { entryHash, GENESIS_HASH } from './hash-chain';

export type ChainReport = { ok: true; entries: number } | { ok: false; entries: number; brokenSeq: number; reason: string };

/** Walks the whole chain in pages and names the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 2000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (rows.length === 0) return { ok: true, entries: count };
    for (const r of rows) {
      count++;
      if (r.prevHash !== prev) return { ok: false, entries: count, brokenSeq: r.seq, reason: 'prev_hash does not match the previous entry' };
      const expected = entryHash(prev, {
        at: r.at,
        actorUserId: r.actorUserId,
        actorName: r.actorName,
        actorRole: r.actorRole,
        actorOrgId: r.actorOrgId,
        entity: r.entity,
        entityId: r.entityId,
        action: r.action,
        summary: r.summary,
        ip: r.ip,
        requestId: r.requestId,
      });
      if (expected !== r.hash) return { ok: false, entries: count, brokenSeq: r.seq, reason: 'content does not match its hash' };
      prev = r.hash;
      lastSeq = r.seq;
    }
  }
}
