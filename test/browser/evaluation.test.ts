/**
 * 成果评定 in a real browser (程序七). The harness server runs on the real clock, after the 2026
 * results deadline, so the demo seed (src/server/seed/evaluation.ts) has two 智能网联汽车 results
 * waiting for a group and a 协作机器人 group where every expert but demo_expert has scored
 * DEMO_EVALUATION_PROJECT. The commission forms and commits a group; demo_expert accepts its task,
 * declares no conflict, scores and submits; the commission concludes the project.
 */
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { DEFAULT_EVALUATION_CRITERIA } from '../../src/domain/evaluation';
import { DEMO_EVALUATION_FIELD, DEMO_EVALUATION_PROJECT } from '../../src/server/seed/evaluation';
import { useBrowser } from './fixtures';

const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

async function openMenu(page: Page, item: string) {
  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: item }).click();
}

describe('成果评定: 组建 → 专家评分 → 评定结论', () => {
  const b = useBrowser();

  it('the commission commits a group, demo_expert scores, the commission concludes', { timeout: 180_000 }, async () => {
    // 1. The commission draws a group for the field with waiting results and commits it.
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await openMenu(page, '成果评定');
    await page.getByRole('heading', { level: 1, name: '成果评定' }).waitFor();
    await page.getByLabel('评定领域').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: DEMO_EVALUATION_FIELD }).first().click();
    await page.getByLabel('评分截止日期').fill(inDays(14));
    await page.getByRole('button', { name: '抽取专家' }).click();
    await page.getByRole('heading', { level: 1, name: `${DEMO_EVALUATION_FIELD}评定组` }).waitFor();
    const seed = /本次抽取种子：(\S+)/.exec((await page.getByTestId('draw-seed').textContent()) ?? '')![1].replace(/系统只保存.*/, '');
    await page.getByLabel('复核抽取种子').fill(seed);
    await page.getByRole('button', { name: '复核' }).click();
    await page.getByText('与本组抽取种子一致').waitFor();
    await page.getByRole('button', { name: '确认评定组' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('已确认', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '确认评定组' }).waitFor({ state: 'detached' });

    // 2. demo_expert accepts, declares no conflict, reads the materials, scores and submits.
    const ex = await b.open();
    await b.signIn(ex.page, 'expert');
    await openMenu(ex.page, '评定任务');
    await ex.page.getByRole('heading', { level: 1, name: '我的评定任务' }).waitFor();
    await ex.page.getByRole('link', { name: DEMO_EVALUATION_PROJECT }).click();
    await ex.page.getByRole('button', { name: '接受任务' }).click();
    await ex.page.getByText(/本人承诺/).click();
    await ex.page.getByRole('button', { name: '提交回避声明' }).click();
    await ex.page.getByText('成果材料（保密）').waitFor();
    for (const item of DEFAULT_EVALUATION_CRITERIA.sections.flatMap((s) => s.items)) {
      await ex.page.getByLabel(`${item.label}得分（0至${item.max}分）`).fill(String(Math.round(item.max * 0.9)));
    }
    await ex.page.getByLabel('评定意见').fill('成果选题聚焦关节模组装配一致性问题，要因分析有数据支撑，对策实施到位，效果稳定，具备推广价值。');
    await ex.page.getByRole('button', { name: '提交评分' }).click();
    await ex.page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await ex.page.getByText(/评分已于.*提交，不能修改/).waitFor();

    // 3. The commission sees every score of the project and concludes it.
    await openMenu(page, '成果评定');
    await page.getByRole('link', { name: '协作机器人评定组' }).click();
    const card = page.getByTestId('evaluation-project').filter({ hasText: DEMO_EVALUATION_PROJECT });
    await card.getByText('汇总得分（去掉最高最低分）').waitFor();
    await card.getByLabel('评定组意见').fill('评定组认为成果达到良好以上水平，攻关过程规范。');
    await card.getByRole('button', { name: '得出评定结论' }).click();
    await card.getByText('评定等级').waitFor();
  });
});
