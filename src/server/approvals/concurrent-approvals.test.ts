/**
 * Issue #7 point 4: "concurrent approvals keep project numbers unique and gap-free". Real HTTP
 * requests through the app, fired together (Promise.all) from two commission sessions; must pass
 * on PGlite and on PostgreSQL (TEST_DATABASE_URL).
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { activeCampaign } from '../../../test/support/factories';
import { auditLog, projects } from '../db/schema';
import { AFTER_DEADLINE, projectNoCounter, seqOf, underReview } from './test-helpers';

let t: TestApp;
let admin: Agent;
let reviewer: Agent;
const db = () => t.services.database.db;

const APPLICANTS = ['app_002', 'app_003', 'app_004', 'app_005', 'app_006', 'app_007', 'app_008', 'app_009', 'app_010', 'app_011'];
const SUBJECTS = ['焊点空洞率', '尺寸超差率', '批次色差', '装配返工率', '密封泄漏率', '涂层附着力不良率'];

beforeAll(async () => {
  t = await createTestApp({ now: AFTER_DEADLINE });
  [admin, reviewer] = await Promise.all([t.login('demo_commission'), t.login('commission_reviewer')]);
});
afterAll(async () => t.close());

/** Every 立项编号 of the active campaign, as sequence numbers. */
async function allSequences(): Promise<number[]> {
  const campaign = await activeCampaign(db());
  const rows = await db().select({ no: projects.projectNo }).from(projects).where(and(eq(projects.campaignId, campaign.id), isNotNull(projects.projectNo)));
  return rows.map((r) => seqOf(r.no!)).sort((a, b) => a - b);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('concurrent approvals keep project numbers unique and gap-free', () => {
  it('approves 36 projects by concurrent requests from two sessions: numbers exactly 1..N, unique', async () => {
    const rows = [];
    for (let i = 0; i < 36; i++) rows.push(await underReview(t, APPLICANTS[i % APPLICANTS.length], `降低第${i + 1}条产线${SUBJECTS[i % SUBJECTS.length]}`));
    const before = await projectNoCounter(t);
    const responses = await Promise.all(rows.map((r, i) => (i % 2 ? admin : reviewer).post(`/api/commission/approvals/${r.id}/approve`, { version: r.version })));
    expect(responses.map((r) => r.status)).toEqual(rows.map(() => 200));
    const numbers = responses.map((r) => r.body.projectNo as string);
    expect(new Set(numbers).size).toBe(36);
    expect(numbers.map(seqOf).sort((a, b) => a - b)).toEqual(range(before + 1, before + 36));
    // The whole campaign (demo-seeded approvals included) is numbered 1..N without holes.
    const all = await allSequences();
    expect(all).toEqual(range(1, all.length));
    expect(await projectNoCounter(t)).toBe(all.length);
    const stored = await db().select().from(projects).where(inArray(projects.id, rows.map((r) => r.id)));
    expect(stored.every((s) => s.state === 'approved' && numbers.includes(s.projectNo!))).toBe(true);
  });

  it('the same project approved twice at once: exactly one 200, the other 409, one audit entry, one number', async () => {
    const row = await underReview(t, 'app_012', '提高精密减速器回差一致性');
    const before = await projectNoCounter(t);
    const [a, b] = await Promise.all([
      admin.post(`/api/commission/approvals/${row.id}/approve`, { version: row.version }),
      reviewer.post(`/api/commission/approvals/${row.id}/approve`, { version: row.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['stale_version', 'invalid_state']).toContain(loser.body.code);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'approve')))).toHaveLength(1);
    expect(await projectNoCounter(t)).toBe(before + 1);
  });

  it('a bulk approve failing half-way (one project in a wrong state) consumes no numbers, alongside concurrent single approvals', async () => {
    const batch = [];
    for (let i = 0; i < 6; i++) batch.push(await underReview(t, APPLICANTS[i], `缩短第${i + 1}号工位换型时间`));
    // Already decided: the bulk must refuse as a whole.
    const rejected = await underReview(t, 'app_013', '降低铸件气孔缺陷率');
    const rej = await admin.post(`/api/commission/approvals/${rejected.id}/reject`, { version: rejected.version, reason: '攻关目标缺少量化基线数据，不予立项' });
    expect(rej.status).toBe(200);
    const singles = [];
    for (let i = 0; i < 4; i++) singles.push(await underReview(t, APPLICANTS[i + 5], `提高第${i + 1}批次检测一致性`));
    const before = await projectNoCounter(t);

    const items = [...batch.slice(0, 3), { ...rejected, version: rej.body.version }, ...batch.slice(3)].map((r) => ({ id: r.id, version: r.version }));
    const [bulk, ...singleResponses] = await Promise.all([
      reviewer.post('/api/commission/approvals/bulk-approve', { items }),
      ...singles.map((s, i) => (i % 2 ? reviewer : admin).post(`/api/commission/approvals/${s.id}/approve`, { version: s.version })),
    ]);
    expect(bulk.status).toBe(409);
    expect(bulk.body.fields['items.3']).toContain('未立项');
    expect(singleResponses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Only the four single approvals took numbers, and they are the next four.
    expect(singleResponses.map((r) => seqOf(r.body.projectNo)).sort((a, b) => a - b)).toEqual(range(before + 1, before + 4));
    expect(await projectNoCounter(t)).toBe(before + 4);
    const after = await db().select().from(projects).where(inArray(projects.id, batch.map((r) => r.id)));
    expect(after.every((r) => r.state === 'under_review' && r.projectNo === null)).toBe(true);
    const all = await allSequences();
    expect(all).toEqual(range(1, all.length));

    // The corrected bulk then takes the next numbers, still gap-free.
    const ok = await reviewer.post('/api/commission/approvals/bulk-approve', { items: batch.map((r) => ({ id: r.id, version: r.version })) });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((i: any) => seqOf(i.projectNo))).toEqual(range(before + 5, before + 10));
    const final = await allSequences();
    expect(final).toEqual(range(1, final.length));
  });
});
