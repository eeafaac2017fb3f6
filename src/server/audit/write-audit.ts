/**
 * Every state change writes one audit entry inside the command's own transaction. An advisory
 * transaction lock serialises the chain so concurrent commits never fork it.
 */
import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { auditLog } from '../db/schema';
import type { CommandContext } from '../context';
import { canonicalJson, entryHash, GENESIS_HASH } from './hash-chain';

const AUDIT_CHAIN_LOCK = 7_262_026;

export interface AuditInput {
  entity: string;
  entityId?: string | null;
  action: string;
  /** Before/after summary: small, no secrets (never a password or a token). */
  summary?: Record<string, unknown>;
}

export async function writeAudit(tx: DbOrTx, ctx: Pick<CommandContext, 'actor' | 'clock' | 'ip' | 'requestId'>, input: AuditInput): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Round-trip the summary through JSON so what is hashed is exactly what jsonb stores.
  const summary = JSON.parse(canonicalJson(input.summary ?? {}));
  const content = {
    at: ctx.clock.now(),
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? null,
    actorRole: ctx.actor?.role ?? null,
    actorOrgId: ctx.actor?.organisationId ?? null,
    entity: input.entity,
    entityId: input.entityId ?? null,
    action: input.action,
    summary,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
  };
  await tx.insert(auditLog).values({ ...content, prevHash, hash: entryHash(prevHash, content) });
}
