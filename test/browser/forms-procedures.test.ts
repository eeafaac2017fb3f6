/**
 * Honest forms of the later procedures (issue 14, the part after test/browser/forms.test.ts): bad
 * values typed into the PDCA plan and progress report, the result submission, the recommender's
 * tracking visit and item, the expert pool (status reason, import of a non-Excel file), the expert's
 * own record (本人信息) and the training lecturers and materials are answered by a Chinese message naming the field and the limit,
 * what was typed stays in the control, and nothing is saved (checked through the API where cheap).
 *
 * Demo data used (never changed by this file: every value is refused):
 * - 天津光晟光伏新能源科技有限公司 (app_013, 宝坻区) and its submitted plan of 降低光伏组件隐裂不良率;
 *   its recommender the 宝坻区 bureau (rec_120115) for the visit and item forms;
 * - 天津智行网联汽车电子有限公司 (app_008), whose demo result was returned (the form is open);
 * - the commission's 专家库 and the training provider's first open session.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login } from './harness';
import { tinyPdf } from '../support/tiny-pdf';

const PLAN_USER = 'app_013';
const PLAN_PROJECT = '降低光伏组件隐裂不良率';
const PLAN_RECOMMENDER = 'rec_120115';
const RESULT_USER = 'app_008';
const RESULT_PROJECT = '提高车载毫米波雷达标定一致性';

async function fieldError(scope: Page | Locator, text: string | RegExp) {
  await scope.locator('.ant-form-item-explain-error').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

async function typeInto(input: Locator, value: string) {
  await input.fill(value);
  expect(await input.inputValue()).toBe(value);
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, body: await r.json() };
  }, url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
}

async function openMenu(page: Page, item: string) {
  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: item }).click();
  await page.getByRole('heading', { level: 1, name: item }).waitFor();
}

describe('the later forms refuse bad values by name and keep what was typed', () => {
  const b = useBrowser();
  const password = () => b.account('applicant').password;

  it('实施方案 (策略调整) and 进展报告: overlong goal and text, "abc" numbers, end before start, short reason', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    await login(page, PLAN_USER, password());
    await page.waitForURL((u) => u.pathname === '/applicant');
    await openMenu(page, '项目实施');
    await page.getByRole('link', { name: PLAN_PROJECT }).click();
    await page.getByRole('heading', { level: 1, name: PLAN_PROJECT }).waitFor();
    const projectId = new URL(page.url()).pathname.split('/').at(-1)!;
    type View = { plan: { version: number; revisionNo?: number; content: unknown } | null; slots: { report: unknown }[]; milestoneReports: unknown[] };
    const before = await getJson<View>(page, `/api/implementation/projects/${projectId}`);

    await page.getByRole('tab', { name: '实施方案' }).click();
    await page.getByRole('button', { name: '策略调整' }).click();
    const drawer = page.getByRole('dialog', { name: '策略调整：修改实施方案' });
    const reason = drawer.getByLabel('调整原因');
    await typeInto(reason, '调目标');
    await fieldError(drawer, '调整原因至少5个字');
    const goal = drawer.getByLabel('攻关目标');
    const longGoal = '隐'.repeat(1001);
    await typeInto(goal, longGoal);
    await fieldError(drawer, '攻关目标最多1000个字');
    await drawer.getByLabel('开始日期').fill('2026-09-01');
    const end = drawer.getByLabel('结束日期');
    await end.fill('2026-08-01');
    await fieldError(drawer, '结束日期不能早于开始日期');
    const baseline = drawer.getByLabel('指标1基线值');
    await typeInto(baseline, 'abc');
    await fieldError(drawer, '指标1基线值应为数字');
    const name = drawer.getByLabel('指标1名称');
    await typeInto(name, '组'.repeat(61));
    await fieldError(drawer, '指标1名称最多60个字');
    await drawer.getByRole('button', { name: '提交策略调整' }).click();
    await fieldError(drawer, '攻关目标最多1000个字');
    // Kept as typed: nothing cut to 1000, the number not reset, the dates not swapped.
    expect((await goal.inputValue()).length).toBe(1001);
    expect(await baseline.inputValue()).toBe('abc');
    expect(await end.inputValue()).toBe('2026-08-01');
    expect(await reason.inputValue()).toBe('调目标');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: /进展报告/ }).click();
    await page.getByRole('button', { name: '报送进展报告' }).click();
    const dialog = page.getByRole('dialog', { name: '报送进展报告' });
    const done = dialog.getByLabel('已完成工作');
    await typeInto(done, '完'.repeat(5001));
    await fieldError(dialog, '已完成工作最多5000个字');
    const value = dialog.getByLabel('组件隐裂不良率测量值');
    await typeInto(value, 'abc');
    await fieldError(dialog, '组件隐裂不良率测量值应为数字');
    await dialog.getByRole('button', { name: '报送' }).click();
    await fieldError(dialog, '请填写下一步计划');
    expect((await done.inputValue()).length).toBe(5001);
    expect(await value.inputValue()).toBe('abc');
    await dialog.getByRole('button', { name: '取消' }).click();

    // Nothing was saved: same plan version, same number of reports.
    const after = await getJson<View>(page, `/api/implementation/projects/${projectId}`);
    expect(after.plan?.version).toBe(before.plan?.version);
    const reports = (v: View) => v.slots.filter((s) => s.report).length + v.milestoneReports.length;
    expect(reports(after)).toBe(reports(before));
  });

  it('成果提交: overlong section and indicator, amount "abc" and -5, an emptied name', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await login(page, RESULT_USER, password());
    await page.waitForURL((u) => u.pathname === '/applicant');
    await openMenu(page, '成果提交');
    await page.getByRole('link', { name: RESULT_PROJECT }).first().click();
    await page.getByRole('heading', { level: 1, name: RESULT_PROJECT }).waitFor();
    const projectId = new URL(page.url()).pathname.split('/').at(-1)!;
    const before = await getJson<{ resultVersion: number; report: Record<string, string> }>(page, `/api/applicant/results/${projectId}`);

    const summary = page.getByLabel('成果概述');
    await typeInto(summary, '成'.repeat(2001));
    await fieldError(page, '成果概述不能超过2000个字');
    const amounts = page.getByLabel('金额或数量');
    await typeInto(amounts.first(), 'abc');
    await fieldError(page, '金额或数量应为数字');
    await typeInto(amounts.nth(1), '-5');
    await fieldError(page, '金额或数量不能为负数');
    const indicator = page.getByLabel('对应实施方案指标').first();
    await typeInto(indicator, '标'.repeat(101));
    await fieldError(page, '对应实施方案指标不能超过100个字');
    const person = page.getByLabel('姓名', { exact: true }).first();
    await person.fill('');
    await fieldError(page, '请填写参与人员姓名');
    await summary.blur();
    expect((await summary.inputValue()).length).toBe(2001);
    expect(await amounts.first().inputValue()).toBe('abc');
    expect(await amounts.nth(1).inputValue()).toBe('-5');
    expect((await indicator.inputValue()).length).toBe(101);

    const after = await getJson<{ resultVersion: number; report: Record<string, string> }>(page, `/api/applicant/results/${projectId}`);
    expect(after.resultVersion).toBe(before.resultVersion);
    expect(after.report.summary).toBe(before.report.summary);
  });

  it('跟踪服务 (recommender): visit with overlong participants, short findings and guidance, no date; an overlong item', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await login(page, PLAN_RECOMMENDER, password());
    await page.waitForURL((u) => u.pathname === '/recommender');
    await openMenu(page, '跟踪服务');
    await page.getByRole('link', { name: PLAN_PROJECT }).click();
    await page.getByRole('heading', { level: 1, name: PLAN_PROJECT }).waitFor();
    await page.getByRole('tab', { name: /跟踪服务/ }).click();

    await page.getByRole('button', { name: '登记走访 / 检查' }).click();
    const visit = page.getByRole('dialog', { name: '登记走访 / 检查' });
    const people = visit.getByLabel('参加人员');
    await typeInto(people, '宝'.repeat(301));
    await fieldError(visit, '参加人员最多300个字');
    const findings = visit.getByLabel('发现情况');
    await typeInto(findings, '正常');
    await fieldError(visit, '发现情况至少5个字');
    const guidance = visit.getByLabel('指导意见');
    await typeInto(guidance, '加强\n建议对层压工序增加EL抽检频次');
    await fieldError(visit, '指导意见第1条至少5个字（现为2个字）');
    await visit.getByRole('button', { name: '保存' }).click();
    await fieldError(visit, '请填写走访日期');
    expect((await people.inputValue()).length).toBe(301);
    expect(await findings.inputValue()).toBe('正常');
    expect(await guidance.inputValue()).toBe('加强\n建议对层压工序增加EL抽检频次');
    await visit.getByRole('button', { name: '取消' }).click();

    await page.getByRole('button', { name: '提出指导意见 / 问题' }).click();
    const item = page.getByRole('dialog', { name: '提出指导意见 / 问题' });
    const content = item.getByLabel('事项内容');
    await typeInto(content, '议'.repeat(2001));
    await fieldError(item, '事项内容最多2000个字');
    await item.getByRole('button', { name: '提交' }).click();
    expect((await content.inputValue()).length).toBe(2001);
    await item.getByRole('button', { name: '取消' }).click();
  });

  it('专家库: an overlong status reason is refused by the server by name and kept; a PNG is not taken for Excel', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'commission');
    await openMenu(page, '专家库');
    const row = page.locator('.ant-table-row').first();
    await row.getByRole('button', { name: '变更状态' }).click();
    const dialog = page.getByRole('dialog', { name: /变更专家状态/ });
    const reason = dialog.getByLabel('变更原因');
    await typeInto(reason, '因'.repeat(201));
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByRole('alert').filter({ hasText: '状态变更原因不能超过200个字' }).waitFor();
    expect((await reason.inputValue()).length).toBe(201);
    await dialog.getByRole('button', { name: '取消' }).click();

    await page.getByRole('tab', { name: '批量导入' }).click();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await page.getByTestId('expert-import').locator('input[type="file"]').setInputFiles({ name: '专家名单.png', mimeType: 'image/png', buffer: png });
    await page.getByText(/Excel（\.xlsx）/).first().waitFor();
  });

  it('专家 本人信息: phone "abc", e-mail, credit code and an overlong employer are refused at the field and kept, nothing saved', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'expert');
    await page.goto('/expert/profile');
    await page.getByRole('heading', { level: 1, name: '本人信息与关联申报' }).waitFor();
    const employer = page.getByLabel('工作单位', { exact: true });
    await expect.poll(async () => (await employer.inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await getJson<{ phone: string | null; email: string | null; employer: string; version: number }>(page, '/api/expert/profile');
    const phone = page.getByLabel('联系电话');
    await typeInto(phone, 'abc');
    await fieldError(page, '联系电话应为7-20位数字');
    const email = page.getByLabel('电子邮箱');
    await typeInto(email, 'not-an-email');
    await fieldError(page, '电子邮箱格式不正确');
    const uscc = page.getByLabel('工作单位统一社会信用代码');
    await typeInto(uscc, '91120000123');
    await fieldError(page, '工作单位统一社会信用代码应为18位数字或大写字母');
    await typeInto(employer, '津'.repeat(101));
    await fieldError(page, '工作单位不能超过100个字');
    await page.getByRole('button', { name: '保存' }).click();
    await fieldError(page, '联系电话应为7-20位数字');
    expect(await phone.inputValue()).toBe('abc');
    expect(await email.inputValue()).toBe('not-an-email');
    expect(await uscc.inputValue()).toBe('91120000123');
    expect((await employer.inputValue()).length).toBe(101);
    const after = await getJson<typeof before>(page, '/api/expert/profile');
    expect(after).toMatchObject({ phone: before.phone, email: before.email, employer: before.employer, version: before.version });
  });

  it('培训 (provider): an overlong lecturer name, an overlong material title, a file of no known type', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    await b.signIn(page, 'training_provider');
    const sessions = await getJson<{ items: { id: string; status: string }[] }>(page, '/api/training/sessions');
    const open = sessions.items.find((s) => s.status === 'open')!;
    await page.goto(`/training/sessions/${open.id}`);
    await page.getByRole('heading', { level: 1, name: '报名名单' }).waitFor();

    await page.getByRole('button', { name: '编辑授课老师' }).click();
    const lecturers = page.getByRole('dialog', { name: '授课老师' });
    const name = lecturers.getByLabel('第1位老师姓名');
    await typeInto(name, '李'.repeat(31));
    await fieldError(lecturers, '第1位老师姓名不能超过30个字符');
    await lecturers.getByRole('button', { name: '保存' }).click();
    expect((await name.inputValue()).length).toBe(31);
    await lecturers.getByRole('button', { name: '取消' }).click();

    const title = page.getByLabel('资料标题');
    await typeInto(title, '讲'.repeat(101));
    await page.getByLabel('选择资料文件').setInputFiles({ name: '讲义.pdf', mimeType: 'application/pdf', buffer: tinyPdf('forms-procedures') });
    await page.getByRole('button', { name: '上传资料' }).click();
    await page.getByText('资料标题不能超过100个字（现为101个字）').waitFor();
    expect((await title.inputValue()).length).toBe(101);
    await typeInto(title, '质量工具讲义');
    await page.getByLabel('选择资料文件').setInputFiles({ name: '讲义.txt', mimeType: 'text/plain', buffer: Buffer.from('质量工具讲义（纯文本）', 'utf8') });
    await page.getByRole('button', { name: '上传资料' }).click();
    await page.getByText(/无法识别的文件类型/).first().waitFor();
    expect(await title.inputValue()).toBe('质量工具讲义');
  });
});
