/**
 * Honest forms (issue 14): every bad value typed into a form is answered at the field by a Chinese
 * message naming the field and the limit, and what was typed stays in the control — nothing is
 * cut, clamped, swapped or dropped. Walks the 申报书 (formats, numbers, lengths, the project-name
 * limit at the field) and the training session form (capacity, end before start).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login } from './harness';

async function fieldError(page: Page, text: string | RegExp) {
  await page.locator('.gg-app-notes, .ant-form-item-explain-error').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

async function typeInto(input: Locator, value: string) {
  await input.fill(value);
  expect(await input.inputValue()).toBe(value);
}

describe('forms refuse bad values by name and keep what was typed', () => {
  const b = useBrowser();

  it('申报书: phone, e-mail, numbers and lengths', { timeout: 240_000 }, async () => {
    const { page } = await b.open();
    const a = b.account('applicant');
    await login(page, a.username, a.password);
    await page.waitForURL((u) => u.pathname === '/applicant');
    await page.goto('/applicant/applications');
    await page.getByRole('heading', { level: 1, name: '我的申报' }).waitFor();
    await page.getByRole('button', { name: '新建申报' }).click();
    await page.waitForURL((u) => /^\/applicant\/applications\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { level: 2, name: /单位基本情况/ }).waitFor();

    // Formats: refused at the field, kept in the input (autosave keeps them as warnings).
    const phone = page.getByLabel('联系人联系电话');
    await typeInto(phone, 'abc');
    await fieldError(page, '联系人电话格式不正确');
    await typeInto(page.getByLabel('项目负责人联系电话'), '12');
    await fieldError(page, '项目负责人电话格式不正确');
    const email = page.getByLabel('联系人电子邮箱');
    await typeInto(email, 'not-an-email');
    await fieldError(page, '联系人电子邮箱格式不正确');
    await expect.poll(async () => (await page.getByTestId('save-status').textContent()) ?? '', { timeout: 15_000 }).toMatch(/已自动保存/);
    expect(await phone.inputValue()).toBe('abc');
    expect(await email.inputValue()).toBe('not-an-email');

    // Numbers: -5 and abc are refused by name, not turned into 0 or empty; nothing is sent meanwhile.
    const employees = page.getByLabel('员工人数');
    await typeInto(employees, '-5');
    await fieldError(page, '员工人数不能小于0');
    const revenue = page.getByLabel('上年营业收入（万元）');
    await typeInto(revenue, 'abc');
    await fieldError(page, '上年营业收入（万元）应为数字');
    await expect.poll(async () => (await page.getByTestId('save-status').textContent()) ?? '', { timeout: 15_000 }).toContain('2 处填写不符合要求');
    await employees.blur();
    expect(await employees.inputValue()).toBe('-5');
    expect(await revenue.inputValue()).toBe('abc');
    await typeInto(employees, '236');
    await typeInto(revenue, '5820.5');
    await expect.poll(async () => (await page.getByTestId('save-status').textContent()) ?? '', { timeout: 15_000 }).toMatch(/已自动保存/);

    // Project name: the campaign's 30-character limit is shown at the field with a counter.
    await page.getByRole('button', { name: /下一步：项目基本情况/ }).click();
    await page.getByRole('heading', { level: 2, name: /项目基本情况/ }).waitFor();
    const name = page.getByLabel('项目名称', { exact: true });
    const long = '协作机器人关节减速器装配过程齿隙一致性提升与一次合格率改进攻关';
    await typeInto(name, long);
    await page.getByTestId('char-count').filter({ hasText: `${Array.from(long).length} / 30 字，超出` }).waitFor();
    await page.getByTestId('naming-hints').filter({ hasText: '超过30个字符' }).waitFor();
    const tooLong = '协'.repeat(101);
    await typeInto(name, tooLong);
    await fieldError(page, '项目名称不能超过100个字符');
    expect((await name.inputValue()).length).toBe(101);
    await typeInto(name, '协作机器人减速器装配一次合格率提升');

    // Long text: 5,001 characters are kept and refused with the limit; the counter says by how much.
    await page.getByRole('button', { name: /下一步：项目内容/ }).click();
    await page.getByRole('heading', { level: 2, name: /项目内容/ }).waitFor();
    const background = page.getByLabel('立项背景与质量问题描述');
    await background.fill('质'.repeat(5001));
    await fieldError(page, '立项背景与质量问题描述不能超过5000个字符');
    await page.getByTestId('char-count').filter({ hasText: '5001 / 5000 字，超出1字' }).waitFor();
    expect((await background.inputValue()).length).toBe(5001);
  });

  it('training session: capacity -5 and an end before the start', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    const p = b.account('training_provider');
    await login(page, p.username, p.password);
    await page.waitForURL((u) => u.pathname === '/training');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '培训计划' }).click();
    await page.getByRole('heading', { level: 1, name: '培训计划' }).waitFor();
    await page.getByRole('button', { name: '新建培训场次' }).click();
    const dialog = page.getByRole('dialog', { name: '新建培训场次' });
    await dialog.getByLabel('培训主题').fill('质量攻关宣贯培训（表单校验）');
    await dialog.getByLabel('培训地点').fill('天津市市场监督管理委员会二楼报告厅');
    const from = dialog.getByPlaceholder('开始时间');
    await from.click();
    await from.fill('2027-05-12 14:00');
    await from.press('Enter');
    const to = dialog.getByPlaceholder('结束时间');
    await to.click();
    await to.fill('2027-05-12 09:00');
    await to.press('Enter');
    const capacity = dialog.getByLabel('容量（人数）');
    await capacity.fill('-5');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '容量（人数）不能小于1' }).waitFor();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '结束时间应晚于开始时间' }).waitFor();
    expect(await capacity.inputValue()).toBe('-5');
    expect(await to.inputValue()).toBe('2027-05-12 09:00');
    expect(await from.inputValue()).toBe('2027-05-12 14:00');
  });
});
