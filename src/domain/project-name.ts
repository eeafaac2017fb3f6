/**
 * 项目名称 check against 附件4《天津市质量攻关项目名称规范指引》.
 *
 * The guide itself was NOT found (rules-from-attachments.md §Attachment 4); every rule here is
 * INFERRED from the CAQ analog (≤30 字含符号), the 2026 plan ("小切口解决大问题", problem-oriented)
 * and real Tianjin topic names. Rules are therefore data: the commission can disable a rule, change
 * its params or promote a warning to an error without a code change.
 *
 * Default severities: 'error' only for not-empty, max-length (CAQ analog, FOUND) and stray
 * line breaks/odd spaces (they break Word/Excel exports); everything else is 'warning', as the
 * attachments file recommends for INFERRED rules.
 */
import { TIANJIN_DISTRICTS } from './uscc';

export type NamingSeverity = 'error' | 'warning';

export interface NamingRule {
  id: string;
  severity: NamingSeverity;
  enabled: boolean;
  params?: Record<string, unknown>;
}

export interface NameViolation {
  ruleId: string;
  severity: NamingSeverity;
  /** Chinese, always mentions 项目名称 */
  message: string;
  /** Chinese; usually the name with the offending part removed */
  suggestion?: string;
}

export type ProjectDirection = 'common' | 'precise';

export interface NameCheckContext {
  rules?: NamingRule[];
  direction?: ProjectDirection;
  /** applicant's registered name, e.g. "天津海河精密机械股份有限公司" */
  unitName?: string;
  /** brand / trademark names of the applicant */
  brands?: string[];
}

/** Default parameter values (INFERRED, attachment 4). */
export const NAMING_DEFAULT_PARAMS: Record<string, Record<string, unknown>> = {
  'max-length': { max: 30 },
  'no-region-prefix': {
    prefixes: ['天津市', '天津', '我公司', '本公司', '我单位', '本单位', '我司', '本司', '我厂', '本厂', '我院', '本院'],
  },
  'no-unit-name': {
    prefixes: ['天津市', '天津'],
    suffixes: [
      '集团股份有限公司',
      '集团有限责任公司',
      '集团有限公司',
      '股份有限公司',
      '有限责任公司',
      '有限公司',
      '（集团）',
      '(集团)',
      '集团',
      '公司',
    ],
  },
  'no-year': {},
  'no-brand': { brands: [] as string[] },
  'no-promotional': {
    words: [
      '国际领先',
      '国内领先',
      '行业领先',
      '国际先进',
      '国内先进',
      '领先水平',
      '填补空白',
      '填补国内空白',
      '填补国际空白',
      '首创',
      '独创',
      '一流',
      '顶尖',
      '世界级',
      '全球首',
      '唯一',
      '革命性',
      '颠覆性',
      '最',
    ],
    /** technical terms that merely contain a listed word */
    exceptions: ['最大功率点', '最大功率', '最小二乘', '最大似然', '最短路径', '最优化'],
  },
  'no-vague-alone': {
    vagueWords: [
      '若干问题',
      '管理提升',
      '问题研究',
      '应用研究',
      '研究',
      '探讨',
      '浅谈',
      '浅析',
      '初探',
      '试论',
      '刍议',
      '思考',
      '探索',
      '对策',
      '实践',
      '分析',
    ],
    /** paper-title openers: never appropriate for a project name */
    paperStyle: ['浅谈', '浅析', '初探', '试论', '刍议'],
    genericWords: [
      '质量',
      '管理',
      '提升',
      '提高',
      '改进',
      '改善',
      '加强',
      '推进',
      '工作',
      '问题',
      '方法',
      '措施',
      '若干',
      '相关',
      '有关',
      '关于',
      '方面',
      '企业',
      '公司',
      '单位',
      '产品',
      '项目',
      '水平',
      '能力',
      '全面',
      '创新',
      '体系',
      '建设',
      '的',
      '及',
      '和',
      '与',
    ],
    minConcreteChars: 4,
  },
  'needs-object-and-characteristic': {
    keywords: [
      '一次合格率',
      '合格率',
      '不良率',
      '良品率',
      '良率',
      '直通率',
      '返修率',
      '废品率',
      '故障率',
      '一致性',
      '可靠性',
      '稳定性',
      '安全性',
      '耐久性',
      '满意度',
      '精度控制',
      '精度',
      '能耗',
      '能效',
      '效率',
      '周期',
      '寿命',
      '缺陷',
      '故障',
      '损耗',
      '成本',
      '质量',
      '性能',
      '强度',
      '硬度',
      '韧性',
      '纯度',
      '收率',
      '误差',
      '偏差',
      '泄漏',
      '噪声',
      '振动',
      '腐蚀',
      '疲劳',
      '裂纹',
      '变形',
      '排放',
      '检测',
      '检验',
      '试验',
      '测量',
      '计量',
      '工艺',
      '技术',
    ],
    minObjectChars: 2,
  },
  'action-verb-for-precise': {
    verbs: ['提高', '降低', '提升', '缩短', '减少', '优化', '改善', '攻克', '突破', '控制', '消除', '解决', '增强', '延长'],
  },
  'no-quotes': {},
  'no-trailing-punctuation': {},
  'no-line-breaks-or-odd-spaces': {},
  'not-empty': {},
};

