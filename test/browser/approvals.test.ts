/**
 * 立项审核 in the browser: the commission approves one demo project (立项编号 shown) and rejects
 * another with a required reason. The browser server runs on the real clock, after the 2026
 * application deadline, so decisions are open.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { DEMO_APPLICANTS } from '../../src/server/seed/applicants';
import { login } from './harness';

// Demo-seed projects in 立项审核中 (src/server/seed/projects.ts).
const TO_APPROVE = '降低线控制动执行器泄漏不良率';
const TO_REJECT = '提高酶法合成产物收率稳定性';

describe('立项审核 page', () => {
  const b = useBrowser();


  it('approves one project (立项编号 shown) and rejects another with a reason', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '立项审核' }).click();
    await page.getByRole('heading', { level: 1, name: '立项审核' }).waitFor();
    const table = page.getByTestId('approvals-table');
    await table.getByRole('row', { name: new RegExp(TO_APPROVE) }).waitFor();

    // The detail drawer shows the recommender's opinion before deciding.
    await page.getByRole('button', { name: `查看《${TO_APPROVE}》详情` }).click();
    const drawer = page.getByRole('dialog', { name: `《${TO_APPROVE}》` });
    await drawer.getByText('同意推荐').first().waitFor();
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();

    // 立项 with a confirmation.
    await page.getByRole('button', { name: `立项《${TO_APPROVE}》`, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: '确认立项' });
    await confirm.getByText('此操作不可撤销', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: '确认立项' }).click();
    const toast = page.getByText(/已立项，立项编号：TJZLGG-2026-\d{4}/);
    await toast.waitFor();
    const projectNo = /TJZLGG-2026-\d{4}/.exec((await toast.textContent()) ?? '')![0];
    await expect.poll(() => table.getByRole('row', { name: new RegExp(TO_APPROVE) }).count()).toBe(0);

    // 不予立项: the reason is required.
    await page.getByRole('button', { name: `不予立项《${TO_REJECT}》` }).click();
    const rejectDialog = page.getByRole('dialog', { name: '不予立项' });
    await rejectDialog.getByRole('button', { name: '确认不予立项' }).click();
    await rejectDialog.getByText('请填写不予立项的原因').waitFor();
    const reason = '攻关目标缺少量化的基线数据与测算依据，不予立项';
    await rejectDialog.getByLabel('不予立项的原因').fill(reason);
    await rejectDialog.getByRole('button', { name: '确认不予立项' }).click();
    await page.getByText(`已将《${TO_REJECT}》列为未立项`).waitFor();

    // The outcomes under their tabs: the number on the approved row, the reason on the rejected one.
    await page.getByRole('tab', { name: /已立项/ }).click();
    const approvedRow = table.getByRole('row', { name: new RegExp(TO_APPROVE) });
    await approvedRow.waitFor();
    expect(await approvedRow.getByTestId('project-no').textContent()).toBe(projectNo);
    await page.getByRole('tab', { name: /未立项/ }).click();
    const rejectedRow = table.getByRole('row', { name: new RegExp(TO_REJECT) });
    await rejectedRow.waitFor();
    expect(await rejectedRow.textContent()).toContain(reason);

    // The applicant sees 已立项 and the number on its list and its application.
    // Demo applicants are app_<position in DEMO_APPLICANTS + 1> (demo_applicant first), all with the demo password.
    const index = DEMO_APPLICANTS.findIndex((a) => a.name === '天津港湾汽车零部件股份有限公司');
    expect(index).toBeGreaterThan(0);
    const other = await b.open();
    await other.page.goto('/login');
    await login(other.page, `app_${String(index + 1).padStart(3, '0')}`, b.account('applicant').password);
    await other.page.waitForURL((u) => u.pathname === '/applicant');
    await other.page.goto('/applicant/applications');
    await other.page.getByText(`立项编号 ${projectNo}`).waitFor();
    await other.page.getByRole('link', { name: TO_APPROVE }).click();
    expect(await other.page.getByTestId('project-no-banner').textContent()).toContain(`已立项，立项编号：${projectNo}`);
  });
});
