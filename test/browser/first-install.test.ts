/**
 * First install without the demo: an empty database, `SEED_DEMO=false`, the first administrator
 * logs in with ADMIN_INITIAL_PASSWORD, must change it, and does the first steps — finds the 16
 * district bureaus and the 2026 campaign, creates a recommender account, a training provider and an
 * expert pool with their accounts — and the new accounts can log in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/server/auth/totp';
import { launchBrowser, login, openPage, type TrackedPage } from './harness';
import { startServer, type ServerProcess } from '../support/server-process';

const ADMIN_PASSWORD = 'Haihe#Install2026';
const NEW_PASSWORD = 'Jinmen@Quality2026';

let server: ServerProcess;
let dataDir: string;
let url: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gg-first-install-'));
  server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false', ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD }, 170_000);
  url = server.url;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** 新建账户 on an organisation's row; returns the temporary password shown once. */
async function addAccount(page: Page, orgName: string, username: string, displayName: string): Promise<string> {
  await page.getByRole('row').filter({ hasText: orgName }).getByRole('button', { name: '新建账户' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `新建账户：${orgName}` });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill(displayName);
  await dialog.getByRole('button', { name: '创建账户' }).click();
  const shown = page.getByTestId('temporary-password');
  await shown.waitFor();
  const password = (await shown.textContent())!.trim();
  await page.getByRole('button', { name: '我已记录，关闭' }).click();
  return password;
}

async function createOrganisation(page: Page, type: string, name: string) {
  await page.getByRole('button', { name: '新建单位' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '新建单位' });
  await pick(page, '单位类型', type);
  await dialog.getByLabel('单位名称').fill(name);
  await dialog.getByRole('button', { name: '保存单位' }).click();
  await page.getByRole('row').filter({ hasText: name }).waitFor();
}

describe('first install (SEED_DEMO=false, empty database)', () => {
  it('the start-up says what it created and names the administrator', () => {
    expect(server.output()).toContain('首次安装：已创建市市场监管委、16个区市场监管局和本年度活动');
    expect(server.output()).toContain('管理员账户 admin');
    expect(server.output()).not.toContain(ADMIN_PASSWORD);
    expect(server.output()).not.toContain('演示账户');
  });

  it('the administrator changes the initial password, finds bureaus and campaign, and creates the first accounts', { timeout: 240_000 }, async () => {
    const tracked: TrackedPage = await openPage(browser, url);
    const { page } = tracked;
    try {
      await page.goto('/login');
      await login(page, 'admin', ADMIN_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/change-password');
      await page.getByLabel('当前密码（临时密码）').fill(ADMIN_PASSWORD);
      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: '确认修改' }).click();
      // An administrator binds the second factor next (issue 13.10): the secret is shown beside the QR code.
      await page.waitForURL((u) => u.pathname === '/second-factor');
      await page.getByRole('button', { name: '开始绑定' }).click();
      const secret = ((await page.getByTestId('second-factor-secret').textContent()) ?? '').trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await page.getByLabel('动态验证码').fill(totpCode(secret, new Date()));
      await page.getByRole('button', { name: '完成绑定' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      await page.goto('/commission');
      await page.waitForURL((u) => u.pathname === '/commission');

      // The notification centre is one click away from every page's header.
      await page.getByTestId('notification-bell').click();
      await page.getByRole('heading', { level: 1, name: '通知中心' }).waitFor();
      await page.getByText('暂无通知').waitFor();

      await page.goto('/commission/campaign');
      await page.getByRole('heading', { level: 1, name: '年度活动配置' }).waitFor();
      await expect.poll(() => page.getByLabel('活动标题').inputValue(), { timeout: 15_000 }).toContain('2026年');

      await page.goto('/commission/organisations');
      await page.getByRole('heading', { level: 1, name: '单位管理' }).waitFor();
      // 16 district bureaus + the commission itself
      await page.getByText('共 17 个单位').waitFor();
      const binhai = '天津市滨海新区市场监督管理局';
      await page.getByRole('row').filter({ hasText: binhai }).waitFor();

      const recommenderPassword = await addAccount(page, binhai, 'bh_zhiliang', '孙立新');
      await createOrganisation(page, '培训服务机构', '天津市质量攻关培训服务中心');
      const trainingPassword = await addAccount(page, '天津市质量攻关培训服务中心', 'px_zhoulaoshi', '周静怡');
      await createOrganisation(page, '专家库', '天津市质量攻关技术评定专家库');
      const expertPassword = await addAccount(page, '天津市质量攻关技术评定专家库', 'zj_wangzhenyu', '王振宇');
      await page.getByText('共 19 个单位').waitFor();

      // Next year: copy 2026 to a 2027 draft, import its holidays, open it; 2026 stays.
      await page.goto('/commission/campaign');
      await expect.poll(() => page.getByLabel('活动标题').inputValue(), { timeout: 15_000 }).toContain('2026年');
      await page.getByRole('button', { name: '复制为下一年度' }).click();
      await page.getByRole('button', { name: '确认复制' }).click();
      await page.getByText('已创建 2027 年度活动（草稿）').waitFor();
      await expect.poll(() => page.getByLabel('活动标题').inputValue(), { timeout: 15_000 }).toContain('2027');
      await page.getByTestId('calendar-used').getByText('尚未录入2027年节假日日历', { exact: false }).waitFor();
      await page.getByLabel('粘贴节假日安排').fill(['2027-01-01至2027-01-03 元旦 休', '2027-02-06至2027-02-13 春节 休', '2027-02-14 调休 上班', '2027-10-01至2027-10-07 国庆节 休'].join('\n'));
      await page.getByRole('button', { name: '粘贴导入' }).click();
      await page.getByText('已导入2027年节假日日历').waitFor();
      await page.getByLabel('状态', { exact: true }).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '进行中' }).first().click();
      await page.getByRole('button', { name: '保存配置' }).click();
      await page.getByText('年度活动配置已保存').waitFor();
      const years = await page.evaluate(async () => (await (await fetch('/api/campaigns/years')).json()) as { items: { year: number; status: string }[] });
      expect(years.items.map((y) => `${y.year}:${y.status}`).sort()).toEqual(['2026:active', '2027:active']);
      // The year selector offers both years; 2026 is still there to work in.
      await page.getByLabel('选择年度').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '2026 年度（进行中）' }).first().waitFor();
      await page.keyboard.press('Escape');

      // Each new account logs in and is asked to change its temporary password first.
      for (const [username, password] of [
        ['bh_zhiliang', recommenderPassword],
        ['px_zhoulaoshi', trainingPassword],
        ['zj_wangzhenyu', expertPassword],
      ]) {
        const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ username, password }) });
        expect(res.status, username).toBe(200);
        expect(((await res.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
      }
      expect(tracked.errors).toEqual([]);
    } finally {
      await tracked.close();
    }
  });
});
