/**
 * The 公示公布 / 宣传推广 demo (src/server/seed/publicity.ts) as the real demo on 2026-12-04 seeds it:
 * a published 公示 with recognised projects and approved showcase entries, an open 公示 covering
 * today with an objection received. (The April test template seeds none of it.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyTestApp } from '../../../test/support/empty-app';
import { TEST_PASSWORD } from '../../../test/support/template';
import { objections, projects, publicityWindows } from '../db/schema';
import { seedDemo } from './index';

const NOW = '2026-12-04T10:00:00+08:00';
let t: Awaited<ReturnType<typeof createEmptyTestApp>>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-seed-publicity-'));

beforeAll(async () => {
  t = await createEmptyTestApp({ now: NOW });
  await seedDemo(t.services.database.db, { dataDir: dir, now: new Date(NOW), password: TEST_PASSWORD });
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('publicity demo seed on 2026-12-04', () => {
  it('has one published and one open 公示, recognised projects, an objection received, showcase entries public', async () => {
    const db = t.services.database.db;
    const windows = await db.select().from(publicityWindows);
    expect(windows.map((w) => w.state).sort()).toEqual(['closed', 'open', 'published']);
    const open = windows.find((w) => w.state === 'open')!;
    expect(open).toMatchObject({ opensOn: '2026-12-02', closesOn: '2026-12-08' });
    expect((await db.select().from(objections).where(eq(objections.publicityId, open.id)))[0].state).toBe('received');
    expect((await db.select().from(projects).where(eq(projects.state, 'recognised'))).length).toBeGreaterThanOrEqual(1);
    // One candidate left for a new 公示; the seeded plan's approved projects untouched (still approved).
    expect((await db.select().from(projects).where(eq(projects.state, 'evaluated'))).length).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(projects).where(eq(projects.name, '降低光伏组件隐裂不良率')))[0].state).toBe('approved');

    const list = await t.anonymous().get('/api/public/publicity');
    expect(list.body.items.find((w: { id: string }) => w.id === open.id)).toMatchObject({ accepting: true, stateLabel: '公示中' });
    const excellent = await t.anonymous().get('/api/public/excellent');
    expect(excellent.body.items.length).toBeGreaterThanOrEqual(1);
    const pubs = (await t.anonymous().get('/api/public/publications')).body.items.map((p: { kind: string }) => p.kind);
    expect(pubs).toEqual(expect.arrayContaining(['publicity_list', 'recognition_result', 'project_plan']));
    expect(JSON.stringify(list.body)).not.toContain('天津市滨海质量技术服务有限公司');
    expect((await t.anonymous().get('/api/public/conferences')).body.items[0]).toMatchObject({ heldOn: '2026-12-18' });
  });
});
