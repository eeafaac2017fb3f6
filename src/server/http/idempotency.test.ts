/**
 * Issue 7.4/7.5 — the stored answer of a keyed submit is part of the command's transaction: a
 * process that dies after the commit and before answering leaves the key behind, so the client's
 * retry replays instead of being refused by the state machine. Twin requests racing with one key submit once.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { draftWith, readyForm } from '../applications/test-helpers';
import { auditLog, idempotencyKeys, projects, projectVersions } from '../db/schema';

let t: TestApp;
let applicant: Agent;
beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.login('demo_applicant');
});
afterAll(async () => t.close());

const db = () => t.services.database.db;

async function submissions(id: string) {
  const [{ n }] = await db().select({ n: count() }).from(projectVersions).where(eq(projectVersions.projectId, id));
  const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'submit')));
  return { versions: Number(n), audits: audits.length };
}

/**
 * The process "dies" right after the transaction that makes `committed()` true: the commit stands,
 * the command itself never returns.
 */
function dieAfterCommitOf(committed: () => Promise<boolean>) {
  const target = db() as unknown as { transaction: (...args: unknown[]) => Promise<unknown> };
  const original = target.transaction;
  target.transaction = async function (this: unknown, ...args: unknown[]) {
    const result = await original.apply(this, args);
    if (await committed()) {
      target.transaction = original;
      throw new Error('simulated crash after commit');
    }
    return result;
  };
  return () => {
    target.transaction = original;
  };
}

describe('idempotency record inside the command transaction', () => {
  it('replays the submit when the process died after the commit and before the answer', async () => {
    const form = await readyForm(t, applicant, 'demo_applicant', { name: '降低协作机器人减速器装配返工率' });
    const { id, version } = await draftWith(applicant, form);
    const key = 'submit-crash-after-commit-5b1e';

    const restore = dieAfterCommitOf(async () => (await db().select().from(projects).where(eq(projects.id, id)))[0].state === 'submitted');
    const lost = await applicant.post(`/api/applications/${id}/submit`, { version }, { 'idempotency-key': key });
    restore();
    // In this process the failure after the commit is answered with the stored answer; a dead
    // process answers nothing — the client only has its retry.
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    // Committed — and the key with it, in the same transaction.
    const [row] = await db().select().from(projects).where(eq(projects.id, id));
    expect(row.state).toBe('submitted');
    expect(row.applicationNo).toBeTruthy();
    const keys = await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(keys).toHaveLength(1);
    expect(keys[0].route).toBe(`POST /api/applications/${id}/submit`);

    const retry = await applicant.post(`/api/applications/${id}/submit`, { version }, { 'idempotency-key': key });
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.body).toMatchObject({ id, state: 'submitted', stateLabel: '待推荐单位审核', applicationNo: row.applicationNo, version: row.version, submittedVersion: 1 });
    expect(await submissions(id)).toEqual({ versions: 1, audits: 1 });
  });

  it('does not store the key when the command is refused, so a corrected retry runs', async () => {
    const form = await readyForm(t, applicant, 'demo_applicant', { name: '提升协作机器人示教器按键寿命' });
    const { id, version } = await draftWith(applicant, form);
    const key = 'submit-stale-then-right-9c2d';
    const stale = await applicant.post(`/api/applications/${id}/submit`, { version: version - 1 }, { 'idempotency-key': key });
    expect(stale.status).toBe(409);
    expect(await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toEqual([]);
    const ok = await applicant.post(`/api/applications/${id}/submit`, { version }, { 'idempotency-key': key });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.headers['idempotent-replay']).toBeUndefined();
    expect(await submissions(id)).toEqual({ versions: 1, audits: 1 });
  });

  it('answers a double click (two requests with one key at once) twice with the same submission', async () => {
    const form = await readyForm(t, applicant, 'demo_applicant', { name: '缩短协作机器人控制柜老化试验周期' });
    const { id, version } = await draftWith(applicant, form);
    const key = 'submit-double-click-71aa';
    const [a, b] = await Promise.all([
      applicant.post(`/api/applications/${id}/submit`, { version }, { 'idempotency-key': key }),
      applicant.post(`/api/applications/${id}/submit`, { version }, { 'idempotency-key': key }),
    ]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([200, 200]);
    expect([a.headers['idempotent-replay'], b.headers['idempotent-replay']].filter(Boolean)).toEqual(['true']);
    expect(a.body.applicationNo).toBe(b.body.applicationNo);
    expect(await submissions(id)).toEqual({ versions: 1, audits: 1 });
  });

  it('refuses a key reused on another project instead of replaying the first project\'s answer', async () => {
    const key = 'submit-reused-key-on-two-projects-7c2d';
    const first = await draftWith(applicant, await readyForm(t, applicant, 'demo_applicant', { name: '提高伺服电机编码器装配一次合格率' }));
    const ok = await applicant.post(`/api/applications/${first.id}/submit`, { version: first.version }, { 'idempotency-key': key });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const second = await draftWith(applicant, await readyForm(t, applicant, 'demo_applicant', { name: '降低机器人关节模组异响返修率' }));
    const reused = await applicant.post(`/api/applications/${second.id}/submit`, { version: second.version }, { 'idempotency-key': key });
    expect(reused.status).toBe(409);
    expect(reused.body.message).toBe('请求标识已用于其他操作');
    expect(reused.headers['idempotent-replay']).toBeUndefined();
    expect((await db().select().from(projects).where(eq(projects.id, second.id)))[0].state).toBe('draft');
  });
});

