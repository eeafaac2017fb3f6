/**
 * Issue 13.6 — free-form JSON is bounded in depth and size before validation, on every route.
 * A 5,000-level object in the campaign's rule parameters once overflowed the stack (500); a
 * 1,000-level one was stored in the active campaign.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/server/app';
import { createTestApp, type Agent, type TestApp } from '../support/test-app';

const CJK = /[\u3400-\u9fff]/;

/** `{"层": {"层": … "攻关" …}}` with `levels` objects, built as text (no recursion anywhere). */
function deepObjectText(levels: number): string {
  return '{"层":'.repeat(levels) + '"攻关"' + '}'.repeat(levels);
}

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('demo_commission');
});
afterAll(async () => t?.close());

async function campaignPut(levels: number) {
  const [row] = (await t.services.database.executeSql('SELECT id FROM campaigns WHERE year = 2026')).rows as { id: string }[];
  const current = (await admin.get(`/api/campaigns/${row.id}`)).body;
  const body = { version: current.version, title: current.title, documentNo: current.documentNo ?? null, status: current.status, config: current.config };
  expect(body.config.namingRules.length).toBeGreaterThan(0);
  const marker = `__DEEP_${levels}__`;
  body.config.namingRules[0].params = { ...(body.config.namingRules[0].params ?? {}), 深度: marker };
  const text = JSON.stringify(body).replace(JSON.stringify(marker), deepObjectText(levels));
  const res = await admin.request('PUT', `/api/campaigns/${row.id}`, text, { 'content-type': 'application/json' });
  const stored = (await t.services.database.executeSql(`SELECT config::text AS c FROM campaigns WHERE id = '${row.id}'`)).rows[0] as { c: string };
  return { res, stored: stored.c };
}

describe('deep and oversized JSON (issue 13.6)', () => {
  it('answers 400 in Chinese, naming the field, to a 5,000-level object in the campaign config', async () => {
    const { res, stored } = await campaignPut(5000);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe('validation');
    expect(res.body.message).toMatch(CJK);
    expect(res.body.message).toContain(`最多${MAX_JSON_DEPTH}层`);
    expect(Object.keys(res.body.fields)[0]).toMatch(/^config\.namingRules/);
    expect(stored).not.toContain('"层"');
  });

  it('does not store a 1,000-level object in the active campaign', async () => {
    const { res, stored } = await campaignPut(1000);
    expect(res.status).toBe(400);
    expect(stored).not.toContain('"层"');
  });

  it('still accepts ordinary nesting in the same field', async () => {
    const { res, stored } = await campaignPut(3);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(stored).toContain('"层"');
  });

  it('refuses a body with more values than allowed', async () => {
    const res = await admin.request('POST', '/api/auth/change-password', `{"currentPassword":"x","newPassword":"y","多":[${Array(150_000).fill('0').join(',')}]}`, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('数据项过多');
  });

  it('answers 400 (never 5xx, never stored) on every JSON route of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, any>> };
    const failures: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op?.requestBody?.content?.['application/json']) continue;
        const url = path.replace(/\{(\w+)\}/g, () => randomUUID());
        const res = await admin.request(method.toUpperCase() as 'POST', url, `{"附加":${deepObjectText(1000)}}`, { 'content-type': 'application/json' });
        checked++;
        // The route guard may refuse the commission first (401/403); otherwise the depth check answers.
        if (res.status >= 500 || res.status < 400) failures.push(`${method.toUpperCase()} ${path}: ${res.status}`);
        else if (res.status === 400 && !String(res.body?.message).includes('嵌套层数过多')) failures.push(`${method.toUpperCase()} ${path}: 400 but ${res.body?.message}`);
        else if (!CJK.test(String(res.body?.message))) failures.push(`${method.toUpperCase()} ${path}: ${res.status} not Chinese`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 60_000);
});
