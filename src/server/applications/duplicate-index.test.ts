/**
 * The cached duplicate index: page views may use an index checked within the last
 * DUPLICATE_INDEX_VIEW_MAX_AGE_MS; submits and the explicit check always see every committed change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { eq } from 'drizzle-orm';
import { activeCampaign } from '../campaigns/campaign-repository';
import { projects } from '../db/schema';
import { campaignConfigSchema } from '../../shared/campaign';
import { duplicateIndex, invalidateDuplicateIndex } from './duplicate-index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function campaign() {
  const c = await activeCampaign(t.services.database.db);
  return { id: c.id, config: campaignConfigSchema.parse(c.config) };
}

describe('duplicate index freshness', () => {
  it('a reader that accepts a recent index does not see a change until it checks; a default (exact) reader always does', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    await duplicateIndex(db, c.id, c.config); // checked just now
    const p = await insertProject(t, { applicant: 'app_003', state: 'submitted', name: '高端数控机床主轴热变形误差补偿质量攻关' });
    const recent = await duplicateIndex(db, c.id, c.config, { maxAgeMs: 60_000 });
    expect(recent.has(`p:${p.id}`)).toBe(false);
    const exact = await duplicateIndex(db, c.id, c.config);
    expect(exact.has(`p:${p.id}`)).toBe(true);
  });

  it('an exact reader sees an application leave the compared set and another enter it at once', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    const a = await insertProject(t, { applicant: 'app_005', state: 'submitted', name: '汽车轮毂铸造缩松缺陷率降低攻关' });
    const b = await insertProject(t, { applicant: 'app_006', state: 'draft', name: '光伏组件层压气泡不良率降低攻关' });
    expect((await duplicateIndex(db, c.id, c.config)).has(`p:${a.id}`)).toBe(true);
    // a withdrawn (leaves) and b submitted (enters), each with one version bump, in one step
    await db.update(projects).set({ state: 'withdrawn', version: a.version + 1 }).where(eq(projects.id, a.id));
    await db.update(projects).set({ state: 'submitted', version: b.version + 1 }).where(eq(projects.id, b.id));
    const index = await duplicateIndex(db, c.id, c.config);
    expect(index.has(`p:${a.id}`)).toBe(false);
    expect(index.has(`p:${b.id}`)).toBe(true);
  });

  it('readers arriving together share one check, and all of them see the result', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    invalidateDuplicateIndex(db);
    const p = await insertProject(t, { applicant: 'app_004', state: 'submitted', name: '新能源汽车动力电池极片涂布一致性提升' });
    const indexes = await Promise.all(Array.from({ length: 5 }, () => duplicateIndex(db, c.id, c.config, { maxAgeMs: 60_000 })));
    expect(new Set(indexes).size).toBe(1);
    expect(indexes[0].has(`p:${p.id}`)).toBe(true);
  });

  it('after invalidation the next reader rebuilds, whatever age it accepts', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    const before = await duplicateIndex(db, c.id, c.config, { maxAgeMs: 60_000 });
    invalidateDuplicateIndex(db);
    const after = await duplicateIndex(db, c.id, c.config, { maxAgeMs: 60_000 });
    expect(after).not.toBe(before);
  });
});
