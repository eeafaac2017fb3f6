/**
 * Phone width and accessibility as tests (issue 14):
 *  - every applicant and public page at 390 px and 360 px: the page is no wider than the screen
 *    (`scrollWidth <= innerWidth`), the menu is a drawer; screenshots go to GG_SHOTS (or a temp dir);
 *  - axe-core (run in the page) on every page of every role: 0 serious or critical violations, one
 *    `<main>`;
 *  - detail pages (a record's own page, reached through a list) are checked like the list pages;
 *  - keyboard only, one main path per role: the applicant logs in, reaches the editor and saves; the
 *    recommender opens the inbox and an application; the commission logs in with its second factor
 *    and opens a batch; the training provider opens and closes the new-session dialog; the expert
 *    logs in and out.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login, nextTotpCode, ROOT } from './harness';

// Evaluated through the devtools protocol: the app's Content-Security-Policy (script-src 'self') stays on.
const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.GG_SHOTS ?? mkdtempSync(path.join(os.tmpdir(), 'gg-shots-'));

const PUBLIC_PAGES = ['/', '/login', '/register', '/excellent'];
const ROLE_PAGES: Record<string, string[]> = {
  applicant: ['/applicant', '/applicant/applications', '/applicant/implementation', '/applicant/training', '/applicant/results', '/applicant/showcase', '/applicant/organisation', '/applicant/notifications', '/change-password'],
  recommender: ['/recommender', '/recommender/reviews', '/recommender/batches', '/recommender/training', '/recommender/tracking', '/recommender/results'],
  commission: [
    '/commission',
    '/commission/campaign',
    '/commission/accounts',
    '/commission/organisations',
    '/commission/audit',
    '/commission/batches',
    '/commission/history',
    '/commission/approval',
    '/commission/publications',
    '/commission/publicity',
    '/commission/training',
    '/commission/tracking',
    '/commission/experts',
    '/commission/results',
    '/commission/certificates',
    '/commission/evaluation',
  ],
  expert: ['/expert', '/expert/profile', '/expert/tasks'],
  training_provider: ['/training', '/training/sessions'],
};
/** Detail pages, reached through the first row of a list: [list page, detail path prefix]. */
const DETAIL_PAGES: Record<string, [string, string][]> = {
  applicant: [],
  recommender: [['/recommender/reviews', '/recommender/reviews/']],
  commission: [
    ['/commission/batches', '/commission/batches/'],
    ['/commission/training', '/commission/training/sessions/'],
    ['/commission/tracking', '/commission/tracking/'],
  ],
  expert: [],
  training_provider: [['/training/sessions', '/training/sessions/']],
};
/**
 * Record pages of approved projects (项目实施 / 跟踪服务), seen by a unit and a bureau that have one in
 * the demo: 天津光晟光伏新能源科技有限公司 (app_013, 宝坻区) and the 宝坻区 bureau (rec_120115).
 */
const IMPLEMENTATION_DETAIL_PAGES: { username: string; home: string; list: string; prefix: string }[] = [
  { username: 'app_013', home: '/applicant', list: '/applicant/implementation', prefix: '/applicant/implementation/' },
  { username: 'rec_120115', home: '/recommender', list: '/recommender/tracking', prefix: '/recommender/tracking/' },
];


async function settle(page: Page) {
  await page.locator('main h1').first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('.ant-skeleton, .ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string; why?: string }[];
}

async function axe(page: Page): Promise<AxeResult[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeResult[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: true } } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200), why: (n.failureSummary ?? "").slice(0, 300) })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The first link of a list page to one record's page (a UUID after the prefix), or null when the list is empty. */
async function firstDetailPath(page: Page, list: string, prefix: string): Promise<string | null> {
  await page.goto(list);
  await settle(page);
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((h) => /^[0-9a-f-]{36}$/.test(h.slice(h.lastIndexOf('/') + 1))) ?? null;
}

