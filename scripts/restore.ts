/**
 * `npm run restore -- <backup.tar.gz>`
 *
 * Restores an archive written by scripts/backup.ts (or POST /api/admin/backup) into an EMPTY
 * target, chosen like the server chooses: DATABASE_URL (an empty PostgreSQL database) or else a
 * new PGlite data dir DATA_DIR (must not exist or be empty); files go to DATA_DIR/files or to S3
 * (FILE_STORE=s3). Every checksum is verified before anything is written, and the result is verified
 * after (row counts, every file present, audit hash chain). An encrypted archive (`.tar.gz.enc`) is
 * decrypted with BACKUP_ENCRYPTION_KEY; a wrong key or an altered byte is refused before any write.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { databaseIsEmpty, openArchive, restoreInto, RestoreError } from '../src/server/backup/backup';
import { backupKeyFrom } from '../src/server/backup/encryption';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { fileStoreFor } from '../src/server/services';

async function main() {
  const archivePath = process.argv[2];
  if (!archivePath || !existsSync(archivePath)) throw new RestoreError('用法：npm run restore -- <备份文件.tar.gz 或 .tar.gz.enc>');
  const config = loadConfig();
  if (!config.databaseUrl && existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
    throw new RestoreError(`目标数据目录 ${config.dataDir} 不是空的，拒绝恢复（请指定一个新的 DATA_DIR）`);
  }
  const archive = await openArchive(path.resolve(archivePath), { key: backupKeyFrom() });
  try {
    if (config.databaseUrl) {
      const probe = await openDatabase({ databaseUrl: config.databaseUrl, migrate: false, poolSize: 1 });
      const empty = await databaseIsEmpty(probe);
      await probe.close();
      if (!empty) throw new RestoreError('目标 PostgreSQL 数据库不是空的，拒绝恢复（请新建一个空数据库）');
    }
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'), poolSize: 2 });
    try {
      const report = await restoreInto(database, fileStoreFor(config), archive);
      const rows = report.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`恢复完成并已校验：数据表 ${report.tables.length} 张，共 ${rows} 行；文件 ${report.files} 个；审计日志 ${report.auditEntries} 条，哈希链完整`);
    } finally {
      await database.close();
    }
  } finally {
    await archive.cleanup();
  }
}

main().catch((err) => {
  console.error('恢复失败：', err instanceof Error ? err.message : err);
  process.exit(1);
});
