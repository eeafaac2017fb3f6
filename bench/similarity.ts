/**
 * Figure 2 — duplicate check, in-process with the domain index (the code path the server uses,
 * src/server/applications/duplicate-index.ts): one application against N historical results + M
 * same-year applications. Queries are planted near-duplicates of known corpus documents
 * (reordered clauses, synonyms, inserted words: similarity.fixtures.ts `perturb`), so each query
 * has a label; `bruteForceTopK` is the exact baseline (its cost limits how many queries it runs).
 */
import { bruteForceTopK, SimilarityIndex, type SimilarityDoc } from '../src/domain/similarity-index';
import { generateDocs, perturb } from '../src/domain/similarity.fixtures';
import { median, percentile } from './lib';

export interface SimilarityOutcome {
  corpus: number;
  buildMs: number;
  queries: number;
  p50: number;
  p95: number;
  bruteQueries: number;
  bruteMedianMs: number;
  speedup: number;
  recallLabelled: number;
  recallVsBrute: number;
  bruteLabelled: number;
}

export function runSimilarity(opts: { history: number; applications: number; queries: number; bruteQueries: number }): SimilarityOutcome {
  // historical results: seeds 1…N (the same texts the DB seed writes); same-year applications: 1,000,000+
  const docs: SimilarityDoc[] = [...generateDocs(opts.history, 1), ...generateDocs(opts.applications, 1_000_000).map((d) => ({ ...d, id: `A${d.id}` }))];
  const t0 = performance.now();
  const index = new SimilarityIndex();
  for (const d of docs) index.add(d);
  const buildMs = performance.now() - t0;

  const queries: { fields: Record<string, string>; label: string }[] = [];
  for (let q = 0; q < opts.queries; q++) {
    const target = docs[(q * 7919) % docs.length];
    const f = target.fields;
    const strength = 1 + (q % 2);
    queries.push({
      label: target.id,
      fields: { name: perturb(f.name, q * 4 + 1), problem: perturb(f.problem, q * 4 + 2, strength), goals: perturb(f.goals, q * 4 + 3), route: perturb(f.route, q * 4 + 4, strength) },
    });
  }
  // warm-up (JIT), not measured
  for (let i = 0; i < 5; i++) index.query(queries[i % queries.length].fields, { topK: 5 });
  const times: number[] = [];
  const results: string[][] = [];
  for (const q of queries) {
    const t = performance.now();
    const r = index.query(q.fields, { topK: 5 });
    times.push(performance.now() - t);
    results.push(r.map((m) => m.id));
  }
  const recallLabelled = queries.filter((q, i) => results[i].includes(q.label)).length / queries.length;

  const bruteTimes: number[] = [];
  let agree = 0;
  let total = 0;
  let bruteLabelled = 0;
  const step = Math.max(1, Math.floor(queries.length / Math.max(1, opts.bruteQueries)));
  let bq = 0;
  for (let i = 0; i < queries.length && bq < opts.bruteQueries; i += step, bq++) {
    const t = performance.now();
    const exact = bruteForceTopK(queries[i].fields, docs, 5).map((m) => m.id);
    bruteTimes.push(performance.now() - t);
    if (exact.includes(queries[i].label)) bruteLabelled++;
    total += exact.length;
    agree += exact.filter((id) => results[i].includes(id)).length;
  }
  const bruteMedianMs = median(bruteTimes);
  return {
    corpus: docs.length,
    buildMs,
    queries: queries.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    bruteQueries: bruteTimes.length,
    bruteMedianMs,
    speedup: bruteMedianMs / median(times),
    recallLabelled,
    recallVsBrute: total ? agree / total : NaN,
    bruteLabelled: bruteTimes.length ? bruteLabelled / bruteTimes.length : NaN,
  };
}
