import { describe, it, expect } from 'vitest';
import { highlightOverlaps, normalizeForSimilarity, normalizedString } from './similarity';
import { SimilarityIndex, bruteForceTopK, type SimilarityDoc } from './similarity-index';
import { generateDocs, generateProject, perturb } from './similarity.fixtures';

const slices = (s: string, ranges: [number, number][]) => ranges.map(([a, b]) => s.slice(a, b));

describe('normalisation', () => {
  it.each([
    ['ＴＯＰＣｏｎ电池片', 'topcon电池片'],
    ['提高“一次合格率”，降低不良率。', '提高一次合格率降低不良率'],
    ['  PCB 板\u3000贴片（SMT）  ', 'pcb板贴片smt'],
    ['二〇二六年', '二〇二六年'],
    ['降低 ９８％ 的焊缝气孔', '降低98的焊缝气孔'],
    ['𠀀字', '𠀀字'],
  ])('%j → %j', (raw, norm) => {
    expect(normalizedString(raw)).toBe(norm);
  });

  it('inline spaces do not start a new run, punctuation does', () => {
    const runs = (s: string) => Array.from(normalizeForSimilarity(s).runStart);
    expect(runs('PCB 板\u3000贴片')).toEqual(runs('PCB板贴片'));
    expect(runs('PCB，板贴片')).not.toEqual(runs('PCB板贴片'));
  });

  it('maps every normalised char back to the original string', () => {
    const raw = '焊丝，（镀铜层）剥落';
    const n = normalizeForSimilarity(raw);
    expect(n.length).toBe(7);
    expect(Array.from(n.starts)).toEqual([0, 1, 4, 5, 6, 8, 9]);
    expect(n.runStart[2]).toBe(1); // "镀" starts a new run after "，（"
    expect(n.runStart[3]).toBe(0);
  });
});

describe('highlightOverlaps', () => {
  it('finds maximal common substrings ≥ 4 and merges adjacent ones', () => {
    const a = '降低协作机器人减速器装配不良率';
    const b = '协作机器人减速器的装配不良率控制技术';
    const r = highlightOverlaps(a, b);
    expect(slices(a, r.aRanges)).toEqual(['协作机器人减速器装配不良率']);
    expect(slices(b, r.bRanges)).toEqual(['协作机器人减速器', '装配不良率']);
  });

  it('maps ranges through punctuation, full-width letters and astral chars', () => {
    const a = 'ＴＯＰＣｏｎ电池片，转换效率提升';
    const b = '𠀀TOPCon电池片转换效率';
    const r = highlightOverlaps(a, b);
    expect(r.aRanges).toEqual([[0, 14]]);
    expect(r.bRanges).toEqual([[2, 15]]);
    expect(b.slice(2, 15)).toBe('TOPCon电池片转换效率');
  });

  it('respects minLen', () => {
    const a = '焊丝镀铜层剥落';
    const b = '镀铜层质量';
    expect(highlightOverlaps(a, b).aRanges).toEqual([]); // only "镀铜层" (3) in common
    expect(slices(a, highlightOverlaps(a, b, 3).aRanges)).toEqual(['镀铜层']);
  });

  it('reports repeated phrases in both strings', () => {
    const a = '统计过程控制；后续再次统计过程控制';
    const b = '采用统计过程控制';
    const r = highlightOverlaps(a, b);
    expect(slices(a, r.aRanges)).toEqual(['统计过程控制', '统计过程控制']);
    expect(slices(b, r.bRanges)).toEqual(['统计过程控制']);
  });

  it('returns nothing for unrelated or short texts', () => {
    expect(highlightOverlaps('富硒大米', '羽绒制品')).toEqual({ aRanges: [], bRanges: [] });
    expect(highlightOverlaps('', '羽绒制品含绒量')).toEqual({ aRanges: [], bRanges: [] });
  });
});

// Hand-written, realistic (fictitious) past 优秀成果 records.
const PAST: SimilarityDoc[] = [
  {
    id: 'R2021-017',
    fields: {
      name: '降低协作机器人谐波减速器装配不良率',
      problem: '谐波减速器柔轮与刚轮装配后回差超标，装配一次合格率仅为86.5%，返修导致交付周期延长。',
      goals: '装配一次合格率由86.5%提升至98%，回差超标返修率降低80%。',
      route: '运用PDCA循环和FMEA识别关键工序，设计专用装配工装，建立回差在线检测工位。',
    },
    meta: { year: 2021, unit: '示例精密传动有限公司' },
  },
  {
    id: 'R2022-003',
    fields: {
      name: '药芯焊丝焊接飞溅率控制技术',
      problem: '药芯焊丝在大电流焊接时飞溅大，焊缝成形差，客户投诉集中在飞溅粘附和气孔。',
      goals: '飞溅率由8%降至3%以下，焊缝气孔缺陷降低60%。',
      route: '开展药芯配方正交试验，优化钢带成型与填充率控制，建立焊接工艺评定数据库。',
    },
    meta: { year: 2022 },
  },
  {
    id: 'R2023-041',
    fields: {
      name: '电动自行车充电器充电管理技术',
      problem: '充电器过充保护响应慢，电池鼓包和起火隐患突出。',
      goals: '过充保护响应时间缩短至50毫秒以内，充电故障率降低70%。',
      route: '采用多段式充电曲线，增加温度与电压双重监测，完成可靠性加速寿命试验。',
    },
    meta: { year: 2023 },
  },
  {
    id: 'R2024-009',
    fields: {
      name: '光伏组件层压工序气泡缺陷控制',
      problem: '层压后组件内部气泡导致EL检测不良，层压一次合格率为95.2%。',
      goals: '层压一次合格率提升至99.3%，年减少返工损失120万元。',
      route: '运用六西格玛DMAIC方法，优化层压温度曲线和抽真空时间，引入EVA来料交联度检验。',
    },
    meta: { year: 2024 },
  },
];

