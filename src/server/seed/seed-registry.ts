/**
 * Seeding is one module per procedure area; each runs once per database, recorded in `meta`, so a
 * second start reuses the data and a later issue can add its own area without touching the others.
 */
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { meta } from '../db/schema';

export interface SeedContext {
  db: Db;
  now: Date;
  /** The one password of every demo account of this installation (random per installation). */
  demoPassword: string;
  demoPasswordHash: string;
  log: (line: string) => void;
}

export interface SeedArea {
  name: string;
  run(tx: DbOrTx, ctx: SeedContext): Promise<void>;
}

export async function runSeedAreas(ctx: SeedContext, areas: SeedArea[]): Promise<string[]> {
  const ran: string[] = [];
  for (const area of areas) {
    const key = `seed:${area.name}`;
    const [done] = await ctx.db.select().from(meta).where(eq(meta.key, key));
    if (done) continue;
    await ctx.db.transaction(async (tx) => {
      await area.run(tx, ctx);
      await tx.insert(meta).values({ key, value: { at: ctx.now.toISOString() } });
    });
    ran.push(area.name);
  }
  return ran;
}
