/**
 * Browser-test harness: the real server (with a fresh temp DATA_DIR, demo data seeded) serving
 * the built web client, and a headless Debian chromium driven by playwright-core.
 *
 * The server is the one harness of test/support/server-process.ts on a free port.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, type ServerProcess } from '../support/server-process';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB_DIST = path.join(ROOT, 'dist/web');

export interface DemoAccount {
  role: string;
  username: string;
  password: string;
  organisation: string;
  totpSecret?: string;
}

export interface RunningServer {
  url: string;
  accounts: DemoAccount[];
  stop(): Promise<void>;
}

type StartTestServer = (opts?: { dataDir?: string }) => Promise<RunningServer>;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function assertWebBuilt(): void {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npm run build:web` (npm run test:browser does it) before the browser tests');
  }
}

/** `src/server/main.ts` as a child process with its own DATA_DIR and port, the demo seeded. */
async function startChildServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gg-browser-'));
  let server: ServerProcess;
  try {
    // The whole suite's users log in from one address (like a bureau behind one NAT address): the
    // per-address login allowance is raised; the limit itself is tested in hardening.test.ts.
    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '600' }, 170_000);
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
  return {
    url: server.url,
    accounts,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startWebServer(): Promise<RunningServer> {
  assertWebBuilt();
  return startChildServer();
}
// ---- pages ------------------------------------------------------------------------------------

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions in the page (each one fails the test). */
  errors: string[];
  /** Bytes of JavaScript the page loaded, gzip-compressed here (what a compressing server would send). */
  jsGzipBytes(): Promise<number>;
  jsFiles(): string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, baseURL: string): Promise<TrackedPage> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'America/New_York', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const js = new Set<string>();
  page.on('pageerror', (err) => errors.push(err.stack ?? err.message));
  page.on('request', (req) => {
    if (req.resourceType() === 'script' || req.url().endsWith('.js')) js.add(req.url());
  });
  return {
    page,
    context,
    errors,
    async jsGzipBytes() {
      let total = 0;
      for (const url of js) total += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
      return total;
    },
    jsFiles: () => [...js].map((u) => new URL(u).pathname),
    close: () => context.close(),
  };
}

export const ROLE_HOME: Record<string, string> = {
  applicant: '/applicant',
  recommender: '/recommender',
  commission: '/commission',
  expert: '/expert',
  training_provider: '/training',
};

export const ROLE_TITLES: Record<string, string> = {
  applicant: '申报单位工作台',
  recommender: '推荐单位工作台',
  commission: '市市场监管委工作台',
  expert: '评定专家工作台',
  training_provider: '培训机构工作台',
};

/**
 * Last TOTP step used per account: the server never accepts a step twice (issue 13.10). Test files
 * run in separate processes against one server, so the record is a file beside the server's URL.
 */
function usedStepsFile(url: string): string {
  return path.join(os.tmpdir(), `gg-totp-steps-${new URL(url).port}.json`);
}
function readUsedSteps(url: string): Record<string, number> {
  try {
    return JSON.parse(readFileSync(usedStepsFile(url), 'utf8')) as Record<string, number>;
  } catch {
    return {}; // first login against this server
  }
}
function lastUsedStep(url: string, username: string): number {
  return readUsedSteps(url)[username] ?? -1;
}
function recordUsedStep(url: string, username: string, step: number): void {
  writeFileSync(usedStepsFile(url), JSON.stringify({ ...readUsedSteps(url), [username]: step }));
}

/**
 * Fill and submit the login form. Demo commission accounts answer with the second step: the code
 * of the seeded secret (demo-accounts.json) is typed in, waiting for a fresh step when needed.
 */
export async function login(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().endsWith('/login')) await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await answerSecondFactor(page, username, '验证并登录');
}

/**
 * The second login step of a demo commission account, answered in `scope` (the login page or the
 * re-login dialog) with the seeded secret's code, waiting for a fresh step when needed. No-op for
 * accounts without a second factor.
 */
export async function answerSecondFactor(scope: Page | Locator, username: string, submitName: string): Promise<void> {
  const codeField = scope.getByLabel('动态验证码', { exact: true });
  const code = await nextTotpCode(username, () => codeField.waitFor());
  if (code === null) return;
  await codeField.fill(code);
  await scope.getByRole('button', { name: submitName, exact: true }).click();
}

/**
 * A code of the demo account's seeded secret that the server has not seen yet (null for accounts
 * without a second factor); `ready` runs first (e.g. wait for the code field).
 */
export async function nextTotpCode(username: string, ready: () => Promise<unknown> = async () => undefined): Promise<string | null> {
  const { inject } = await import('vitest');
  const server = inject('browserServer');
  const secret = server.accounts.find((a) => a.username === username && a.totpSecret)?.totpSecret;
  if (!secret) return null;
  await ready();
  const { totpCode, totpStep } = await import('../../src/server/auth/totp');
  let step = totpStep(new Date());
  const last = lastUsedStep(server.url, username);
  if (step <= last) step = last + 1; // one step ahead is accepted
  while (step > totpStep(new Date()) + 1) await new Promise((r) => setTimeout(r, 1000));
  recordUsedStep(server.url, username, step);
  return totpCode(secret, new Date(), step);
}

/** Pick the first option of an antd Select found by its label. */
export async function pickFirstOption(page: Page, label: string): Promise<string> {
  await page.getByLabel(label, { exact: true }).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
  await option.waitFor();
  const text = (await option.textContent()) ?? '';
  await option.click();
  // The list closes with an animation; until it is gone it covers what lies below (e.g. the dialog's buttons).
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden' });
  return text;
}
