import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, login, openPage, ROLE_HOME, type DemoAccount, type TrackedPage } from './harness';

export interface BrowserFixture {
  url: string;
  accounts: DemoAccount[];
  account(role: string): DemoAccount;
  /** A fresh browser context + page; page errors fail the test. */
  open(): Promise<TrackedPage>;
  /** Log the role's demo account in on `page` (with its second factor) and wait for its home. */
  signIn(page: Page, role: keyof typeof ROLE_HOME): Promise<void>;
}

/** Shared chromium per file; every page opened in a test is checked for page errors afterwards. */
export function useBrowser(): BrowserFixture {
  const server = inject('browserServer');
  let browser: Browser | undefined;
  let pages: TrackedPage[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const errors = pages.flatMap((p) => p.errors);
    await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
    pages = [];
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    url: server.url,
    accounts: server.accounts,
    account(role: string) {
      const a = server.accounts.find((x) => x.role === role);
      if (!a) throw new Error(`no demo account for ${role}`);
      return a;
    },
    async open() {
      if (!browser) throw new Error('browser not launched');
      const p = await openPage(browser, server.url);
      pages.push(p);
      return p;
    },
    async signIn(page: Page, role: keyof typeof ROLE_HOME) {
      const account = this.account(role);
      await page.goto('/login');
      await login(page, account.username, account.password);
      await page.waitForURL((u) => u.pathname === ROLE_HOME[role]);
    },
  };
}
