/**
 * The 雷同 check on its labelled evaluation set (src/domain/similarity-eval/eval-set.json: 160 past
 * excellent results, 122 new applications — disguised copies of every kind and hard negatives from
 * the same chains), with 1,500 further generated past results as decoys and for realistic word
 * frequencies. These are the targets; `npm run bench` prints the same figures beside the
 * character-bigram baseline. No timing here.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBigramBaseline, evaluateIndex, loadEvalSet } from './similarity-eval/evaluate';
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_SHOW_THRESHOLD } from './similarity-thresholds';

const set = loadEvalSet();
const m = evaluateIndex(set, { background: 1500 });

describe('雷同 evaluation set', () => {
  it('is the size the issue asks for, with every kind of copy and hard negatives', () => {
    expect(set.past.length).toBeGreaterThanOrEqual(150);
    expect(set.queries.length).toBeGreaterThanOrEqual(100);
    const kinds = new Set(set.queries.map((q) => q.kind));
    for (const k of ['verbatim', 'light_edit', 'reorder', 'padding', 'synonym', 'name_only', 'summary_only', 'hard_negative']) expect(kinds).toContain(k);
    expect(set.queries.filter((q) => q.kind === 'hard_negative').length).toBeGreaterThanOrEqual(30);
    const ids = new Set(set.past.map((p) => p.id));
    for (const q of set.queries) if (q.target) expect(ids.has(q.target)).toBe(true);
  });

  it('finds the copied result first for every disguised copy (recall@1 ≥ 0.98, recall@5 = 1)', () => {
    expect(m.recallAt5).toBe(1);
    expect(m.recallAt1).toBeGreaterThanOrEqual(0.98);
  });

  it('separates copies from hard negatives: best-threshold F1 ≥ 0.95', () => {
    expect(m.bestF1).toBeGreaterThanOrEqual(0.95);
  });

  it('the default flag threshold is within 0.05 of the best and keeps its F1', () => {
    expect(DEFAULT_FLAG_THRESHOLD).toBeGreaterThanOrEqual(m.bestRange[0] - 0.05);
    expect(DEFAULT_FLAG_THRESHOLD).toBeLessThanOrEqual(m.bestRange[1] + 0.05);
    expect(Math.abs(DEFAULT_FLAG_THRESHOLD - m.bestThreshold)).toBeLessThanOrEqual(0.05);
    expect(m.f1At(DEFAULT_FLAG_THRESHOLD)).toBeGreaterThanOrEqual(0.95);
    expect(m.hardNegativeFpRateAt(DEFAULT_FLAG_THRESHOLD)).toBeLessThanOrEqual(0.03);
  });

  it('the default show threshold shows every copy', () => {
    expect(m.targetRecallAt(DEFAULT_SHOW_THRESHOLD)).toBe(1);
    expect(DEFAULT_SHOW_THRESHOLD).toBeLessThan(DEFAULT_FLAG_THRESHOLD);
  });

  it('synonym paraphrases and summary-only copies score like copies, not like related projects', () => {
    for (const kind of ['synonym', 'summary_only', 'name_only', 'padding'] as const) {
      expect(m.byKind[kind].min, kind).toBeGreaterThanOrEqual(DEFAULT_FLAG_THRESHOLD);
    }
    expect(m.byKind.hard_negative.max).toBeLessThan(DEFAULT_FLAG_THRESHOLD);
  });

  it('beats the brute-force character-bigram baseline it replaces', () => {
    const b = evaluateBigramBaseline(set);
    expect(b.recallAt5).toBeLessThan(1); // the baseline loses name-only copies
    expect(m.bestF1).toBeGreaterThan(b.bestF1);
  });
});
