/**
 * 申报编号 `SB<year>-<nnnn>`: gap-free per campaign. The counter row is upserted inside the
 * submit transaction, which locks it until commit; a failed submit rolls the number back, so the
 * sequence never has holes and two concurrent submits never share a number.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { counters } from '../db/schema';

export const APPLICATION_NO_COUNTER = 'application_no';

export function formatApplicationNo(year: number, n: number): string {
  return `SB${year}-${String(n).padStart(4, '0')}`;
}

export async function nextApplicationNo(tx: DbOrTx, campaign: { id: string; year: number }): Promise<string> {
  const [row] = await tx
    .insert(counters)
    .values({ scope: campaign.id, name: APPLICATION_NO_COUNTER, value: 1 })
    .onConflictDoUpdate({ target: [counters.scope, counters.name], set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return formatApplicationNo(campaign.year, row.value);
}
