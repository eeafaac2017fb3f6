/**
 * 程序一 项目申报, applicant side, through the browser: self-registration with the live credit-code
 * check, a new 申报书 filled across the steps (autosave), two required attachments uploaded, the
 * server checklist, submit → 待推荐单位审核, withdraw, export Word.
 *
 * Clock: the harness runs the real server with the real clock (after the 2026-04-20 deadline); the
 * demo seed then opens a 补报窗口 for the 滨海新区 bureau, so the applicant registered here uses a
 * 滨海新区 code (division 120116) and its default recommender is that bureau.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateUscc } from '../../src/domain/uscc';
import { useBrowser } from './fixtures';
import { login, pickFirstOption } from './harness';
import { tinyPdf } from '../support/tiny-pdf';

const stamp = Date.now().toString(36);
const seed = Date.now() % 2_000_000_000;
const USCC = generateUscc({ divisionCode: '120116', seed });
const ORG = `天津滨海智联精密传动科技有限公司${stamp.slice(-4)}`;
const USERNAME = `hb_applicant_${stamp}`;
const PASSWORD = 'Haihe#Quality2026';
const PROJECT = '协作机器人减速器装配一次合格率提升';
let appPath = '';

/** A character that makes the code wrong at position `pos` (1-based). */
function corrupt(code: string, pos: number): string {
  const c = code[pos - 1];
  const other = c === '0' ? '1' : '0';
  return code.slice(0, pos - 1) + other + code.slice(pos);
}

/** GG_SHOTS=dir saves full-page screenshots for a visual review. */
async function shot(page: Page, name: string) {
  if (process.env.GG_SHOTS) await page.screenshot({ path: `${process.env.GG_SHOTS}/${name}.png`, fullPage: true });
}

async function waitSaved(page: Page) {
  await expect.poll(async () => (await page.getByTestId('save-status').textContent()) ?? '', { timeout: 15_000 }).toMatch(/已自动保存 \d{2}:\d{2}:\d{2}/);
}

async function nextStep(page: Page, title: string) {
  await page.getByRole('button', { name: new RegExp(`下一步：${title}`) }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(title) }).waitFor();
}

async function fillDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}

