/**
 * 公示公布 → 宣传推广 in the browser, kept short: the commission opens a 公示 for the demo's remaining
 * candidate; a visitor files an objection on a 390 px phone (on the demo's open 公示); the commission concludes it, publishes
 * the 认定结果 of the 公示 whose period is over (第二批 in the demo seed), approves its showcase entry,
 * and the portal shows it under 优秀成果.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';

const TITLE = '2026年度天津市质量攻关优秀成果公示（第四批）';
const OBJECTOR = '孙立新';
const OPEN_NOW = '2026年度天津市质量攻关优秀成果公示（第三批）';

describe('公示公布 and 优秀成果', () => {
  const b = useBrowser();

  it('opens a 公示, takes an objection from a phone, concludes it, publishes, and the portal shows the result', { timeout: 240_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '公示公布' }).click();
    await page.getByRole('heading', { level: 1, name: '公示公布' }).waitFor();

    // The candidate proposed by its group is preselected; open the 公示 today.
    const candidates = page.getByTestId('publicity-candidates');
    await candidates.getByRole('button', { name: /发布公示（1 项/ }).waitFor();
    await candidates.getByLabel('公示标题').fill(TITLE);
    await candidates.getByLabel('文号').fill('津市场监管质发〔2026〕40号');
    await candidates.getByRole('button', { name: /发布公示/ }).click();
    await page.getByText(/公示已发布：/).waitFor();
    await page.getByTestId('publicity-windows').getByText(TITLE).waitFor();

    // A visitor on a phone files a named objection from the portal, on the 公示 open now (第三批 in
    // the demo; the one just opened starts on the next working day when today is not one).
    const phone = await b.open();
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await phone.page.goto('/');
    await phone.page.getByTestId('disclosure-publicity').getByRole('link', { name: OPEN_NOW }).click();
    await phone.page.getByRole('heading', { level: 1, name: OPEN_NOW }).waitFor();
    await phone.page.getByLabel('异议针对的项目').click();
    await phone.page.locator('.ant-select-item-option').first().click();
    await phone.page.getByLabel('姓名或单位名称（须实名，匿名不予受理）').fill(OBJECTOR);
    await phone.page.getByLabel('联系电话').fill('13920006789');
    await phone.page.getByLabel(/异议内容/).fill('该项目成果报告所述的不良率下降幅度与企业年报披露数据不一致，请核实。');
    await phone.page.getByRole('button', { name: '提交异议' }).click();
    await phone.page.getByTestId('objection-receipt').getByText(/异议已受理（受理编号/).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await phone.page.content()).not.toContain(OBJECTOR);

    // The commission concludes it (identity visible here only).
    await page.reload();
    const row = page.getByTestId('objections').locator('tr', { hasText: OBJECTOR });
    await row.getByRole('button', { name: '办结' }).click();
    const dialog = page.getByRole('dialog', { name: '异议处理结论' });
    await dialog.getByLabel('异议不成立').check();
    await dialog.getByLabel('答复意见').fill('经调取企业质量月报和检测报告核实，成果数据真实，异议不成立。');
    await dialog.getByRole('button', { name: '确 定' }).or(dialog.getByRole('button', { name: '确定' })).click();
    await page.getByText('异议已办结').waitFor();
    await expect.poll(() => row.textContent()).toContain('异议不成立');

    // 公布 the 公示 whose period is over, then approve its showcase entry.
    const waiting = page.getByTestId('publicity-windows').locator('tr', { hasText: '（第二批）' });
    await waiting.getByRole('button', { name: '公布认定结果' }).click();
    const pub = page.getByRole('dialog', { name: '公布认定结果' });
    await pub.getByLabel('文号').fill('津市场监管质发〔2026〕41号');
    await pub.getByRole('button', { name: /确认公布/ }).click();
    await page.getByText('认定结果已公布，相关项目已认定为优秀成果').waitFor();
    const draft = page.getByTestId('showcase-entries').locator('tr', { hasText: '待完善' }).first();
    const title = (await draft.locator('td').first().textContent())!.trim();
    await draft.getByRole('button', { name: '审核公开' }).click();
    await page.getByText(/已审核通过/).waitFor();

    // The portal shows it under 优秀成果 and opens its page.
    await phone.page.goto('/excellent');
    await phone.page.getByRole('link', { name: title }).click();
    await phone.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await phone.page.getByText('效益亮点').waitFor();
  });
});
