/**
 * 宣贯培训 in the browser: the training provider creates a session, an applicant with an approved
 * project signs up an attendee, and once the session has started the provider ticks attendance
 * (which the applicant and its recommender then see). The browser server runs on the real clock, so the session is
 * scheduled 1–2 minutes ahead and the test waits for its start.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login, pickFirstOption } from './harness';

// 天津光晟光伏新能源科技有限公司 has an approved (已立项) demo project (src/server/seed/projects.ts).
const APPLICANT_WITH_APPROVED_PROJECT = 'app_013';

/** `YYYY-MM-DD HH:mm` Beijing wall clock `ms` from now, rounded up to the minute. */
function beijingIn(ms: number): { text: string; at: number } {
  const at = Math.ceil((Date.now() + ms) / 60_000) * 60_000;
  const w = new Date(at + 8 * 3600_000).toISOString();
  return { text: `${w.slice(0, 10)} ${w.slice(11, 16)}`, at };
}

describe('宣贯培训 pages', () => {
  const b = useBrowser();

  async function signIn(page: Page, username: string, home: string) {
    await page.goto('/login');
    await login(page, username, b.account('training_provider').password);
    await page.waitForURL((u) => u.pathname === home);
  }

  it('provider creates a session, an applicant signs up, the provider marks attendance', { timeout: 360_000 }, async () => {
    const title = `质量攻关宣贯培训（浏览器测试${Date.now() % 100000}）`;
    // Far enough ahead for the sign-up to happen before the start, near enough to wait for it.
    const start = beijingIn(75_000);
    const end = beijingIn(3 * 3600_000);

    // Provider: 培训计划 → 新建培训场次.
    const provider = (await b.open()).page;
    await signIn(provider, b.account('training_provider').username, '/training');
    await provider.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '培训计划' }).click();
    await provider.getByRole('heading', { level: 1, name: '培训计划' }).waitFor();
    await provider.getByRole('button', { name: '新建培训场次' }).click();
    const dialog = provider.getByRole('dialog', { name: '新建培训场次' });
    await dialog.getByLabel('培训主题').fill(title);
    await dialog.getByLabel('培训地点').fill('天津市市场监督管理委员会二楼报告厅');
    const [from, to] = [dialog.getByPlaceholder('开始时间'), dialog.getByPlaceholder('结束时间')];
    await from.click();
    await from.fill(start.text);
    await from.press('Enter');
    await to.fill(end.text);
    await to.press('Enter');
    await dialog.getByLabel('容量（人数）').fill('20');
    await dialog.getByRole('button', { name: '保存' }).click();
    await provider.getByText(`已新建培训场次“${title}”`).waitFor();
    const row = provider.getByRole('row', { name: new RegExp(title.replace(/[()（）]/g, '.')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('0 / 20');

    // Applicant with an approved project: 宣贯培训 → 报名.
    const applicant = (await b.open()).page;
    await signIn(applicant, APPLICANT_WITH_APPROVED_PROJECT, '/applicant');
    await applicant.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '宣贯培训' }).click();
    await applicant.getByRole('heading', { level: 1, name: '宣贯培训' }).waitFor();
    await applicant.getByRole('button', { name: `报名“${title}”` }).click();
    const form = applicant.getByRole('dialog', { name: `报名：${title}` });
    // The unit's only approved project is preselected.
    await form.getByText(/降低光伏组件隐裂不良率/).waitFor();
    await form.getByLabel('参训人员姓名').fill('刘振华');
    await pickFirstOption(applicant, '参训人员角色');
    await form.getByLabel('手机号码').fill('13920265678');
    await form.getByRole('button', { name: '提交报名' }).click();
    await applicant.getByText(`已为刘振华报名“${title}”`).waitFor();
    const mine = applicant.getByRole('row', { name: /刘振华/ });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('139****5678');
    await expect.poll(async () => (await applicant.getByRole('row', { name: new RegExp(title.replace(/[()（）]/g, '.')) }).first().textContent()) ?? '').toContain('1 人');

    // Attendance opens when the session starts (server clock).
    await provider.getByRole('link', { name: `查看“${title}”报名名单` }).click();
    await provider.getByRole('heading', { level: 1, name: '报名名单' }).waitFor();
    await provider.getByText('培训开始后才能登记出勤。').waitFor();
    expect(await provider.getByRole('row', { name: /刘振华/ }).textContent()).toContain('13920265678');
    const wait = start.at - Date.now() + 2_000;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await provider.reload();
    await provider.getByRole('heading', { level: 1, name: '报名名单' }).waitFor();
    const box = provider.getByRole('checkbox', { name: '刘振华出勤' });
    await box.waitFor();
    await expect.poll(() => box.isEnabled()).toBe(true);
    await box.check();
    await provider.getByRole('button', { name: '保存出勤' }).click();
    await provider.getByText('出勤已保存：出勤 1 人').waitFor();

    await applicant.reload();
    const attended = applicant.getByRole('row', { name: /刘振华/ });
    await attended.waitFor();
    await expect.poll(async () => (await attended.textContent()) ?? '').toContain('出勤');
    expect(await attended.textContent()).toContain('进行中');

    // Its recommender (宝坻区 bureau) reads the sign-up and the attendance, phone masked.
    const recommender = (await b.open()).page;
    await signIn(recommender, 'rec_120115', '/recommender');
    await recommender.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '宣贯培训' }).click();
    await recommender.getByRole('heading', { level: 1, name: '宣贯培训报名' }).waitFor();
    const seen = recommender.getByRole('row', { name: /刘振华/ });
    await seen.waitFor();
    expect(await seen.textContent()).toContain('出勤');
    expect(await recommender.content()).not.toContain('13920265678');

    // The per-project limit is campaign data the commission edits (default 3).
    const commission = (await b.open()).page;
    await signIn(commission, b.account('commission').username, '/commission');
    await commission.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '年度活动配置' }).click();
    const limit = commission.getByLabel('每个项目每场报名人数上限');
    await limit.waitFor();
    expect(await limit.inputValue()).toBe('3');
  });
});
