/**
 * `npm run audit:verify`: walks the hash-chained audit log and names the first broken entry.
 * Opens the database like the server does (DATABASE_URL, else PGlite under DATA_DIR/pglite).
 * PGlite is single-process: stop the server first, or use GET /api/audit/verify while it runs.
 * Exit code 0 = chain intact, 1 = broken, 2 = could not open the database.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../src/server/audit/verify-chain';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';

async function main(): Promise<number> {
  const config = loadConfig();
  const pgliteDir = path.join(config.dataDir, 'pglite');
  if (!config.databaseUrl && !existsSync(pgliteDir)) {
    console.error(`找不到数据库：${pgliteDir} 不存在（请设置 DATA_DIR 或 DATABASE_URL）`);
    return 2;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : pgliteDir, migrate: false, poolSize: 1 });
  try {
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      console.log(`审计日志哈希链校验通过：共 ${report.entries} 条`);
      return 0;
    }
    console.error(`审计日志哈希链校验失败：第一处断裂在序号 seq=${report.brokenSeq}（${report.reason}），已校验 ${report.entries} 条`);
    return 1;
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
