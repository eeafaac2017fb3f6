/**
 * 提交成果 in a real browser (issue 18): the unit fills and submits the result of its
 * approved project (report sections, full text, benefit with before/after, team), its recommender
 * returns it once with a per-field comment, the unit sees the comment and resubmits, the recommender
 * accepts it and forwards the batch with the stamped letter; the commission refuses a return with a
 * too-short reason and receives (签收) the batch.
 *
 * The unit is 天津绿源生物制造有限公司 (app_011, same demo password), whose recommender is the 滨海新区 bureau.
 * The harness server runs on the real clock: after 2026-09-30 the demo seed has opened a 补报窗口
 * (results) for the 滨海新区 bureau (demo_recommender), which lets the submit and the forward through.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './fixtures';
import { login } from './harness';
import { DEMO_RESULT_PROJECT } from '../../src/server/seed/results-experts';
import { tinyPdf } from '../support/tiny-pdf';

/** The approved demo project of 天津绿源生物制造有限公司 (滨海新区, account app_011), src/server/seed/results-experts.ts. */
const PROJECT = DEMO_RESULT_PROJECT;
const UNIT_USER = 'app_011';

async function openMenu(page: Page, item: string) {
  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: item }).click();
}

describe('提交成果 → 退回 → 审核通过 → 报送', () => {
  const b = useBrowser();

  it('the unit submits, the recommender returns once, accepts and forwards', { timeout: 240_000 }, async () => {
    const applicant = b.account('applicant');
    const recommender = b.account('recommender');

    // 1. The unit submits its result.
    const { page } = await b.open();
    await login(page, UNIT_USER, applicant.password);
    await page.waitForURL((u) => u.pathname === '/applicant');
    await openMenu(page, '成果提交');
    await page.getByRole('heading', { level: 1, name: '成果提交' }).waitFor();
    await page.getByRole('link', { name: PROJECT }).first().click();
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    await page.getByLabel('成果概述').fill('针对关节减速器传动误差随运行时间增大的问题开展攻关，已完成全部攻关任务。');
    await page.getByLabel('攻关的质量问题').fill('减速器运行2000小时后传动误差超过1弧分。');
    await page.getByLabel('主要措施与技术路线').fill('齿面修形与装配预紧力协同优化，DOE确定关键参数，SPC监控装配过程。');
    await page.getByLabel('取得的成效').fill('传动误差稳定在0.6弧分以内。');
    await page.getByLabel('创新点与推广价值').fill('形成企业标准1项。');
    await page.getByTestId('report-upload').locator('input[type="file"]').setInputFiles({ name: '成果报告全文.pdf', mimeType: 'application/pdf', buffer: tinyPdf('report') });
    await page.getByText('成果报告全文.pdf').waitFor();
    await page.getByLabel('效益说明').first().fill('一次装配合格率提升');
    await page.getByLabel('对应实施方案指标').first().fill('一次装配合格率');
    await page.getByLabel('攻关前').first().fill('92.1%');
    await page.getByLabel('攻关后').first().fill('98.7%');
    await page.getByLabel('姓名', { exact: true }).first().fill('韩立新');
    await page.getByLabel('分工', { exact: true }).first().fill('项目负责人');
    await page.getByLabel('工作单位', { exact: true }).first().fill('天津绿源生物制造有限公司');
    await page.getByRole('button', { name: '提交成果' }).click();
    await page.getByText('成果已提交推荐单位审核').waitFor();

    // 2. The recommender returns it once with a comment on 取得的成效.
    const rec = await b.open();
    await login(rec.page, recommender.username, recommender.password);
    await rec.page.waitForURL((u) => u.pathname === '/recommender');
    await openMenu(rec.page, '成果报送');
    await rec.page.getByRole('heading', { level: 1, name: '成果审核与报送' }).waitFor();
    await rec.page.getByRole('link', { name: PROJECT }).first().click();
    await rec.page.getByRole('button', { name: '退回补正' }).click();
    const dialog = rec.page.getByRole('dialog', { name: '退回成果' });
    await dialog.getByLabel('退回理由').fill('成效描述不够具体');
    await dialog.getByLabel('取得的成效').fill('请补充攻关前后传动误差的对比数据');
    await dialog.getByRole('button', { name: '退回' }).click();
    await rec.page.getByText('已退回项目单位补正').waitFor();

    // 3. The unit sees the comment and resubmits.
    await page.reload();
    await page.getByText('推荐单位退回：成效描述不够具体').waitFor();
    await page.getByText('推荐单位意见：请补充攻关前后传动误差的对比数据').waitFor();
    await page.getByLabel('取得的成效').fill('传动误差由1.2弧分降至0.6弧分以内，连续三个月稳定。');
    await page.getByRole('button', { name: '提交成果' }).click();
    await page.getByText('成果已提交推荐单位审核').waitFor();

    // 4. The recommender accepts it and forwards the batch with the stamped letter.
    await rec.page.reload();
    await rec.page.getByText('传动误差由1.2弧分降至0.6弧分以内').waitFor();
    await rec.page.getByRole('button', { name: '审核通过' }).click();
    await rec.page.waitForURL((u) => u.pathname === '/recommender/results');
    await rec.page.getByText('已审核通过，待报送').first().waitFor();
    await rec.page.getByLabel('联系人').fill('周建华');
    await rec.page.getByLabel('联系电话').fill('022-66881234');
    await rec.page.getByTestId('stamped-upload').locator('input[type="file"]').setInputFiles({ name: '成果报送函（盖章）.pdf', mimeType: 'application/pdf', buffer: tinyPdf('stamped') });
    await rec.page.getByText('成果报送函（盖章）.pdf').waitFor();
    await rec.page.getByRole('button', { name: '报送成果' }).click();
    await rec.page.getByText(/已报送市市场监管委：\d+项成果/).waitFor();
    await rec.page.getByText('已报送批次').waitFor();
    await rec.page.getByRole('row', { name: new RegExp(PROJECT) }).getByText('成果已报送').waitFor();
    expect(await rec.page.getByRole('link', { name: 'Excel' }).count()).toBeGreaterThan(0);

    // 5. The commission opens the batch: a return with a too-short reason is refused by name, then it receives (签收) it.
    const com = await b.open();
    await b.signIn(com.page, 'commission');
    await openMenu(com.page, '成果接收');
    await com.page.getByRole('heading', { level: 1, name: '成果接收' }).waitFor();
    await com.page.getByRole('link', { name: /^签收：.*的成果批次$/ }).first().click();
    await com.page.getByRole('heading', { level: 1, name: /^成果批次：/ }).waitFor();
    await com.page.getByTestId('result-batch-projects').getByText(PROJECT).waitFor();
    await com.page.getByRole('button', { name: '整批退回' }).click();
    const giveBack = com.page.getByRole('dialog', { name: /^整批退回：/ });
    await giveBack.getByLabel('退回原因').fill('不全');
    await giveBack.getByRole('button', { name: '确认退回' }).click();
    await giveBack.locator('.ant-form-item-explain-error').filter({ hasText: '退回原因至少4个字' }).waitFor();
    expect(await giveBack.getByLabel('退回原因').inputValue()).toBe('不全');
    await giveBack.getByRole('button', { name: '取消' }).click();
    await com.page.getByRole('button', { name: '签收' }).click();
    await com.page.getByRole('dialog', { name: '确认签收该成果批次' }).getByRole('button', { name: '确认签收' }).click();
    await com.page.getByText('已签收该成果批次').waitFor();
    // The page reloads the batch: received, so no 签收 button any more.
    await expect.poll(() => com.page.getByRole('button', { name: '签收', exact: true }).count(), { timeout: 10_000 }).toBe(0);
    await com.page.getByText('签收时间').waitFor();
  });
});
