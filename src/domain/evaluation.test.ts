import { describe, expect, it } from 'vitest';
import { aggregateScores, criteriaProblems, DEFAULT_EVALUATION_CRITERIA as C, drawGroup, drawOrder, expertTotal, levelFor, scoreProblems, type PoolExpert } from './evaluation';

const full = (v: number) => Object.fromEntries(C.sections.flatMap((s) => s.items).map((i) => [i.id, Math.min(i.max, (i.max * v) / 100)]));

describe('criteria', () => {
  it('the 2026 defaults are valid and total 100', () => {
    expect(criteriaProblems(C)).toEqual([]);
  });
  it('names the total when the items do not add up to 100', () => {
    const c = structuredClone(C);
    c.sections[0].items[0].max = 15;
    expect(criteriaProblems(c)).toContain('评分项满分合计应为100分，当前为105分');
  });
  it('refuses bands out of order and a group smaller than its minimum', () => {
    const c = { ...C, bands: { excellent: 70, good: 75, qualified: 60 }, groupSize: 2 };
    const p = criteriaProblems(c);
    expect(p).toContain('等级分数线应满足：100 ≥ 优秀 > 良好 > 合格 > 0');
    expect(p).toContain('评定组人数应为3至15之间的整数');
  });
});

describe('scores', () => {
  it('accepts integers and one decimal within the limit', () => {
    expect(scoreProblems(C, { items: { ...full(90), topic: 9.5 }, vetoes: [], opinion: '成果选题精准，数据翔实，效益显著，具备推广价值。'.repeat(2) }, true)).toEqual({});
  });
  it('names the item and its limit when out of range, nothing clamped', () => {
    const p = scoreProblems(C, { items: { topic: 11, analysis: -1, tools: 3.25 }, vetoes: [], opinion: '' }, false);
    expect(p['items.topic']).toBe('“选题针对具体质量问题、小切口”的得分应在0至10分之间，当前为11分');
    expect(p['items.analysis']).toContain('0至15分');
    expect(p['items.tools']).toContain('最多保留1位小数');
  });
  it('a final submission needs every item and an opinion of the minimum length', () => {
    const p = scoreProblems(C, { items: { topic: 8 }, vetoes: ['nonsense'], opinion: '很好' }, true);
    expect(p['items.effect']).toBe('请为“效果验证真实、经济社会效益显著”打分（0至20分）');
    expect(p.opinion).toBe('评定意见至少20个字，当前为2个字');
    expect(p.vetoes).toContain('nonsense');
  });
});

describe('aggregation', () => {
  it('levels by the configured bands', () => {
    expect([levelFor(C.bands, 85), levelFor(C.bands, 84.99), levelFor(C.bands, 75), levelFor(C.bands, 60), levelFor(C.bands, 59.9)]).toEqual(['excellent', 'good', 'good', 'qualified', 'unqualified']);
  });
  it('means the totals below the trimming threshold', () => {
    const a = aggregateScores(C, [{ items: full(90), vetoes: [] }, { items: full(80), vetoes: [] }, { items: full(70), vetoes: [] }]);
    expect(a).toMatchObject({ score: 80, trimmed: false, level: 'good', vetoed: false, expertCount: 3 });
  });
  it('drops the highest and lowest total from five experts on', () => {
    const sheets = [100, 86, 86, 86, 20].map((v) => ({ items: full(v), vetoes: [] }));
    expect(sheets.map((s) => expertTotal(C, s))).toEqual([100, 86, 86, 86, 20]);
    const a = aggregateScores(C, sheets);
    expect(a).toMatchObject({ score: 86, trimmed: true, level: 'excellent' });
  });
  it('a veto makes the result 不合格 whatever the score', () => {
    const a = aggregateScores(C, [{ items: full(95), vetoes: [] }, { items: full(95), vetoes: ['fabricated'] }, { items: full(95), vetoes: [] }]);
    expect(a).toMatchObject({ score: 95, vetoed: true, vetoes: ['fabricated'], level: 'unqualified' });
  });
});

describe('the draw', () => {
  const pool: PoolExpert[] = Array.from({ length: 12 }, (_, i) => ({ id: `e${String(i).padStart(2, '0')}`, fields: i < 8 ? ['协作机器人'] : ['质量管理'], active: i !== 3 }));
  const base = { field: '协作机器人', pool, projectIds: ['p1', 'p2'], conflicts: [], criteria: C };

  it('the same seed gives the same group, whatever the pool order', () => {
    const a = drawGroup({ ...base, seed: 'S-2026-1204' });
    const b = drawGroup({ ...base, pool: [...pool].reverse(), seed: 'S-2026-1204' });
    expect(a).toEqual(b);
    expect(a).toHaveLength(5);
    expect(a.every((id) => Number(id.slice(1)) < 8)).toBe(true);
    const others = ['x1', 'x2', 'x3', 'x4', 'x5'].map((s) => drawGroup({ ...base, seed: s }).join());
    expect(new Set(others).size).toBeGreaterThan(1);
  });
  it('never draws an inactive expert, nor one with a confirmed or undecided conflict; a dismissed one does not exclude', () => {
    const conflicts = [
      { expertId: 'e00', projectId: 'p1', decision: 'confirmed' as const },
      { expertId: 'e01', projectId: 'p2', decision: null },
      { expertId: 'e02', projectId: 'p1', decision: 'dismissed' as const },
      { expertId: 'e04', projectId: 'other', decision: null },
    ];
    const order = drawOrder({ ...base, seed: 'any', conflicts });
    expect(order).not.toContain('e00');
    expect(order).not.toContain('e01');
    expect(order).not.toContain('e03');
    expect(order).toContain('e02');
    expect(order).toContain('e04');
  });
  it('fills with general disciplines after the specialists', () => {
    const order = drawOrder({ ...base, seed: 'fill', exclude: ['e00', 'e01', 'e02', 'e04'] });
    expect(order.slice(0, 3).every((id) => Number(id.slice(1)) < 8)).toBe(true);
    expect(order.slice(3).every((id) => Number(id.slice(1)) >= 8)).toBe(true);
  });
});