describe('applicant: registration and the 申报书', () => {
  const b = useBrowser();

  it('registers a Tianjin unit with the live credit-code check and lands logged in', async () => {
    const { page } = await b.open();
    await page.goto('/register');
    await page.getByRole('heading', { level: 1, name: '申报单位注册' }).waitFor();

    // A wrong check character: the live check names the position.
    const uscc = page.getByLabel('统一社会信用代码');
    await uscc.fill(corrupt(USCC, 18));
    const status = page.getByTestId('uscc-status');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 10_000 }).toContain('第18位');
    expect(await status.locator('.gg-bad').count()).toBe(1);

    // The right code: valid, 滨海新区, its bureau as default recommender.
    await uscc.fill(USCC);
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 10_000 }).toContain('滨海新区');
    expect(await status.textContent()).toContain('代码有效');

    await page.getByLabel('单位名称').fill(ORG);
    await page.getByLabel('注册地址').fill('天津市滨海新区经济技术开发区第三大街51号');
    await page.getByLabel('单位联系人').fill('韩晓东');
    await page.getByLabel('单位联系电话').fill('022-66298888');
    await expect.poll(async () => (await page.locator('.ant-form-item').filter({ hasText: '推荐单位' }).locator('.ant-select-content, .ant-select-selection-item').first().textContent()) ?? '').toContain('滨海新区');

    await page.getByLabel('用户名').fill(USERNAME);
    await page.getByLabel('姓名', { exact: true }).fill('韩晓东');
    await page.getByLabel('手机号码').fill('13820221234');
    await page.getByLabel('电子邮箱').fill('hanxd@example.com');
    // Live password rules.
    await page.getByLabel('密码', { exact: true }).fill('short');
    expect(await page.getByTestId('password-rules').locator('.gg-ok').count()).toBeLessThan(4);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await expect.poll(() => page.getByTestId('password-rules').locator('.gg-ok').count()).toBe(4);
    await page.getByLabel('确认密码').fill(PASSWORD);

    await shot(page, '01-register');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL((u) => u.pathname === '/applicant', { timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: '申报单位工作台' }).waitFor();
    expect(await page.getByTestId('header-org').textContent()).toBe(ORG);
  });

  it('refuses a second registration with the same code and keeps what was typed', async () => {
    const { page } = await b.open();
    await page.goto('/register');
    await page.getByLabel('统一社会信用代码').fill(USCC);
    await page.getByLabel('单位名称').fill('天津滨海重复注册测试有限公司');
    await page.getByLabel('注册地址').fill('天津市滨海新区黄海路19号');
    await page.getByLabel('单位联系人').fill('李娜');
    await page.getByLabel('单位联系电话').fill('13920001111');
    await page.getByLabel('用户名').fill(`${USERNAME}_2`);
    await page.getByLabel('姓名', { exact: true }).fill('李娜');
    await page.getByLabel('手机号码').fill('13920001111');
    await page.getByLabel('电子邮箱').fill('lina@example.com');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('确认密码').fill(PASSWORD);
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByTestId('register-error').waitFor();
    // The server's message under the field; nothing typed is lost.
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '已有单位注册' }).first().waitFor();
    expect(await page.getByLabel('单位名称').inputValue()).toBe('天津滨海重复注册测试有限公司');
    expect(await page.getByLabel('电子邮箱').inputValue()).toBe('lina@example.com');
    expect(new URL(page.url()).pathname).toBe('/register');
  });

  it('creates, fills, checks, submits, withdraws and exports a 申报书', { timeout: 240_000 }, async () => {
    const { page } = await b.open();
    await login(page, USERNAME, PASSWORD);
    await page.waitForURL((u) => u.pathname === '/applicant');

    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '项目申报' }).click();
    await page.getByRole('heading', { level: 1, name: '我的申报' }).waitFor();
    await page.getByRole('button', { name: '新建申报' }).click();
    await page.waitForURL((u) => /^\/applicant\/applications\/[0-9a-f-]{36}$/.test(u.pathname));
    const appUrl = new URL(page.url()).pathname;
    appPath = appUrl;

    // 1 单位基本情况 — registration data is prefilled.
    await page.getByRole('heading', { level: 2, name: /单位基本情况/ }).waitFor();
    expect(await page.getByLabel('单位名称').inputValue()).toBe(ORG);
    expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe(USCC);
    await page.getByLabel('质量负责人姓名').fill('王立群');
    await page.getByLabel('项目负责人姓名').fill('韩晓东');
    await page.getByLabel('项目负责人联系电话').fill('13820221234');
    await waitSaved(page);

    // 2 项目基本情况
    await nextStep(page, '项目基本情况');
    await page.getByLabel('项目名称').fill(PROJECT);
    await page.getByTestId('naming-ok').or(page.getByTestId('naming-hints')).first().waitFor();
    await page.getByRole('radio', { name: /质量精准提升攻关/ }).check();
    await page.getByRole('checkbox', { name: '缺陷预防' }).check();
    await page.getByRole('checkbox', { name: '工艺参数优化' }).check();
    await pickFirstOption(page, '所属重点产业链');
    await page.getByRole('checkbox', { name: '提质增效' }).check();
    await fillDate(page, '项目开始日期', '2025-03-01');
    await fillDate(page, '项目计划完成日期', '2026-12-31');
    await waitSaved(page);
    await shot(page, '02-project');

    // 3 项目内容
    await nextStep(page, '项目内容');
    await page.getByLabel('立项背景与质量问题描述').fill('协作机器人关节减速器装配过程中齿隙一致性差，2024年装配一次合格率仅为92.5%，返修工时占比达到11%，影响整机交付。');
    await page.getByRole('button', { name: '添加指标' }).click();
    await page.getByLabel('指标名称').fill('减速器装配一次合格率');
    await page.getByLabel('单位', { exact: true }).fill('%');
    await page.getByLabel('现状值').fill('92.5');
    await page.getByLabel('目标值').fill('98');
    await page.getByLabel('技术路线与实施方案').fill('建立齿隙在线检测与选配模型，优化预紧力工艺参数，应用SPC监控关键尺寸，形成装配作业标准。');
    await page.getByRole('button', { name: '添加质量工具方法“PDCA循环”' }).click();
    await page.getByRole('button', { name: '添加质量工具方法“SPC统计过程控制”' }).click();
    await waitSaved(page);

    // 4 项目组成员 — the ID number is masked when the field is left.
    await nextStep(page, '项目组成员');
    await page.getByRole('button', { name: '添加成员' }).click();
    await page.getByLabel('成员姓名').fill('韩晓东');
    await page.getByLabel('身份证号').fill('120107198803150216');
    await page.getByLabel('成员姓名').click();
    expect(await page.getByLabel('身份证号').inputValue()).toBe('1201**********0216');

    // 6 预期效益
    await nextStep(page, '联合体');
    await nextStep(page, '预期效益与已有基础');
    await page.getByLabel('提质增效的预期成效').fill('减速器装配一次合格率由92.5%提升至98%，年减少返修工时1200小时');
    await nextStep(page, '质量基础设施');

    // 8 附件 — the two required attachments, with progress.
    await nextStep(page, '附件');
    const required = page.getByTestId('required-attachments');
    await page.getByLabel('选择附件文件').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: tinyPdf('营业执照') });
    await page.getByRole('link', { name: /营业执照\.pdf/ }).waitFor({ timeout: 20_000 });
    await page.getByLabel('选择附件文件').setInputFiles({ name: '承诺书盖章扫描件.pdf', mimeType: 'application/pdf', buffer: tinyPdf('承诺书') });
    await page.getByRole('link', { name: /承诺书盖章扫描件\.pdf/ }).waitFor({ timeout: 20_000 });
    expect(await required.textContent()).not.toContain('未上传');
    await waitSaved(page);
    await shot(page, '03-attachments');

    // 9 承诺与否决事项
    await nextStep(page, '承诺与否决事项');
    await page.getByRole('checkbox', { name: '本单位已阅读并同意上述承诺' }).check();
    await page.getByLabel('承诺人').fill('韩晓东');
    const vetoes = page.getByRole('checkbox', { name: /^本单位确认：/ });
    const n = await vetoes.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await vetoes.nth(i).check();
    await waitSaved(page);

    // 10 检查与提交 — the server's checklist.
    await nextStep(page, '检查与提交');
    const summary = page.getByTestId('check-summary');
    await summary.waitFor({ timeout: 30_000 });
    const summaryText = (await summary.textContent()) ?? '';
    const issues = (await page.getByTestId('field-issues').textContent().catch(() => '')) ?? '';
    expect(summaryText, `check failed: ${summaryText} ${issues}`).toContain('检查通过');
    expect(await page.getByTestId('eligibility').locator('[data-status="fail"]').count()).toBe(0);
    await shot(page, '04-check');

    await page.getByRole('button', { name: '提交推荐单位审核' }).click();
    const confirm = page.getByRole('dialog', { name: '确认提交申报书' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('滨海新区');
    await confirm.getByRole('button', { name: '确认提交' }).click();
    await expect.poll(async () => (await page.getByTestId('application-state').first().textContent()) ?? '', { timeout: 20_000 }).toBe('待推荐单位审核');
    await page.getByTestId('next-step').waitFor();
    await page.getByText(/申报编号：/).waitFor();
    await shot(page, '05-submitted');

    // Read-only: no step editor; the ID number stays masked.
    expect(await page.getByRole('navigation', { name: '申报书填写步骤' }).count()).toBe(0);
    await page.getByText('1201**********0216').waitFor();
    expect(await page.locator('#main-content').textContent()).not.toContain('120107198803150216');

    // Export Word: a download with the .docx name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Word/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);

    // Withdraw (with confirmation).
    await page.getByRole('button', { name: '撤回申报' }).click();
    const w = page.getByRole('dialog', { name: '确认撤回申报书' });
    await w.getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(async () => (await page.getByTestId('application-state').first().textContent()) ?? '', { timeout: 20_000 }).toBe('已撤回');
    await page.getByRole('button', { name: '重新编辑' }).waitFor();

    // Version history: the submitted version is viewable read-only.
    await page.getByRole('button', { name: /版本记录/ }).click();
    await page.getByRole('button', { name: '查看第1版' }).click();
    const version = page.getByRole('dialog', { name: /第 1 版申报书/ });
    await version.getByText(PROJECT).first().waitFor();
    await version.getByRole('button', { name: '关闭' }).last().click();

    // The list finds it by name with its state.
    await page.goto('/applicant/applications');
    await page.getByLabel('搜索关键词').fill('减速器');
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row', { name: new RegExp(PROJECT) });
    await row.waitFor();
    expect(await row.getByTestId('application-state').textContent()).toBe('已撤回');
    await row.getByRole('link', { name: PROJECT }).click();
    await page.waitForURL((u) => u.pathname === appUrl);
  });

  it('shows a return with per-field comments, and merges a concurrent edit from another window', { timeout: 240_000 }, async () => {
    expect(appPath, 'the previous test created the application').not.toBe('');
    const id = appPath.split('/').at(-1)!;
    const { page } = await b.open();
    await login(page, USERNAME, PASSWORD);
    await page.waitForURL((u) => u.pathname === '/applicant');

    // Reopen the withdrawn application and submit it again.
    await page.goto(appPath);
    await page.getByRole('button', { name: '重新编辑' }).click();
    await page.getByRole('dialog', { name: '重新编辑申报书' }).getByRole('button', { name: '重新编辑' }).click();
    await page.getByRole('navigation', { name: '申报书填写步骤' }).waitFor();
    await page.goto(`${appPath}?step=10`);
    await page.getByTestId('check-summary').filter({ hasText: '检查通过' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '提交推荐单位审核' }).click();
    await page.getByRole('dialog', { name: '确认提交申报书' }).getByRole('button', { name: '确认提交' }).click();
    await expect.poll(async () => (await page.getByTestId('application-state').first().textContent()) ?? '', { timeout: 20_000 }).toBe('待推荐单位审核');

    // The 滨海新区 bureau returns it with a comment on the project name (through its API).
    const rec = b.account('recommender');
    const { context: recCtx } = await b.open();
    const res = await recCtx.request.post('/api/auth/login', { data: { username: rec.username, password: rec.password } });
    expect(res.ok()).toBe(true);
    const csrf = decodeURIComponent((await recCtx.cookies()).find((c) => c.name === 'gg_csrf')?.value ?? '');
    const detail = (await (await recCtx.request.get(`/api/applications/${id}`)).json()) as { version: number };
    const ret = await recCtx.request.post(`/api/recommender/applications/${id}/return`, {
      headers: { 'x-csrf-token': csrf },
      data: { version: detail.version, reason: '请补充项目名称中的质量特性，并核对里程碑安排。', fieldComments: { 'project.name': '名称应体现“齿隙一致性”这一质量特性' } },
    });
    expect(ret.status(), await ret.text()).toBe(200);

    await page.reload();
    await expect.poll(async () => (await page.getByTestId('application-state').first().textContent()) ?? '', { timeout: 20_000 }).toBe('退回补正');
    const banner = page.getByTestId('returned-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('请补充项目名称中的质量特性');
    await page.goto(`${appPath}?step=2`);
    const comment = page.getByTestId('review-comment');
    await comment.waitFor();
    expect(await comment.textContent()).toContain('齿隙一致性');
    await shot(page, '06-returned');

    // Another window of the same person changes the same 申报书 …
    const other = await b.open();
    await login(other.page, USERNAME, PASSWORD);
    await other.page.waitForURL((u) => u.pathname === '/applicant');
    await other.page.goto(appPath);
    try {
      await other.page.getByRole('heading', { level: 2, name: /单位基本情况/ }).waitFor();
    } catch (err) {
      await shot(other.page, '08-other-failed');
      throw new Error(`${(err as Error).message}\npage errors: ${other.errors.join('\n')}\n${await other.page.locator('body').innerText()}`);
    }
    await other.page.getByLabel('质量负责人姓名').fill('赵立新');
    await waitSaved(other.page);

    // … so this window's next autosave is stale: the merge dialog, keep mine.
    await page.goto(appPath);
    await page.getByRole('heading', { level: 2, name: /单位基本情况/ }).waitFor();
    await other.page.getByLabel('质量负责人姓名').fill('赵立新（质量部部长）');
    await waitSaved(other.page);
    await page.getByLabel('质量负责人姓名').fill('王立群（质量总监）');
    const merge = page.getByRole('dialog', { name: '该申报书已在其他窗口或设备上修改' });
    await merge.waitFor({ timeout: 15_000 });
    await shot(page, '07-merge');
    expect(await merge.textContent()).toContain('质量负责人姓名');
    expect(await merge.textContent()).toContain('赵立新（质量部部长）');
    await merge.getByRole('button', { name: '保留我的修改' }).click();
    await waitSaved(page);
    await other.page.reload();
    await expect.poll(() => other.page.getByLabel('质量负责人姓名').inputValue(), { timeout: 15_000 }).toBe('王立群（质量总监）');
  });
});
