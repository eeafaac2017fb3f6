/**
 * Experts are anonymous to applicants and recommenders in every channel (issue 18): walk EVERY GET
 * endpoint the app publishes (its OpenAPI document) as an applicant and as a recommender, with ids
 * of records that are linked to experts (a project with 回避 findings), and look for any expert's
 * name or username in what comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { insertProject, orgOfUser } from '../../../test/support/factories';

let t: TestApp;
let projectId: string;
const SECRET_NAMES = ['龚嘉懿', '祁慕白'];
const SECRET_USERNAMES = ['expert_gongjy', 'expert_qimb', 'demo_expert'];

beforeAll(async () => {
  t = await createTestApp();
  const commission = await t.login('demo_commission');
  const p = await insertProject(t, { applicant: 'demo_applicant', state: 'approved', name: '协作机器人关节轴承早期失效检测攻关' });
  projectId = p.id;
  const unit = await orgOfUser(t, 'demo_applicant');
  const rec = await orgOfUser(t, 'demo_recommender');
  const a = await commission.post('/api/commission/experts', { username: 'expert_gongjy', name: '龚嘉懿', employer: unit.name, title: '正高级工程师', fields: ['协作机器人'] });
  const b = await commission.post('/api/commission/experts', { username: 'expert_qimb', name: '祁慕白', employer: rec.name, title: '高级经济师', fields: ['质量管理'] });
  expect([a.status, b.status]).toEqual([200, 200]);
  const found = await commission.get(`/api/commission/conflicts?projectId=${projectId}`);
  expect(found.body.items.map((c: { expertName: string }) => c.expertName).sort()).toEqual([...SECRET_NAMES].sort());
  const c = found.body.items[0];
  expect((await commission.post(`/api/commission/conflicts/${c.id}/decision`, { decision: 'confirmed', reason: '同单位，确认回避', version: c.version })).status).toBe(200);
});
afterAll(() => t.close());

function fill(path: string): string {
  return path
    .replace(/\{(id|projectId)\}/g, projectId)
    .replace('{n}', '1')
    .replace('{format}', 'docx')
    .replace('{code}', '91120116MA05TEST1X');
}

describe('expert anonymity', () => {
  for (const username of ['demo_applicant', 'demo_recommender']) {
    it(`no GET endpoint shows an expert to ${username}`, async () => {
      const spec = await t.anonymous().get('/api/openapi.json');
      const paths = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>)
        .filter(([, methods]) => 'get' in methods)
        .map(([p]) => p);
      expect(paths.length).toBeGreaterThan(50);
      expect(paths).toContain('/api/commission/experts');
      const agent = await t.login(username);
      let answered = 0;
      for (const p of paths) {
        const res = await agent.get(fill(p));
        const text = res.body !== undefined ? JSON.stringify(res.body) : String(res.headers['content-type'] ?? '').startsWith('text/') ? res.raw.toString('utf8') : '';
        for (const secret of [...SECRET_NAMES, ...SECRET_USERNAMES]) expect(text, `${p} (${res.status}) shows ${secret}`).not.toContain(secret);
        if (res.status === 200) answered++;
      }
      expect(answered).toBeGreaterThan(10);
    });
  }
});
