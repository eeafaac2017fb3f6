/**
 * Anchors for the audit hash chain (issue 19). A hash chain proves everything BEFORE its head, but
 * someone with database access can delete the newest entries (or rewrite them and everything after)
 * and the chain still verifies. So the server periodically records the head — sequence number and
 * hash — OUTSIDE the database rows:
 *
 * - an append-only file `AUDIT_CHECKPOINT_DIR/checkpoints.jsonl` (default `DATA_DIR/audit-checkpoints`,
 *   0600; put it on another volume or host, or ship it with the logs),
 * - a log line `audit checkpoint` per checkpoint (the log shipper keeps a copy off the database host),
 * - the backup manifest (`auditHead`), an exported receipt of the head at backup time.
 *
 * `npm run audit:verify` checks the chain AND that every anchored (seq, hash) is still in the
 * database with the same hash: a deleted tail, a deleted middle or a rewritten entry is named.
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { desc, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditCheckpoint {
  seq: number;
  hash: string;
  /** When the checkpoint was taken (ISO). */
  at: string;
}

export type CheckpointReport = { ok: true; checked: number; newestSeq: number | null } | { ok: false; checked: number; seq: number; reason: string };

export const CHECKPOINT_FILE = 'checkpoints.jsonl';
/** Default interval between checkpoints (AUDIT_CHECKPOINT_MINUTES). */
export const CHECKPOINT_MINUTES = 5;

export function checkpointDirFrom(env: NodeJS.ProcessEnv, dataDir: string): string {
  return path.resolve(env.AUDIT_CHECKPOINT_DIR || path.join(dataDir, 'audit-checkpoints'));
}

export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return last ? { seq: Number(last.seq), hash: last.hash } : null;
}

/** Every checkpoint in the directory's file, oldest first (an unreadable line is an error). */
export function readCheckpoints(file: string): AuditCheckpoint[] {
  if (!existsSync(file)) return [];
  const out: AuditCheckpoint[] = [];
  const text = readFileSync(file, 'utf8');
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const cp = parseCheckpoint(JSON.parse(line));
    if (!cp) throw new Error(`${file} line ${i + 1}: not an audit checkpoint`);
    out.push(cp);
  }
  return out;
}

function parseCheckpoint(v: any): AuditCheckpoint | null {
  if (v && Number.isInteger(v.seq) && typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash)) return { seq: v.seq, hash: v.hash, at: String(v.at ?? '') };
  return null;
}

/**
 * A receipt kept elsewhere: a checkpoints file (JSON lines), one checkpoint or a list of them (JSON),
 * a backup manifest (its `auditHead`), or log lines holding `"checkpoint":{…}`.
 */
export function readReceipt(file: string): AuditCheckpoint[] {
  const text = readFileSync(file, 'utf8').trim();
  const found: AuditCheckpoint[] = [];
  const take = (v: any) => {
    for (const c of [v, v?.auditHead, v?.checkpoint]) {
      const cp = parseCheckpoint(c);
      if (cp) return found.push({ ...cp, at: cp.at || String(v?.createdAt ?? '') });
    }
    if (Array.isArray(v)) v.forEach(take);
  };
  try {
    take(JSON.parse(text));
  } catch {
    for (const line of text.split('\n')) {
      try {
        take(JSON.parse(line));
      } catch {
        // not JSON: skip (a receipt may be a log excerpt)
      }
    }
  }
  if (!found.length) throw new Error(`${file}: no audit checkpoint found (expected seq and hash)`);
  return found;
}

/** Appends the current head when it moved since the last checkpoint; returns what was written. */
export async function writeCheckpoint(db: Db, dir: string, now: Date): Promise<AuditCheckpoint | null> {
  const head = await auditHead(db);
  if (!head) return null;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, CHECKPOINT_FILE);
  const last = readCheckpoints(file).at(-1);
  if (last && last.seq === head.seq && last.hash === head.hash) return null;
  const cp: AuditCheckpoint = { seq: head.seq, hash: head.hash, at: now.toISOString() };
  appendFileSync(file, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return cp;
}

/** Every anchored entry must still exist with the same hash; the newest anchor bounds the tail. */
export async function verifyCheckpoints(db: Db, checkpoints: AuditCheckpoint[]): Promise<CheckpointReport> {
  const [{ newest }] = await db.select({ newest: max(auditLog.seq) }).from(auditLog);
  const newestSeq = newest === null ? null : Number(newest);
  const bySeq = new Map<number, AuditCheckpoint>();
  for (const cp of checkpoints) bySeq.set(cp.seq, cp);
  const ordered = [...bySeq.values()].sort((a, b) => b.seq - a.seq); // newest first: a cut tail is the finding
  for (const [i, cp] of ordered.entries()) {
    const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, cp.seq));
    if (!row) {
      const reason =
        newestSeq === null || cp.seq > newestSeq
          ? `末尾的审计记录被删除：检查点（${cp.at}）记录到 seq=${cp.seq}，数据库中最新只到 seq=${newestSeq ?? '无'}`
          : `审计记录 seq=${cp.seq} 被删除（检查点 ${cp.at} 记录过它）`;
      return { ok: false, checked: i, seq: cp.seq, reason };
    }
    if (row.hash !== cp.hash) return { ok: false, checked: i, seq: cp.seq, reason: `审计记录 seq=${cp.seq} 的哈希与检查点（${cp.at}）不符：该记录或它之前的记录被改写` };
  }
  return { ok: true, checked: ordered.length, newestSeq };
}

/**
 * Takes a checkpoint now and every `minutes`; `stop()` takes a last one (at shutdown). Failures are
 * logged, never thrown: a checkpoint is a safeguard, not a reason to stop serving.
 */
export function startAuditCheckpoints(
  db: Db,
  opts: { dir: string; minutes: number; now: () => Date; log: { info(o: object, m: string): void; error(o: object, m: string): void } },
): { stop(): Promise<void>; tick(): Promise<void> } {
  const tick = async () => {
    try {
      const cp = await writeCheckpoint(db, opts.dir, opts.now());
      if (cp) opts.log.info({ checkpoint: cp }, 'audit checkpoint');
    } catch (err) {
      opts.log.error({ err }, 'audit checkpoint failed');
    }
  };
  const first = tick();
  const timer = setInterval(() => void tick(), Math.max(1, opts.minutes) * 60_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await first;
      await tick();
    },
  };
}
