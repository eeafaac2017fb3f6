/**
 * `npm run audit:verify [-- --receipt <file>]`: walks the hash-chained audit log and names the first
 * broken entry, then checks the anchors kept outside the database (issue 19): every checkpoint in
 * AUDIT_CHECKPOINT_DIR (default DATA_DIR/audit-checkpoints) and in `--receipt` files (a copied
 * checkpoints file, log lines with "audit checkpoint", or a backup's manifest.json) must still be in
 * the database with the same hash — so a deleted tail is detected, which the chain alone cannot see.
 * Opens the database like the server does (DATABASE_URL, else PGlite under DATA_DIR/pglite).
 * PGlite is single-process: stop the server first (a data directory in use is refused), or use
 * GET /api/audit/verify while it runs.
 * Exit code 0 = chain and anchors intact, 1 = broken, 2 = could not open the database or a receipt.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHECKPOINT_FILE, checkpointDirFrom, readCheckpoints, readReceipt, verifyCheckpoints, type AuditCheckpoint } from '../src/server/audit/checkpoints';
import { verifyAuditChain } from '../src/server/audit/verify-chain';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';

function receipts(): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => a === '--receipt' && process.argv[i + 1] && out.push(process.argv[i + 1]));
  return out;
}

async function main(): Promise<number> {
  const config = loadConfig();
  const pgliteDir = path.join(config.dataDir, 'pglite');
  if (!config.databaseUrl && !existsSync(pgliteDir)) {
    console.error(`找不到数据库：${pgliteDir} 不存在（请设置 DATA_DIR 或 DATABASE_URL）`);
    return 2;
  }
  const checkpointFile = path.join(checkpointDirFrom(process.env, config.dataDir), CHECKPOINT_FILE);
  const anchors: AuditCheckpoint[] = [...readCheckpoints(checkpointFile)];
  for (const r of receipts()) anchors.push(...readReceipt(path.resolve(r)));

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : pgliteDir, migrate: false, poolSize: 1 });
  try {
    const report = await verifyAuditChain(database.db);
    if (!report.ok) {
      console.error(`审计日志哈希链校验失败：第一处断裂在序号 seq=${report.brokenSeq}（${report.reason}），已校验 ${report.entries} 条`);
      return 1;
    }
    console.log(`审计日志哈希链校验通过：共 ${report.entries} 条`);
    if (!anchors.length) {
      console.warn(`注意：没有找到检查点（${checkpointFile}，或 --receipt 文件），无法发现末尾记录被删除`);
      return 0;
    }
    const anchored = await verifyCheckpoints(database.db, anchors);
    if (!anchored.ok) {
      console.error(`审计日志检查点校验失败：${anchored.reason}`);
      return 1;
    }
    console.log(`检查点校验通过：${anchored.checked} 个检查点（最新 seq=${Math.max(...anchors.map((a) => a.seq))}）均与数据库一致`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('审计日志校验无法完成：', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
