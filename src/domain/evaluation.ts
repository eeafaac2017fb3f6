/**
 * 成果评定 (程序七) rules, pure: the criteria set of a campaign, the reproducible draw of an
 * evaluation group, score validation and the aggregation of the experts' scores into a level.
 *
 * DB12/T 1273-2023 (附件2) and the expert rules (附件3) were not found (rules-from-attachments.md):
 * every number below is INFERRED and lives in the campaign configuration, where the commission can
 * change it.
 */
import type { EvaluationLevel } from './vocabularies';

export interface CriteriaItem {
  id: string;
  label: string;
  /** Maximum points of the item (the sum over all items is 100). */
  max: number;
}
export interface CriteriaSection {
  id: string;
  label: string;
  items: CriteriaItem[];
}
export interface EvaluationCriteria {
  sections: CriteriaSection[];
  /** 否决项: one ticked by any expert makes the result 不合格 whatever its score. */
  vetoItems: { id: string; text: string }[];
  /** Lowest aggregate score of each level; below `qualified` → 不合格. */
  bands: { excellent: number; good: number; qualified: number };
  /** Experts drawn per group. */
  groupSize: number;
  /** A group needs at least this many experts (fewer eligible experts → the draw is refused). */
  minGroupSize: number;
  /** From this many experts on, the highest and the lowest total are dropped before averaging. */
  trimFrom: number;
  /** Experts of these general disciplines fill a group when too few specialists of the field are eligible. */
  generalFields: string[];
  /** Length limits of an expert's written opinion. */
  opinion: { min: number; max: number };
}

/** INFERRED 2026 criteria (QC/PDCA practice and the 办法's definition of a result); the commission confirms. */
export const DEFAULT_EVALUATION_CRITERIA: EvaluationCriteria = {
  sections: [
    {
      id: 'problem',
      label: '选题与目标',
      items: [
        { id: 'topic', label: '选题针对具体质量问题、小切口', max: 10 },
        { id: 'target', label: '现状调查充分、目标明确可测', max: 10 },
      ],
    },
    {
      id: 'method',
      label: '方法与实施',
      items: [
        { id: 'analysis', label: '原因分析透彻、要因确认有据', max: 15 },
        { id: 'measures', label: '对策实施（PDCA）到位', max: 15 },
        { id: 'tools', label: '质量工具方法运用恰当', max: 10 },
      ],
    },
    {
      id: 'effect',
      label: '成效与推广',
      items: [
        { id: 'effect', label: '效果验证真实、经济社会效益显著', max: 20 },
        { id: 'standard', label: '标准化与巩固措施', max: 10 },
        { id: 'innovation', label: '创新性与推广价值', max: 10 },
      ],
    },
  ],
  vetoItems: [
    { id: 'fabricated', text: '成果数据或材料存在弄虚作假' },
    { id: 'not-achieved', text: '攻关目标未实现且无合理说明' },
    { id: 'ip-dispute', text: '成果存在知识产权纠纷' },
  ],
  bands: { excellent: 85, good: 75, qualified: 60 },
  groupSize: 5,
  minGroupSize: 3,
  trimFrom: 5,
  generalFields: ['质量管理', '计量检测', '标准化'],
  opinion: { min: 20, max: 1000 },
};

export function criteriaItems(c: EvaluationCriteria): CriteriaItem[] {
  return c.sections.flatMap((s) => s.items);
}

export function criteriaTotal(c: EvaluationCriteria): number {
  return round2(criteriaItems(c).reduce((sum, i) => sum + i.max, 0));
}

/** Problems of a criteria set, in Chinese, each naming the place and the limit; [] when valid. */
export function criteriaProblems(c: EvaluationCriteria): string[] {
  return criteriaIssues(c).map((i) => i.message);
}

