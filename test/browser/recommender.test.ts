/**
 * 程序一 for the recommender in a real browser: the inbox, a review with 退回补正 (field comment),
 * a 推荐 with an opinion, 推荐报送 (汇总表 download, stamped PDF upload, send), and the commission
 * seeing the batch. The applications are submitted through the API as demo_applicant first.
 *
 * The harness server runs on the real clock: after 2026-04-20 the demo seed has opened a 补报窗口
 * for the 滨海新区 bureau (demo_recommender), which is what lets the submit and the send through.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCommonApplication, buildPreciseApplication } from '../../src/server/documents/fixtures';
import type { ApplicationForm } from '../../src/domain/application-form';
import { useBrowser } from './fixtures';
import { login } from './harness';
import { tinyPdf } from '../support/tiny-pdf';

/** A minimal API client with the session cookie and the CSRF double-submit header. */
class ApiClient {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const h: Record<string, string> = { accept: 'application/json', ...headers };
    h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('gg_csrf');
    if (csrf && method !== 'GET') h['x-csrf-token'] = decodeURIComponent(csrf);
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload });
    this.remember(res);
    const text = await res.text();
    const data = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${typeof data === 'string' ? data : JSON.stringify(data)}`);
    return data as T;
  }

  login(username: string, password: string) {
    return this.request('POST', '/api/auth/login', { username, password });
  }

  async uploadPdf(name: string, purpose: string) {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(tinyPdf(name + Date.now()))], { type: 'application/pdf' }), name);
    return this.request<{ id: string; name: string; size: number }>('POST', `/api/files?purpose=${purpose}`, fd);
  }
}

const stamp = Date.now().toString(36).slice(-4);
const NAME_RETURN = `降低协作机器人减速器装配不良率（${stamp}）`;
const NAME_RECOMMEND = `提高协作机器人关节模组焊点可靠性（${stamp}）`;
const NAME_STALE = `降低协作机器人谐波减速器回差超差率（${stamp}）`;
const OPINION = '经核查，该单位申报材料齐全、内容真实，攻关目标明确、量化指标可考核，技术路线可行，同意推荐。';

describe('recommender: review, recommend and send the batch; commission receives it', () => {
  const b = useBrowser();
  let applicantApi: ApiClient;
  const submitted = new Map<string, { id: string; version: number }>();

  beforeAll(async () => {
    const applicant = b.account('applicant');
    const api = (applicantApi = new ApiClient(b.url));
    await api.login(applicant.username, applicant.password);
    const org = await api.request<{ name: string; uscc: string | null; district: string | null; address: string | null; nature: string | null }>('GET', '/api/applicant/organisation');
    const campaign = await api.request<{ vetoChecklist: { id: string }[] }>('GET', '/api/public/campaign');
    const licence = await api.uploadPdf('营业执照（副本）.pdf', 'attachment');
    const commitment = await api.uploadPdf('申报单位承诺书（盖章）.pdf', 'commitment_scan');

    const complete = (form: ApplicationForm, name: string): ApplicationForm => {
      form.unit = { ...form.unit, name: org.name, uscc: org.uscc ?? undefined, district: org.district ?? undefined, address: org.address ?? undefined, nature: (org.nature as 'enterprise') ?? 'enterprise' };
      form.project = { ...form.project, name };
      form.vetoDeclarations = Object.fromEntries(campaign.vetoChecklist.map((v) => [v.id, true]));
      form.attachments = [
        { kind: 'business_licence', fileId: licence.id, fileName: licence.name, size: licence.size },
        { kind: 'commitment_scan', fileId: commitment.id, fileName: commitment.name, size: commitment.size },
      ];
      form.benefits = { ...form.benefits, byArea: { ...(form.benefits.byArea ?? {}), efficiency: '产品一次合格率由96.2%提升至98.8%以上' } };
      if (!form.project.benefitAreas?.includes('efficiency')) form.project.benefitAreas = [...(form.project.benefitAreas ?? []), 'efficiency'];
      form.duplicateExplanation = '本项目为本单位2026年新立项目，与历年成果及本年度其他申报在攻关对象和技术路线上均不相同。';
      return form;
    };
    const precise = buildPreciseApplication();
    // The second one: other content (solder joints) as a 精准提升 project of the same unit.
    const other = buildCommonApplication();
    other.project = { ...other.project, direction: 'precise', targets: precise.project.targets, chain: '协作机器人' };
    other.consortium = [];
    other.team = other.team.map((m) => ({ ...m, unit: org.name }));

    const third = buildPreciseApplication();
    third.content.background = '谐波减速器柔轮与刚轮装配后回差超差，整机返修率高，交付周期延长。';
    for (const form of [complete(precise, NAME_RETURN), complete(other, NAME_RECOMMEND), complete(third, NAME_STALE)]) {
      const created = await api.request<{ id: string; version: number }>('POST', '/api/applications', {});
      const saved = await api.request<{ version: number }>('PUT', `/api/applications/${created.id}/draft`, { version: created.version, form });
      const done = await api.request<{ version: number }>('POST', `/api/applications/${created.id}/submit`, { version: saved.version }, { 'Idempotency-Key': `browser-submit-${created.id}` });
      submitted.set(form.project.name!, { id: created.id, version: done.version });
    }
  });

  it('returns one with a field comment, recommends another, sends the batch; the commission sees it', async () => {
    const recommender = b.account('recommender');
    const { page } = await b.open();
    // A missing element fails within 20 s with the locator named, not at the test timeout.
    page.setDefaultTimeout(20_000);
    await page.goto('/login');
    await login(page, recommender.username, recommender.password);
    await page.waitForURL((u) => u.pathname === '/recommender');

    // ---- inbox ----
    const menu = page.getByRole('navigation', { name: '功能菜单' });
    await menu.getByRole('menuitem', { name: '申报审核' }).click();
    await page.getByRole('heading', { level: 1, name: '申报审核' }).waitFor();
    await page.getByRole('link', { name: NAME_RETURN, exact: true }).waitFor();
    await page.getByRole('link', { name: NAME_RECOMMEND, exact: true }).waitFor();
    await page.getByText(/共 \d+ 条/).waitFor();
    expect(await page.getByRole('tab', { name: /待审核/ }).getAttribute('aria-selected')).toBe('true');

    // Search narrows the list; the export link carries the same filters.
    await page.getByPlaceholder('项目名称、申报单位或申报编号').fill(stamp);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 3 条').waitFor();
    expect(await page.getByTestId('inbox-export').getAttribute('href')).toContain(`q=${stamp}`);
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('inbox-export').click()]);
    expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);

    // ---- 退回补正 with a field comment ----
    await page.getByRole('link', { name: NAME_RETURN, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: NAME_RETURN }).waitFor();
    await page.getByRole('heading', { name: '一、申报单位基本情况' }).waitFor();
    // Team ID numbers arrive masked.
    const idCells = await page.locator('td').filter({ hasText: /^\d{4}\*+\d{3}[\dX]$|\*{4,}/ }).count();
    expect(idCells).toBeGreaterThan(0);
    expect(await page.getByTestId('completeness').locator('[data-status="bad"]').count()).toBe(0);

    await page.getByRole('button', { name: '退回补正' }).click();
    const ret = page.getByRole('dialog', { name: /退回补正/ });
    await ret.getByLabel('退回原因').fill('攻关目标的量化指标缺少基线数据来源，请补充说明。');
    await ret.getByRole('button', { name: '添加逐项意见' }).click();
    await ret.getByLabel('第1条意见的申报书栏目').click();
    await page.keyboard.type('技术路线');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '技术路线与实施方案' }).click();
    await ret.getByLabel('第1条意见内容').fill('请补充选配规则DOE试验的样本量和验证周期。');
    await ret.getByRole('button', { name: '确认退回' }).click();
    await ret.waitFor({ state: 'hidden' });
    await page.locator('.gg-page-header [data-state="returned"]').waitFor();
    await page.getByRole('tab', { name: /审核记录/ }).click();
    const entry = page.getByTestId('review-entry').filter({ hasText: '退回补正' });
    await entry.getByText('技术路线与实施方案').waitFor();
    await entry.getByText('请补充选配规则DOE试验的样本量和验证周期。').waitFor();

    // ---- 推荐 with an opinion ----
    await page.getByRole('link', { name: '返回列表' }).click();
    await page.getByRole('link', { name: NAME_RECOMMEND, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: NAME_RECOMMEND }).waitFor();
    await page.getByRole('button', { name: /(^|\s)推荐$/ }).click();
    const rec = page.getByRole('dialog', { name: /推荐/ });
    // Too short an opinion is refused before anything is sent.
    await rec.getByLabel('推荐意见').fill('同意推荐');
    await rec.getByRole('button', { name: '确认推荐' }).click();
    await rec.getByText(/推荐意见至少\d+个字/).waitFor();
    await rec.getByLabel('推荐意见').fill(OPINION);
    await rec.getByText(/申报材料内容真实、有效/).click();
    await rec.getByRole('button', { name: '确认推荐' }).click();
    await rec.waitFor({ state: 'hidden' });
    await page.locator('.gg-page-header [data-state="recommended"]').waitFor();
    await page.getByText(OPINION).first().waitFor();

    // ---- 推荐报送 ----
    await menu.getByRole('menuitem', { name: '推荐报送' }).click();
    await page.getByRole('heading', { level: 1, name: '推荐报送' }).waitFor();
    const projects = page.getByTestId('batch-projects');
    await projects.getByRole('link', { name: NAME_RECOMMEND, exact: true }).waitFor();
    expect(await projects.getByRole('link', { name: NAME_RETURN, exact: true }).count()).toBe(0);
    // The 补报窗口 of the demo seed is shown with its deadline.
    await page.getByTestId('batch-deadline').getByText('补报窗口', { exact: true }).waitFor();
    await page.getByTestId('batch-deadline').getByRole('timer').waitFor();

    // Reorder: move the project just recommended to the top (saved at once with PUT /api/recommender/order).
    if ((await projects.locator('tbody tr.ant-table-row').count()) > 1) {
      const up = page.getByRole('button', { name: `上移《${NAME_RECOMMEND}》` });
      const position = async () => (await projects.locator('tbody tr.ant-table-row').allTextContents()).findIndex((t) => t.includes(NAME_RECOMMEND));
      for (let at = await position(); at > 0; at = await position()) {
        await up.click();
        await expect.poll(position).toBe(at - 1);
        await expect.poll(() => up.isEnabled()).toBe(at - 1 > 0);
      }
      await expect.poll(() => projects.locator('tbody tr.ant-table-row').first().textContent()).toContain(NAME_RECOMMEND);
    }
    await expect.poll(() => page.getByTestId('readiness').locator('li[data-key="order"]').getAttribute('data-status')).toBe('ok');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('summary-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/汇总表.*\.xlsx$/);
    const xlsxPath = await xlsx.path();
    expect(readFileSync(xlsxPath).subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByLabel('联系人', { exact: true }).fill('刘晓梅');
    await page.getByLabel('联系电话').fill('022-65305678');
    await page.getByRole('button', { name: '保存联系人' }).click();
    await page.getByText('联系人已保存').waitFor();

    await page.getByTestId('stamped-upload').locator('input[type="file"]').setInputFiles({ name: '盖章版汇总表.pdf', mimeType: 'application/pdf', buffer: tinyPdf('stamped') });
    await page.getByTestId('stamped-upload').getByRole('link', { name: '盖章版汇总表.pdf' }).waitFor();

    const sendButton = page.getByRole('button', { name: '报送市市场监管委' });
    await expect.poll(() => sendButton.isEnabled()).toBe(true);
    expect(await page.getByTestId('readiness').locator('[data-status="bad"]').count()).toBe(0);
    await sendButton.click();
    const confirm = page.getByRole('dialog', { name: '确认报送市市场监管委' });
    await confirm.getByText('报送后不可撤回').waitFor();
    await confirm.getByRole('button', { name: '确认报送' }).click();
    // Sending generates and stores the Word and Excel 汇总表: allow it time.
    await page.locator('[data-testid="batch-sent"], [data-testid="send-error"]').first().waitFor({ timeout: 60_000 });
    // A refusal of the server (e.g. the deadline) is shown as is; here the 补报窗口 lets it through.
    if (await page.getByTestId('send-error').isVisible()) throw new Error(`send refused: ${await page.getByTestId('send-error').textContent()}`);
    await page.getByTestId('batch-sent').waitFor();
    const history = page.getByTestId('batch-history');
    await history.locator('[data-state="sent"]').first().waitFor();
    await history.getByRole('link', { name: /^下载压缩包：/ }).first().waitFor();
    // The new composing batch starts empty: the sent project left the list.
    await expect.poll(() => projects.getByRole('link', { name: NAME_RECOMMEND, exact: true }).count(), { timeout: 15_000 }).toBe(0);

    // ---- the commission sees the batch ----
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    const commission = b.account('commission');
    await login(page, commission.username, commission.password);
    await page.waitForURL((u) => u.pathname === '/commission');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '推荐批次接收' }).click();
    await page.getByRole('heading', { level: 1, name: '推荐批次接收' }).waitFor();
    const row = page.getByTestId('commission-batches').getByRole('row').filter({ hasText: recommender.organisation });
    await row.first().waitFor();
    await row.first().locator('[data-state="sent"]').waitFor();
    expect(await row.first().getByTestId('batch-completeness').getAttribute('data-complete')).toBe('true');
    await row.first().getByRole('link', { name: new RegExp(`：${recommender.organisation}的推荐批次$`) }).click();
    await page.getByRole('heading', { level: 1, name: `推荐批次：${recommender.organisation}` }).waitFor();
    await page.getByRole('cell', { name: new RegExp(`^${NAME_RECOMMEND.replace(/[()（）]/g, '.')}`) }).waitFor();
    await page.getByRole('button', { name: '接收' }).click();
    await page.getByRole('dialog', { name: '确认接收该推荐批次' }).getByRole('button', { name: '确认接收' }).click();
    await page.locator('.gg-page-header [data-state="received"]').waitFor();
  }, 240_000);

  it('answers a stale version with 已被他人修改，请刷新 and reloads the application', async () => {
    const recommender = b.account('recommender');
    const { page } = await b.open();
    page.setDefaultTimeout(20_000);
    await page.goto('/login');
    await login(page, recommender.username, recommender.password);
    await page.waitForURL((u) => u.pathname === '/recommender');
    const target = submitted.get(NAME_STALE)!;
    await page.goto(`/recommender/reviews/${target.id}`);
    await page.getByRole('heading', { level: 1, name: NAME_STALE }).waitFor();
    await page.locator('.gg-page-header [data-state="submitted"]').waitFor();

    // Meanwhile the applicant withdraws it (the page still holds the old version).
    await applicantApi.request('POST', `/api/applications/${target.id}/withdraw`, { version: target.version });

    await page.getByRole('button', { name: '退回补正' }).click();
    const ret = page.getByRole('dialog', { name: /退回补正/ });
    await ret.getByLabel('退回原因').fill('请补充回差检测数据的原始记录。');
    await ret.getByRole('button', { name: '确认退回' }).click();
    await ret.getByRole('alert').filter({ hasText: '已被他人修改，请刷新' }).waitFor();
    // The page reloaded: the application now shows its new state, and 退回补正 is no longer offered.
    await page.locator('.gg-page-header [data-state="withdrawn"]').waitFor();
    await ret.getByRole('button', { name: '取消' }).click();
    expect(await page.getByRole('button', { name: '退回补正' }).isDisabled()).toBe(true);
  });
});
