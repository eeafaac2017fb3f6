/**
 * 证书发放 in the browser: the commission reaches the page from the menu; the demo's 公示 (第一批,
 * src/server/seed/publicity.ts) recognised projects whose certificates await the commission, so
 * 开始发放证书 is enabled, and the list says nothing is issued yet.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login } from './harness';

describe('证书发放 page', () => {
  const b = useBrowser();

  it('opens from the menu: recognised projects pending, the start button enabled, nothing issued yet', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    const admin = b.account('commission');
    await page.goto('/login');
    await login(page, admin.username, admin.password);
    await page.waitForURL((u) => u.pathname === '/commission');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '证书发放' }).click();
    await page.getByRole('heading', { level: 1, name: '证书发放' }).waitFor();
    await page.getByText('2026年度证书发放').waitFor();
    await page.getByText('待发放').waitFor();
    await expect.poll(() => page.getByRole('button', { name: /开始发放证书/ }).isDisabled()).toBe(false);
    await page.getByTestId('certificate-list').getByText('尚未发放证书').waitFor();
    await page.getByRole('textbox', { name: '搜索证书编号、项目名称或获证单位' }).fill('TJZLGG');
    await page.getByRole('button', { name: /查询/ }).click();
    await page.getByTestId('certificate-list').getByText('没有符合条件的证书').waitFor();
  });
});
