/**
 * PGlite belongs to ONE process: a second process opening the same data directory (a second server,
 * `npm run backup` or `audit:verify` while the server runs) would sometimes work and sometimes abort
 * in WebAssembly, or worse, write over the first one's pages. The owner writes `<dataDir>.lock`
 * (pid, host, start time) with O_EXCL; anyone else refuses with a message in Chinese and English.
 * A lock left by a process that no longer runs (kill -9, power loss) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正在被进程 ${pid} 使用（平台服务器或另一个脚本）。PGlite 数据库同一时间只能由一个进程打开：` +
        `请先停止该进程；服务器运行时请改用 npm run backup -- --server <地址> 备份，或在审计页面/GET /api/audit/verify 校验审计日志。\n` +
        `The data directory ${dataDir} is in use by process ${pid} (the server or another script). PGlite can be opened by one process at a time: ` +
        `stop that process first, or use the running server (npm run backup -- --server <url>, GET /api/audit/verify).`,
    );
    this.name = 'DataDirInUseError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir).replace(/[/\\]+$/, '')}.lock`;
}

/** Takes the lock or throws DataDirInUseError; `release()` removes it (also at process exit). */
export function acquireDataDirLock(dataDir: string): { path: string; release(): void } {
  const file = lockPathFor(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const content: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(content));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw err;
      let holder: Partial<LockContent> = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockContent;
      } catch {
        // Empty or half-written: its writer died between create and write (or is writing right now).
      }
      const pid = Number(holder.pid);
      const otherHost = holder.host !== undefined && holder.host !== os.hostname();
      // A lock from another host (a shared volume) cannot be checked from here: it counts as held.
      if (Number.isInteger(pid) && pid > 0 && (otherHost || alive(pid))) throw new DataDirInUseError(dataDir, pid);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  let released = false;
  const onExit = () => release();
  function release() {
    if (released) return;
    released = true;
    process.off('exit', onExit);
    try {
      const now = JSON.parse(readFileSync(file, 'utf8')) as LockContent;
      if (now.pid === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  }
  process.on('exit', onExit);
  return { path: file, release };
}
