/**
 * `npm run bench` (full, a few minutes) / `npm run bench -- --quick` (CI, under a minute).
 *
 * Fresh database (PGlite in a temp DATA_DIR; with DATABASE_URL a fresh `gg_bench_<pid>` database on
 * that server, dropped afterwards) → the REAL server as a child process (`npm start`: the
 * built bundle), first start with migrations + demo seed → scaled bulk seed through the
 * app's db client → start-up on the existing data → figures → bench/results.json + a table.
 *
 * Exit code: `--quick` fails only on a crash, a lost write or a broken audit chain; misses are
 * printed. Full mode prints pass/miss per figure and exits 1 on any miss.
 * Options: --quick, --only=1,2,3,4,5,6,7 (figures; 5 needs 1; 7 = published content under load), --keep (keep the temp data dir),
 * --sessions=N (surge sessions instead of the issue's 100 on PGlite / 500 on PostgreSQL: to find the knee;
 * such a run does not replace the recorded full results).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBaseline } from './baseline';
import { runDocuments } from './documents';
import { runPublications } from './publications';
import { freshDatabase, log, machine, median, percentile, printTable, Results, round, ROOT, sleep, startServer, type BenchDatabase, type ServerHandle } from './lib';
import { FULL_SCALE, openBenchDatabase, QUICK_SCALE, seedScaled, type SeedInfo } from './seed';
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_SHOW_THRESHOLD, runSimilarity } from './similarity';
import { login, loginSessions, probeRoutes, runSurge, verifySurge, type RouteAvailability } from './surge';
import { ensureBuild, measureRoutes, staticEntryJs } from './web';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const only = new Set((args.find((a) => a.startsWith('--only='))?.slice(7) ?? '1,2,3,4,5,6,7').split(',').map(Number));
const adminUrl = process.env.DATABASE_URL || undefined;
const KB = 1024;

/**
 * Mean think time of a surge session between an answer and its next request: a very busy user
 * (people autosave every 30 s and read for longer); the saturation phase has none.
 */
const SESSION_THINK_MS = 1_000;

const SESSIONS_OVERRIDE = ((v) => (v ? Number(v.slice(11)) : undefined))(args.find((a) => a.startsWith('--sessions=')));

const P = quick
  ? { scale: QUICK_SCALE, sessions: 20, durationS: 5, saturationS: 3, thinkMs: SESSION_THINK_MS, baselineS: 3, startRuns: 1, simQueries: 200, bruteQueries: 10, certificates: 20, certBudgetMs: 20_000, summaryRows: 250, docxRuns: 5, fcpRuns: 1, dupHttp: 5 }
  : { scale: FULL_SCALE, sessions: SESSIONS_OVERRIDE ?? (adminUrl ? 500 : 100), durationS: 60, saturationS: 15, thinkMs: SESSION_THINK_MS, baselineS: 15, startRuns: 3, simQueries: 200, bruteQueries: 5, certificates: 1000, certBudgetMs: 75_000, summaryRows: 5000, docxRuns: 20, fcpRuns: 3, dupHttp: 20 };

const results = new Results();
/** Other work on the machine inflates every absolute figure: recorded with the results. */
const LOAD_AT_START = os.loadavg().map((x) => round(x));
const todo: string[] = [];
let bench: BenchDatabase | null = null;
let server: ServerHandle | null = null;