async function firstApplicationPath(page: Page): Promise<string | null> {
  await page.goto('/applicant/applications');
  await settle(page);
  const href = await page.locator('a[href^="/applicant/applications/"]').first().getAttribute('href').catch(() => null);
  return href;
}

describe('the page lists above', () => {
  it('hold every enabled page of the role menus', () => {
    const menus = readFileSync(path.join(ROOT, 'src/web/layout/menus.tsx'), 'utf8');
    const menuPages = [...menus.matchAll(/\{ path: '(\/[^']*)'[^\n]*\}/g)].filter((m) => !m[0].includes('comingSoon: true')).map((m) => m[1]);
    expect(menuPages.length).toBeGreaterThan(20);
    const listed = new Set(Object.values(ROLE_PAGES).flat());
    expect(menuPages.filter((p) => !listed.has(p))).toEqual([]);
  });
});

describe('phone width: applicant and public pages', () => {
  const b = useBrowser();

  for (const width of [390, 360]) {
    it(`fit ${width} px without sideways scroll`, { timeout: 240_000 }, async () => {
      const { page } = await b.open();
      await page.setViewportSize({ width, height: 800 });
      const wide: string[] = [];
      const check = async (url: string, name: string) => {
        await settle(page);
        const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
        if (sw > iw) wide.push(`${url}: ${sw} > ${iw}`);
        await page.screenshot({ path: path.join(SHOTS, `${width}-${name}.png`), fullPage: true });
      };
      for (const url of PUBLIC_PAGES) {
        await page.goto(url);
        await check(url, `public${url.replace(/\//g, '_') || '_home'}`);
      }
      const a = b.account('applicant');
      await login(page, a.username, a.password);
      await page.waitForURL((u) => u.pathname === '/applicant');
      // The menu is a drawer: closed until the button opens it.
      expect(await page.locator('.gg-sider').count()).toBe(0);
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('dialog').getByRole('menuitem', { name: '项目申报' }).waitFor();
      await page.keyboard.press('Escape');
      for (const url of ROLE_PAGES.applicant) {
        await page.goto(url);
        await check(url, `applicant${url.replace(/\//g, '_')}`);
      }
      const app = await firstApplicationPath(page);
      if (app) {
        for (const step of [1, 2, 3, 10]) {
          await page.goto(`${app}?step=${step}`);
          await check(`${app}?step=${step}`, `editor-step${step}`);
        }
      }
      expect(wide, `pages wider than ${width} px (screenshots in ${SHOTS})`).toEqual([]);
    });
  }

  it('recommender pages are usable at 768 px (tablet)', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await page.setViewportSize({ width: 768, height: 1024 });
    const r = b.account('recommender');
    await login(page, r.username, r.password);
    await page.waitForURL((u) => u.pathname === '/recommender');
    const wide: string[] = [];
    for (const url of ROLE_PAGES.recommender) {
      await page.goto(url);
      await settle(page);
      const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
      if (sw > iw) wide.push(`${url}: ${sw} > ${iw}`);
      await page.screenshot({ path: path.join(SHOTS, `768-recommender${url.replace(/\//g, '_')}.png`), fullPage: true });
    }
    expect(wide).toEqual([]);
  });
});

