/**
 * The 成果评定 demo (src/server/seed/evaluation.ts) as a real demo installed on 2026-12-04 sees it:
 * a group adopted, a group scoring with work for demo_expert, results waiting for a group; and
 * nothing of it in the April test template.
 */
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { evaluationGroups, evaluationOutcomes, expertTasks, projects, users } from '../db/schema';
import { createTestApp } from '../../../test/support/test-app';
import { DEMO_EVALUATION_FIELD, DEMO_EVALUATION_PROJECT } from './evaluation';
import { seedDemo } from './index';

let database: Database | undefined;
afterAll(async () => database?.close());

describe('成果评定 demo data', () => {
  it('after the results deadline: one group adopted, one scoring with a task for demo_expert, two results waiting', { timeout: 180_000 }, async () => {
    database = await openDatabase({});
    await seedDemo(database.db, { dataDir: path.join(os.tmpdir(), `gg-eval-seed-${process.pid}`), now: new Date('2026-12-04T10:00:00+08:00'), password: 'Gongguan@Seed2026' });
    const db = database.db;
    const groups = await db.select().from(evaluationGroups);
    // The 公示 seed (after this one) may add its own adopted group for the demo's 公示 batches.
    expect(Object.fromEntries(groups.map((g) => [g.field, g.state]))).toMatchObject({ 协作机器人: 'scoring', 先进计算: 'adopted' });
    const adopted = groups.find((g) => g.field === '先进计算')!;
    const outcomes = await db.select().from(evaluationOutcomes).where(eq(evaluationOutcomes.groupId, adopted.id));
    expect(outcomes).toHaveLength(3);
    expect(outcomes.every((o) => o.adoptedAt)).toBe(true);
    expect(outcomes.filter((o) => o.proposed).length).toBeGreaterThanOrEqual(2);
    const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'demo_expert'));
    const [target] = await db.select().from(projects).where(eq(projects.name, DEMO_EVALUATION_PROJECT));
    expect(target.state).toBe('in_evaluation');
    const tasks = await db.select().from(expertTasks).where(eq(expertTasks.projectId, target.id));
    expect(tasks.find((x) => x.expertUserId === demo.id)?.state).toBe('invited');
    expect(tasks.filter((x) => x.expertUserId !== demo.id).every((x) => x.state === 'submitted')).toBe(true);
    const waiting = await db.select().from(projects).where(eq(projects.chain, DEMO_EVALUATION_FIELD));
    expect(waiting.filter((p) => p.state === 'results_received')).toHaveLength(2);
  });

  it('the April template has none of it', async () => {
    const t = await createTestApp();
    try {
      expect(await t.services.database.db.select().from(evaluationGroups)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
