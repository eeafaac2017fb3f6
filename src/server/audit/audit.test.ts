import ExcelJS from 'exceljs';
import { auditActionLabel } from '../../shared/audit-labels';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { verifyAuditChain } from './verify-chain';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('audit log', () => {
  it('records logins with who, organisation, role, address and request id', async () => {
    const admin = await t.login('demo_commission');
    await t.login('demo_recommender');
    const res = await admin.get('/api/audit?action=login&pageSize=50');
    expect(res.status).toBe(200);
    const entry = res.body.items.find((e: any) => e.summary.username === 'demo_recommender');
    expect(entry).toMatchObject({ entity: 'user', action: 'login', actorRole: 'recommender', actorOrgName: '天津市滨海新区市场监督管理局' });
    expect(entry.requestId).toBeTruthy();
    expect(entry.ip).toBeTruthy();
  });

  it('verifies the chain, and names the first tampered entry', async () => {
    const admin = await t.login('demo_commission');
    await admin.post('/api/auth/logout-all');
    const before = await verifyAuditChain(t.services.database.db);
    expect(before.ok).toBe(true);
    const { rows } = await t.services.database.executeSql('SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1');
    const victim = Number(rows[0].seq);
    await t.services.database.db.execute(sql`UPDATE audit_log SET summary = '{"username":"someone_else"}'::jsonb WHERE seq = ${victim}`);
    const after = await verifyAuditChain(t.services.database.db);
    expect(after).toMatchObject({ ok: false, brokenSeq: victim });
  });

  it('exports the filtered entries to Excel, codes written as their Chinese labels', async () => {
    const admin = await t.login('demo_commission');
    const res = await admin.get('/api/audit/export.xlsx?action=login');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).getCell(1).value).toBe('序号');
    const actions = new Set<string>();
    const roles = new Set<string>();
    ws.eachRow((row, i) => {
      if (i === 1) return;
      actions.add(String(row.getCell(8).value));
      roles.add(String(row.getCell(4).value));
    });
    expect([...actions]).toEqual([auditActionLabel('login')]);
    expect(auditActionLabel('login')).not.toBe('login');
    expect([...roles].every((r) => /[\u4e00-\u9fa5]/.test(r))).toBe(true);
    expect(String(ws.getRow(2).getCell(9).value)).not.toMatch(/^\{"/);
  });

  it('refuses the audit log to everyone but the commission', async () => {
    for (const u of ['demo_applicant', 'demo_recommender', 'demo_expert', 'demo_training']) {
      const a = await t.login(u);
      expect((await a.get('/api/audit')).status, u).toBe(403);
      expect((await a.get('/api/audit/export.xlsx')).status, u).toBe(403);
    }
    expect((await t.anonymous().get('/api/audit')).status).toBe(401);
  });
});