describe('axe-core: 0 serious or critical violations, one <main>', () => {
  const b = useBrowser();

  it('public pages', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    const found: string[] = [];
    for (const url of PUBLIC_PAGES) {
      await page.goto(url);
      await settle(page);
      expect(await page.locator('main').count(), url).toBe(1);
      for (const v of await axe(page)) found.push(`${url} ${v.impact} ${v.id}: ${v.help} ${JSON.stringify(v.nodes)}`);
    }
    expect(found).toEqual([]);
  });

  for (const role of Object.keys(ROLE_PAGES)) {
    it(`${role} pages`, { timeout: 240_000 }, async () => {
      const { page } = await b.open();
      const acc = b.account(role);
      await login(page, acc.username, acc.password);
      await page.waitForURL((u) => u.pathname !== '/login');
      const urls = [...ROLE_PAGES[role]];
      if (role === 'applicant') {
        const app = await firstApplicationPath(page);
        if (app) urls.push(app, `${app}?step=2`, `${app}?step=10`);
      }
      for (const [list, prefix] of DETAIL_PAGES[role]) {
        const detail = await firstDetailPath(page, list, prefix);
        // The demo has records on every one of these lists: a missing detail page is a failure, not a skip.
        expect(detail, `a record page linked from ${list}`).not.toBeNull();
        urls.push(detail!);
      }
      const found: string[] = [];
      for (const url of urls) {
        await page.goto(url);
        await settle(page);
        expect(await page.locator('main').count(), url).toBe(1);
        for (const v of await axe(page)) found.push(`${url} ${v.impact} ${v.id}: ${v.help} ${JSON.stringify(v.nodes)}`);
      }
      expect(found).toEqual([]);
    });
  }
});

describe('axe-core on the record pages of 项目实施 / 跟踪服务', () => {
  const b = useBrowser();

  for (const d of IMPLEMENTATION_DETAIL_PAGES) {
    it(`${d.username}: ${d.prefix}…`, { timeout: 120_000 }, async () => {
      const { page } = await b.open();
      // Every demo user shares the demo password (README).
      await login(page, d.username, b.account('applicant').password);
      await page.waitForURL((u) => u.pathname === d.home);
      const detail = await firstDetailPath(page, d.list, d.prefix);
      expect(detail, `a project page linked from ${d.list}`).not.toBeNull();
      await page.goto(detail!);
      await settle(page);
      expect(await page.locator('main').count()).toBe(1);
      const found = (await axe(page)).map((v) => `${detail} ${v.impact} ${v.id}: ${v.help} ${JSON.stringify(v.nodes)}`);
      expect(found).toEqual([]);
    });
  }
});