/** Default rule set (attachment 4 INFERRED; keep in campaign configuration). */
export const DEFAULT_NAMING_RULES: NamingRule[] = [
  { id: 'not-empty', severity: 'error', enabled: true },
  { id: 'no-line-breaks-or-odd-spaces', severity: 'error', enabled: true },
  { id: 'max-length', severity: 'error', enabled: true, params: { max: 30 } },
  { id: 'no-quotes', severity: 'warning', enabled: true },
  { id: 'no-trailing-punctuation', severity: 'warning', enabled: true },
  { id: 'no-region-prefix', severity: 'warning', enabled: true },
  { id: 'no-unit-name', severity: 'warning', enabled: true },
  { id: 'no-brand', severity: 'warning', enabled: true },
  { id: 'no-year', severity: 'warning', enabled: true },
  { id: 'no-promotional', severity: 'warning', enabled: true },
  { id: 'no-vague-alone', severity: 'warning', enabled: true },
  { id: 'needs-object-and-characteristic', severity: 'warning', enabled: true },
  { id: 'action-verb-for-precise', severity: 'warning', enabled: true },
];

// ---------------------------------------------------------------------------------------------
// helpers

const SPACE_CLASS = '\\s\\u3000\\u00a0\\u2000-\\u200b\\u202f\\u205f\\ufeff';
const EDGE_SPACE_RE = new RegExp(`^[${SPACE_CLASS}]+|[${SPACE_CLASS}]+$`, 'g');
const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
const PUNCT_RE = /[\p{P}\p{S}\s\u3000]/gu;

function trimAll(s: string): string {
  return s.replace(EDGE_SPACE_RE, '');
}

