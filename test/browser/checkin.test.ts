/**
 * 扫码签到 on a phone (issue 16): the provider creates a session, uploads a material and shows the
 * check-in QR code; an applicant unit with an approved project signs up an attendee and downloads
 * the material; at 390 px the attendee opens the check-in link, confirms name and mobile and is
 * marked attended; a second attempt says already checked in. The browser server runs on the real
 * clock: the session starts a few minutes ahead, so sign-up is still open and check-in (from 30
 * minutes before the start) already is.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login } from './harness';

// 天津光晟光伏新能源科技有限公司 has an approved (已立项) demo project (src/server/seed/projects.ts).
const APPLICANT_WITH_APPROVED_PROJECT = 'app_013';
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n%checkin-browser\n';

/** `YYYY-MM-DD HH:mm` Beijing wall clock `ms` from now, rounded up to the minute. */
function beijingIn(ms: number): string {
  const w = new Date(Math.ceil((Date.now() + ms) / 60_000) * 60_000 + 8 * 3600_000).toISOString();
  return `${w.slice(0, 10)} ${w.slice(11, 16)}`;
}

/** A JSON call from the logged-in page (cookies + CSRF header as the web client sends them). */
async function call<T>(page: Page, method: string, url: string, body: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([m, u, b]) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('gg_csrf='))?.slice(8) ?? '';
      const r = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) }, body: m === 'GET' ? undefined : JSON.stringify(b) });
      return { status: r.status, body: await r.json() };
    },
    [method, url, body] as const,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
}

describe('扫码签到 on a phone', () => {
  const b = useBrowser();

  async function signIn(page: Page, username: string, home: string) {
    await page.goto('/login');
    await login(page, username, b.account('training_provider').password);
    await page.waitForURL((u) => u.pathname === home);
  }

  it('an attendee checks in by the QR link at 390 px, once; the unit downloads the material', { timeout: 240_000 }, async () => {
    const title = `质量工具方法专题培训（签到测试${Date.now() % 100000}）`;
    const provider = (await b.open()).page;
    await signIn(provider, b.account('training_provider').username, '/training');
    const session = await call<{ id: string }>(provider, 'POST', '/api/training/sessions', { title, venue: '天津市质量攻关培训服务中心一号教室', startsAt: beijingIn(5 * 60_000), endsAt: beijingIn(3 * 3600_000), capacity: 30 });

    // Provider: the roster page — lecturers, a material, the QR code.
    await provider.goto(`/training/sessions/${session.id}`);
    await provider.getByRole('heading', { level: 1, name: '报名名单' }).waitFor();
    await provider.getByRole('button', { name: '编辑授课老师' }).click();
    const lecturers = provider.getByRole('dialog', { name: '授课老师' });
    await lecturers.getByLabel('第1位老师姓名').fill('李明华');
    await lecturers.getByLabel('第1位老师职称').fill('正高级工程师');
    await lecturers.getByLabel('第1位老师工作单位').fill('天津市质量管理协会');
    await lecturers.getByRole('button', { name: '保存' }).click();
    await provider.getByTestId('lecturers').getByText('李明华（正高级工程师，天津市质量管理协会）').waitFor();
    await provider.getByLabel('资料标题').fill('质量工具与方法讲义');
    await provider.getByLabel('选择资料文件').setInputFiles({ name: '质量工具讲义.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await provider.getByRole('button', { name: '上传资料' }).click();
    await provider.getByText('已上传培训资料“质量工具与方法讲义”').waitFor();
    await provider.getByRole('button', { name: '显示签到二维码' }).click();
    await provider.getByRole('img', { name: '签到二维码' }).waitFor();
    const link = (await provider.getByTestId('checkin-url').getAttribute('href')) ?? '';
    const code = (await provider.getByTestId('checkin-code').textContent())?.trim() ?? '';
    expect(link).toMatch(new RegExp(`/checkin/${code}$`));

    // Applicant unit: signs up an attendee, then sees the lecturer and downloads the material.
    const applicant = (await b.open()).page;
    await signIn(applicant, APPLICANT_WITH_APPROVED_PROJECT, '/applicant');
    const projectId = (await call<{ items: { id: string }[] }>(applicant, 'GET', '/api/applicant/training/projects', null)).items[0].id;
    await call(applicant, 'POST', `/api/applicant/training/sessions/${session.id}/signups`, { projectId, attendeeName: '周海波', attendeeRole: 'quality_head', attendeePhone: '13920261616' });
    await applicant.goto('/applicant/training');
    const materials = applicant.getByTestId('my-materials');
    await materials.getByText('李明华（正高级工程师，天津市质量管理协会）').waitFor();
    const [download] = await Promise.all([applicant.waitForEvent('download'), materials.getByRole('link', { name: '下载“质量工具与方法讲义”' }).click()]);
    expect(download.suggestedFilename()).toBe('质量工具讲义.pdf');
    const saved = await download.path();
    expect(readFileSync(saved!, 'latin1')).toContain('%checkin-browser');

    // The attendee's phone: 390 px wide, opens the QR link.
    const phone = (await b.open()).page;
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(new URL(link).pathname);
    await phone.getByRole('heading', { level: 1, name: '培训签到' }).waitFor();
    await phone.getByText(title).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByLabel('姓名').fill('周海波');
    await phone.getByLabel('手机号码').fill('13920261616');
    await phone.getByRole('button', { name: '确认签到' }).click();
    await phone.getByText('签到成功').waitFor();
    await phone.getByText(/周海波，签到时间/).waitFor();

    // The provider's roster shows the attendee attended.
    await provider.reload();
    await provider.getByRole('checkbox', { name: '周海波出勤' }).waitFor();
    expect(await provider.getByRole('checkbox', { name: '周海波出勤' }).isChecked()).toBe(true);

    // A second attempt (the same link opened again) is refused: already checked in.
    await phone.reload();
    await phone.getByLabel('姓名').fill('周海波');
    await phone.getByLabel('手机号码').fill('13920261616');
    await phone.getByRole('button', { name: '确认签到' }).click();
    await phone.getByText(/无需重复签到/).waitFor();
  });

  it('the recommender sees its 未完成培训 list with the campaign rule and a count', async () => {
    const page = (await b.open()).page;
    const rec = b.account('recommender');
    await signIn(page, rec.username, '/recommender');
    await page.goto('/recommender/training');
    const card = page.getByTestId('incomplete-training');
    await card.getByText('培训要求：每个已立项项目的质量负责人至少参加 1 场宣贯培训').waitFor();
    const text = (await card.textContent()) ?? '';
    const [, approved, missing] = text.match(/已立项项目 (\d+) 个，未完成 (\d+) 个/) ?? [];
    expect(Number(missing)).toBeLessThanOrEqual(Number(approved));
    expect(text).toContain(`未完成培训（${missing}）`);
    // The count in the title and the rows agree.
    if (Number(missing) > 0) expect(await card.locator('tbody tr.ant-table-row').count()).toBe(Math.min(Number(missing), 20));
  });

  it('the commission sees every recommender’s 未完成培训 projects with the recommender named', { timeout: 120_000 }, async () => {
    const page = (await b.open()).page;
    await signIn(page, b.account('commission').username, '/commission');
    await page.goto('/commission/training');
    const card = page.getByTestId('incomplete-training');
    await card.getByText(/培训要求：每个已立项项目的质量负责人至少参加 1 场宣贯培训/).waitFor();
    await card.getByRole('columnheader', { name: '推荐单位' }).waitFor();
  });
});
