import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { generateTotpSecret } from '../auth/totp';
import type { Db } from '../db/client';
import { organisations, users } from '../db/schema';
import { accountsSeed, DEMO_USERNAMES } from './accounts';
import { approvalQueueSeed } from './approval-queue';
import { applicantsSeed } from './applicants';
import { campaignSeed, demoReopeningSeed } from './campaign';
import { historySeed } from './history';
import { implementationSeed } from './implementation';
import { organisationsSeed } from './organisations';
import { projectsSeed } from './projects';
import { publicationsSeed } from './publications';
import { runSeedAreas, type SeedArea } from './seed-registry';
import { trainingSeed } from './training';
import { campaign2027DraftSeed } from './campaign-2027';
import { resultsExpertsSeed } from './results-experts';
import { evaluationSeed } from './evaluation';
import { publicitySeed } from './publicity';

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
export const SEED_AREAS: SeedArea[] = [organisationsSeed, campaignSeed, applicantsSeed, accountsSeed, historySeed, demoReopeningSeed, projectsSeed, trainingSeed, approvalQueueSeed, publicationsSeed, implementationSeed, resultsExpertsSeed, evaluationSeed, publicitySeed, campaign2027DraftSeed];

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A strong random demo password, different per installation: 16 characters from 57 unambiguous
 * ones (about 93 bits), e.g. `Gg-7kQm-x3Rt-Ha9w-Mz2p`. The prefix gives upper and lower case and a
 * symbol, so it meets the platform's own password rules.
 */
export function demoPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''));
  return `Gg-${groups.join('-')}`;
}

export interface DemoSeedResult {
  /** Demo accounts; `password` is '' when this installation does not know it (see passwordKnown). */
  accounts: DemoAccount[];
  /** The demo accounts were created by this call (first start): the only time to show the password. */
  created: boolean;
  /**
   * The password in `accounts` (and demo-accounts.json) logs in. False when the database came from
   * elsewhere (a restore, a second instance with its own data directory): then no password is
   * printed or written rather than a new one that would not work.
   */
  passwordKnown: boolean;
}

/** Whether `password` logs in to at least one demo account (they share one hash unless changed). */
async function worksForDemoAccounts(db: Db, password: string): Promise<boolean> {
  const rows = await db.selectDistinct({ hash: users.passwordHash }).from(users).where(inArray(users.username, Object.values(DEMO_USERNAMES)));
  for (const r of rows) if (r.hash && (await verifyPassword(r.hash, password))) return true;
  return false;
}

/**
 * Seeds what is missing and returns the demo accounts. The password is chosen once per
 * installation and kept in `<dataDir>/demo-accounts.json` (0600) — only while it matches the
 * database: a file whose password does not log in is rewritten without a password.
 */
export async function seedDemo(db: Db, opts: SeedDemoOptions): Promise<DemoAccount[]> {
  return (await seedDemoData(db, opts)).accounts;
}

export interface SeedDemoOptions {
  dataDir: string;
  now: Date;
  log?: (s: string) => void;
  extraAreas?: SeedArea[];
  password?: string;
  totpSecret?: string;
}

export async function seedDemoData(db: Db, opts: SeedDemoOptions): Promise<DemoSeedResult> {
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'demo-accounts.json');
  let password: string | undefined;
  let totpSecret: string | undefined;
  if (existsSync(file)) {
    try {
      const previous = JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[];
      password = previous[0]?.password || undefined;
      totpSecret = previous.find((a) => a.totpSecret)?.totpSecret;
    } catch {
      password = undefined;
    }
  }
  password = opts.password ?? password ?? demoPassword();
  const ctx = { db, now: opts.now, demoPassword: password, demoPasswordHash: await hashPassword(password), log: opts.log ?? (() => {}) };
  const ran = await runSeedAreas(ctx, [...SEED_AREAS, ...(opts.extraAreas ?? [])]);
  const created = ran.includes(accountsSeed.name);
  const passwordKnown = created || (await worksForDemoAccounts(db, password));
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
  const accounts = rows.map((r) => ({
    role: r.role,
    username: r.username,
    password: passwordKnown ? password! : '',
    organisation: r.organisation,
    ...(DEMO_TOTP_USERNAMES.includes(r.username) ? { totpSecret } : {}),
  }));
  const onDisk = passwordKnown
    ? accounts
    : accounts.map(({ password: _unknown, ...a }) => ({ ...a, password: null, note: '演示账户来自其他安装（例如备份恢复），密码不在本机：请使用原安装的 demo-accounts.json，或由系统管理员重置密码' }));
  rmSync(file, { force: true }); // re-created 0600 even if an older file had other permissions
  writeFileSync(file, JSON.stringify(onDisk, null, 2), { mode: 0o600 });
  return { accounts, created, passwordKnown };
}