describe('keyboard only', () => {
  const b = useBrowser();

  async function tabTo(page: Page, matches: () => Promise<boolean>, max = 80) {
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      if (await matches()) return;
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => `${document.activeElement?.tagName}[${document.activeElement?.getAttribute('role') ?? ''}] ${(document.activeElement?.textContent ?? '').trim().slice(0, 20)}`));
    }
    throw new Error(`target not reached with Tab; focus went: ${seen.slice(0, 40).join(' | ')}`);
  }
  const focusedText = (page: Page) => page.evaluate(() => `${document.activeElement?.getAttribute('aria-label') ?? ''} ${document.activeElement?.textContent ?? ''}`.trim());
  /** The text of the focused link, or '' when focus is elsewhere. */
  const focusedLink = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.tagName === 'A' ? (el.textContent ?? '').trim() : '';
    });
  /** Wait for the navigation Enter should cause; on failure say where focus and the page were. */
  async function reached(page: Page, test: (u: URL) => boolean) {
    try {
      await page.waitForURL(test, { timeout: 20_000 });
    } catch (err) {
      throw new Error(`Enter did not navigate: at ${page.url()}, focus on "${await focusedText(page)}" (${String(err).slice(0, 120)})`);
    }
    await focusOnHeading(page);
  }
  /** After a client-side navigation focus moves to the new page's heading (RouteFocus); tabbing starts there. */
  async function focusOnHeading(page: Page) {
    await page.waitForFunction(() => document.activeElement?.id === 'main-content' || (document.activeElement?.tagName === 'H1' && !!document.activeElement.closest('#main-content')), undefined, {
      timeout: 20_000,
    });
  }
  const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement?.id ? document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent ?? '' : ''));

  it('applicant: log in, reach the editor, change a field and save', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    const a = b.account('applicant');
    await page.goto('/login');
    await settle(page);
    await tabTo(page, async () => (await focusedLabel(page)).includes('用户名'));
    await page.keyboard.type(a.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(a.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/applicant');
    await focusOnHeading(page);
    await settle(page);
    await tabTo(page, async () => (await focusedLink(page)) === '全部申报');
    await page.keyboard.press('Enter');
    await reached(page, (u) => u.pathname === '/applicant/applications');
    await settle(page);
    await tabTo(page, async () => /^\/applicant\/applications\/[0-9a-f-]{36}$/.test(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')));
    await page.keyboard.press('Enter');
    await reached(page, (u) => /^\/applicant\/applications\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('navigation', { name: '申报书填写步骤' }).waitFor();
    await tabTo(page, async () => (await focusedLabel(page)).includes('所属行业'), 150);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`通用设备制造业${Date.now() % 1000}`);
    await expect.poll(async () => (await page.getByTestId('save-status').textContent()) ?? '', { timeout: 15_000 }).toMatch(/已自动保存 \d{2}:\d{2}:\d{2}/);
  });

  it('recommender: open the inbox and an application', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    const r = b.account('recommender');
    await login(page, r.username, r.password);
    await page.waitForURL((u) => u.pathname === '/recommender');
    await focusOnHeading(page);
    await settle(page);
    await tabTo(page, async () => (await focusedLink(page)) === '进入申报审核');
    await page.keyboard.press('Enter');
    await reached(page, (u) => u.pathname === '/recommender/reviews');
    await settle(page);
    await tabTo(page, async () => (await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')).startsWith('/recommender/reviews/'), 120);
    await page.keyboard.press('Enter');
    await reached(page, (u) => /^\/recommender\/reviews\/[0-9a-f-]{36}/.test(u.pathname));
    await settle(page);
  });

  /** Log in with the keyboard only: Tab to 用户名, type, Tab, type the password, Enter (and the code for a second factor). */
  async function keyboardLogin(page: Page, role: string, home: string) {
    const acc = b.account(role);
    await page.goto('/login');
    await settle(page);
    await tabTo(page, async () => (await focusedLabel(page)).includes('用户名'));
    await page.keyboard.type(acc.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(acc.password);
    await page.keyboard.press('Enter');
    const code = await nextTotpCode(acc.username, () => page.getByLabel('动态验证码', { exact: true }).waitFor());
    if (code !== null) {
      // The code field takes focus itself (autofocus): type and submit with Enter.
      await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'one-time-code');
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
    }
    await page.waitForURL((u) => u.pathname === home);
    await focusOnHeading(page);
    await settle(page);
  }

  it('commission: log in with the second factor, open 推荐批次接收 and a batch', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    await keyboardLogin(page, 'commission', '/commission');
    await tabTo(page, async () => (await focusedLink(page)) === '推荐批次接收');
    await page.keyboard.press('Enter');
    await reached(page, (u) => u.pathname === '/commission/batches');
    await settle(page);
    await tabTo(page, async () => /^\/commission\/batches\/[0-9a-f-]{36}$/.test(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')), 150);
    await page.keyboard.press('Enter');
    await reached(page, (u) => /^\/commission\/batches\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { level: 1, name: /^推荐批次：/ }).waitFor();
  });

  it('training provider: open the plan, start a new session with the keyboard and close it with Escape', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    await keyboardLogin(page, 'training_provider', '/training');
    await tabTo(page, async () => (await focusedLink(page)) === '进入培训计划');
    await page.keyboard.press('Enter');
    await reached(page, (u) => u.pathname === '/training/sessions');
    await settle(page);
    await tabTo(page, async () => (await focusedText(page)).includes('新建培训场次'), 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '新建培训场次' });
    await dialog.waitFor();
    // Focus is inside the dialog, and Escape closes it.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('expert: log in and log out with the keyboard', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await keyboardLogin(page, 'expert', '/expert');
    await page.getByRole('heading', { level: 1, name: '评定专家工作台' }).waitFor();
    await tabTo(page, async () => (await focusedText(page)) === '退出登录', 120);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/login');
  });
});
