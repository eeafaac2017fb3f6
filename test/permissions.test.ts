/**
 * The permission matrix (issue 3): every API route × every role. The expectations below are
 * written independently of src/server/policy, so a policy change that opens an area fails here.
 * A second pass uses real ids of another organisation's records for the roles that may call a
 * route: they must answer 403/404 and leak nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from './support/factories';
import { Agent, createTestApp, type TestApp } from './support/test-app';

type Who = 'anonymous' | 'applicant' | 'recommender' | 'commission' | 'commission_admin' | 'expert' | 'training_provider';
const USERS: Record<Exclude<Who, 'anonymous'>, string> = {
  applicant: 'demo_applicant',
  recommender: 'demo_recommender',
  commission: 'commission_reviewer',
  commission_admin: 'demo_commission',
  expert: 'demo_expert',
  training_provider: 'demo_training',
};

/** Who may reach each area at all (longest prefix wins). */
const EXPECTED: [prefix: string, who: Who[] | 'everyone' | 'signed-in'][] = [
  ['/api/public/', 'everyone'],
  ['/api/health', 'everyone'],
  ['/api/metrics', 'everyone'], // from this machine (inject is loopback) or with METRICS_TOKEN
  ['/api/auth/login', 'everyone'],
  ['/api/auth/logout', 'everyone'],
  ['/api/auth/session', 'everyone'],
  ['/api/auth/', 'signed-in'],
  ['/api/files', 'signed-in'],
  ['/api/notifications', 'signed-in'],
  ['/api/admin/', ['commission_admin']],
  ['/api/audit', ['commission', 'commission_admin']],
  ['/api/campaigns', ['commission', 'commission_admin']],
  ['/api/campaigns/years', 'signed-in'], // the year selector of every role
  ['/api/commission/', ['commission', 'commission_admin']],
  ['/api/recommender/', ['recommender']],
  ['/api/applications', ['applicant', 'recommender', 'commission', 'commission_admin']],
  ['/api/applicant/', ['applicant']],
  ['/api/expert/', ['expert']],
  ['/api/training/', ['training_provider', 'commission', 'commission_admin']],
  ['/api/implementation/', ['applicant', 'recommender', 'commission', 'commission_admin']],
  ['/api/tracking/', ['applicant', 'recommender', 'commission', 'commission_admin']],
];

function mayReach(path: string, who: Who): boolean {
  const hit = EXPECTED.filter(([p]) => path.startsWith(p)).sort((a, b) => b[0].length - a[0].length)[0];
  if (!hit) return false;
  const [, rule] = hit;
  if (rule === 'everyone') return true;
  if (rule === 'signed-in') return who !== 'anonymous';
  return rule.includes(who);
}

let t: TestApp;
let agents: Record<Who, Agent>;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await createTestApp();
  agents = { anonymous: t.anonymous() } as Record<Who, Agent>;
  for (const [who, username] of Object.entries(USERS)) agents[who as Who] = await t.login(username);
  const doc = (await t.anonymous().get('/api/openapi.json')).body;
  routes = [];
  for (const [path, ops] of Object.entries<any>(doc.paths)) {
    for (const method of Object.keys(ops)) if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) routes.push({ method: method.toUpperCase(), path });
  }
});
afterAll(async () => t.close());

const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);
const FOREIGN_UUID = '4f1c2b7e-9d3a-4c5b-8e6f-1a2b3c4d5e6f';

describe('permission matrix', () => {
  it('covers a real set of routes', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('answers 401/403/404 to every role outside a route’s area, and never 2xx or 5xx', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      if (r.path.startsWith('/api/auth/logout')) continue;
      for (const who of Object.keys(agents) as Who[]) {
        if (mayReach(r.path, who)) continue;
        const res = await agents[who].request(r.method as any, fill(r.path, FOREIGN_UUID), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const expected = who === 'anonymous' ? [401] : [403, 404];
        if (!expected.includes(res.status)) failures.push(`${who} ${r.method} ${r.path} → ${res.status}`);
        else if (res.body && JSON.stringify(res.body).includes('"items"')) failures.push(`${who} ${r.method} ${r.path} leaked a list`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never answers 5xx to a role inside the area calling with an unknown id', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.path.includes('{'))) {
      for (const who of Object.keys(agents) as Who[]) {
        if (!mayReach(r.path, who) || who === 'anonymous') continue;
        const res = await agents[who].request(r.method as any, fill(r.path, FOREIGN_UUID), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        if (res.status >= 500) failures.push(`${who} ${r.method} ${r.path} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('hides another organisation’s application on every :id route (403/404, nothing leaked)', async () => {
    // A project of another applicant, addressed to another recommender (和平区).
    const foreign = await insertProject(t, { applicant: 'app_029', state: 'submitted' });
    const idRoutes = routes.filter((r) => /^\/api\/(applications|recommender\/applications)\/\{id\}/.test(r.path));
    const failures: string[] = [];
    for (const r of idRoutes) {
      for (const who of ['applicant', 'recommender'] as Who[]) {
        if (!mayReach(r.path, who)) continue;
        const res = await agents[who].request(r.method as any, fill(r.path, foreign.id), r.method === 'GET' || r.method === 'DELETE' ? undefined : { version: foreign.version });
        if (![403, 404].includes(res.status)) failures.push(`${who} ${r.method} ${r.path} → ${res.status}`);
        if (res.raw.toString('utf8').includes(foreign.name)) failures.push(`${who} ${r.method} ${r.path} leaked the project name`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('hides another organisation’s approved project on every 项目实施 / 跟踪服务 :id route (403/404, nothing leaked)', async () => {
    // Approved, of another applicant, recommended by another bureau (和平区): neither demo_applicant nor demo_recommender may see it.
    const foreign = await insertProject(t, { applicant: 'app_029', state: 'approved' });
    const idRoutes = routes.filter((r) => /^\/api\/(implementation|tracking)\/projects\/\{id\}/.test(r.path));
    expect(idRoutes.length).toBeGreaterThanOrEqual(6);
    const failures: string[] = [];
    for (const r of idRoutes) {
      for (const who of ['applicant', 'recommender'] as Who[]) {
        const res = await agents[who].request(r.method as any, fill(r.path, foreign.id).replace(/\{fileId\}/, FOREIGN_UUID), r.method === 'GET' ? undefined : { version: 1 });
        if (![400, 403, 404].includes(res.status) || (res.status === 400 && r.method === 'GET')) failures.push(`${who} ${r.method} ${r.path} → ${res.status}`);
        if (res.raw.toString('utf8').includes(foreign.name)) failures.push(`${who} ${r.method} ${r.path} leaked the project name`);
      }
    }
    expect(failures).toEqual([]);
  });
});