describe('SimilarityIndex with realistic records', () => {
  const index = new SimilarityIndex();
  for (const d of PAST) index.add(d);

  it('finds a disguised copy of a past excellent result and explains it', () => {
    const query = {
      name: '提升协作机器人谐波减速器装配合格率',
      problem: '装配一次合格率仅为86.5%，谐波减速器柔轮与刚轮装配后回差超标，返修导致交付周期延长。',
      goals: '回差超标返修率降低80%，装配一次合格率由86.5%提升至98%。',
      route: '运用PDCA循环和FMEA识别关键工序，建立回差在线检测工位，设计专用装配工装。',
    };
    const res = index.query(query, { topK: 3 });
    expect(res[0].id).toBe('R2021-017');
    expect(res[0].score).toBeGreaterThan(0.6);
    expect(res[0].meta).toEqual({ year: 2021, unit: '示例精密传动有限公司' });
    expect(Object.keys(res[0].fieldScores).sort()).toEqual(['goals', 'name', 'problem', 'route']);
    const nameOverlap = res[0].overlaps.find((o) => o.field === 'name')!;
    expect(slices(query.name, nameOverlap.queryRanges)).toEqual(['协作机器人谐波减速器装配']);
    const routeOverlap = res[0].overlaps.find((o) => o.field === 'route')!;
    expect(slices(query.route, routeOverlap.queryRanges)).toEqual([
      '运用PDCA循环和FMEA识别关键工序',
      '建立回差在线检测工位',
      '设计专用装配工装',
    ]);
    if (res[1]) expect(res[1].score).toBeLessThan(0.2);
  });

  it('an identical name alone is a full match on the compared field', () => {
    const res = index.query({ name: '电动自行车充电器充电管理技术' });
    expect(res[0].id).toBe('R2023-041');
    expect(res[0].score).toBe(1);
    expect(res[0].fieldScores).toEqual({ name: 1 });
  });

  it('an unrelated application scores low', () => {
    const res = index.query({
      name: '富硒大米加工碎米率降低',
      problem: '富硒大米碾米工序碎米率高达12%，硒含量波动大。',
    });
    expect(res.every((r) => r.score < 0.15)).toBe(true);
  });

  it('honours excludeIds, minScore and topK', () => {
    const q = { name: '光伏组件层压工序气泡缺陷控制' };
    expect(index.query(q)[0].id).toBe('R2024-009');
    expect(index.query(q, { excludeIds: ['R2024-009'] }).map((r) => r.id)).not.toContain('R2024-009');
    expect(index.query({ name: '光伏组件层压气泡控制' }, { minScore: 0.99 })).toEqual([]);
    expect(index.query(q, { topK: 0 })).toEqual([]);
  });
});

