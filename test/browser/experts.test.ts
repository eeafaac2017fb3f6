/**
 * 专家库 in a real browser (issue 18): the commission imports experts from Excel — a file with one
 * bad row is refused whole and the row is reported; the corrected file imports — and the 回避
 * records show the detected conflict with its reason (同单位：…) and the expert's declared relation.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPERT_IMPORT_COLUMNS } from '../../src/shared/experts';
import { useBrowser } from './fixtures';
import { login } from './harness';

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家');
  ws.addRow([...EXPERT_IMPORT_COLUMNS]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GOOD = ['expert_bw_cuijm', '崔佳明', '天津渤化清洁燃料有限公司', '', '正高级工程师', '车用燃料、质量管理', '滨海新区', '13612015678', 'cuijm@example.cn'];

describe('专家库 page', () => {
  const b = useBrowser();

  it('imports from Excel with one bad row reported, then shows the detected conflict with its reason', { timeout: 180_000 }, async () => {
    const { page } = await b.open();
    const admin = b.account('commission');
    await login(page, admin.username, admin.password);
    await page.waitForURL((u) => u.pathname === '/commission');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '专家库' }).click();
    await page.getByRole('heading', { level: 1, name: '专家库' }).waitFor();
    await page.getByRole('tab', { name: '批量导入' }).click();

    const input = page.getByTestId('expert-import').locator('input[type="file"]');
    await input.setInputFiles({ name: '专家.xlsx', mimeType: XLSX, buffer: await workbook([GOOD, ['expert_bw_bad', '符晓', '', '', '教授', '焊材', '', '', '']]) });
    await page.getByText('导入未生效，请修改以下问题后重新导入').waitFor();
    const errorRow = page.getByRole('row', { name: /第3行/ });
    await errorRow.getByText('请填写工作单位').waitFor();
    expect(await page.getByRole('row', { name: /第2行/ }).count()).toBe(0);

    await input.setInputFiles({ name: '专家.xlsx', mimeType: XLSX, buffer: await workbook([GOOD]) });
    await page.getByText('已导入的专家及临时密码').waitFor();
    await page.getByRole('cell', { name: 'expert_bw_cuijm' }).waitFor();

    await page.getByRole('tab', { name: '专家名单' }).click();
    await page.getByPlaceholder('按姓名、工作单位、职称查找').fill('崔佳明');
    await page.getByPlaceholder('按姓名、工作单位、职称查找').press('Enter');
    const row = page.getByRole('row', { name: /崔佳明/ });
    await row.getByRole('button', { name: '变更状态' }).click();
    const dialog = page.getByRole('dialog', { name: /变更专家状态/ });
    await dialog.getByLabel('变更原因').fill('本人申请暂停至年底');
    await dialog.getByRole('button', { name: '确定' }).click();
    // The dialog closes on success (the 专家状态已变更 toast is transient: on a loaded machine it can be gone before it is seen).
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('暂停').waitFor();
    await row.getByRole('button', { name: '变更记录' }).click();
    await page.getByRole('dialog', { name: /状态变更记录/ }).getByText('在库 → 暂停').waitFor();
    await page.getByRole('dialog', { name: /状态变更记录/ }).getByRole('button', { name: /Close|关闭/ }).click();

    await page.getByRole('tab', { name: '回避记录' }).click();
    const conflict = page.getByRole('row', { name: /崔佳明/ }).first();
    await conflict.getByText(/同单位：专家工作单位“天津渤化清洁燃料有限公司”即项目申报单位/).waitFor();
    await conflict.getByText('系统识别').waitFor();
    await page.getByText(/本人申报关系：与项目申报单位“天津渤化清洁燃料有限公司”/).first().waitFor();
  });

  it('an expert keeps its own profile and its declared relations', { timeout: 120_000 }, async () => {
    const { page } = await b.open();
    const expert = b.account('expert');
    await login(page, expert.username, expert.password);
    await page.waitForURL((u) => u.pathname === '/expert');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '本人信息与回避申报' }).click();
    await page.getByRole('heading', { level: 1, name: '本人信息与关联申报' }).waitFor();
    await expect.poll(() => page.getByLabel('关联单位名称').first().inputValue()).toBe('天津渤化清洁燃料有限公司');
    await page.getByRole('button', { name: '添加关联关系' }).click();
    await page.getByLabel('关联单位名称').nth(1).fill('天津港湾汽车零部件股份有限公司');
    await page.getByLabel('关系说明').nth(1).fill('配偶在该公司任质量部经理');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存；关联关系将用于评定回避').waitFor();
  });
});
