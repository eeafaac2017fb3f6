import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login, pickFirstOption, ROLE_HOME, ROLE_TITLES } from './harness';

const ROLES = ['applicant', 'recommender', 'commission', 'expert', 'training_provider'] as const;

describe('login and role homes', () => {
  const b = useBrowser();

  for (const role of ROLES) {
    it(`${role}: logs in and lands on its home with its menu`, { timeout: 90_000 }, async () => {
      const account = b.account(role);
      const { page } = await b.open();
      await page.goto('/login');
      await login(page, account.username, account.password);
      await page.waitForURL((u) => u.pathname === ROLE_HOME[role]);
      await page.getByRole('heading', { level: 1, name: ROLE_TITLES[role] }).waitFor();
      const menu = page.getByRole('navigation', { name: '功能菜单' });
      await menu.getByRole('menuitem', { name: /工作台/ }).waitFor();
      expect(await page.getByTestId('header-org').textContent()).toBe(account.organisation);
      if (role === 'commission') {
        for (const item of ['年度活动配置', '账户管理', '审计日志']) await menu.getByRole('menuitem', { name: item }).waitFor();
      }
      // Later procedures are present but disabled; every procedure of the applicant and the expert is built.
      const disabled = await menu.locator('[aria-disabled="true"]').count();
      if (role === 'applicant' || role === 'expert') expect(disabled).toBe(0);
      else expect(disabled).toBeGreaterThan(0);

      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL((u) => u.pathname === '/login');
      // The session is gone: the role home sends back to the login page.
      await page.goto(ROLE_HOME[role]);
      await page.waitForURL((u) => u.pathname === '/login');
    });
  }

  it('shows 用户名或密码错误 for a wrong password and keeps the user on the login page', async () => {
    const { page } = await b.open();
    await page.goto('/login');
    await login(page, b.account('expert').username, 'Wrong-password-1');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByLabel('密码', { exact: true }).inputValue()).toBe('');
  });

  it('shows 403 when a person opens another role’s area', async () => {
    const { page } = await b.open();
    const account = b.account('applicant');
    await page.goto('/login');
    await login(page, account.username, account.password);
    await page.waitForURL((u) => u.pathname === '/applicant');
    await page.goto('/commission/accounts');
    await page.getByRole('heading', { name: '403 无权访问' }).waitFor();
  });

  it('forces an account created by the administrator to change its password', async () => {
    const admin = b.account('commission');
    const { page } = await b.open();
    await page.goto('/login');
    await login(page, admin.username, admin.password);
    await page.waitForURL((u) => u.pathname === '/commission');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '账户管理' }).click();
    await page.getByRole('heading', { level: 1, name: '账户管理' }).waitFor();
    await page.getByText(/共 \d+ 条/).waitFor();

    const username = `browser_rec_${Date.now().toString(36)}`;
    await page.getByRole('button', { name: '新建账户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账户' });
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('测试推荐人');
    await pickFirstOption(page, '所属单位');
    await dialog.getByRole('button', { name: '创建账户' }).click();
    const temp = page.getByTestId('temporary-password');
    await temp.waitFor();
    const temporaryPassword = ((await temp.textContent()) ?? '').trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    await page.getByRole('button', { name: '我已记录，关闭' }).click();

    // The new account appears in the list (search by username).
    await page.getByPlaceholder('用户名、姓名或单位名称').fill(username);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('cell', { name: username, exact: true }).waitFor();
    await page.getByRole('row', { name: new RegExp(username) }).getByText('待修改密码').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await login(page, username, temporaryPassword);
    await page.waitForURL((u) => u.pathname === '/change-password');
    await page.getByRole('heading', { name: '首次登录请修改密码' }).waitFor();

    // The role home is not reachable before the change.
    await page.goto('/recommender');
    await page.waitForURL((u) => u.pathname === '/change-password');

    const rules = page.getByTestId('password-rules');
    await page.getByLabel('当前密码（临时密码）').fill(temporaryPassword);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    expect(await rules.locator('.gg-ok').count()).toBeLessThan(4);
    const newPassword = 'Tianjin#Quality2026';
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await expect.poll(() => rules.locator('.gg-ok').count()).toBe(4);
    await page.getByLabel('确认新密码').fill(newPassword);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL((u) => u.pathname === '/recommender');
    await page.getByRole('heading', { level: 1, name: '推荐单位工作台' }).waitFor();
  }, 150_000);
});