/** `criteriaProblems` with the path of the field each one belongs to (shown at that field). */
export function criteriaIssues(c: EvaluationCriteria): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (c.sections.length === 0) add(['sections'], '评定指标至少包含1个部分');
  const ids = new Set<string>();
  c.sections.forEach((s, si) => {
    if (s.items.length === 0) add(['sections', si, 'items'], `评定指标“${s.label}”至少包含1个评分项`);
    s.items.forEach((i, ii) => {
      if (ids.has(i.id)) add(['sections', si, 'items', ii, 'id'], `评分项编号“${i.id}”重复`);
      ids.add(i.id);
      if (!(i.max > 0) || !Number.isInteger(i.max * 10)) add(['sections', si, 'items', ii, 'max'], `评分项“${i.label}”的满分应为大于0的数（最多1位小数）`);
    });
  });
  const total = criteriaTotal(c);
  if (c.sections.length && total !== 100) add(['sections'], `评分项满分合计应为100分，当前为${total}分`);
  const vetoIds = new Set<string>();
  c.vetoItems.forEach((v, vi) => {
    if (vetoIds.has(v.id)) add(['vetoItems', vi, 'id'], `否决项编号“${v.id}”重复`);
    vetoIds.add(v.id);
  });
  const { excellent, good, qualified } = c.bands;
  if (!(excellent > good && good > qualified && qualified > 0 && excellent <= 100)) add(['bands'], '等级分数线应满足：100 ≥ 优秀 > 良好 > 合格 > 0');
  if (!Number.isInteger(c.minGroupSize) || c.minGroupSize < 3) add(['minGroupSize'], '评定组最少人数应为不少于3的整数');
  if (!Number.isInteger(c.groupSize) || c.groupSize < c.minGroupSize || c.groupSize > 15) add(['groupSize'], `评定组人数应为${c.minGroupSize}至15之间的整数`);
  if (!Number.isInteger(c.trimFrom) || c.trimFrom < 3) add(['trimFrom'], '去掉最高分和最低分的起始人数应为不少于3的整数');
  if (!(c.opinion.min >= 0 && c.opinion.max >= c.opinion.min && c.opinion.max <= 5000)) add(['opinion'], '评定意见字数限制应满足：0 ≤ 最少字数 ≤ 最多字数 ≤ 5000');
  return problems;
}

// ── scores ──────────────────────────────────────────────────────────────────────────────────────

export interface ExpertScores {
  items: Record<string, number | null | undefined>;
  vetoes: string[];
  opinion: string;
}

/**
 * Field problems of one expert's scores (keys `items.<id>`, `vetoes`, `opinion`), in Chinese naming the
 * item and the limit. Nothing is clamped. A draft may leave items empty; a final submission may not.
 */
export function scoreProblems(c: EvaluationCriteria, s: ExpertScores, final: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const known = new Set(criteriaItems(c).map((i) => i.id));
  for (const id of Object.keys(s.items)) if (!known.has(id)) out[`items.${id}`] = `评分项“${id}”不在本年度评定指标中`;
  for (const i of criteriaItems(c)) {
    const v = s.items[i.id];
    if (v === null || v === undefined) {
      if (final) out[`items.${i.id}`] = `请为“${i.label}”打分（0至${i.max}分）`;
      continue;
    }
    if (!Number.isFinite(v) || v < 0 || v > i.max) out[`items.${i.id}`] = `“${i.label}”的得分应在0至${i.max}分之间，当前为${v}分`;
    else if (Math.abs(v * 10 - Math.round(v * 10)) > 1e-9) out[`items.${i.id}`] = `“${i.label}”的得分最多保留1位小数，当前为${v}分`;
  }
  const vetoIds = new Set(c.vetoItems.map((v) => v.id));
  const unknown = s.vetoes.find((v) => !vetoIds.has(v));
  if (unknown) out.vetoes = `否决项“${unknown}”不在本年度评定指标中`;
  const len = [...s.opinion.trim()].length;
  if (len > c.opinion.max) out.opinion = `评定意见不能超过${c.opinion.max}个字，当前为${len}个字`;
  else if (final && len < c.opinion.min) out.opinion = `评定意见至少${c.opinion.min}个字，当前为${len}个字`;
  return out;
}

