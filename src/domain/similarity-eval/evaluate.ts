/**
 * Evaluation of 雷同检查 on the labelled set (eval-set.json, written by generate.ts): recall@1/@5 of
 * the copied past result, false-positive rate on hard negatives, F1 of the flag at the best threshold
 * and at the defaults — for the index and for a brute-force character-bigram Jaccard baseline.
 * Used by similarity-eval.test.ts (the numbers must not regress) and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeForSimilarity } from '../similarity';
import { SimilarityIndex, type SimilarityOptions } from '../similarity-index';
import { generateDocs } from '../similarity.fixtures';
import type { EvalDoc, EvalKind, EvalQuery } from './generate';

export interface EvalSet {
  past: EvalDoc[];
  queries: EvalQuery[];
}

export function loadEvalSet(): EvalSet {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, 'eval-set.json'), 'utf8')) as EvalSet;
}

interface Outcome {
  query: EvalQuery;
  /** Up to 5 best (id, score). */
  top: { id: string; score: number }[];
}

export interface EvalMetrics {
  positives: number;
  negatives: number;
  recallAt1: number;
  recallAt5: number;
  /** Best F1 of "flag when the top score ≥ t" (a positive counts only when its target scores ≥ t). */
  bestF1: number;
  /** The range of thresholds reaching bestF1 (lowest, highest). */
  bestRange: [number, number];
  /** Middle of the best range. */
  bestThreshold: number;
  f1At: (t: number) => number;
  /** Share of hard negatives whose top score reaches t. */
  hardNegativeFpRateAt: (t: number) => number;
  /** Share of positives whose target scores at least t. */
  targetRecallAt: (t: number) => number;
  /** Lowest target score per kind, highest top score per negative kind. */
  byKind: Record<string, { n: number; min: number; max: number }>;
  outcomes: Outcome[];
}

function metricsOf(outcomes: Outcome[]): EvalMetrics {
  const pos = outcomes.filter((o) => o.query.target);
  const neg = outcomes.filter((o) => !o.query.target);
  const hard = neg.filter((o) => o.query.kind === 'hard_negative');
  const targetScore = (o: Outcome) => o.top.find((m) => m.id === o.query.target)?.score ?? 0;
  const topScore = (o: Outcome) => o.top[0]?.score ?? 0;
  const f1At = (t: number) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const o of pos) {
      if (targetScore(o) >= t) tp++;
      else {
        fn++;
        if (topScore(o) >= t) fp++; // flagged for the wrong document
      }
    }
    for (const o of neg) if (topScore(o) >= t) fp++;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  };
  const cuts = [...new Set(outcomes.flatMap((o) => o.top.map((m) => m.score)).concat([0, 1]))].sort((a, b) => a - b);
  let bestF1 = -1;
  let bestRange: [number, number] = [0, 0];
  for (let i = 0; i < cuts.length; i++) {
    // any t in (cuts[i-1], cuts[i]] gives the same decisions
    const f = f1At(cuts[i]);
    const lo = i === 0 ? cuts[i] : cuts[i - 1] + 1e-6;
    if (f > bestF1 + 1e-12) {
      bestF1 = f;
      bestRange = [lo, cuts[i]];
    } else if (Math.abs(f - bestF1) <= 1e-12 && lo <= bestRange[1] + 2e-6) bestRange = [bestRange[0], cuts[i]];
  }
  const byKind: EvalMetrics['byKind'] = {};
  for (const o of outcomes) {
    const v = o.query.target ? targetScore(o) : topScore(o);
    const k = (byKind[o.query.kind] ??= { n: 0, min: Infinity, max: -Infinity });
    k.n++;
    k.min = Math.min(k.min, v);
    k.max = Math.max(k.max, v);
  }
  return {
    positives: pos.length,
    negatives: neg.length,
    recallAt1: pos.filter((o) => o.top[0]?.id === o.query.target).length / pos.length,
    recallAt5: pos.filter((o) => o.top.some((m) => m.id === o.query.target)).length / pos.length,
    bestF1,
    bestRange,
    bestThreshold: (bestRange[0] + bestRange[1]) / 2,
    f1At,
    hardNegativeFpRateAt: (t) => hard.filter((o) => topScore(o) >= t).length / Math.max(1, hard.length),
    targetRecallAt: (t) => pos.filter((o) => targetScore(o) >= t).length / pos.length,
    byKind,
    outcomes,
  };
}

/** The index (as the server builds it) over the past results, each application queried. */
export function evaluateIndex(set: EvalSet, opts: SimilarityOptions & { background?: number } = {}): EvalMetrics & { buildMs: number } {
  const t0 = performance.now();
  const index = new SimilarityIndex(opts);
  for (const d of set.past) index.add({ id: d.id, fields: d.fields });
  // other past results (generated, none copied): realistic term frequencies and more decoys
  for (const d of generateDocs(opts.background ?? 0, 900_000)) index.add(d);
  const buildMs = performance.now() - t0;
  const outcomes = set.queries.map((q) => ({ query: q, top: index.query(q.fields, { topK: 5 }).map((m) => ({ id: m.id, score: m.score })) }));
  return { ...metricsOf(outcomes), buildMs };
}

function bigramSet(text: string): Set<number> {
  const n = normalizeForSimilarity(text);
  const out = new Set<number>();
  for (let i = 1; i < n.length; i++) if (!n.runStart[i]) out.add(n.codes[i - 1] * 0x110000 + n.codes[i]);
  return out;
}

/** Baseline: brute-force character-bigram Jaccard over name + all text, no words, no weights, no synonyms. */
export function evaluateBigramBaseline(set: EvalSet): EvalMetrics {
  const text = (f: EvalDoc['fields']) => [f.name, f.problem, f.goals, f.route].join('\n');
  const past = set.past.map((d) => ({ id: d.id, set: bigramSet(text(d.fields)) }));
  const outcomes = set.queries.map((q) => {
    const qs = bigramSet(text(q.fields));
    const scored = past.map((p) => {
      let inter = 0;
      for (const x of qs) if (p.set.has(x)) inter++;
      return { id: p.id, score: inter / (qs.size + p.set.size - inter || 1) };
    });
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return { query: q, top: scored.slice(0, 5) };
  });
  return metricsOf(outcomes);
}

export type { EvalKind };
