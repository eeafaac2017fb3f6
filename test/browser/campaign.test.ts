/**
 * Issue 12 "Done when", as far as the campaign parts go: the commission imports the 2027 holidays
 * into the 2027 draft (paste; a bad line is named), sees that the opened 2026 windows can only be
 * changed through a 补报窗口, and keeps 2026 visible through the year selector (kept in the URL).
 * The walk leaves 2027 a draft: the browser server is shared by every test file.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';

async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('campaign years and holiday calendar', () => {
  const b = useBrowser();


  it('imports the 2027 holidays into the 2027 draft by paste, naming a bad line first', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await page.goto('/commission/campaign');
    await page.getByRole('heading', { level: 1, name: '年度活动配置' }).waitFor();
    await page.getByLabel('活动标题').waitFor();
    // The 2026 windows have opened (the server runs on today's date): no in-place edits, 补报窗口 instead.
    await page.getByText(/窗口已于 .* 开始，时间不可再修改/).first().waitFor();
    expect(await page.locator('#campaign-config_windows_application_closesAt').isDisabled()).toBe(true);

    await page.getByLabel('选择年度').click();
    await pickOption(page, '2027 年度（草稿）');
    await expect.poll(() => page.getByLabel('活动标题').inputValue(), { timeout: 15_000 }).toContain('2027');
    await page.getByTestId('calendar-used').getByText('尚未录入2027年节假日日历', { exact: false }).waitFor();

    const paste = page.getByLabel('粘贴节假日安排');
    await paste.fill('2027-01-01至2027-01-03 元旦 休\n2026-10-08 国庆节 休');
    await page.getByRole('button', { name: '粘贴导入' }).click();
    await page.getByText('第2行“2026-10-08 国庆节 休”：2026-10-08 不属于本年度活动的年份（2027年），请核对年份').waitFor();

    await paste.fill(['2027-01-01至2027-01-03 元旦 休', '2027-02-06至2027-02-13 春节 休', '2027-02-14 调休 上班', '2027-02-20 调休 上班', '2027-10-01至2027-10-07 国庆节 休'].join('\n'));
    await page.getByRole('button', { name: '粘贴导入' }).click();
    await page.getByText('已导入2027年节假日日历').waitFor();
    await page.getByTestId('calendar-used').getByText('按本年度（2027年）节假日日历计算：法定节假日 18 天、调休上班 2 天', { exact: false }).waitFor();
    // The 公示 setting names the calendar it uses.
    await page.getByText('按本年度（2027年）节假日日历计算', { exact: false }).nth(1).waitFor();
  });

  it('keeps 2026 visible through the year selector, in the URL', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    const card = page.locator('.ant-card').filter({ has: page.getByText('年度工作概况') });
    await card.getByLabel('选择年度').click();
    await pickOption(page, '2026年度（进行中）');
    await page.waitForURL((u) => u.searchParams.get('year') === '2026');
    await card.getByText('2026年度工作概况').waitFor();

    await page.goto('/commission/approval?year=2026');
    await page.getByRole('heading', { level: 1, name: '立项审核' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '立项审核' }).waitFor();
    const yearSelect = page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '年度', exact: true }) });
    await expect.poll(() => yearSelect.textContent(), { timeout: 15_000 }).toContain('2026年度（进行中）');
  });
});