/** An expert's total: the sum of the item scores (missing items count 0), two decimals. */
export function expertTotal(c: EvaluationCriteria, s: Pick<ExpertScores, 'items'>): number {
  return round2(criteriaItems(c).reduce((sum, i) => sum + (s.items[i.id] ?? 0), 0));
}

export function levelFor(bands: EvaluationCriteria['bands'], score: number): EvaluationLevel {
  if (score >= bands.excellent) return 'excellent';
  if (score >= bands.good) return 'good';
  if (score >= bands.qualified) return 'qualified';
  return 'unqualified';
}

export interface Aggregate {
  score: number;
  /** The highest and lowest totals were dropped. */
  trimmed: boolean;
  vetoed: boolean;
  /** Veto items ticked by at least one expert. */
  vetoes: string[];
  level: EvaluationLevel;
  expertCount: number;
}

/** The group's score: mean of the experts' totals, or trimmed mean from `trimFrom` experts on; any veto → 不合格. */
export function aggregateScores(c: EvaluationCriteria, sheets: Pick<ExpertScores, 'items' | 'vetoes'>[]): Aggregate {
  if (sheets.length === 0) throw new Error('aggregateScores: no scores');
  const totals = sheets.map((s) => expertTotal(c, s)).sort((a, b) => a - b);
  const trimmed = totals.length >= c.trimFrom;
  const used = trimmed ? totals.slice(1, -1) : totals;
  const score = round2(used.reduce((a, b) => a + b, 0) / used.length);
  const vetoes = [...new Set(sheets.flatMap((s) => s.vetoes))];
  const vetoed = vetoes.length > 0;
  return { score, trimmed, vetoed, vetoes, level: vetoed ? 'unqualified' : levelFor(c.bands, score), expertCount: sheets.length };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ── the draw ────────────────────────────────────────────────────────────────────────────────────

export interface PoolExpert {
  id: string;
  fields: string[];
  active: boolean;
}
export interface ConflictFinding {
  expertId: string;
  projectId: string;
  /** null = undecided; a `dismissed` finding does not exclude. */
  decision: 'confirmed' | 'dismissed' | null;
}

/** xmur3 string hash → 32-bit seed, then mulberry32: the same seed always gives the same sequence. */
function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the seeded generator over the ids sorted first (so database order does not matter). */
export function seededShuffle(seed: string, ids: readonly string[]): string[] {
  const out = [...ids].sort();
  const rnd = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Experts excluded from a group: a confirmed or undecided 回避 finding for any of its projects. */
export function excludedByConflict(conflicts: readonly ConflictFinding[], projectIds: readonly string[]): Set<string> {
  const ps = new Set(projectIds);
  return new Set(conflicts.filter((c) => ps.has(c.projectId) && c.decision !== 'dismissed').map((c) => c.expertId));
}

export interface DrawInput {
  seed: string;
  field: string;
  pool: readonly PoolExpert[];
  projectIds: readonly string[];
  conflicts: readonly ConflictFinding[];
  criteria: Pick<EvaluationCriteria, 'groupSize' | 'generalFields'>;
  /** Never drawn (e.g. experts already replaced out of the group). */
  exclude?: readonly string[];
}

/** Eligible experts in draw order: specialists of the field first, then general disciplines, each shuffled by the seed. */
export function drawOrder(d: DrawInput): string[] {
  const excluded = excludedByConflict(d.conflicts, d.projectIds);
  for (const id of d.exclude ?? []) excluded.add(id);
  const eligible = d.pool.filter((e) => e.active && !excluded.has(e.id));
  const specialists = eligible.filter((e) => e.fields.includes(d.field)).map((e) => e.id);
  const general = eligible.filter((e) => !e.fields.includes(d.field) && e.fields.some((f) => d.criteria.generalFields.includes(f))).map((e) => e.id);
  return [...seededShuffle(`${d.seed}|specialists`, specialists), ...seededShuffle(`${d.seed}|general`, general)];
}

/** The group: the first `groupSize` of the draw order (fewer when the pool is short). */
export function drawGroup(d: DrawInput): string[] {
  return drawOrder(d).slice(0, d.criteria.groupSize);
}
