/**
 * 项目实施 / 跟踪服务 in the browser: the unit of an approved demo project without a plan
 * (天津速达充电器, src/server/seed/implementation.ts) writes its PDCA plan, sends two progress
 * reports with measurements (the current period and a milestone), adjusts the plan (策略调整 with a
 * reason); its recommender (武清区 bureau) records a visit with guidance; the unit answers; the
 * indicator chart renders (canvas, screenshot in the test's temp dir).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixtures';
import { login } from './harness';

/** 天津速达充电器电子有限公司 (the 17th demo applicant) and its recommender, the 武清区 bureau. */
const UNIT_USER = 'app_017';
const RECOMMENDER_USER = 'rec_120114';
const PROJECT = '降低电动自行车充电器过充保护失效率';

const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('项目实施 and 跟踪服务 pages', () => {
  const b = useBrowser();

  async function openProject(page: Page, username: string, password: string, home: string, menu: string) {
    await page.goto('/login');
    await login(page, username, password);
    await page.waitForURL((u) => u.pathname === home);
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: menu }).click();
    await page.getByRole('heading', { level: 1, name: menu }).waitFor();
    await page.getByRole('link', { name: PROJECT }).click();
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
  }

  async function sendReport(page: Page, opts: { period?: string; done: string; value: string; measuredOn: string }) {
    await page.getByRole('tab', { name: /进展报告/ }).click();
    await page.getByRole('button', { name: '报送进展报告' }).click();
    const dialog = page.getByRole('dialog', { name: '报送进展报告' });
    if (opts.period) {
      await dialog.getByLabel('报告期').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: opts.period }).click();
    }
    await dialog.getByLabel('已完成工作').fill(opts.done);
    await dialog.getByLabel('测量日期').fill(opts.measuredOn);
    await dialog.getByLabel('过充保护失效率测量值').fill(opts.value);
    await dialog.getByLabel('下一步计划').fill('扩大验证批量，完善来料检验规范');
    await dialog.getByRole('button', { name: '报送' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('plan → two reports → adjustment → visit with guidance → the unit answers; the chart renders', { timeout: 300_000 }, async () => {
    // Every demo account shares the installation's demo password.
    const password = b.account('applicant').password;

    // ---- the unit: plan ----
    const unit = (await b.open()).page;
    await openProject(unit, UNIT_USER, password, '/applicant', '项目实施');
    await unit.getByRole('tab', { name: '实施方案' }).click();
    await unit.getByRole('button', { name: '制定实施方案' }).click();
    const drawer = unit.getByRole('dialog', { name: '制定实施方案（PDCA）' });
    await drawer.getByLabel('攻关目标').fill('充电器过充保护失效率由0.6%降至0.2%以下');
    await drawer.getByLabel('开始日期').fill(daysFromToday(-5));
    await drawer.getByLabel('结束日期').fill(daysFromToday(300));
    for (const [i, title] of ['失效模式分析', '保护电路改进', '老化试验验证', '纳入设计规范'].entries()) await drawer.getByLabel(`阶段${i + 1}名称`).fill(title);
    await drawer.getByRole('button', { name: '添加里程碑' }).click();
    await drawer.getByLabel('里程碑1名称').fill('完成保护电路改版');
    await drawer.getByLabel('里程碑1计划日期').fill(daysFromToday(60));
    await drawer.getByLabel('里程碑1责任人').fill('周明');
    await drawer.getByLabel('指标1名称').fill('过充保护失效率');
    await drawer.getByLabel('指标1单位').fill('%');
    await drawer.getByLabel('指标1基线值').fill('0.6');
    await drawer.getByLabel('指标1目标值').fill('0.2');
    await drawer.getByRole('button', { name: '提交实施方案' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await unit.getByText('已提交（第1版）').waitFor();

    // ---- two reports with measurements: the current period and the milestone ----
    await sendReport(unit, { done: '完成失效样品解剖分析，确定保护IC阈值漂移为主因', value: '0.48', measuredOn: daysFromToday(-3) });
    await sendReport(unit, { period: '里程碑：完成保护电路改版', done: '保护电路改版完成并小批试产', value: '0.31', measuredOn: beijingToday() });
    await unit.getByRole('cell', { name: '里程碑报告' }).waitFor();

    // ---- adjustment (策略调整) ----
    await unit.getByRole('tab', { name: '实施方案' }).click();
    await unit.getByRole('button', { name: '策略调整' }).click();
    const adj = unit.getByRole('dialog', { name: '策略调整：修改实施方案' });
    await adj.getByLabel('调整原因').fill('改版效果好于预期，目标值调整为0.15%');
    await adj.getByLabel('指标1目标值').fill('0.15');
    await adj.getByRole('button', { name: '提交策略调整' }).click();
    await adj.waitFor({ state: 'hidden' });
    await unit.getByText('已提交（第2版）').waitFor();
    await unit.getByText('调整原因：改版效果好于预期，目标值调整为0.15%').waitFor();

    // ---- the recommender: a visit with guidance ----
    const rec = (await b.open()).page;
    await openProject(rec, RECOMMENDER_USER, password, '/recommender', '跟踪服务');
    await rec.getByRole('tab', { name: /跟踪服务/ }).click();
    await rec.getByRole('button', { name: '登记走访 / 检查' }).click();
    const visit = rec.getByRole('dialog', { name: '登记走访 / 检查' });
    await visit.getByLabel('走访日期').fill(beijingToday());
    await visit.getByLabel('参加人员').fill('武清区市场监管局质量科 李强');
    await visit.getByLabel('发现情况').fill('保护电路改版已小批试产，老化试验方案尚不完整');
    await visit.getByLabel('指导意见').fill('建议补充高温高湿条件下的老化试验，并用控制图监控保护阈值');
    await visit.getByRole('button', { name: '保存' }).click();
    await visit.waitFor({ state: 'hidden' });
    await rec.getByTestId('item-guidance').getByText('建议补充高温高湿条件下的老化试验，并用控制图监控保护阈值').waitFor();

    // ---- the unit answers ----
    await unit.reload();
    await unit.getByRole('tab', { name: /跟踪服务/ }).click();
    const guidance = unit.getByTestId('item-guidance');
    await guidance.getByRole('button', { name: '答复' }).click();
    const answer = unit.getByRole('dialog', { name: '答复指导意见' });
    await answer.getByLabel('答复内容').fill('已补充85℃/85%RH老化试验，保护阈值纳入X-R控制图');
    await answer.getByRole('button', { name: '提交' }).click();
    await answer.waitFor({ state: 'hidden' });
    await guidance.getByText('已答复').waitFor();

    // ---- overview: timeline and the indicator chart ----
    await unit.getByRole('tab', { name: '概况' }).click();
    await unit.getByTestId('timeline-adjustment').waitFor();
    await unit.getByTestId('timeline-visit').waitFor();
    const chart = unit.getByTestId('chart-i1');
    await chart.locator('canvas').first().waitFor();
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    const label = await chart.getAttribute('aria-label');
    expect(label).toContain('目标0.15%');
    expect(label).toContain('已有2个测量值');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-implementation-'));
    const shot = path.join(dir, 'indicator-chart.png');
    await chart.screenshot({ path: shot });
    expect(existsSync(shot)).toBe(true);

    // The recommender's dashboard lists the project (an answered guidance stays open until closed).
    await rec.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '跟踪服务' }).click();
    await rec.getByRole('heading', { level: 1, name: '跟踪服务' }).waitFor();
    await rec.getByRole('link', { name: PROJECT }).waitFor();
  });
});
