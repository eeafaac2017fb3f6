/**
 * 证书编号 from the `counters` table (scope = campaign, name = certificate_no). The counter row is
 * upserted inside the issuing transaction, which locks it until commit: a transaction that does not
 * commit (crash, duplicate) rolls its number back, so numbers never have holes.
 */
import { and, eq, sql } from 'drizzle-orm';
import { formatCertificateNo } from '../../domain/certificate-number';
import type { DbOrTx } from '../db/client';
import { counters } from '../db/schema';

export const CERTIFICATE_NO_COUNTER = 'certificate_no';

/** The campaign's number format (campaign data; absent → the default format). */
export function certificateNoFormatOf(config: unknown): string | undefined {
  const f = (config as { certificateNoFormat?: unknown } | null)?.certificateNoFormat;
  return typeof f === 'string' ? f : undefined;
}

/** The last number taken (0 when none). */
export async function currentCertificateSeq(db: DbOrTx, campaignId: string): Promise<number> {
  const [row] = await db.select({ value: counters.value }).from(counters).where(and(eq(counters.scope, campaignId), eq(counters.name, CERTIFICATE_NO_COUNTER)));
  return row?.value ?? 0;
}

/** Takes the next number inside `tx` (row-locked until commit). */
export async function takeCertificateSeq(tx: DbOrTx, campaignId: string): Promise<number> {
  const [row] = await tx
    .insert(counters)
    .values({ scope: campaignId, name: CERTIFICATE_NO_COUNTER, value: 1 })
    .onConflictDoUpdate({ target: [counters.scope, counters.name], set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return row.value;
}

export function certificateNo(campaign: { year: number; config: unknown }, seq: number): string {
  return formatCertificateNo(certificateNoFormatOf(campaign.config), campaign.year, seq);
}
