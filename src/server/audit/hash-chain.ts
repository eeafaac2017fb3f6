/** The audit hash chain (issue 3): hash = SHA-256(prevHash + canonical JSON of the entry). */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorOrgId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  summary: unknown;
  ip: string | null;
  requestId: string | null;
}

/** JSON with sorted keys, so jsonb's own key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function entryHash(prevHash: string, e: AuditEntryContent): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
