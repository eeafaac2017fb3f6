/**
 * Every list page keeps its filters, tab, sort and page across a reload (they live in the
 * address): a filter is set through the bar, page 2 is opened where the demo has the rows for it
 * (a small page size in the address where the demo list is short), the page is reloaded, and the
 * same filter values, page and rows are back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login } from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';

describe('list pages keep their state across a reload', () => {
  const b = useBrowser();

  async function signIn(page: Page, role: string, home: string) {
    const account = b.account(role);
    await page.goto('/login');
    await login(page, account.username, account.password);
    await page.waitForURL((u) => u.pathname === home);
  }

  const field = (page: Page, key: string) => page.locator(`[data-filter="${key}"]`);

  async function choose(page: Page, key: string, option: string) {
    await field(page, key).locator('.ant-select').click();
    // Long option lists are virtual: type to bring the option into view where the select searches.
    if ((await field(page, key).locator('.ant-select-show-search').count()) > 0) await page.keyboard.type(option);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  /** The list rendered what the address says and loaded it (the navigation renders in a transition). */
  async function settled(page: Page) {
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.ant-table .ant-spin-spinning').count(), { timeout: 20_000 }).toBe(0);
  }

  /** The list's rows (on 推荐批次接收 not those of the side table 尚未报送的推荐单位). */
  async function rows(page: Page): Promise<string[]> {
    await settled(page);
    const batches = page.getByTestId('commission-batches');
    return ((await batches.count()) ? batches : page).locator(ROWS).allTextContents();
  }

  /** 查询, then waits until the address holds the applied filters. */
  async function search(page: Page, applied: Record<string, string>) {
    await page.getByRole('search').getByRole('button', { name: '查询' }).click();
    await page.waitForURL((u) => !u.searchParams.has('page') && Object.entries(applied).every(([k, v]) => u.searchParams.get(k) === v));
    await settled(page);
  }

  const activePage = (page: Page) => page.locator('.ant-pagination-item-active').textContent();

  async function toPage2(page: Page) {
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL((u) => u.searchParams.get('page') === '2');
    // The page rendered (its fetch starts in the same render), then loaded.
    await expect.poll(() => activePage(page)).toBe('2');
    await settled(page);
  }

  /** The rows once they stop changing (the filtered list renders in a transition after the address changed). */
  async function stableRows(page: Page): Promise<string[]> {
    let last = await rows(page);
    for (let i = 0; i < 25; i++) {
      await page.waitForTimeout(400);
      const now = await rows(page);
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
    return last;
  }

  /** Reloads and checks the address, the rows, the page and each filter's shown value. */
  async function reloadKeeps(page: Page, shown: Record<string, string>, opts: { page?: number } = {}) {
    const url = page.url();
    const before = await stableRows(page);
    await page.reload();
    await page.getByRole('search').waitFor();
    expect(page.url()).toBe(url);
    if (opts.page) await expect.poll(() => activePage(page)).toBe(String(opts.page));
    await expect.poll(() => rows(page), { timeout: 20_000 }).toEqual(before);
    for (const [key, value] of Object.entries(shown)) {
      const isSelect = (await field(page, key).locator('.ant-select').count()) > 0;
      const text = isSelect ? await field(page, key).innerText() : await field(page, key).locator('input').first().inputValue();
      expect(text, `filter ${key} after the reload`).toContain(value);
    }
    return before;
  }

  it('commission lists: 立项审核, 审计日志, 历年成果库, 账户管理, 推荐批次接收, 证书发放, 成果评定', { timeout: 300_000 }, async () => {
    const { page } = await b.open();
    await signIn(page, 'commission', '/commission');

    // 立项审核: tab 全部, a keyword, sorted by name, page 2 of 5 a page.
    await page.goto('/commission/approval?size=5');
    await page.getByRole('heading', { level: 1, name: '立项审核' }).waitFor();
    await page.getByRole('tab', { name: /全部/ }).click();
    await field(page, 'q').locator('input').fill('有限公司');
    await search(page, { q: '有限公司' });
    await page.getByTestId('approvals-table').locator('th').filter({ hasText: '项目名称' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'name');
    await page.getByTestId('approvals-table').locator('th.ant-table-column-sort').filter({ hasText: '项目名称' }).waitFor();
    await settled(page);
    await toPage2(page);
    const approvals = await reloadKeeps(page, { q: '有限公司' }, { page: 2 });
    expect(approvals.length).toBeGreaterThan(0);
    expect(await page.getByRole('tab', { name: /全部/ }).getAttribute('aria-selected')).toBe('true');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
    // The export sends the same filters (no paging).
    const exportHref = (await page.getByTestId('approvals-export').getAttribute('href')) ?? '';
    expect(exportHref).toContain('q=%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8');
    expect(exportHref).toContain('sort=name');
    expect(exportHref).not.toContain('page=');

    // 历年成果库: a year and page 2.
    await page.goto('/commission/history?size=5');
    await page.getByRole('heading', { level: 1, name: '历年成果库' }).waitFor();
    await field(page, 'year').locator('input').fill('2019');
    await search(page, { year: '2019' });
    await toPage2(page);
    const history = await reloadKeeps(page, { year: '2019' }, { page: 2 });
    expect(history.every((t) => t.startsWith('2019'))).toBe(true);

    // 账户管理: role 推荐单位 (applied at once) and page 2.
    await page.goto('/commission/accounts?size=5');
    await page.getByRole('heading', { level: 1, name: '账户管理' }).waitFor();
    await choose(page, 'role', '推荐单位');
    await page.waitForURL((u) => u.searchParams.get('role') === 'recommender');
    await settled(page);
    await toPage2(page);
    const accounts = await reloadKeeps(page, { role: '推荐单位' }, { page: 2 });
    expect(accounts.every((t) => t.includes('推荐单位'))).toBe(true);

    // 推荐批次接收: the demo has few batches; the filters stay.
    await page.goto('/commission/batches');
    await page.getByRole('heading', { level: 1, name: '推荐批次接收' }).waitFor();
    await choose(page, 'recommenderKind', '区市场监督管理部门');
    await field(page, 'q').locator('input').fill('滨海新区');
    await search(page, { q: '滨海新区', recommenderKind: 'district_bureau' });
    await reloadKeeps(page, { recommenderKind: '区市场监督管理部门', q: '滨海新区' });

    // 证书发放: nothing issued in the demo; the search stays and says nothing matches.
    await page.goto('/commission/certificates');
    await page.getByRole('heading', { level: 1, name: '证书发放' }).waitFor();
    await field(page, 'q').locator('input').fill('TJZLGG');
    await choose(page, 'state', '有效');
    await search(page, { q: 'TJZLGG', state: 'issued' });
    await reloadKeeps(page, { q: 'TJZLGG', state: '有效' });
    await page.getByTestId('certificate-list').getByText('没有符合条件的证书').waitFor();

    // 成果评定: the demo's adopted groups (先进计算 and the 公示 demo's 综合评定组), one a page.
    await page.goto('/commission/evaluation?size=1');
    await page.getByRole('heading', { level: 1, name: '成果评定' }).waitFor();
    await choose(page, 'state', '已采纳');
    await search(page, { state: 'adopted' });
    await toPage2(page);
    await reloadKeeps(page, { state: '已采纳' }, { page: 2 });

    // 审计日志: 操作 登录 on today's Beijing date (a calendar day the server accepts), page 2 of 1 a page.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    // A second login today, so 登录 has a page 2 even when this file runs alone.
    await signIn((await b.open()).page, 'commission', '/commission');
    // (The date range comes in through the address, as from a shared link: the picker shows it.)
    await page.goto(`/commission/audit?size=1&from=${today}&to=${today}`);
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    expect(await field(page, 'from-to').getByPlaceholder('开始日期').inputValue()).toBe(today);
    await choose(page, 'action', '登录');
    await search(page, { action: 'login', from: today, to: today });
    await toPage2(page);
    const audit = await reloadKeeps(page, { action: '登录' }, { page: 2 });
    expect(audit).toHaveLength(1);
    expect(await field(page, 'from-to').getByPlaceholder('开始日期').inputValue()).toBe(today);
    expect(await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toContain(`from=${today}`);
  });

  it('recommender 申报审核 and 宣贯培训报名', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    await signIn(page, 'recommender', '/recommender');

    await page.goto('/recommender/reviews?size=1');
    await page.getByRole('heading', { level: 1, name: '申报审核' }).waitFor();
    await page.getByRole('tab', { name: /全部/ }).click();
    await field(page, 'q').locator('input').fill('有限公司');
    await search(page, { q: '有限公司' });
    await toPage2(page);
    const inbox = await reloadKeeps(page, { q: '有限公司' }, { page: 2 });
    expect(inbox).toHaveLength(1);
    expect(await page.getByRole('tab', { name: /全部/ }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('inbox-export').getAttribute('href')).toContain('q=');

    // Back from a project keeps the list as it was.
    await page.locator(ROWS).first().getByRole('link').first().click();
    await page.waitForURL((u) => /\/recommender\/reviews\/[\w-]+$/.test(u.pathname));
    await page.goBack();
    await expect.poll(() => rows(page)).toEqual(inbox);
    expect(await field(page, 'q').locator('input').inputValue()).toBe('有限公司');

    await page.goto('/recommender/training');
    await page.getByRole('heading', { level: 1, name: '宣贯培训报名' }).waitFor();
    await field(page, 'q').locator('input').fill('质量攻关');
    await search(page, { q: '质量攻关' });
    await reloadKeeps(page, { q: '质量攻关' });
  });

  it('training 培训计划 and 报名名单', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    await signIn(page, 'training_provider', '/training');

    await page.goto('/training/sessions?size=1');
    await page.getByRole('heading', { level: 1, name: '培训计划' }).waitFor();
    await page.locator('.ant-segmented-item').filter({ hasText: '未取消' }).click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'open');
    await field(page, 'q').locator('input').fill('宣贯培训');
    await search(page, { q: '宣贯培训', status: 'open' });
    await toPage2(page);
    await reloadKeeps(page, { q: '宣贯培训' }, { page: 2 });
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');

    // A search typed past the server's limit (100) is refused at the field and kept as typed; 查询 sends nothing.
    const long = '质量攻关宣贯培训'.repeat(13); // 104 characters
    await field(page, 'q').locator('input').fill(long);
    await page.getByRole('search').getByRole('button', { name: '查询' }).click();
    await field(page, 'q').getByRole('alert').filter({ hasText: '关键词不能超过100个字（现为104个字）' }).waitFor();
    expect(await field(page, 'q').locator('input').inputValue()).toBe(long);
    expect(new URL(page.url()).searchParams.get('q')).toBe('宣贯培训');

    // The first demo session's roster: two sign-ups, one a page.
    await page.goto('/training/sessions');
    await page.getByRole('link', { name: '查看“质量攻关宣贯培训（第一期）：评价程序与要求”报名名单' }).click();
    await page.getByRole('heading', { level: 1, name: '报名名单' }).waitFor();
    await page.goto(`${page.url()}?size=1`);
    await field(page, 'q').locator('input').fill('天津');
    await search(page, { q: '天津' });
    await toPage2(page);
    await reloadKeeps(page, { q: '天津' }, { page: 2 });
  });
});
