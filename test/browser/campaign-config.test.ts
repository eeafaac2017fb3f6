/**
 * The commission edits the 2027 draft's 雷同检查 synonym table (a word already in another group is
 * refused, naming both groups) and saves it; a criteria item changed so the items total 95 is refused
 * at the field; the 2026 criteria are read-only once a group is committed. Edits the 2027 draft: the browser server is shared by every test file.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';

describe('campaign configuration: synonym table and evaluation criteria', () => {
  const b = useBrowser();

  it('adds a synonym group, is refused a duplicate word, saves; is refused criteria totalling 95', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await page.goto('/commission/campaign');
    await page.getByLabel('活动标题').waitFor();
    await page.getByLabel('选择年度').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '2027 年度（草稿）' }).first().click();
    await page.waitForFunction(() => (document.querySelector('#campaign-config_title') as HTMLInputElement | null)?.value.includes('2027'), undefined, { timeout: 15_000 });

    await page.getByText('保存后雷同检查将按新同义词表重新计算（下次检查时重建索引）').waitFor();
    await page.getByRole('button', { name: '添加同义词组' }).click();
    const input = page.getByLabel(/^向第\d+组添加词语$/).last();
    await input.fill('质量提升、提高');
    await input.press('Enter');
    await page.getByText(/第\d+组（质量提升）中的“提高”已在第1组（提高）中，同一个词只能属于一个同义词组/).waitFor();
    await page.getByRole('button', { name: /^从第\d+组删除“提高”$/ }).last().click();
    await input.fill('品质提升');
    await input.press('Enter');
    await page.getByText(/已在第1组（提高）中/).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '保存配置' }).click();
    await page.getByText('年度活动配置已保存').waitFor();

    await page.getByLabel('第1部分评分项1满分').fill('5');
    await page.getByText('评分项满分合计应为100分，当前为95分').waitFor();
    await page.getByTestId('criteria-total').getByText('95 分（应为100分）').waitFor();

    // 2026 has committed evaluation groups (the server runs on today's date): criteria read-only, with the reason.
    await page.getByLabel('选择年度').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '2026 年度' }).first().click();
    await page.getByTestId('criteria-locked').getByText(/成果评定组确认抽取结果，专家已按现行评定指标评分/).waitFor();
    expect(await page.getByLabel('第1部分评分项1满分').isDisabled()).toBe(true);
  });
});
