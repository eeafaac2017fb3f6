import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { answerSecondFactor, login, pickFirstOption } from './harness';

describe('session expiry', () => {
  const b = useBrowser();

  it('re-login in a modal keeps the typed form and retries the request', async () => {
    const admin = b.account('commission');
    const { page, context } = await b.open();
    await page.goto('/login');
    await login(page, admin.username, admin.password);
    await page.waitForURL((u) => u.pathname === '/commission');
    await page.goto('/commission/accounts');
    await page.getByText(/共 \d+ 条/).waitFor();

    const username = `browser_exp_${Date.now().toString(36)}`;
    await page.getByRole('button', { name: '新建账户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账户' });
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('会话超时测试');
    await pickFirstOption(page, '所属单位');

    // The session disappears (as after 30 minutes idle); the next request meets a 401.
    await context.clearCookies({ name: 'gg_session' });
    await dialog.getByRole('button', { name: '创建账户' }).click();

    const relogin = page.getByRole('dialog', { name: '登录已超时，请重新登录' });
    await relogin.waitFor();
    // Nothing navigated away and the typed content is intact.
    expect(new URL(page.url()).pathname).toBe('/commission/accounts');
    expect(await dialog.getByLabel('用户名').inputValue()).toBe(username);
    expect(await dialog.getByLabel('姓名').inputValue()).toBe('会话超时测试');
    expect(await relogin.getByLabel('用户名').inputValue()).toBe(admin.username);

    await relogin.getByLabel('密码', { exact: true }).fill(admin.password);
    await relogin.getByRole('button', { name: '重新登录并继续' }).click();
    // The commission account answers its second factor in the same dialog (issue 13.10).
    await answerSecondFactor(relogin, admin.username, '验证并继续');
    await relogin.waitFor({ state: 'hidden' });

    // The failed create was retried after the re-login.
    await page.getByTestId('temporary-password').waitFor();
    await page.getByRole('button', { name: '我已记录，关闭' }).click();
    await page.getByPlaceholder('用户名、姓名或单位名称').fill(username);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('cell', { name: username, exact: true }).waitFor();
  }, 150_000);

  it('offers unsaved form content back after a reload', async () => {
    const admin = b.account('commission');
    const { page } = await b.open();
    await page.goto('/login');
    await login(page, admin.username, admin.password);
    await page.waitForURL((u) => u.pathname === '/commission');
    await page.goto('/commission/accounts');
    await page.getByText(/共 \d+ 条/).waitFor();
    await page.getByRole('button', { name: '新建账户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账户' });
    await dialog.getByLabel('姓名').fill('未保存的草稿');
    // The draft is stored after a short pause in typing.
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('gg_draft:') && (localStorage.getItem(k) ?? '').includes('未保存的草稿'))), {
        timeout: 15_000,
      })
      .toBe(true);

    await page.reload();
    await page.getByText(/共 \d+ 条/).waitFor();
    await page.getByRole('button', { name: '新建账户' }).click();
    const prompt = page.getByTestId('draft-restore-prompt');
    await prompt.getByText('检测到未保存的内容，是否恢复？').waitFor();
    await prompt.getByRole('button', { name: '恢复' }).click();
    expect(await page.getByRole('dialog', { name: '新建账户' }).getByLabel('姓名').inputValue()).toBe('未保存的草稿');
  }, 150_000);
});
