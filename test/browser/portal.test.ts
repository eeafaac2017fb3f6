import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';

const BUDGET_GZIP = 300 * 1024;

describe('public portal', () => {
  const b = useBrowser();

  it('renders the current campaign without login', async () => {
    const { page, jsGzipBytes } = await b.open();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: '天津市质量攻关管理平台' }).waitFor();
    await page.getByText('2026年天津市质量攻关工作方案').first().waitFor();
    await page.getByText('津市场监管质发〔2026〕2号').first().waitFor();

    // Directions, with the preferred badge on 共性技术攻关 only.
    const badge = page.getByTestId('preferred-badge');
    expect(await badge.count()).toBe(1);
    expect(await badge.textContent()).toBe('倾斜支持');
    const commonCard = page.locator('.gg-direction-card', { hasText: '质量共性技术攻关' });
    expect(await commonCard.getByTestId('preferred-badge').count()).toBe(1);
    expect(await page.locator('.gg-direction-card', { hasText: '质量精准提升攻关' }).getByTestId('preferred-badge').count()).toBe(0);

    // Focus chains and key dates in Beijing time (the browser runs in New York time on purpose).
    for (const chain of ['脑机接口', '协作机器人', '车用燃料']) await page.getByTestId('focus-chains').getByText(chain).waitFor();
    const app = await page.getByTestId('keydate-application').textContent();
    expect(app).toContain('2026年4月20日 23:59');
    const res = await page.getByTestId('keydate-results').textContent();
    expect(res).toContain('2026年9月30日 23:59');
    expect(await page.getByTestId('server-time').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    // The nine procedures, the public sections and the contact.
    for (const p of ['项目申报', '立项审核', '宣贯培训', '项目实施', '跟踪服务', '提交成果', '成果评定', '公示公布', '宣传推广']) {
      expect(await page.locator('.gg-procedure-grid .gg-procedure-title', { hasText: p }).count()).toBe(1);
    }
    // 公示 and 优秀成果 from the demo seed (src/server/seed/publicity.ts): the open 第三批 公示, the approved showcase.
    const publicity = page.getByTestId('disclosure-publicity');
    await publicity.getByRole('link', { name: '2026年度天津市质量攻关优秀成果公示（第三批）' }).waitFor();
    expect(await publicity.getByRole('link').count()).toBeGreaterThan(0);
    expect(await publicity.getByText('受理异议中').count()).toBeGreaterThan(0);
    const excellent = page.getByTestId('disclosure-excellent');
    await excellent.getByTestId('excellent-item').first().waitFor();
    expect(await excellent.getByTestId('excellent-item').count()).toBeGreaterThan(0);
    // 立项计划公布 lists the published plan (the demo seed publishes version 1), linking to its rows.
    const plan = page.getByTestId('disclosure-plan');
    await plan.getByRole('link', { name: /^2026年天津市质量攻关项目计划/ }).first().waitFor();
    expect(await plan.getByTestId('corrected-mark').count()).toBe(0);
    await page.getByText('scjgzlfzc@tj.gov.cn').waitFor();
    expect(await page.getByRole('link', { name: '登录', exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: '申报单位注册' }).count()).toBeGreaterThan(0);

    await page.waitForLoadState('networkidle');
    expect(await jsGzipBytes()).toBeLessThan(BUDGET_GZIP);
  });

  it('opens the published plan from the portal: real rows, searchable', async () => {
    const { page } = await b.open();
    await page.goto('/');
    await page.getByTestId('disclosure-plan').getByRole('link', { name: /^2026年天津市质量攻关项目计划/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /^2026年天津市质量攻关项目计划/ }).waitFor();
    // Approved demo projects (src/server/seed/projects.ts) with their 立项编号.
    await page.getByRole('cell', { name: '降低光伏组件隐裂不良率' }).waitFor();
    await page.getByRole('cell', { name: '降低电动自行车控制器早期失效率' }).waitFor();
    expect(await page.getByRole('cell', { name: /^TJZLGG-2026-\d{4}$/ }).count()).toBeGreaterThanOrEqual(2);
    await page.getByLabel('搜索项目名称、承担单位或立项编号').fill('光伏');
    await page.getByLabel('搜索项目名称、承担单位或立项编号').press('Enter');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
  });

  it('keeps the login page light and links to the registration page', async () => {
    const { page, jsGzipBytes, jsFiles } = await b.open();
    await page.goto('/login');
    await page.getByRole('heading', { name: '用户登录' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await jsGzipBytes()).toBeLessThan(BUDGET_GZIP);
    // No role app is loaded before login.
    expect(jsFiles().filter((f) => /CommissionApp|AccountsPage|CampaignConfigPage|AuditPage|echarts/.test(f))).toEqual([]);

    await page.getByRole('link', { name: '申报单位注册' }).first().click();
    await page.getByRole('heading', { name: '申报单位注册' }).first().waitFor();
  });

  it('shows a Chinese 404 page and moves focus to the new page on navigation', async () => {
    const { page } = await b.open();
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: '404 页面不存在' }).waitFor();
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.getByRole('heading', { level: 1, name: '天津市质量攻关管理平台' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.title()).toBe('天津市质量攻关管理平台');
  });
});