describe('SimilarityIndex maintenance', () => {
  it('add / remove / replace / size', () => {
    const idx = new SimilarityIndex();
    for (const d of PAST) idx.add(d);
    expect(idx.size).toBe(4);
    expect(idx.remove('R2022-003')).toBe(true);
    expect(idx.remove('R2022-003')).toBe(false);
    expect(idx.size).toBe(3);
    // the removed record is gone; what remains shares at most a generic word (技术) with the query
    const afterRemoval = idx.query({ name: '药芯焊丝焊接飞溅率控制技术' });
    expect(afterRemoval.map((r) => r.id)).not.toContain('R2022-003');
    expect(afterRemoval.every((r) => r.score < 0.1)).toBe(true);
    // replace R2023-041 with a different text under the same id
    idx.add({ id: 'R2023-041', fields: { name: '羽绒制品含绒量检测一致性提升' } });
    expect(idx.size).toBe(3);
    expect(idx.query({ name: '电动自行车充电器充电管理技术' }).every((r) => r.score < 0.1)).toBe(true);
    expect(idx.query({ name: '羽绒制品含绒量检测一致性提升' })[0].id).toBe('R2023-041');
  });

  it('survives many removals (compaction) and keeps finding the rest', () => {
    const idx = new SimilarityIndex();
    const docs = generateDocs(600, 70_000);
    for (const d of docs) idx.add(d);
    for (const d of docs.slice(0, 500)) idx.remove(d.id);
    expect(idx.size).toBe(100);
    for (const d of docs.slice(500, 520)) {
      expect(idx.query(d.fields, { topK: 1 })[0].id).toBe(d.id);
    }
    expect(idx.query(docs[0].fields).map((r) => r.id)).not.toContain(docs[0].id);
  });

  it('weights the name higher than goals', () => {
    const idx = new SimilarityIndex();
    idx.add({ id: 'same-name', fields: { name: '降低动力锂电池电芯分容不良率', goals: '年节约成本80万元。' } });
    idx.add({ id: 'same-goals', fields: { name: '无缝钢管轧制壁厚均匀性提升', goals: '分容不良率由3.2%降至1%以下，年节约成本200万元。' } });
    const res = idx.query({ name: '降低动力锂电池电芯分容不良率', goals: '分容不良率由3.2%降至1%以下，年节约成本200万元。' });
    expect(res.map((r) => r.id)).toEqual(['same-name', 'same-goals']);
    const reweighted = new SimilarityIndex({ fieldWeights: { name: 0.05, goals: 1 } });
    reweighted.add({ id: 'same-name', fields: { name: '降低动力锂电池电芯分容不良率', goals: '年节约成本80万元。' } });
    reweighted.add({ id: 'same-goals', fields: { name: '无缝钢管轧制壁厚均匀性提升', goals: '分容不良率由3.2%降至1%以下，年节约成本200万元。' } });
    const res2 = reweighted.query({ name: '降低动力锂电池电芯分容不良率', goals: '分容不良率由3.2%降至1%以下，年节约成本200万元。' });
    expect(res2[0].id).toBe('same-goals');
  });

  it('rejects out-of-range candidate options', () => {
    expect(() => new SimilarityIndex({ rerankLimit: 0 })).toThrow('rerankLimit');
    expect(() => new SimilarityIndex({ maxPostingShare: 1.5 })).toThrow('maxPostingShare');
  });
});

describe('recall on planted near-duplicates among generated decoys', () => {
  const decoys = generateDocs(3000, 1);
  const index = new SimilarityIndex();
  for (const d of decoys) index.add(d);

  it('finds every planted copy (clauses reordered, synonyms swapped, words inserted) in the top 5', () => {
    let top1 = 0;
    for (let q = 0; q < 60; q++) {
      const target = decoys[(q * 47) % decoys.length];
      const f = target.fields;
      const query = {
        name: perturb(f.name, q),
        problem: perturb(f.problem, q + 1, 2),
        goals: perturb(f.goals, q + 2),
        route: perturb(f.route, q + 3, 2),
      };
      expect(query.problem).not.toBe(f.problem);
      const res = index.query(query, { topK: 5 });
      expect(res.map((r) => r.id)).toContain(target.id);
      if (res[0].id === target.id) top1++;
    }
    expect(top1).toBeGreaterThanOrEqual(58);
  });

  it('finds a copied body under a completely different name', () => {
    for (let q = 0; q < 20; q++) {
      const target = decoys[(q * 131 + 7) % decoys.length];
      const query = { name: '新型高效节能装置研制', problem: perturb(target.fields.problem, q), route: perturb(target.fields.route, q + 9) };
      expect(index.query(query, { topK: 5 }).map((r) => r.id)).toContain(target.id);
    }
  });

  it('agrees with the brute-force baseline on the best match', () => {
    for (let q = 0; q < 8; q++) {
      const target = decoys[(q * 191 + 3) % decoys.length];
      const query = { name: perturb(target.fields.name, q), problem: perturb(target.fields.problem, q + 5) };
      const lsh = index.query(query, { topK: 3 });
      const exact = bruteForceTopK(query, decoys, 3);
      expect(exact[0].id).toBe(target.id);
      expect(lsh[0].id).toBe(exact[0].id);
      expect(lsh[0].score).toBeCloseTo(exact[0].score, 10);
      expect(lsh[0].overlaps).toEqual(exact[0].overlaps);
    }
  });

  it('a fresh, unplanted project does not reach the duplicate level of a planted copy', () => {
    const planted = decoys[5].fields;
    const dupScore = index.query({ ...planted, name: perturb(planted.name, 1) }, { topK: 1 })[0].score;
    const fresh = generateProject(123_456_789);
    const best = index.query({ ...fresh }, { topK: 1 })[0];
    expect(best.score).toBeLessThan(dupScore - 0.2);
  });
});

describe('bruteForceTopK', () => {
  it('ranks all docs by the same score and respects k / excludeIds / minScore', () => {
    const res = bruteForceTopK({ name: '降低协作机器人减速器装配不良率' }, PAST, 2);
    expect(res).toHaveLength(1); // only one record shares anything with the name
    expect(res[0].id).toBe('R2021-017');
    expect(bruteForceTopK({ name: '降低协作机器人减速器装配不良率' }, PAST, 2, { excludeIds: ['R2021-017'] })).toEqual([]);
    expect(bruteForceTopK({ name: '层压工序气泡缺陷' }, PAST, 5, { minScore: 0.9 })).toEqual([]);
  });
});
