import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { ORG_IMPORT_COLUMNS } from '../../shared/organisations';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位与账户');
  ws.addRow([...ORG_IMPORT_COLUMNS]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('organisations (commission administrators)', () => {
  it('creates, edits (optimistic version) and lists organisations of every kind, audited', async () => {
    const admin = await t.login('demo_commission');
    const dept = await admin.post('/api/admin/organisations', { type: 'industry_department', name: '天津市交通运输委员会', divisionCode: '120000', contactName: '综合规划处', contactPhone: '022-24538000' });
    expect(dept.status, JSON.stringify(dept.body)).toBe(200);
    expect(dept.body).toMatchObject({ type: 'industry_department', typeLabel: '市级行业主管部门', district: '天津市（市级）', active: true, userCount: 0, version: 1 });
    const training = await admin.post('/api/admin/organisations', { type: 'training_provider', name: '天津市质量发展研究院培训中心' });
    expect(training.status).toBe(200);

    const edited = await admin.put(`/api/admin/organisations/${dept.body.id}`, { name: '天津市交通运输委员会', shortName: '市交通运输委', contactName: '科技处', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ shortName: '市交通运输委', contactName: '科技处', contactPhone: null, version: 2 });
    const stale = await admin.put(`/api/admin/organisations/${dept.body.id}`, { name: '天津市交通运输委员会', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');

    const list = await admin.get('/api/admin/organisation-directory?type=industry_department');
    expect(list.body.items.map((o: any) => o.name)).toContain('天津市交通运输委员会');
    const bureaus = await admin.get('/api/admin/organisation-directory?type=district_bureau');
    expect(bureaus.body.items).toHaveLength(16);
    expect(bureaus.body.items.every((o: any) => o.userCount >= 1)).toBe(true);

    const audit = await admin.get(`/api/audit?entity=organisation`);
    expect(audit.body.items.map((a: any) => a.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });

  it('refuses, naming the field: a second bureau for a district, a division that is no district, a duplicate name, a bad credit code', async () => {
    const admin = await t.login('demo_commission');
    const second = await admin.post('/api/admin/organisations', { type: 'district_bureau', name: '天津市滨海新区市场监管局（二）', divisionCode: '120116' });
    expect(second.status).toBe(400);
    expect(second.body.fields.divisionCode).toBe('滨海新区已有启用的区市场监管局（天津市滨海新区市场监督管理局）');
    const retired = await admin.post('/api/admin/organisations', { type: 'district_bureau', name: '天津市塘沽区市场监督管理局', divisionCode: '120107' });
    expect(retired.body.fields.divisionCode).toBe('行政区划代码120107不是天津市现行的16个区之一');
    const missing = await admin.post('/api/admin/organisations', { type: 'district_bureau', name: '某区市场监督管理局' });
    expect(missing.body.fields.divisionCode).toContain('须填写');
    const dup = await admin.post('/api/admin/organisations', { type: 'association', name: '天津市焊接协会' });
    expect(dup.status).toBe(400);
    expect(dup.body.fields.name).toBe('已有同名的行业协会“天津市焊接协会”');
    const bad = await admin.post('/api/admin/organisations', { type: 'association', name: '天津市计量测试学会', uscc: '51120103500732145X' });
    expect(bad.body.fields.uscc).toContain('第18位校验码');
    const long = await admin.post('/api/admin/organisations', { type: 'association', name: '会'.repeat(101) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('单位名称不能超过100个字');
  });

  it('lets only commission administrators manage organisations', async () => {
    for (const username of ['commission_reviewer', 'demo_recommender', 'demo_applicant', 'demo_expert', 'demo_training']) {
      const agent = await t.login(username);
      const res = await agent.post('/api/admin/organisations', { type: 'association', name: '天津市标准化协会' });
      expect(res.status, username).toBe(403);
      expect((await agent.get('/api/admin/organisation-directory')).status, username).toBe(403);
    }
  });

  it('disabling an organisation signs its accounts out and keeps them out until it is enabled again', async () => {
    const admin = await t.login('demo_commission');
    const rec = await t.login('rec_120101');
    const [heping] = (await admin.get('/api/admin/organisation-directory?type=district_bureau&q=和平区')).body.items;
    const off = await admin.post(`/api/admin/organisations/${heping.id}/active`, { active: false, version: heping.version });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await rec.get('/api/auth/me')).status).toBe(401);
    const again = await t.anonymous().post('/api/auth/login', { username: 'rec_120101', password: (await import('../../../test/support/template')).TEST_PASSWORD });
    expect(again.status).toBe(401);
    expect((await admin.get('/api/admin/organisation-directory?type=district_bureau')).body.items).toHaveLength(15);
    const on = await admin.post(`/api/admin/organisations/${heping.id}/active`, { active: true, version: off.body.version });
    expect(on.status).toBe(200);
    await t.login('rec_120101');
    const own = (await admin.get('/api/admin/organisation-directory?type=commission')).body.items[0];
    const self = await admin.post(`/api/admin/organisations/${own.id}/active`, { active: false, version: own.version });
    expect(self.status).toBe(409);
    expect(self.body.message).toBe('不能停用本人所在的单位');
  });

  it('imports nothing when any row is bad, and reports every bad row with its column', async () => {
    const admin = await t.login('demo_commission');
    const file = await sheet([
      ['行业协会', '天津市计量测试学会', '120103', '', '秘书处', '022-23361234', 'tjjl_mishu', '何雅琴', '13920112345', ''],
      ['区市场监管局', '天津市滨海新区市场监管局（重复）', '120116', '', '', '', '', '', '', ''],
      ['农委', '天津市农村工作委员会', '', '', '', '', 'nw_01', '张国庆', '', ''],
      ['行业协会', '天津市计量测试学会', '', '', '', '', 'tjjl_mishu', '', '', 'not-an-email'],
      ['专家库', '天津市质量攻关技术评定专家库', '', '', '', '', 'demo_expert', '李建华', '', ''],
    ]);
    const res = await admin.upload('/api/admin/organisations/import', '单位与账户.xlsx', file, XLSX);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.imported).toBe(false);
    expect(res.body.users).toEqual([]);
    expect(res.body.errors).toEqual([
      { row: 3, column: '行政区划代码', message: '滨海新区已有启用的区市场监管局（天津市滨海新区市场监督管理局）' },
      { row: 4, column: '单位类型', message: expect.stringContaining('“农委”不是可导入的单位类型') },
      { row: 5, column: '用户名', message: '与第2行的用户名重复' },
      { row: 5, column: '姓名', message: '请填写账户使用人姓名' },
      { row: 5, column: '电子邮箱', message: '“not-an-email”不是有效的电子邮箱' },
      { row: 6, column: '用户名', message: '用户名“demo_expert”已被使用' },
    ]);
    const none = await admin.get('/api/admin/organisation-directory?q=计量测试学会');
    expect(none.body.items).toEqual([]);
  });

  it('imports organisations and accounts in one go: accounts get temporary passwords and must change them', async () => {
    const admin = await t.login('demo_commission');
    const template = await admin.get('/api/admin/organisations/import-template');
    expect(template.status).toBe(200);
    expect(String(template.headers['content-type'])).toContain('spreadsheetml');
    const file = await sheet([
      ['行业协会', '天津市计量测试学会', '120103', '51120103500732144X', '秘书处', '022-23361234', 'tjjl_mishu', '何雅琴', '13920112345', 'heyq@tjjl.org.cn'],
      ['行业协会', '天津市计量测试学会', '', '', '', '', 'tjjl_zhao', '赵立新', '', ''],
      ['专家库', '天津市质量攻关技术评定专家库', '', '', '', '', 'expert_wangzy', '王振宇', '13612011111', 'wangzy@tju.edu.cn'],
      ['培训服务机构', '天津市质量协会培训部', '', '', '周老师', '', '', '', '', ''],
    ]);
    const res = await admin.upload('/api/admin/organisations/import', '单位与账户.xlsx', file, XLSX);
    expect(res.body.errors).toEqual([]);
    expect(res.body).toMatchObject({ imported: true, organisationsCreated: 2, organisationsReused: 1 });
    expect(res.body.users.map((u: any) => [u.row, u.username, u.organisation])).toEqual([
      [2, 'tjjl_mishu', '天津市计量测试学会'],
      [3, 'tjjl_zhao', '天津市计量测试学会'],
      [4, 'expert_wangzy', '天津市质量攻关技术评定专家库'],
    ]);
    const login = await t.anonymous().post('/api/auth/login', { username: 'expert_wangzy', password: res.body.users[2].temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'expert', mustChangePassword: true });
    const [assoc] = (await admin.get('/api/admin/organisation-directory?q=计量测试学会')).body.items;
    expect(assoc).toMatchObject({ type: 'association', userCount: 2, district: '河西区', uscc: '51120103500732144X' });
    const audit = await admin.get('/api/audit?action=import');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(audit.body.items)).not.toContain(res.body.users[0].temporaryPassword);
  });

  it('refuses a file that is not Excel or lacks a column', async () => {
    const admin = await t.login('demo_commission');
    const notXlsx = await admin.upload('/api/admin/organisations/import', '名单.xlsx', Buffer.from('单位类型,单位名称'), XLSX);
    expect(notXlsx.status).toBe(415);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['单位类型', '单位名称']);
    const partial = await admin.upload('/api/admin/organisations/import', '名单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(partial.status).toBe(400);
    expect(partial.body.fields.file).toContain('表头缺少列：行政区划代码');
  });
});
