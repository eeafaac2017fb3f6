/**
 * 立项审核 finished (issue 16) in the browser: the 共性技术·倾斜支持 marker and the 共性技术优先
 * sort (kept in the address over a reload), the 雷同提示 filter, the side-by-side 申报书对比 of the
 * seeded 雷同 pair, and 批量不予立项 with one shared, required reason. Uses the approval-queue demo
 * projects no other browser test decides (src/server/seed/approval-queue.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APPROVAL_QUEUE_DEMO } from '../../src/server/seed/approval-queue';
import { useBrowser } from './fixtures';

const [, , COMMON, PAIR_A, PAIR_B, DOWN] = APPROVAL_QUEUE_DEMO.map((p) => p.name);
const ROWS = '.ant-table-tbody tr.ant-table-row';

describe('立项审核 finished', () => {
  const b = useBrowser();


  async function settled(page: Page) {
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.ant-table .ant-spin-spinning').count(), { timeout: 20_000 }).toBe(0);
  }

  async function choose(page: Page, key: string, option: string) {
    await page.locator(`[data-filter="${key}"]`).locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden' });
  }

  it('marks and sorts 共性技术 first, filters by 雷同提示, compares the pair and rejects two with one reason', { timeout: 240_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await page.goto('/commission/approval');
    await page.getByRole('heading', { level: 1, name: '立项审核' }).waitFor();
    const table = page.getByTestId('approvals-table');
    const row = (name: string) => table.getByRole('row', { name: new RegExp(name) }).first();
    await row(COMMON).waitFor();
    await settled(page);

    // The marker: text, not colour only; on the 共性技术 project, not on a 精准攻关 one.
    expect(await row(COMMON).getByTestId('preferred-tag').textContent()).toBe('共性技术·倾斜支持');
    expect(await row(DOWN).getByTestId('preferred-tag').count()).toBe(0);

    // 共性技术优先: applied at once, kept in the address, survives a reload.
    await choose(page, 'priority', '共性技术优先');
    await page.waitForURL((u) => u.searchParams.get('priority') === 'preferred');
    await settled(page);
    const firstRow = () => table.locator(ROWS).first();
    await expect.poll(async () => (await firstRow().getByTestId('preferred-tag').count()) > 0).toBe(true);
    await page.reload();
    await settled(page);
    await expect.poll(async () => (await firstRow().getByTestId('preferred-tag').count()) > 0).toBe(true);
    // Every preferred row comes before every other row on the page.
    const marks = await table.locator(ROWS).evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="preferred-tag"]') !== null));
    expect(marks.indexOf(false) === -1 || marks.lastIndexOf(true) < marks.indexOf(false)).toBe(true);

    // Filter: 雷同提示 → only flagged rows, the seeded pair among them.
    await choose(page, 'duplicate', '有雷同提示');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL((u) => u.searchParams.get('duplicate') === 'flagged');
    await settled(page);
    await row(PAIR_A).waitFor();
    await row(PAIR_B).waitFor();
    await expect.poll(() => row(DOWN).count(), { timeout: 20_000 }).toBe(0);
    const texts = await table.locator(ROWS).allTextContents();
    expect(texts.every((t) => t.includes('雷同'))).toBe(true);

    // Comparison from the 雷同 flag of one row of the pair: both 申报书, field by field.
    await row(PAIR_B).getByTestId('compare-duplicate').click();
    const drawer = page.getByRole('dialog', { name: '申报书对比' });
    await drawer.getByTestId('compare-summary').waitFor();
    await expect.poll(async () => (await drawer.getByTestId('compare-left').textContent()) ?? '').toContain(PAIR_B);
    await expect.poll(async () => (await drawer.getByTestId('compare-right').textContent()) ?? '').toContain(PAIR_A);
    await expect.poll(async () => (await drawer.getByTestId('compare-summary').textContent()) ?? '').toMatch(/其中 [1-9]\d* 项不同/);
    const nameRow = drawer.locator('tr[data-differs="true"]').filter({ hasText: '项目名称' }).first();
    await nameRow.waitFor();
    expect(await nameRow.textContent()).toContain('不同');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // 批量不予立项 of two projects with one reason (required).
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await settled(page);
    await row(DOWN).waitFor();
    await page.getByRole('checkbox', { name: `选择《${DOWN}》` }).check();
    await page.getByRole('checkbox', { name: `选择《${PAIR_B}》` }).check();
    await page.getByRole('button', { name: '批量不予立项' }).click();
    const dialog = page.getByRole('dialog', { name: '批量不予立项（2 个项目）' });
    await dialog.getByRole('button', { name: '确认不予立项' }).click();
    await dialog.getByText('请填写不予立项的原因').waitFor();
    const reason = '攻关目标缺少量化基线，且与本年度其他申报雷同，不予立项';
    await dialog.getByLabel('不予立项的原因').fill(reason);
    await dialog.getByRole('button', { name: '确认不予立项' }).click();
    await page.getByText('已将 2 个项目列为未立项').waitFor();

    await page.getByRole('tab', { name: /未立项/ }).click();
    await settled(page);
    for (const name of [DOWN, PAIR_B]) {
      await row(name).waitFor();
      expect(await row(name).textContent()).toContain(reason);
    }
  });
});
