/**
 * 立项计划公布 end to end: the commission approves a batch (the two demo applications awaiting
 * 立项审核 in 红桥区 and 宁河区), publishes the plan as a correction of the seeded version 1, and
 * the public opens it, filters it, downloads the PDF (read back with pdftotext) and the Excel
 * (re-read), sees both versions (version 1 marked 已更正), and reads it on a 390 px phone.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText, squash } from '../../src/server/documents/test-utils';
import { APPROVAL_QUEUE_DEMO } from '../../src/server/seed/approval-queue';
import { useBrowser } from './fixtures';
import { login } from './harness';

const [HONGQIAO, NINGHE] = APPROVAL_QUEUE_DEMO.map((p) => p.name);
const DOC_NO = '津市场监管质发〔2026〕9号';

async function download(page: Page, linkName: string): Promise<{ name: string; data: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  return { name: d.suggestedFilename(), data: readFileSync((await d.path())!) };
}

describe('立项计划公布', () => {
  const b = useBrowser();

  it('approves a batch, publishes the plan, and the public filters and downloads it', { timeout: 240_000 }, async () => {
    const { page } = await b.open();
    const admin = b.account('commission');
    await page.goto('/login');
    await login(page, admin.username, admin.password);
    await page.waitForURL((u) => u.pathname === '/commission');

    // 批量立项 of the two applications.
    const menu = page.getByRole('navigation', { name: '功能菜单' });
    await menu.getByRole('menuitem', { name: '立项审核' }).click();
    await page.getByRole('heading', { level: 1, name: '立项审核' }).waitFor();
    // 倾斜支持: 共性技术 marked, approved vs quota per direction.
    await page.getByTestId('quota-common').getByText('倾斜支持').waitFor();
    const preciseBefore = Number(/已立项 (\d+) 项/.exec((await page.getByTestId('quota-precise').textContent()) ?? '')![1]);
    for (const name of [HONGQIAO, NINGHE]) await page.getByLabel(`选择《${name}》`).check();
    await page.getByRole('button', { name: '批量立项' }).click();
    const confirmBulk = page.getByRole('dialog', { name: '确认批量立项（2 个项目）' });
    await confirmBulk.getByRole('button', { name: '确认立项' }).click();
    await page.getByText(/已批量立项 2 个项目/).waitFor();
    await page.getByTestId('quota-precise').getByText(`已立项 ${preciseBefore + 2} 项`, { exact: false }).waitFor();

    // Publish: the seeded version 1 exists, so this is a correction with its note.
    await menu.getByRole('menuitem', { name: '立项计划公布' }).click();
    await page.getByRole('heading', { level: 1, name: '立项计划公布' }).waitFor();
    await page.getByTestId('plan-versions').getByText('第1版').waitFor();
    await page.getByText(HONGQIAO).waitFor(); // in the preview
    await page.getByRole('button', { name: '发布更正版本' }).click();
    const form = page.getByRole('dialog', { name: '发布更正版本' });
    await form.getByRole('button', { name: '下一步' }).click();
    await form.getByText('请填写文号').waitFor();
    await form.getByLabel('文号').fill(DOC_NO);
    await form.getByLabel('更正说明').fill('补充列入第二批经审核立项的项目');
    await form.getByRole('button', { name: '下一步' }).click();
    const confirm = page.getByRole('dialog', { name: '发布更正版本（第2版）？' });
    await confirm.getByText('不可修改或撤回', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: '确认发布' }).click();
    await page.getByText('已发布更正版本（第2版）').waitFor();
    await page.getByTestId('plan-versions').getByText('已更正').waitFor();

    // The public: the list of the year, both versions, version 1 marked 已更正.
    const pub = (await b.open()).page;
    await pub.goto('/publications');
    await pub.getByRole('heading', { level: 1, name: '信息公开' }).waitFor();
    // The year also lists the 公示名单 and 认定结果 of 程序八; the plan's two versions are these.
    const items = pub.getByTestId('publication-item').filter({ hasText: '项目计划' });
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(1).getByTestId('corrected-mark').textContent()).toBe('已更正');
    await items.nth(0).getByRole('link').click();
    await pub.getByRole('heading', { level: 1, name: '2026年天津市质量攻关项目计划（第2版）' }).waitFor();
    expect(await pub.getByTestId('publication-meta').textContent()).toContain(DOC_NO);
    await pub.getByText('补充列入第二批经审核立项的项目', { exact: false }).waitFor();
    const rows = pub.locator('.ant-table-tbody tr.ant-table-row');
    await pub.getByRole('cell', { name: HONGQIAO }).waitFor();
    const total = await rows.count();
    expect(total).toBeGreaterThanOrEqual(3);

    // Filters and search.
    await pub.getByLabel('所在区').click();
    await pub.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="红桥区"]').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(HONGQIAO);
    await pub.getByLabel('所在区').press('Escape');
    await pub.locator('[data-testid="filter-district"] .ant-select-clear').click({ force: true });
    await expect.poll(() => rows.count()).toBe(total);
    await pub.getByLabel('搜索项目名称、承担单位或立项编号').fill('插秧机');
    await pub.getByLabel('搜索项目名称、承担单位或立项编号').press('Enter');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(NINGHE);

    // Downloads: the PDF read back, the Excel re-read.
    const pdf = await download(pub, '下载 PDF');
    expect(pdf.name).toBe('2026年天津市质量攻关项目计划（第2版）.pdf');
    const text = squash(pdfText(pdf.data));
    for (const s of [DOC_NO, HONGQIAO, NINGHE, '立项编号', '天津市市场监督管理委员会']) expect(text).toContain(squash(s));
    const xlsx = await download(pub, '下载 Excel');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0].eachRow((row, n) => n > 3 && names.push(String(row.getCell(3).value)));
    expect(names).toEqual(expect.arrayContaining([HONGQIAO, NINGHE]));
    expect(names).toHaveLength(total);

    // Version 1 stays, marked corrected, linking to version 2; it does not list the new projects.
    await pub.getByTestId('version-list').getByRole('link', { name: '第1版' }).click();
    await pub.getByRole('heading', { level: 1, name: '2026年天津市质量攻关项目计划' }).waitFor();
    await pub.getByTestId('corrected-notice').waitFor();
    await pub.getByText('降低光伏组件隐裂不良率').waitFor();
    expect(await pub.getByRole('cell', { name: HONGQIAO }).count()).toBe(0);
    await pub.getByTestId('corrected-notice').getByRole('link', { name: '第2版' }).click();
    await pub.getByRole('heading', { level: 1, name: '2026年天津市质量攻关项目计划（第2版）' }).waitFor();
  });

  it('reads a publication on a 390 px phone without sideways scrolling of the page', async () => {
    const { page } = await b.open();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/publications');
    await page.getByTestId('publication-item').filter({ hasText: '项目计划' }).first().getByRole('link').click();
    await page.getByText('降低光伏组件隐裂不良率').waitFor();
    await page.getByRole('link', { name: '下载 PDF' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
