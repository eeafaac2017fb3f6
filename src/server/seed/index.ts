import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/client';
import { organisations, users } from '../db/schema';
import { accountsSeed, DEMO_USERNAMES } from './accounts';
import { approvalQueueSeed } from './approval-queue';
import { applicantsSeed } from './applicants';
import { campaignSeed, demoReopeningSeed } from './campaign';
import { historySeed } from './history';
import { organisationsSeed } from './organisations';
import { projectsSeed } from './projects';
import { publicationsSeed } from './publications';
import { runSeedAreas, type SeedArea } from './seed-registry';
import { trainingSeed } from './training';

export interface DemoAccount {
  role: string;
  username: string;
  password: string;
  organisation: string;
}

/** Areas in order; a later procedure appends its own module here. */
export const SEED_AREAS: SeedArea[] = [organisationsSeed, campaignSeed, applicantsSeed, accountsSeed, historySeed, demoReopeningSeed, projectsSeed, trainingSeed, approvalQueueSeed, publicationsSeed];

function demoPassword(): string {
  const digits = String(randomInt(1000, 9999));
  return `Gongguan@${digits}`;
}

/**
 * Seeds what is missing and returns the demo accounts. The password is chosen once per
 * installation and kept in `<dataDir>/demo-accounts.json`.
 */
export async function seedDemo(db: Db, opts: { dataDir: string; now: Date; log?: (s: string) => void; extraAreas?: SeedArea[]; password?: string }): Promise<DemoAccount[]> {
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'demo-accounts.json');
  let password: string | undefined;
  if (existsSync(file)) {
    try {
      password = (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[])[0]?.password;
    } catch {
      password = undefined;
    }
  }
  password = opts.password ?? password ?? demoPassword();
  const ctx = { db, now: opts.now, demoPassword: password, demoPasswordHash: await hashPassword(password), log: opts.log ?? (() => {}) };
  await runSeedAreas(ctx, [...SEED_AREAS, ...(opts.extraAreas ?? [])]);
  const rows = await db
    .select({ role: users.role, username: users.username, organisation: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(users.username, Object.values(DEMO_USERNAMES)))
    .orderBy(asc(users.role));
  const accounts = rows.map((r) => ({ role: r.role, username: r.username, password: password!, organisation: r.organisation }));
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}
