import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import { generateTotpSecret } from '../auth/totp';
import type { Db } from '../db/client';
import { organisations, users } from '../db/schema';
import { accountsSeed, DEMO_USERNAMES } from './accounts';
import { applicantsSeed } from './applicants';
import { campaignSeed, demoReopeningSeed } from './campaign';
import { historySeed } from './history';
import { organisationsSeed } from './organisations';
import { projectsSeed } from './projects';
import { runSeedAreas, type SeedArea } from './seed-registry';
import { trainingSeed } from './training';

export interface DemoAccount {
  role: string;
  username: string;
  password: string;
  organisation: string;
  /** Demo commission accounts: the TOTP secret of their second factor (add it to an authenticator app). */
  totpSecret?: string;
}

/** Demo accounts enrolled in two-factor login with the installation's demo secret (never other accounts). */
export const DEMO_TOTP_USERNAMES = [DEMO_USERNAMES.commission, 'commission_reviewer'];

/** Areas in order; a later procedure appends its own module here. */
export const SEED_AREAS: SeedArea[] = [organisationsSeed, campaignSeed, applicantsSeed, accountsSeed, historySeed, demoReopeningSeed, projectsSeed, trainingSeed];

function demoPassword(): string {
  const digits = String(randomInt(1000, 9999));
  return `Gongguan@${digits}`;
}

/**
 * Seeds what is missing and returns the demo accounts. The password is chosen once per
 * installation and kept in `<dataDir>/demo-accounts.json`.
 */
export async function seedDemo(db: Db, opts: { dataDir: string; now: Date; log?: (s: string) => void; extraAreas?: SeedArea[]; password?: string; totpSecret?: string }): Promise<DemoAccount[]> {
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'demo-accounts.json');
  let password: string | undefined;
  let totpSecret: string | undefined;
  if (existsSync(file)) {
    try {
      const previous = JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[];
      password = previous[0]?.password;
      totpSecret = previous.find((a) => a.totpSecret)?.totpSecret;
    } catch {
      password = undefined;
    }
  }
  password = opts.password ?? password ?? demoPassword();
  const ctx = { db, now: opts.now, demoPassword: password, demoPasswordHash: await hashPassword(password), log: opts.log ?? (() => {}) };
  await runSeedAreas(ctx, [...SEED_AREAS, ...(opts.extraAreas ?? [])]);
  // The demo commission accounts have their second factor enrolled with a per-installation secret
  // kept beside the demo password (issue 13.10); any other commission account enrols itself.
  totpSecret = opts.totpSecret ?? totpSecret ?? generateTotpSecret();
  await db.update(users).set({ totpSecret, totpEnabledAt: opts.now }).where(and(inArray(users.username, DEMO_TOTP_USERNAMES), isNull(users.totpSecret)));
  const [enrolled] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.username, DEMO_USERNAMES.commission));
  if (enrolled?.secret) totpSecret = enrolled.secret;
  const rows = await db
    .select({ role: users.role, username: users.username, organisation: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(users.username, Object.values(DEMO_USERNAMES)))
    .orderBy(asc(users.role));
  const accounts = rows.map((r) => ({ role: r.role, username: r.username, password: password!, organisation: r.organisation, ...(DEMO_TOTP_USERNAMES.includes(r.username) ? { totpSecret } : {}) }));
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}
