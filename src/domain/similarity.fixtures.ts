/**
 * Deterministic generator of realistic (fictitious) 质量攻关 project texts, for similarity tests,
 * recall checks and benchmarks. Not used by production code paths.
 */
import type { SimilarityDoc } from './similarity-index';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OBJECTS = [
  '协作机器人谐波减速器', '光伏组件', 'TOPCon电池片', '电动自行车充电器', '药芯焊丝', '实心焊丝', '车用汽油清净剂',
  '羽绒被', '羽绒服填充物', '智能网联汽车域控制器', '脑机接口柔性电极', '服务器主板', '生物发酵罐', '家装实木复合地板',
  '富硒大米', '动力锂电池电芯', '铝合金压铸壳体', '注塑外壳', '风电齿轮箱', '液压多路阀', '轴承套圈', '光纤连接器',
  '多层PCB板', '预灌封注射器', '疫苗冷链箱', '全钢子午线轮胎', '无缝钢管', '中压电力电缆', '油浸式变压器', '离心水泵',
  '显示玻璃基板', '功能性纺织面料', '肉类罐头', '医用导管', '不锈钢焊管', '汽车线束', '电梯曳引机', '燃气表', '空调压缩机',
  '集成电路封装基板', '车载毫米波雷达', '高压共轨喷油器', '冷轧薄板', '石化装置换热器', '医用防护口罩', '锂电隔膜',
];
const PROCESSES = [
  '装配', '焊接', '涂装', '注塑', '层压', '热处理', '机加工', '出厂检验', '包装', '发酵', '研磨', '冲压', '压铸', '喷涂',
  '固化', '烧结', 'SMT贴片', '灌装', '拉丝', '镀铜', '分切', '硫化', '轧制', '绕线', '灌胶', '清洗', '烘干',
];
const CHARACTERISTICS = [
  '不良率', '一次合格率', '尺寸一致性', '运行可靠性', '单位产品能耗', '生产周期', '尺寸精度', '使用寿命', '表面缺陷',
  '故障率', '客户满意度', '良品率', '材料损耗', '质量损失成本', '抗拉强度', '密封性能', '转换效率', '焊缝气孔率',
  '交付及时率', '批次稳定性',
];
const VERBS = ['提高', '降低', '提升', '缩短', '减少', '优化', '改善', '控制'];
const METHODS = [
  'PDCA循环', '六西格玛DMAIC', '失效模式与影响分析（FMEA）', '正交试验设计', '统计过程控制（SPC）', '鱼骨图分析',
  '测量系统分析（MSA）', '质量功能展开（QFD）', '帕累托分析', '防错技术', '价值流分析', '响应面法',
];
const CAUSES = [
  '工艺参数波动较大', '关键设备老化精度下降', '员工操作不够规范', '原材料批次间差异明显', '在线检测手段落后',
  '炉温控制不稳定', '夹具定位存在误差', '来料尺寸偏差超出公差', '环境温湿度变化影响', '模具磨损未及时更换',
  '供应商质量管控薄弱', '作业指导书内容不完善', '物料存放条件不达标', '首件检验执行不到位',
];
const DEFECTS = ['气孔', '裂纹', '毛刺', '色差', '虚焊', '变形', '漏液', '异响', '划伤', '尺寸超差', '脱层', '起泡'];
const NAME_TEMPLATES: ((o: string, p: string, c: string, v: string, m: string) => string)[] = [
  (o, p, c, v) => `${v}${o}${p}工序${c}`,
  (o, p, c) => `${o}${p}${c}控制技术`,
  (o, _p, c, v, m) => `基于${m.replace(/（.*）/, '')}的${o}${c}${v}`,
  (o, p, c) => `${o}${p}过程${c}改进`,
  (o, _p, c, v) => `${v}${o}${c}攻关`,
  (o, p) => `${o}${p}质量精准提升`,
];

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const pct = (rnd: () => number, lo: number, hi: number) => (lo + rnd() * (hi - lo)).toFixed(1);

export interface GeneratedProject {
  name: string;
  problem: string;
  goals: string;
  route: string;
}

