/**
 * Issue 19 (1) — deleting the newest audit entries must be detected. The hash chain alone still
 * verifies after its tail is cut; the checkpoints kept outside the database rows (a file, log lines,
 * the backup manifest) anchor the head, and `npm run audit:verify` names the cut.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditHead, CHECKPOINT_FILE, readCheckpoints, verifyCheckpoints, writeCheckpoint } from '../../src/server/audit/checkpoints';
import { verifyAuditChain } from '../../src/server/audit/verify-chain';
import { writeAudit } from '../../src/server/audit/write-audit';
import { MovableClock } from '../../src/server/clock';
import { openDatabase } from '../../src/server/db/client';
import { createTestApp } from '../support/test-app';
import { REPO } from '../support/server-process';

const work = mkdtempSync(path.join(os.tmpdir(), 'gg-audit-anchor-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const clock = new MovableClock('2026-04-12T09:30:00+08:00');
const ctx = { actor: null, clock, ip: '10.12.0.8', requestId: 'anchor-test' };

describe('audit checkpoints', () => {
  it('a cut tail passes the chain check but not the checkpoints; a rewritten anchored entry is named', async () => {
    const t = await createTestApp();
    try {
      await t.login('demo_commission');
      const db = t.services.database.db;
      for (const action of ['export_summary', 'change_deadline']) {
        await db.transaction((tx) => writeAudit(tx, ctx, { entity: 'campaign', action, summary: { 批次: '2026年度质量攻关' } }));
      }
      const dir = path.join(work, 'in-process');
      const cp = await writeCheckpoint(db, dir, clock.now());
      expect(cp).toEqual({ ...(await auditHead(db))!, at: clock.now().toISOString() });
      expect(await writeCheckpoint(db, dir, clock.now())).toBeNull(); // head unchanged: nothing appended
      expect(statSync(path.join(dir, CHECKPOINT_FILE)).mode & 0o777).toBe(0o600);
      expect(await verifyCheckpoints(db, readCheckpoints(path.join(dir, CHECKPOINT_FILE)))).toMatchObject({ ok: true, checked: 1 });

      // The attacker deletes the newest entry (e.g. their own login): the chain still verifies.
      await t.services.database.executeSql(`DELETE FROM audit_log WHERE seq = ${cp!.seq}`);
      expect((await verifyAuditChain(db)).ok).toBe(true);
      const cut = await verifyCheckpoints(db, readCheckpoints(path.join(dir, CHECKPOINT_FILE)));
      expect(cut).toMatchObject({ ok: false, seq: cp!.seq });
      expect(cut.ok === false && cut.reason).toMatch(new RegExp(`末尾的审计记录被删除.*seq=${cp!.seq}.*最新只到 seq=${cp!.seq - 1}`));

      // Rewriting an anchored entry (and re-hashing the chain after it) changes its hash.
      const forged = { seq: cp!.seq - 1, hash: 'f'.repeat(64), at: '2026-04-12T01:00:00.000Z' };
      const rewritten = await verifyCheckpoints(db, [forged]);
      expect(rewritten).toMatchObject({ ok: false, seq: cp!.seq - 1 });
      expect(rewritten.ok === false && rewritten.reason).toMatch(/哈希与检查点.*不符/);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('npm run audit:verify detects a deleted tail from the checkpoint file and from a backup manifest receipt', async () => {
    const dataDir = path.join(work, 'installation');
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    let head: { seq: number; hash: string };
    try {
      for (const action of ['login', 'submit_application', 'recommend']) {
        clock.advance(5 * 60_000);
        await database.db.transaction((tx) => writeAudit(tx, ctx, { entity: 'project', entityId: null, action, summary: { 项目: '协作机器人关节模组可靠性提升' } }));
      }
      await writeCheckpoint(database.db, path.join(dataDir, 'audit-checkpoints'), clock.now());
      head = (await auditHead(database.db))!;
    } finally {
      await database.close();
    }
    const run = (...args: string[]) => {
      const clean = { ...process.env };
      delete clean.DATABASE_URL;
      const r = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), ['scripts/audit-verify.ts', ...args], { cwd: REPO, env: { ...clean, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 });
      return { status: r.status, out: `${r.stdout}${r.stderr}` };
    };
    const intact = run();
    expect(intact.status, intact.out).toBe(0);
    expect(intact.out).toMatch(/检查点校验通过/);

    // A receipt kept elsewhere: the head as a backup manifest records it.
    const receipt = path.join(work, 'manifest.json');
    writeFileSync(receipt, JSON.stringify({ format: 'gongguan-backup', createdAt: '2026-04-12T02:00:00.000Z', auditHead: head }));

    const cutDb = await openDatabase({ dataDir: path.join(dataDir, 'pglite'), migrate: false });
    await cutDb.executeSql(`DELETE FROM audit_log WHERE seq = ${head.seq}`);
    await cutDb.close();

    const broken = run();
    expect(broken.status, broken.out).toBe(1);
    expect(broken.out).toMatch(/哈希链校验通过/); // the chain alone would not have seen it
    expect(broken.out).toContain(`末尾的审计记录被删除`);
    expect(broken.out).toContain(`seq=${head.seq}`);

    // Same finding from the receipt alone (the checkpoint file lost with the server's disk).
    rmSync(path.join(dataDir, 'audit-checkpoints'), { recursive: true });
    const noAnchors = run();
    expect(noAnchors.status, noAnchors.out).toBe(0);
    expect(noAnchors.out).toMatch(/没有找到检查点/);
    const fromReceipt = run('--receipt', receipt);
    expect(fromReceipt.status, fromReceipt.out).toBe(1);
    expect(fromReceipt.out).toContain(`seq=${head.seq}`);
    expect(readFileSync(receipt, 'utf8')).toContain(head.hash);
  }, 240_000);
});