async function main() {
  const m = machine();
  log(`${quick ? 'QUICK' : 'FULL'} bench on ${adminUrl ? 'PostgreSQL' : 'PGlite'} — ${m.nproc} CPU (${m.cpu}), ${m.memoryGiB} GiB, node ${m.node}, load average ${LOAD_AT_START.join(' / ')}`);
  const kind = adminUrl ? 'postgres' : 'pglite';
  const logFile = path.join(os.tmpdir(), `gg-bench-server-${kind}${quick ? '-quick' : ''}.log`);
  writeFileSync(logFile, '');

  {
    const b = ensureBuild();
    log(b.built ? `build (web + server bundle): ${Math.round(b.ms)} ms` : 'build: up to date');
  }

  bench = await freshDatabase(adminUrl);
  log(`fresh database: ${bench.kind} ${bench.databaseUrl ? bench.databaseUrl.replace(/\/\/[^@]*@/, '//…@') : bench.dataDir}`);

  // ---- 4a. first start: migrations + demo seed
  server = await startServer(bench, { logFile });
  const firstStart = server.startMs;
  log(`first start (migrations + demo seed): ${Math.round(firstStart)} ms`);
  const password = (JSON.parse(readFileSync(path.join(bench.dataDir, 'demo-accounts.json'), 'utf8')) as { password: string }[])[0].password;
  await server.stop();
  server = null;

  // ---- scaled seed, through the app's db client (PGlite is single-process: the server is stopped)
  let seed: SeedInfo;
  {
    const database = await openBenchDatabase(bench);
    seed = await seedScaled(database, P.scale, { now: new Date(), password });
    await database.close();
    log(`seeded ${P.scale.units} units, ${seed.drafts.length + seed.submittedCount} applications (${seed.submittedCount} submitted), ${seed.historyCount} historical results in ${Math.round(seed.ms)} ms`);
  }

  // ---- 4b. start-up on the existing (now large) data
  const starts: number[] = [];
  for (let i = 0; i < P.startRuns; i++) {
    server = await startServer(bench, { logFile });
    starts.push(server.startMs);
    if (i < P.startRuns - 1) {
      await server.stop();
      server = null;
    }
  }
  if (only.has(4)) {
    results.add({ figure: 4, name: `start-up, existing ${kind} data (median of ${starts.length})`, value: round(median(starts)), unit: 'ms', target: kind === 'pglite' ? '< 3000' : 'info', note: `runs: ${starts.map((s) => Math.round(s)).join(', ')}` });
    results.info(4, 'first start (migrations + demo seed)', round(firstStart), 'ms');
  }
  const srv = server!;

  // ---- 2 (HTTP part) and 6 while the server is quiet
  let routes: RouteAvailability | null = null;
  if (only.has(2) && seed.drafts.length) {
    const app = seed.drafts[seed.drafts.length - 1];
    const s = await login(srv.url, app.username, password);
    const call = async () => {
      const t = performance.now();
      const res = await fetch(`${srv.url}/api/applications/${app.id}/duplicates`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: '{}' });
      const text = await res.text();
      return { ms: performance.now() - t, status: res.status, missing: res.status === 404 && text.includes('请求的接口不存在'), text };
    };
    const cold = await call();
    if (cold.missing) todo.push('figure 2: POST /api/applications/:id/duplicates not present — HTTP latency not measured');
    else if (cold.status !== 200) todo.push(`figure 2: duplicate check answered ${cold.status}: ${cold.text.slice(0, 120)}`);
    else {
      const warm: number[] = [];
      for (let i = 0; i < P.dupHttp; i++) warm.push((await call()).ms);
      results.info(2, 'duplicate check via HTTP, first call (builds the server index)', round(cold.ms), 'ms');
      results.info(2, `duplicate check via HTTP, p95 of ${warm.length}`, round(percentile(warm, 95)), 'ms', `p50 ${round(percentile(warm, 50))} ms`);
    }
  }

  if (only.has(6)) {
    const st = staticEntryJs();
    results.info(6, `JS from index.html, static imports (${st.files.length} files)`, round(st.gzipBytes / KB), 'KB gz');
    try {
      const measured = await measureRoutes(srv.url, ['/', '/login'], P.fcpRuns);
      for (const r of measured) {
        const label = r.route === '/' ? 'public portal' : 'login page';
        results.add({ figure: 6, name: `${label}: JS fetched by chromium (${r.jsFiles} files)`, value: round(r.gzipBytes / KB), unit: 'KB gz', target: '< 300' });
        results.add({ figure: 6, name: `${label}: first-contentful-paint (median of ${r.fcpMs.length})`, value: round(median(r.fcpMs)), unit: 'ms', target: r.route === '/' ? '< 1500' : 'info' });
      }
    } catch (err) {
      todo.push(`figure 6: chromium measurement failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }

  // ---- 7: published content (立项计划) under load, answered from the in-process cache
  if (only.has(7)) {
    try {
      const pb = await runPublications(srv.url, { connections: quick ? 10 : 50, durationS: quick ? 3 : 10 });
      results.info(7, 'publication detail, first answer (builds the cache)', round(pb.coldDetailMs), 'ms');
      results.add({ figure: 7, name: 'publication PDF, second answer as % of the first (cache hit vs render)', value: round((100 * pb.warmPdfMs) / pb.coldPdfMs), unit: '%', target: '< 10', note: `first answer ${round(pb.coldPdfMs)} ms (renders), second ${round(pb.warmPdfMs)} ms` });
      results.add({ figure: 7, name: `public list/detail/PDF/Excel mix, ${quick ? 10 : 50} connections, p99`, value: round(pb.p99), unit: 'ms', target: '< 500', note: `p50 ${pb.p50} ms, ${pb.requests} requests, ${round(pb.throughput)} req/s` });
      results.add({ figure: 7, name: 'publication answers not 2xx, or failed', value: pb.non2xx + pb.errors, unit: '', target: '= 0' });
    } catch (err) {
      todo.push(`figure 7: ${(err as Error).message.split('\n')[0]}`);
    }
  }

  // ---- 1 + 5: the surge
  if (only.has(1)) {
    const nRec = Math.min(seed.recommenderUsernames.length, Math.max(1, Math.round(P.sessions * 0.1)));
    const logged = await loginSessions(srv.url, seed, { applicants: P.sessions - nRec, recommenders: nRec });
    log(`logged in ${logged.sessions.length} sessions (${nRec} recommenders) in ${Math.round(logged.ms)} ms`);
    routes = await probeRoutes(srv.url, logged.sessions);
    for (const [k, v] of Object.entries(routes)) if (!v) todo.push(`figure 1: route for "${k}" not present when the bench ran — that part of the mix fell back to existing reads`);
    const out = await runSurge(srv, logged.sessions, logged.spare, password, routes, { durationS: P.durationS, thinkMs: P.thinkMs, saturationS: P.saturationS });
    if (srv.exited) results.fatal.push(`server crashed during the surge (exit ${srv.exitCode}); see ${srv.logFile}`);
    log(`surge: ${out.requests} requests, ${round(out.throughput)} req/s, p50 ${round(out.p50)} ms, p99 ${round(out.p99)} ms, errors ${out.errors}, 409 ${out.expected409}, timeouts ${out.timeouts}`);
    if (out.saturation) log(`saturation: ${round(out.saturation.throughput)} req/s, p50 ${out.saturation.p50} ms, p99 ${out.saturation.p99} ms, timeouts ${out.saturation.timeouts}`);
    if (out.errorSamples.length) log(`error samples:\n  ${out.errorSamples.join('\n  ')}`);
    await srv.stop();
    server = null;

    const database = await openBenchDatabase(bench);
    const v = await verifySurge(database, out);
    const untouched = logged.spare.slice(Math.max(0, logged.spare.length - Math.min(P.sessions, logged.spare.length)));
    const base = await runBaseline(database, { campaignId: seed.campaignId, apps: untouched, recommenderUsernames: seed.recommenderUsernames, concurrency: Math.min(P.sessions, untouched.length + nRec), durationS: P.baselineS });
    await database.close();

    const totalMix = out.mix.reads + out.mix.saves + out.mix.submits;
    const pct = (n: number) => round((100 * n) / Math.max(1, totalMix));
    const lat = `${kind === 'postgres' ? '< 250' : '< 500'}`;
    results.add({ figure: 1, name: `surge p99 latency, ${out.connections} sessions × ${out.durationS} s (think ~${out.thinkMs / 1000} s)`, value: round(out.p99), unit: 'ms', target: lat });
    results.info(1, 'surge p50 latency', round(out.p50), 'ms');
    results.info(1, 'surge throughput (sessions with think time)', round(out.throughput), 'req/s');
    if (out.saturation) {
      results.add({ figure: 1, name: `saturation throughput, ${out.connections} connections, no think time (baseline: same mix as bare SQL)`, value: round(out.saturation.throughput), unit: 'req/s', baseline: round(base.throughput), target: 'info', pass: true, note: `saturation p50 ${out.saturation.p50} ms, p99 ${out.saturation.p99} ms; bare SQL p50 ${round(base.p50)} ms, p99 ${round(base.p99)} ms, ${base.errors} errors` });
    }
    results.add({ figure: 1, name: 'surge errors (non-2xx except expected 409)', value: out.errors, unit: '', target: kind === 'postgres' ? '= 0' : 'info', note: out.errorSamples.slice(0, 3).join(' | ') });
    results.info(1, 'mix: reads (target 70%)', pct(out.mix.reads), '%');
    results.info(1, 'mix: draft saves (target 25%)', pct(out.mix.saves), '%');
    results.info(1, 'mix: submissions incl. replays (target 5%)', pct(out.mix.submits), '%', `plus ${out.mix.logins} re-logins after a submit`);
    results.info(1, 'stale-version 409 answered (then re-read)', out.expected409, '');
    results.info(1, 'accepted draft saves', out.acceptedSaves, '');
    results.info(1, 'accepted submits', out.acceptedSubmits, '', `${out.replays} idempotent replays`);
    for (const [k, s] of Object.entries(out.perKind)) results.info(1, `  ${k}: n=${s.n}, p50 ${round(s.p50)} ms`, round(s.p99), 'ms p99');
    results.add({ figure: 1, name: 'lost writes (acknowledged but not in the database)', value: v.lostWrites.length, unit: '', target: '= 0', note: v.lostWrites.slice(0, 3).join(' | ') });
    results.add({ figure: 1, name: `submitted rows = accepted submits (${v.acceptedSubmits})`, value: v.submittedRows, unit: 'rows', target: `= ${v.acceptedSubmits}` });
    results.add({ figure: 1, name: `version increments = acknowledged (${v.acknowledgedIncrements})`, value: v.versionIncrements - v.unacknowledgedApplied, unit: '', target: `= ${v.acknowledgedIncrements}`, note: `${v.unacknowledgedApplied} applied without an answer (timeouts); ${v.markerChecked} final forms carry their last save's marker` });
    results.add({ figure: 1, name: `audit chain verifies (${v.auditEntries} entries)`, value: v.auditOk ? 1 : 0, unit: '', target: '= 1', note: v.auditReason });
    results.add({ figure: 1, name: 'idempotent replay mismatches', value: out.replayMismatches, unit: '', target: '= 0' });
    if (v.lostWrites.length) results.fatal.push(`${v.lostWrites.length} lost writes, e.g. ${v.lostWrites[0]}`);
    if (!v.auditOk) results.fatal.push(`audit chain broken: ${v.auditReason}`);
    if (out.replayMismatches) results.fatal.push(`${out.replayMismatches} submit retries were not idempotent replays`);
    if (only.has(5)) {
      // The issue's figures are on PostgreSQL unless said; on PGlite the database itself (its wasm
      // heap and buffers) lives inside the server process, so the figure is information there.
      results.add({ figure: 5, name: `server RSS max during the surge${kind === 'pglite' ? ' (includes the embedded database)' : ''}`, value: round(out.rssMaxKb / KB), unit: 'MB', target: kind === 'postgres' ? '< 400' : 'info', pass: kind === 'postgres' ? undefined : true, note: `idle before: ${round(out.rssIdleKb / KB)} MB` });
    }
  } else {
    await srv.stop();
    server = null;
  }

  // ---- 2: duplicate check in-process (the domain index the server uses)
  if (only.has(2)) {
    log('duplicate check (in-process)…');
    const s = runSimilarity({ history: P.scale.history, applications: P.scale.applications, queries: P.simQueries, bruteQueries: P.bruteQueries });
    const MB = 1024 * 1024;
    results.add({ figure: 2, name: `index build, ${s.corpus} documents (jieba words, IDF, synonyms)`, value: round(s.buildMs), unit: 'ms', target: '< 10000', note: `CPU ${round(s.buildCpuMs)} ms (wall time counts: on a loaded machine compare the CPU time)` });
    results.info(2, 'index memory (postings + document terms + dictionary)', round(s.indexBytes / MB), 'MB', `plus ${round(s.textBytes / MB)} MB of kept texts (for highlighting)`);
    results.add({ figure: 2, name: `query p95 over ${s.queries} copies (half planted, half paraphrased)`, value: round(s.p95, 2), unit: 'ms', target: '< 30', note: `p50 ${round(s.p50, 2)} ms; CPU p50 ${round(s.p50Cpu, 2)} / p95 ${round(s.p95Cpu, 2)} ms` });
    results.add({ figure: 2, name: `speed-up vs brute force (every document scored, median of ${s.bruteQueries})`, value: round(s.speedup), unit: '×', baseline: round(s.bruteMedianMs), target: 'info', pass: true, note: 'baseline = brute-force ms per query' });
    results.add({ figure: 2, name: 'recall@5 on the planted + paraphrased copies', value: round(s.recallLabelled, 3), unit: '', baseline: round(s.bruteLabelled, 3), target: '= 1', note: 'baseline = brute force on its sample' });
    results.add({ figure: 2, name: `index recall vs brute force (brute-force top-5 ≥ show ${DEFAULT_SHOW_THRESHOLD}, ${s.recallVsBrutePairs} pairs)`, value: round(s.recallVsBrute, 3), unit: '', target: '≥ 0.99' });
    results.info(2, 'top-5 agreement with brute force (all 5 ranks, any score)', round(s.agreementAllRanks, 3), '');
    const e = s.evalIndex;
    const b = s.evalBaseline;
    const evalNote = `${e.positives} copies, ${e.negatives} negatives; baseline = brute-force character-bigram Jaccard`;
    results.add({ figure: 2, name: 'evaluation set: recall@1', value: round(e.recallAt1, 3), unit: '', baseline: round(b.recallAt1, 3), target: 'info', pass: true, note: evalNote });
    results.add({ figure: 2, name: 'evaluation set: recall@5', value: round(e.recallAt5, 3), unit: '', baseline: round(b.recallAt5, 3), target: '= 1' });
    results.add({ figure: 2, name: `evaluation set: best-threshold F1 (index best at ${round(e.bestRange[0], 3)}–${round(e.bestRange[1], 3)})`, value: round(e.bestF1, 3), unit: '', baseline: round(b.bestF1, 3), target: '≥ 0.95', note: `baseline best at ${round(b.bestThreshold, 3)}` });
    results.add({ figure: 2, name: `evaluation set: F1 at the default flag ${DEFAULT_FLAG_THRESHOLD}`, value: round(e.f1At(DEFAULT_FLAG_THRESHOLD), 3), unit: '', target: '≥ 0.95', note: `best-range middle ${round(e.bestThreshold, 3)}: default ${Math.abs(DEFAULT_FLAG_THRESHOLD - e.bestThreshold) <= 0.05 ? 'within' : 'NOT within'} 0.05` });
    results.add({ figure: 2, name: `evaluation set: false positives on hard negatives at flag ${DEFAULT_FLAG_THRESHOLD}`, value: round(e.hardNegativeFpRateAt(DEFAULT_FLAG_THRESHOLD), 3), unit: '', baseline: round(b.hardNegativeFpRateAt(b.bestThreshold), 3), target: 'info', pass: true, note: 'baseline at its own best threshold' });
    results.info(2, `evaluation set: copies shown at show ${DEFAULT_SHOW_THRESHOLD}`, round(e.targetRecallAt(DEFAULT_SHOW_THRESHOLD), 3), '');
    results.add({ figure: 2, name: 'default flag within 0.05 of the best threshold', value: round(Math.abs(DEFAULT_FLAG_THRESHOLD - e.bestThreshold), 3), unit: '', target: '≤ 0.05', pass: Math.abs(DEFAULT_FLAG_THRESHOLD - e.bestThreshold) <= 0.05 });
  }

  // ---- 3: documents in-process
  if (only.has(3)) {
    log('documents…');
    const d = await runDocuments({ certificates: P.certificates, summaryRows: P.summaryRows, docxRuns: P.docxRuns, budgetMs: P.certBudgetMs });
    const projected = (d.certificatesMs / d.certificates) * P.certificates;
    results.add({ figure: 3, name: `${P.certificates} certificates (PDF)${d.certificates < P.certificates ? `, projected from ${d.certificates}` : ''}`, value: round(projected), unit: 'ms', target: `< ${quick ? 60_000 * (P.certificates / 1000) : 60_000}` });
    results.add({ figure: 3, name: 'largest certificate', value: round(d.certificateMaxBytes / KB), unit: 'KB', target: '< 200', note: `median ${round(d.certificateMedianBytes / KB)} KB` });
    results.add({ figure: 3, name: `summary table .xlsx, ${d.summaryRows} rows`, value: round(d.summaryMs), unit: 'ms', target: `< ${quick ? Math.round(3000 * (P.summaryRows / 5000)) : 3000}`, note: `${round(d.summaryBytes / KB)} KB` });
    results.add({ figure: 3, name: `申报书 .docx (median of ${d.docxRuns})`, value: round(d.docxMedianMs), unit: 'ms', target: '< 200', note: `${round(d.docxBytes / KB)} KB` });
  }
}

async function finish(code: number | null) {
  if (server) await server.stop().catch(() => undefined);
  if (bench && !keep) await bench.drop().catch((e) => log(`drop failed: ${e.message}`));
  else if (bench) log(`kept ${bench.dataDir}`);
  const file = path.join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results.rows, null, 2)}\n`);
  // the full runs behind docs/performance.md are kept per database
  // The recorded full figures are only replaced by a run of every figure.
  if (!quick && only.size === 6 && SESSIONS_OVERRIDE === undefined) {
    const record = { machine: machine(), at: new Date().toISOString(), loadAverage: { atStart: LOAD_AT_START, atEnd: os.loadavg().map((x) => round(x)) }, results: results.rows };
    writeFileSync(path.join(ROOT, 'bench', `results-full-${adminUrl ? 'postgres' : 'pglite'}.json`), `${JSON.stringify(record, null, 2)}\n`);
  }
  console.log('');
  console.log(`攻关 bench — ${quick ? 'quick' : 'full'}, ${adminUrl ? 'PostgreSQL' : 'PGlite'}, ${machine().nproc} CPU, node ${process.version}`);
  printTable(results.rows, !quick);
  const misses = results.rows.filter((r) => !r.pass);
  if (todo.length) console.log(`\nTODO / not measured:\n  - ${todo.join('\n  - ')}`);
  if (misses.length) console.log(`\nMisses (${misses.length}):\n  - ${misses.map((r) => `[${r.figure}] ${r.name}: ${r.value} ${r.unit} (target ${r.target})${r.note ? ` — ${r.note}` : ''}`).join('\n  - ')}`);
  if (results.fatal.length) console.log(`\nFATAL:\n  - ${results.fatal.join('\n  - ')}`);
  console.log(`\nwrote ${path.relative(ROOT, file)}`);
  if (code === null) code = results.fatal.length ? 1 : quick ? 0 : misses.length ? 1 : 0;
  process.exit(code);
}

process.once('SIGINT', () => void finish(130));
main().then(
  () => finish(null),
  async (err) => {
    results.fatal.push(`crash: ${(err as Error).stack ?? err}`);
    console.error(err);
    await sleep(10);
    await finish(1);
  },
);