/** One fictitious project; `seed` fully determines it. */
export function generateProject(seed: number): GeneratedProject {
  const rnd = mulberry32(seed * 2654435761);
  const o = pick(rnd, OBJECTS);
  const p = pick(rnd, PROCESSES);
  const c = pick(rnd, CHARACTERISTICS);
  const v = pick(rnd, VERBS);
  const m = pick(rnd, METHODS);
  const m2 = pick(rnd, METHODS);
  const name = pick(rnd, NAME_TEMPLATES)(o, p, c, v, m);
  const causes = [pick(rnd, CAUSES), pick(rnd, CAUSES), pick(rnd, CAUSES)];
  const defects = [pick(rnd, DEFECTS), pick(rnd, DEFECTS)];
  const problem = [
    `目前我单位${o}在${p}环节的${c}为${pct(rnd, 80, 97)}%，低于行业先进水平${pct(rnd, 97, 99.9)}%。`,
    `经统计，${new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 700) * 86400000).toISOString().slice(0, 7)}以来客户投诉主要集中在${defects[0]}、${defects[1]}等问题，`,
    `每年造成质量损失约${Math.floor(50 + rnd() * 900)}万元。`,
    `初步分析，主要原因是${causes[0]}，其次是${causes[1]}，另外${causes[2]}。`,
  ].join('');
  const goals =
    `通过攻关，将${o}${c}由${pct(rnd, 80, 95)}%提升至${pct(rnd, 96, 99.9)}%，` +
    `${defects[0]}发生率降低${Math.floor(20 + rnd() * 60)}%，年节约成本${Math.floor(30 + rnd() * 500)}万元。`;
  const route = [
    `运用${m}方法，组建跨部门攻关小组，`,
    `首先通过${m2}识别影响${c}的关键因素；`,
    `其次开展${p}工艺参数优化试验，确定最佳参数窗口；`,
    `同时针对${causes[0]}实施设备改造和防错设计；`,
    `建立${o}${c}在线监测与预警系统；`,
    `最后固化标准作业指导书，开展全员培训并持续改进。`,
  ].join('');
  return { name, problem, goals, route };
}

export function generateDocs(n: number, seedBase = 1): SimilarityDoc[] {
  const out: SimilarityDoc[] = [];
  for (let i = 0; i < n; i++) {
    const fields = generateProject(seedBase + i);
    out.push({ id: `D${seedBase + i}`, fields: { ...fields }, meta: { year: 2019 + (i % 7) } });
  }
  return out;
}

const SYNONYMS: [string, string][] = [
  ['提高', '提升'],
  ['降低', '减少'],
  ['不良率', '缺陷率'],
  ['优化', '改进'],
  ['主要原因', '根本原因'],
  ['客户投诉', '用户投诉'],
  ['攻关小组', '攻关团队'],
  ['全员培训', '全员宣贯'],
  ['识别', '找出'],
  ['建立', '构建'],
];
const INSERTS = ['进一步', '有效', '显著', '系统性地', '持续', '全面'];

/**
 * A near-duplicate of `text`: clauses reordered, one or two synonyms swapped, words inserted —
 * how applicants disguise a copied 优秀成果.
 */
export function perturb(text: string, seed: number, strength = 1): string {
  const rnd = mulberry32(seed ^ 0x5bd1e995);
  // 1. reorder clauses (split after ，；。 and swap two of them)
  const clauses = text.match(/[^，；。]+[，；。]?/g) ?? [text];
  for (let s = 0; s < strength && clauses.length > 2; s++) {
    const i = Math.floor(rnd() * clauses.length);
    const j = Math.floor(rnd() * clauses.length);
    [clauses[i], clauses[j]] = [clauses[j], clauses[i]];
  }
  let out = clauses.join('');
  // 2. synonym swaps
  let swapped = 0;
  for (const [a, b] of SYNONYMS) {
    if (swapped >= 1 + strength) break;
    if (out.includes(a) && rnd() < 0.7) {
      out = out.replace(a, b);
      swapped++;
    } else if (out.includes(b) && rnd() < 0.7) {
      out = out.replace(b, a);
      swapped++;
    }
  }
  // 3. insert words at clause starts
  const parts = out.split('，');
  for (let s = 0; s < 1 + strength; s++) {
    const k = Math.floor(rnd() * parts.length);
    parts[k] = pick(rnd, INSERTS) + parts[k];
  }
  return parts.join('，');
}
