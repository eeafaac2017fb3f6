/**
 * Bench plumbing: results, percentiles, the real server as a child process (spawn, health, RSS,
 * stop), and a fresh database per run (PGlite in a temp DATA_DIR, or `gg_bench_<pid>` on the
 * PostgreSQL server named by DATABASE_URL, dropped afterwards).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/support/server-process';
import { createScratchDatabase } from '../test/support/scratch-database';

export const ROOT = path.resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------
// results

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** e.g. "< 250 ms", "≥ 0.95", "info" */
  target: string;
  pass: boolean;
  /** figure number (1–6) and a short note; printed, kept in results.json */
  figure?: number;
  note?: string;
}

export class Results {
  readonly rows: BenchResult[] = [];
  /** Lost writes, broken audit chain, crashes: the only things that fail `--quick`. */
  readonly fatal: string[] = [];

  add(r: Omit<BenchResult, 'pass'> & { pass?: boolean }): BenchResult {
    const row: BenchResult = { ...r, pass: r.pass ?? evaluate(r.value, r.target) };
    if (row.baseline !== undefined && row.ratio === undefined && row.baseline !== 0) row.ratio = round(row.value / row.baseline, 3);
    this.rows.push(row);
    return row;
  }

  info(figure: number, name: string, value: number, unit: string, note?: string) {
    return this.add({ figure, name, value, unit, target: 'info', pass: true, note });
  }
}

/** "< 250 ms" / "<= 0.5" / "≥ 0.95" / "> 1" / "= 0" / "info" against a number. */
export function evaluate(value: number, target: string): boolean {
  const m = /^\s*(<=|>=|≤|≥|<|>|=)\s*(-?[\d.]+)/.exec(target);
  if (!m) return true;
  const t = Number(m[2]);
  if (!Number.isFinite(value)) return false;
  switch (m[1]) {
    case '<':
      return value < t;
    case '>':
      return value > t;
    case '<=':
    case '≤':
      return value <= t;
    case '>=':
    case '≥':
      return value >= t;
    default:
      return value === t;
  }
}

export const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx];
}
export const median = (v: number[]) => percentile(v, 50);

export function printTable(rows: BenchResult[], full: boolean) {
  const cols = ['#', 'figure', 'value', 'target', 'baseline', 'ratio', full ? 'pass' : 'status'];
  const lines = rows.map((r) => [
    String(r.figure ?? ''),
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.target,
    r.baseline === undefined ? '' : fmt(r.baseline),
    r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
    r.target === 'info' ? '' : r.pass ? 'pass' : 'MISS',
  ]);
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const w = cols.map((c, i) => Math.max(width(c), ...lines.map((l) => width(l[i]))));
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
  console.log(cols.map((c, i) => pad(c, w[i])).join('  '));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const l of lines) console.log(l.map((c, i) => pad(c, w[i])).join('  '));
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === Math.round(x) || Math.abs(x) >= 100) return String(Math.round(x));
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function log(line: string) {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// a fresh database

export interface BenchDatabase {
  kind: 'pglite' | 'postgres';
  dataDir: string;
  /** postgres only: the fresh database's URL */
  databaseUrl?: string;
  drop(): Promise<void>;
}

export async function freshDatabase(adminUrl: string | undefined): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gg-bench-'));
  if (!adminUrl) {
    return { kind: 'pglite', dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchDatabase(adminUrl, 'gg_bench', { name: `gg_bench_${process.pid}` });
  return {
    kind: 'postgres',
    dataDir,
    databaseUrl: scratch.url,
    async drop() {
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// the real server as a child process

export interface ServerHandle {
  child: ChildProcess;
  port: number;
  url: string;
  /** ms from spawn to the first healthy /api/health */
  startMs: number;
  logFile: string;
  /** the node process that actually runs the app (npm → node scripts/start.mjs, which imports the bundle) */
  serverPid(): number | null;
  exited: boolean;
  exitCode: number | null;
  stop(): Promise<void>;
}

export async function startServer(db: BenchDatabase, opts: { logFile: string; port?: number; timeoutMs?: number; env?: Record<string, string> }): Promise<ServerHandle> {
  const port = opts.port ?? (await freePort());
  const out = openSync(opts.logFile, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: db.dataDir,
    SEED_DEMO: 'true',
    // The bench plays hundreds of people from one address; the per-address limits are for the internet.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ...opts.env,
  };
  delete env.ARGON2_FAST;
  if (db.databaseUrl) env.DATABASE_URL = db.databaseUrl;
  else delete env.DATABASE_URL;
  const t0 = performance.now();
  // `npm start` as an operator runs it: builds only when stale (the bench built first), then the bundle.
  // BENCH_SERVER_NODE_ARGS (diagnostics, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): run the same
  // start script with node flags instead of through npm (npm does not pass such flags on).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean);
  const child = nodeArgs?.length
    ? spawn(process.execPath, [...nodeArgs, 'scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true })
    : spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  const handle: ServerHandle = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    startMs: 0,
    logFile: opts.logFile,
    exited: false,
    exitCode: null,
    serverPid: () => findServerPid(child.pid!),
    async stop() {
      if (handle.exited) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 20_000);
      await done;
      clearTimeout(timer);
      // npm exits with its child; make sure the grandchild (the server) is gone too (PGlite is single-process).
      for (let i = 0; i < 100 && groupAlive(child.pid!); i++) await sleep(50);
    },
  };
  child.once('exit', (code) => {
    handle.exited = true;
    handle.exitCode = code;
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (handle.exited) throw new Error(`server exited during start-up (code ${handle.exitCode}); see ${opts.logFile}`);
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`server not healthy after ${opts.timeoutMs ?? 120_000} ms; see ${opts.logFile}`);
    }
    try {
      const res = await fetch(`${handle.url}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) {
        await res.arrayBuffer();
        handle.startMs = performance.now() - t0;
        return handle;
      }
    } catch {
      /* not listening yet */
    }
    await sleep(20);
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function childrenOf(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = kids.get(ppid) ?? [];
      list.push(Number(d));
      kids.set(ppid, list);
    } catch {
      /* exited */
    }
  }
  return kids;
}

/** The descendant of `root` running the server (scripts/start.mjs) with the largest RSS (the app, not npm). */
export function findServerPid(root: number): number | null {
  const kids = childrenOf();
  const all: number[] = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    all.push(p);
    stack.push(...(kids.get(p) ?? []));
  }
  let best: number | null = null;
  let bestRss = -1;
  for (const p of all) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (!cmd.includes('start.mjs') && !cmd.includes('main.ts') && !cmd.includes('main.js')) continue;
      const rss = rssKb(p) ?? 0;
      if (rss > bestRss) {
        bestRss = rss;
        best = p;
      }
    } catch {
      /* exited */
    }
  }
  return best;
}

export function rssKb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function machine() {
  const mem = os.totalmem();
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((mem / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    distro: existsSync('/etc/debian_version') ? `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}` : '',
  };
}
