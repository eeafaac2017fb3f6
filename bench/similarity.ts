/**
 * Figure 2 — duplicate check, in-process with the domain index (the code path the server uses,
 * src/server/applications/duplicate-index.ts): one application against N historical results + M
 * same-year applications.
 *
 * - Speed and size: index build, query p95, memory of the index structures. Wall time and CPU time
 *   of this process (process.cpuUsage) both: on a shared machine the wall time measures the load,
 *   the CPU time the code.
 * - Candidates: "index recall vs brute force" — of the documents exact scoring (`bruteForce`, every
 *   document scored) shows in its top 5 (score ≥ the default show threshold), the share the index
 *   also returns; measured on paraphrased copies (synonyms, reordering, padding, summaries, mixed:
 *   src/domain/similarity-eval/generate.ts `disguise`), besides the planted near-duplicates.
 * - Quality: the labelled evaluation set (src/domain/similarity-eval/): recall@1, recall@5, false
 *   positives on hard negatives, best-threshold F1 and F1 at the default thresholds, beside a
 *   brute-force character-bigram Jaccard baseline measured in the same run.
 */
import { SimilarityIndex, type SimilarityDoc } from '../src/domain/similarity-index';
import { disguise } from '../src/domain/similarity-eval/generate';
import { evaluateBigramBaseline, evaluateIndex, loadEvalSet, type EvalMetrics } from '../src/domain/similarity-eval/evaluate';
import { generateDocs, perturb } from '../src/domain/similarity.fixtures';
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_SHOW_THRESHOLD } from '../src/domain/similarity-thresholds';
import { median, percentile } from './lib';

export interface SimilarityOutcome {
  corpus: number;
  buildMs: number;
  buildCpuMs: number;
  /** Postings + packed document terms + dictionary + segmentation caches (not the texts). */
  indexBytes: number;
  /** Clause look-ups answered by the index's segmentation cache during the build. */
  clauseHitRate: number;
  textBytes: number;
  queries: number;
  p50: number;
  p95: number;
  /** CPU time per query (user + system of this process). */
  p50Cpu: number;
  p95Cpu: number;
  bruteQueries: number;
  bruteMedianMs: number;
  speedup: number;
  recallLabelled: number;
  bruteLabelled: number;
  /** Shown brute-force top-5 documents the index also returned (paraphrased + planted queries). */
  recallVsBrute: number;
  recallVsBrutePairs: number;
  /** All five ranks, whatever their score (information). */
  agreementAllRanks: number;
  evalIndex: EvalMetrics;
  evalBaseline: EvalMetrics;
}

const KINDS = ['synonym', 'reorder', 'padding', 'summary_only', 'mixed'] as const;

export function runSimilarity(opts: { history: number; applications: number; queries: number; bruteQueries: number }): SimilarityOutcome {
  // historical results: seeds 1…N (the same texts the DB seed writes); same-year applications: 1,000,000+
  const docs: SimilarityDoc[] = [...generateDocs(opts.history, 1), ...generateDocs(opts.applications, 1_000_000).map((d) => ({ ...d, id: `A${d.id}` }))];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const index = new SimilarityIndex();
  for (const d of docs) index.add(d);
  const buildMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const mem = index.memoryBytes();
  const clauseHitRate = 1 - index.clauseStats.misses / Math.max(1, index.clauseStats.lookups);

  // half planted near-duplicates (perturb), half disguised copies the way applicants write them
  const queries: { fields: Record<string, string>; label: string }[] = [];
  for (let q = 0; q < opts.queries; q++) {
    const target = docs[(q * 7919) % docs.length];
    const f = target.fields as { name: string; problem: string; goals: string; route: string };
    if (q % 2 === 0) {
      const strength = 1 + ((q >> 1) % 2);
      queries.push({
        label: target.id,
        fields: { name: perturb(f.name, q * 4 + 1), problem: perturb(f.problem, q * 4 + 2, strength), goals: perturb(f.goals, q * 4 + 3), route: perturb(f.route, q * 4 + 4, strength) },
      });
    } else queries.push({ label: target.id, fields: disguise(KINDS[(q >> 1) % KINDS.length], f, q) });
  }
  // warm-up (JIT), not measured
  for (let i = 0; i < 5; i++) index.query(queries[i % queries.length].fields, { topK: 5 });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const results: { id: string; score: number }[][] = [];
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    const r = index.query(q.fields, { topK: 5 });
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpuTimes.push((used.user + used.system) / 1000);
    results.push(r.map((m) => ({ id: m.id, score: m.score })));
  }
  const recallLabelled = queries.filter((q, i) => results[i].some((m) => m.id === q.label)).length / queries.length;

  const bruteTimes: number[] = [];
  let shown = 0;
  let found = 0;
  let agree = 0;
  let total = 0;
  let bruteLabelled = 0;
  const step = Math.max(1, Math.floor(queries.length / Math.max(1, opts.bruteQueries)));
  let bq = 0;
  for (let i = 0; i < queries.length && bq < opts.bruteQueries; i += step, bq++) {
    const t = performance.now();
    const exact = index.bruteForce(queries[i].fields, { topK: 5 });
    bruteTimes.push(performance.now() - t);
    if (exact.some((m) => m.id === queries[i].label)) bruteLabelled++;
    for (const m of exact) {
      total++;
      const hit = results[i].some((r) => r.id === m.id);
      if (hit) agree++;
      if (m.score >= DEFAULT_SHOW_THRESHOLD) {
        shown++;
        if (hit) found++;
      }
    }
  }
  const bruteMedianMs = median(bruteTimes);
  const set = loadEvalSet();
  return {
    corpus: docs.length,
    buildMs,
    buildCpuMs: (cpu.user + cpu.system) / 1000,
    indexBytes: mem.postings + mem.documentTerms + mem.dictionary + mem.caches,
    clauseHitRate,
    textBytes: mem.texts,
    queries: queries.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p50Cpu: percentile(cpuTimes, 50),
    p95Cpu: percentile(cpuTimes, 95),
    bruteQueries: bruteTimes.length,
    bruteMedianMs,
    speedup: bruteMedianMs / median(times),
    recallLabelled,
    bruteLabelled: bruteTimes.length ? bruteLabelled / bruteTimes.length : NaN,
    recallVsBrute: shown ? found / shown : NaN,
    recallVsBrutePairs: shown,
    agreementAllRanks: total ? agree / total : NaN,
    evalIndex: evaluateIndex(set, { background: 1500 }),
    evalBaseline: evaluateBigramBaseline(set),
  };
}

export { DEFAULT_FLAG_THRESHOLD, DEFAULT_SHOW_THRESHOLD };
