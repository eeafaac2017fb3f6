/**
 * First install without the demo (`SEED_DEMO=false`): the commission organisation, a first
 * administrator, the 16 district bureaus and the current year's campaign. Every step looks for
 * what is already there, so a second start (or a database that already holds the demo) changes
 * nothing; the whole run holds an advisory transaction lock so two instances starting together
 * cannot both create the administrator.
 */
import { and, eq, sql } from 'drizzle-orm';
import { copyCampaignConfigToYear, default2026CampaignConfig } from '../../domain/campaign';
import { passwordProblems } from '../../domain/password-policy';
import { DEFAULT_NAMING_RULES } from '../../domain/project-name';
import { shanghaiDateString } from '../../domain/shanghai-time';
import { TIANJIN_DISTRICTS, TIANJIN_MUNICIPAL_LABEL } from '../../domain/uscc';
import { temporaryPassword } from '../accounts/temporary-password';
import { writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/passwords';
import type { Db, DbOrTx } from '../db/client';
import { campaigns, organisations, users } from '../db/schema';
import { districtBureauValues } from './district-bureaus';
import { COMMISSION_NAME } from './organisations';

const BOOTSTRAP_LOCK = 7_262_012;
/** The year of the built-in work plan (津市场监管质发〔2026〕2号). */
const PLAN_YEAR = 2026;

export interface BootstrapOptions {
  now: Date;
  /** ADMIN_USERNAME; default `admin`. */
  adminUsername?: string;
  /** ADMIN_INITIAL_PASSWORD; when absent a temporary password is generated and returned once. */
  adminPassword?: string;
}

export interface BootstrapResult {
  /** What this run created (empty on every later start). */
  created: string[];
  /** Only when this run created the administrator. */
  admin?: { username: string; password: string; generated: boolean };
  campaign?: { year: number; status: string };
}

export class BootstrapError extends Error {}

/** Checks the configured first password before anything is written (the start-up refuses with the reason). */
export function checkAdminPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new BootstrapError(`环境变量 ADMIN_INITIAL_PASSWORD 不符合密码规则：${problems.join('；')}`);
}

export async function bootstrapInstallation(db: Db, opts: BootstrapOptions): Promise<BootstrapResult> {
  const username = (opts.adminUsername ?? 'admin').trim();
  if (!/^[A-Za-z0-9_.-]{3,50}$/.test(username)) throw new BootstrapError('环境变量 ADMIN_USERNAME 应为3-50位字母、数字、下划线、点或连字符');
  if (opts.adminPassword) checkAdminPassword(opts.adminPassword, username);
  const password = opts.adminPassword ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  const audit = { actor: null, clock: { now: () => opts.now } };
  const result: BootstrapResult = { created: [] };

  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const commission = await ensureCommission(tx, opts.now, result);
    await ensureAdmin(tx, opts.now, commission, { username, passwordHash, password, generated: !opts.adminPassword }, result);
    await ensureDistrictBureaus(tx, opts.now, result);
    await ensureCurrentCampaign(tx, opts.now, result);
    if (result.created.length) {
      await writeAudit(tx, audit, { entity: 'installation', action: 'bootstrap', summary: { created: result.created, admin: result.admin?.username ?? null } });
    }
  });
  return result;
}

async function ensureCommission(tx: DbOrTx, now: Date, result: BootstrapResult): Promise<string> {
  const [existing] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'commission')).limit(1);
  if (existing) return existing.id;
  const [row] = await tx
    .insert(organisations)
    .values({ kind: 'commission', name: COMMISSION_NAME, shortName: '市市场监管委', divisionCode: '120000', district: TIANJIN_MUNICIPAL_LABEL, createdAt: now })
    .returning({ id: organisations.id });
  result.created.push('commission');
  return row.id;
}

async function ensureAdmin(
  tx: DbOrTx,
  now: Date,
  commissionId: string,
  admin: { username: string; passwordHash: string; password: string; generated: boolean },
  result: BootstrapResult,
): Promise<void> {
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'commission'), eq(users.isAdmin, true), eq(users.active, true)))
    .limit(1);
  if (existing) return;
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, admin.username.toLowerCase()));
  if (taken) throw new BootstrapError(`用户名“${admin.username}”已被其他账户使用，且系统中没有启用的管理员：请用 ADMIN_USERNAME 指定另一个用户名`);
  await tx.insert(users).values({
    username: admin.username,
    displayName: '系统管理员',
    role: 'commission',
    isAdmin: true,
    organisationId: commissionId,
    passwordHash: admin.passwordHash,
    mustChangePassword: true,
    createdAt: now,
  });
  result.created.push('admin');
  result.admin = { username: admin.username, password: admin.password, generated: admin.generated };
}

async function ensureDistrictBureaus(tx: DbOrTx, now: Date, result: BootstrapResult): Promise<void> {
  const rows = await tx
    .select({ divisionCode: organisations.divisionCode })
    .from(organisations)
    .where(and(eq(organisations.kind, 'recommender'), eq(organisations.subtype, 'district_bureau')));
  const have = new Set(rows.map((r) => r.divisionCode));
  const missing = TIANJIN_DISTRICTS.filter((d) => !have.has(d.code));
  if (!missing.length) return;
  await tx.insert(organisations).values(
    missing.map((d) => ({ ...districtBureauValues(d), createdAt: now })),
  );
  result.created.push(`district_bureaus:${missing.length}`);
}

/**
 * The current (Beijing) year's campaign. In the plan's own year it is the plan, active; in a later
 * year it is the plan with every date moved, as a draft with an empty holiday calendar, for the
 * commission to check and open.
 */
async function ensureCurrentCampaign(tx: DbOrTx, now: Date, result: BootstrapResult): Promise<void> {
  const year = Number(shanghaiDateString(now).slice(0, 4));
  const [existing] = await tx.select({ id: campaigns.id, status: campaigns.status }).from(campaigns).where(eq(campaigns.year, year));
  if (existing) return;
  const plan = default2026CampaignConfig(DEFAULT_NAMING_RULES.map((r) => ({ ...r })));
  const isPlanYear = year === PLAN_YEAR;
  const status = isPlanYear ? 'active' : 'draft';
  await tx.insert(campaigns).values({
    year,
    title: `${year}年天津市质量攻关工作方案`,
    documentNo: isPlanYear ? '津市场监管质发〔2026〕2号' : null,
    status,
    config: isPlanYear ? plan : copyCampaignConfigToYear(plan, PLAN_YEAR, year),
    createdAt: now,
  });
  result.created.push(`campaign:${year}`);
  result.campaign = { year, status };
}

/** What the start-up prints after a first install (the generated password appears only this once). */
export function bootstrapLines(r: BootstrapResult): string[] {
  if (!r.created.length) return [];
  const lines = ['首次安装：已创建市市场监管委、16个区市场监管局和本年度活动。'];
  if (r.campaign?.status === 'draft') lines.push(`  ${r.campaign.year}年度活动为草稿（日期由2026年方案顺延，节假日安排为空）：请在“年度活动配置”中核对日期、录入节假日后开启。`);
  if (r.admin) {
    lines.push(
      r.admin.generated
        ? `  管理员账户 ${r.admin.username}，初始密码 ${r.admin.password}（只显示这一次，首次登录须修改密码）`
        : `  管理员账户 ${r.admin.username}，初始密码为环境变量 ADMIN_INITIAL_PASSWORD 的值（首次登录须修改密码）`,
    );
  }
  return lines;
}