function len(s: string): number {
  return Array.from(s).length;
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

function byLengthDesc(list: string[]): string[] {
  return [...new Set(list)].sort((a, b) => len(b) - len(a));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Remove every occurrence of the words (longest first), case-insensitive. */
function removeWords(s: string, words: string[]): string {
  let out = s;
  for (const w of byLengthDesc(words)) out = out.replace(new RegExp(escapeRe(w), 'gi'), '');
  return out;
}

/** Tidy a suggestion: collapse spaces, drop dangling 的/之/punctuation at the edges. */
function tidy(s: string): string {
  return trimAll(s.replace(/[ \u3000]{2,}/g, ' '))
    .replace(/^[的之、，,：:；;\s]+/u, '')
    .replace(/[的之、，,：:；;\s]+$/u, '');
}

function quoteList(words: string[]): string {
  return words.map((w) => `“${w}”`).join('、');
}

// ---------------------------------------------------------------------------------------------
// rule implementations

type Check = (
  name: string,
  trimmed: string,
  params: Record<string, unknown>,
  ctx: NameCheckContext,
) => { message: string; suggestion?: string } | null;

const OPEN_CLOSE: Record<string, string> = { '（': '）', '(': ')', '【': '】', '[': ']', '〔': '〕', '「': '」', '『': '』' };
const QUOTE_CHARS = /[“”"'‘’《》〈〉「」『』]/g;
const TRAILING_PUNCT_RE = /[。．.，,、；;：:！!？?…—–\-~～·•\/\\]+$/u;

/** True when the first char opens a bracket whose matching close is the last char. */
function wrappedInBrackets(t: string): boolean {
  const chars = Array.from(t);
  if (chars.length < 2) return false;
  const open = chars[0];
  const close = OPEN_CLOSE[open];
  if (!close || chars[chars.length - 1] !== close) return false;
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === open) depth++;
    else if (chars[i] === close) {
      depth--;
      if (depth === 0 && i < chars.length - 1) return false;
    }
  }
  return depth === 0;
}

/** 4-digit years 19xx/20xx (optionally 年/年度), but not quantities such as "2000吨". */
const UNIT_AFTER = '(?:吨|t|米|m|千|万|伏|v|瓦|w|转|r|兆|型|系|号|牛|n|帕|pa|度|℃|升|l|克|g|毫|个|台|件|次|小时|h|秒|s|赫|hz|安|a|级|目|倍|公里|km|平方|立方|兆帕|mpa|mm|kg|kv|kw)';
const YEAR_RE = new RegExp(
  `(?<![0-9A-Za-z.])(?:19|20)\\d{2}(?:\\s*[-—~～至到]\\s*(?:19|20)?\\d{2})?\\s*年度?|(?<![0-9A-Za-z.])(?:19|20)\\d{2}(?![0-9.])(?!\\s*${UNIT_AFTER})`,
  'giu',
);
const CN_YEAR_RE = /(?:二[〇零○]|一九)[〇零○一二三四五六七八九]{2}\s*年?度?/gu;

const CHECKS: Record<string, Check> = {
  'not-empty': (_name, t) => (t.length === 0 ? { message: '项目名称不能为空' } : null),

  'no-line-breaks-or-odd-spaces': (name) => {
    const problems: string[] = [];
    if (/[\r\n\u2028\u2029]/.test(name)) problems.push('换行符');
    if (/\t/.test(name)) problems.push('制表符');
    if (/^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/.test(name)) problems.push('首尾空格');
    const inner = trimAll(name);
    if (/[\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]/.test(inner)) problems.push('全角空格或特殊空格');
    if (/ {2,}/.test(inner)) problems.push('连续空格');
    if (new RegExp(`${CJK_RE.source} +${CJK_RE.source}`, 'u').test(inner)) problems.push('汉字之间的空格');
    if (problems.length === 0) return null;
    let fixed = name.replace(/[\r\n\u2028\u2029\t]+/g, '');
    fixed = trimAll(fixed).replace(/[\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]/g, ' ').replace(/ {2,}/g, ' ');
    fixed = fixed.replace(new RegExp(`(${CJK_RE.source}) +(?=${CJK_RE.source})`, 'gu'), '$1');
    return { message: `项目名称含有${problems.join('、')}，请删除`, suggestion: fixed };
  },

  'max-length': (_name, t, p) => {
    const max = typeof p.max === 'number' ? p.max : 30;
    const n = len(t);
    if (n <= max) return null;
    return { message: `项目名称共${n}个字符（含标点符号），超过${max}个字符的上限，请精简` };
  },

  'no-quotes': (_name, t) => {
    const hasQuotes = QUOTE_CHARS.test(t);
    QUOTE_CHARS.lastIndex = 0;
    const wrapped = wrappedInBrackets(t);
    if (!hasQuotes && !wrapped) return null;
    let fixed = t.replace(QUOTE_CHARS, '');
    if (wrapped) fixed = Array.from(fixed).slice(1, -1).join('');
    const what = [hasQuotes ? '引号或书名号' : '', wrapped ? '包住整个名称的括号' : ''].filter(Boolean).join('和');
    return { message: `项目名称不应使用${what}`, suggestion: trimAll(fixed) };
  },

  'no-trailing-punctuation': (_name, t) => {
    const m = TRAILING_PUNCT_RE.exec(t);
    if (!m) return null;
    return { message: `项目名称末尾不应有标点符号“${m[0]}”`, suggestion: trimAll(t.slice(0, m.index)) };
  },

  'no-region-prefix': (_name, t, p) => {
    const hit = byLengthDesc(strList(p.prefixes)).find((w) => t.startsWith(w));
    if (!hit) return null;
    return {
      message: `项目名称不应以“${hit}”开头，请直接写攻关对象和质量问题`,
      suggestion: tidy(t.slice(hit.length)),
    };
  },

  'no-unit-name': (_name, t, p, ctx) => {
    const unit = trimAll(ctx.unitName ?? '');
    if (!unit) return null;
    const variants = unitNameVariants(unit, strList(p.prefixes), strList(p.suffixes));
    const lower = t.toLowerCase();
    const hit = variants.find((v) => lower.includes(v.toLowerCase()));
    if (!hit) return null;
    return {
      message: `项目名称不应包含申报单位名称“${hit}”`,
      suggestion: tidy(removeWords(t, [hit])),
    };
  },

  'no-brand': (_name, t, p, ctx) => {
    const brands = [...strList(p.brands), ...strList(ctx.brands)].map(trimAll).filter((b) => b.length > 0);
    const lower = t.toLowerCase();
    const hits = byLengthDesc(brands).filter((b) => lower.includes(b.toLowerCase()));
    if (hits.length === 0) return null;
    // "金桥牌" / "金桥®": drop the brand marker with the brand.
    const withMarkers = hits.flatMap((h) => [`${h}品牌`, `${h}牌`, `${h}®`, `${h}™`, h]);
    return { message: `项目名称不应包含品牌名称${quoteList(hits)}`, suggestion: tidy(removeWords(t, withMarkers)) };
  },

  'no-year': (_name, t) => {
    const hits = [...(t.match(YEAR_RE) ?? []), ...(t.match(CN_YEAR_RE) ?? [])].map((h) => h.trim());
    if (hits.length === 0) return null;
    let fixed = t.replace(YEAR_RE, '').replace(CN_YEAR_RE, '');
    fixed = tidy(fixed);
    return { message: `项目名称不应包含年份${quoteList(hits)}`, suggestion: fixed };
  },

  'no-promotional': (_name, t, p) => {
    // Protect technical terms (e.g. "最大功率点") behind placeholders so "最" inside them is ignored.
    const exceptions = byLengthDesc(strList(p.exceptions));
    let scan = t;
    exceptions.forEach((ex, i) => {
      scan = scan.split(ex).join(`\u0001${i}\u0002`);
    });
    const hits: string[] = [];
    for (const w of byLengthDesc(strList(p.words))) {
      if (scan.includes(w)) {
        hits.push(w);
        scan = scan.split(w).join('');
      }
    }
    if (hits.length === 0) return null;
    const suggestion = scan.replace(/\u0001(\d+)\u0002/g, (_m, i: string) => exceptions[Number(i)]);
    return { message: `项目名称不应使用宣传性或夸大性用语${quoteList(hits)}`, suggestion: tidy(suggestion) };
  },

  'no-vague-alone': (_name, t, p) => {
    const vague = strList(p.vagueWords);
    const hits = byLengthDesc(vague).filter((w) => t.includes(w));
    const paper = strList(p.paperStyle).filter((w) => t.includes(w));
    const hint = '请写明具体的攻关对象和质量问题，例如“降低××产品××不良率”';
    if (paper.length > 0) {
      return { message: `项目名称不应使用论文式用语${quoteList(paper)}，${hint}`, suggestion: tidy(removeWords(t, paper)) };
    }
    if (hits.length === 0) return null;
    const minConcrete = typeof p.minConcreteChars === 'number' ? p.minConcreteChars : 4;
    const residual = removeWords(removeWords(t, vague), strList(p.genericWords)).replace(PUNCT_RE, '');
    if (len(residual) >= minConcrete) return null;
    return { message: `项目名称过于笼统，只有${quoteList(hits)}等泛化用语，${hint}` };
  },

  'needs-object-and-characteristic': (_name, t, p) => {
    const keywords = byLengthDesc(strList(p.keywords));
    const found = keywords.filter((k) => t.includes(k));
    if (found.length === 0) {
      return {
        message: '项目名称应体现质量特性或质量问题（如合格率、不良率、一致性、可靠性、能耗、周期、缺陷等）',
      };
    }
    const verbs = strList(NAMING_DEFAULT_PARAMS['action-verb-for-precise'].verbs);
    const minObject = typeof p.minObjectChars === 'number' ? p.minObjectChars : 2;
    const residual = removeWords(removeWords(t, keywords), verbs).replace(PUNCT_RE, '');
    if (len(residual) >= minObject) return null;
    return { message: '项目名称应写明攻关对象（具体产品、工艺或服务），不能只有质量特性' };
  },

  'action-verb-for-precise': (_name, t, p, ctx) => {
    if (ctx.direction !== 'precise') return null;
    const verbs = strList(p.verbs);
    if (verbs.some((v) => t.includes(v))) return null;
    return {
      message: `质量精准提升攻关的项目名称宜包含改进方向动词（如${verbs.slice(0, 6).join('、')}）`,
    };
  },
};

/** Full and short forms of the applicant's name, longest first (≥ 2 chars each). */
export function unitNameVariants(
  unitName: string,
  prefixes: string[] = strList(NAMING_DEFAULT_PARAMS['no-unit-name'].prefixes),
  suffixes: string[] = strList(NAMING_DEFAULT_PARAMS['no-unit-name'].suffixes),
): string[] {
  const full = trimAll(unitName);
  const out = new Set<string>([full]);
  const districtNames = TIANJIN_DISTRICTS.map((d) => d.name);
  let short = full;
  let changed = true;
  while (changed) {
    changed = false;
    for (const pre of byLengthDesc([...prefixes, ...districtNames])) {
      if (short.startsWith(pre) && len(short) > len(pre)) {
        short = short.slice(pre.length);
        changed = true;
      }
    }
    for (const suf of byLengthDesc(suffixes)) {
      if (short.endsWith(suf) && len(short) > len(suf)) {
        short = short.slice(0, short.length - suf.length);
        changed = true;
      }
    }
    if (changed) out.add(short);
  }
  return byLengthDesc([...out].filter((v) => len(v) >= 2));
}

/** Check a project name against the (configurable) naming rules. Violations come in rule order. */
export function checkProjectName(name: string, ctx: NameCheckContext = {}): NameViolation[] {
  const rules = ctx.rules ?? DEFAULT_NAMING_RULES;
  const raw = name ?? '';
  const trimmed = trimAll(raw.replace(/[\r\n\t]+/g, ''));
  const out: NameViolation[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const check = CHECKS[rule.id];
    if (!check) continue;
    // An empty name only reports not-empty (other rules have nothing to say).
    if (trimmed.length === 0 && rule.id !== 'not-empty') continue;
    const params = { ...(NAMING_DEFAULT_PARAMS[rule.id] ?? {}), ...(rule.params ?? {}) };
    const v = check(raw, trimmed, params, ctx);
    if (v) out.push({ ruleId: rule.id, severity: rule.severity, ...v });
  }
  return out;
}

/** True when any violation is an error (submission must be blocked). */
export function nameCheckBlocks(violations: NameViolation[]): boolean {
  return violations.some((v) => v.severity === 'error');
}
