import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { pickFirstOption } from './harness';

describe('commission pages', () => {
  const b = useBrowser();


  it('home shows the live 年度工作概况 (the demo has submitted projects)', { timeout: 60_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    const card = page.locator('.ant-card').filter({ has: page.getByText('年度工作概况') });
    await card.waitFor();
    const applied = card.locator('.ant-statistic').filter({ hasText: '申报项目' }).locator('.ant-statistic-content-value');
    await expect.poll(async () => Number((await applied.textContent())?.replace(/\D/g, '') || 0), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('edits the campaign with an optimistic version; a stale save shows 已被他人修改', { timeout: 180_000 }, async () => {
    const a = await b.open();
    const other = await b.open();
    await b.signIn(a.page, 'commission');
    await b.signIn(other.page, 'commission');
    for (const p of [a.page, other.page]) {
      await p.goto('/commission/campaign');
      await p.getByRole('heading', { level: 1, name: '年度活动配置' }).waitFor();
      await p.getByLabel('活动标题').waitFor();
    }
    const title = await a.page.getByLabel('活动标题').inputValue();
    expect(title).toContain('质量攻关');
    // Window times are shown in Beijing time although the browser runs in New York time.
    expect(await a.page.locator('#campaign-config_windows_application_closesAt').inputValue()).toBe('2026-04-20 23:59:59');

    // First editor saves.
    await a.page.getByLabel('活动标题').fill(`${title}（修订）`);
    await a.page.getByRole('button', { name: '保存配置' }).click();
    await a.page.getByText('年度活动配置已保存').waitFor();

    // Second editor still holds the old version.
    await other.page.getByLabel('新增产业链').fill('低空经济');
    await other.page.getByRole('button', { name: '添加产业链' }).click();
    await other.page.getByRole('button', { name: '保存配置' }).click();
    await other.page.getByTestId('stale-version').getByText('已被他人修改', { exact: true }).waitFor();
    await other.page.getByRole('button', { name: '加载最新配置' }).click();
    await expect.poll(() => other.page.getByLabel('活动标题').inputValue(), { timeout: 15_000 }).toBe(`${title}（修订）`);
    // The edit made meanwhile is offered back.
    await other.page.getByTestId('draft-restore-prompt').waitFor();
  });

  it('opens a 补报窗口 for a recommender and shows it in the list', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await page.goto('/commission/campaign');
    await page.getByRole('heading', { level: 1, name: '年度活动配置' }).waitFor();
    await page.getByRole('heading', { name: '开通补报窗口' }).waitFor();
    const org = await pickFirstOption(page, '推荐单位');
    await page.getByLabel('补报截止时间（北京时间）').fill('2026-12-31 18:00:00');
    await page.getByLabel('补报截止时间（北京时间）').press('Enter');
    const reason = `浏览器测试开通补报 ${Date.now().toString(36)}`;
    await page.getByLabel('开通原因').fill(reason);
    await page.getByRole('button', { name: '开通补报窗口' }).click();
    await page.getByText('补报窗口已开通').waitFor();
    const row = page.getByRole('row', { name: new RegExp(reason) });
    await row.waitFor();
    expect(await row.textContent()).toContain('2026-12-31 18:00');
    expect(org.length).toBeGreaterThan(0);
  });

  it('lists the audit log and verifies the hash chain', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await page.getByText(/共 \d+ 条/).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: '校验哈希链' }).click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('哈希链校验通过');
    const href = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    expect(href).toContain('/api/audit/export.xlsx');
  });

  it('browses the 历年成果库 and offers the import template', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await page.goto('/commission/history');
    await page.getByRole('heading', { level: 1, name: '历年成果库' }).waitFor();
    // The demo seeds 300 synthetic earlier-year results.
    await page.getByText('共 300 条').waitFor();
    await page.getByLabel('年度').fill('2019');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(async () => (await page.getByRole('row').allTextContents()).slice(1).every((t) => t.startsWith('2019'))).toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载导入模板' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });
});
