/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015.
 *
 * Layout (GB 32100-2015 §4):
 *   1      登记管理部门代码 (registration authority)
 *   2      机构类别代码 (category within that authority)
 *   3–8    登记管理机关行政区划码 (GB/T 2260 division code)
 *   9–17   主体标识码 = 组织机构代码 (GB 11714-1997, check char at 17)
 *   18     校验码 (mod 31 over chars 1–17)
 *
 * Pure functions only; all user-facing messages are Simplified Chinese.
 */

/** GB 32100-2015 code alphabet (no I, O, Z, S, V); index = character value for the mod-31 check. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §5 weights for chars 1–17: 3^(i-1) mod 31. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714-1997 weights for the 8 body chars of the organisation code. */
export const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export interface RegistrationAuthority {
  code: string;
  name: string;
  /** 机构类别代码 → 类别名称 */
  categories: Record<string, string>;
}

/**
 * 登记管理部门代码 and 机构类别代码 (GB 32100-2015 附录A 表, with the codes later assigned by
 * the national code centre: 2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 军队, N 农业).
 */
export const REGISTRATION_AUTHORITIES: Record<string, RegistrationAuthority> = {
  '1': {
    code: '1',
    name: '机构编制',
    categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { code: '2', name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    code: '3',
    name: '司法行政',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { code: '4', name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    code: '5',
    name: '民政',
    categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    code: '6',
    name: '旅游',
    categories: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { code: '7', name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { code: '8', name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { code: '9', name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { code: 'A', name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: {
    code: 'N',
    name: '农业',
    categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { code: 'Y', name: '其他', categories: { '1': '其他' } },
};

export interface TianjinDistrict {
  code: string;
  name: string;
  bureau: string;
}

/** Tianjin's 16 districts (GB/T 2260; copied from shared/data/tianjin-districts.json). */
export const TIANJIN_DISTRICTS: readonly TianjinDistrict[] = [
  { code: '120101', name: '和平区', bureau: '天津市和平区市场监督管理局' },
  { code: '120102', name: '河东区', bureau: '天津市河东区市场监督管理局' },
  { code: '120103', name: '河西区', bureau: '天津市河西区市场监督管理局' },
  { code: '120104', name: '南开区', bureau: '天津市南开区市场监督管理局' },
  { code: '120105', name: '河北区', bureau: '天津市河北区市场监督管理局' },
  { code: '120106', name: '红桥区', bureau: '天津市红桥区市场监督管理局' },
  { code: '120110', name: '东丽区', bureau: '天津市东丽区市场监督管理局' },
  { code: '120111', name: '西青区', bureau: '天津市西青区市场监督管理局' },
  { code: '120112', name: '津南区', bureau: '天津市津南区市场监督管理局' },
  { code: '120113', name: '北辰区', bureau: '天津市北辰区市场监督管理局' },
  { code: '120114', name: '武清区', bureau: '天津市武清区市场监督管理局' },
  { code: '120115', name: '宝坻区', bureau: '天津市宝坻区市场监督管理局' },
  { code: '120116', name: '滨海新区', bureau: '天津市滨海新区市场监督管理局' },
  { code: '120117', name: '宁河区', bureau: '天津市宁河区市场监督管理局' },
  { code: '120118', name: '静海区', bureau: '天津市静海区市场监督管理局' },
  { code: '120119', name: '蓟州区', bureau: '天津市蓟州区市场监督管理局' },
];

/** Municipal-level label for 120000 / 120100 (shared/data/tianjin-districts.json notes). */
export const TIANJIN_MUNICIPAL_LABEL = '天津市（市级）';

const DISTRICT_BY_CODE = new Map(TIANJIN_DISTRICTS.map((d) => [d.code, d]));

export interface RetiredTianjinDivision {
  code: string;
  name: string;
  /** Year the code was withdrawn. */
  until: string;
  /** Today's district code. */
  successor: string;
}

/**
 * Division codes withdrawn by Tianjin's district reforms (GB/T 2260 history; copied from
 * shared/data/tianjin-districts.json). Registrations issued before a reform keep the old code.
 */
export const RETIRED_TIANJIN_DIVISIONS: readonly RetiredTianjinDivision[] = [
  { code: '120107', name: '塘沽区', until: '2009', successor: '120116' },
  { code: '120108', name: '汉沽区', until: '2009', successor: '120116' },
  { code: '120109', name: '大港区', until: '2009', successor: '120116' },
  { code: '120221', name: '宁河县', until: '2015', successor: '120117' },
  { code: '120222', name: '武清县', until: '2000', successor: '120114' },
  { code: '120223', name: '静海县', until: '2015', successor: '120118' },
  { code: '120224', name: '宝坻县', until: '2001', successor: '120115' },
  { code: '120225', name: '蓟县', until: '2016', successor: '120119' },
];

const RETIRED_BY_CODE = new Map(RETIRED_TIANJIN_DIVISIONS.map((r) => [r.code, r]));

/** The retired division for a withdrawn code (undefined for a current or unknown code). */
export function retiredTianjinDivision(code: string): RetiredTianjinDivision | undefined {
  return RETIRED_BY_CODE.get(code);
}

/** Today's district (with its bureau) for a current OR retired division code. */
export function currentTianjinDistrict(code: string): TianjinDistrict | undefined {
  return DISTRICT_BY_CODE.get(RETIRED_BY_CODE.get(code)?.successor ?? code);
}

/**
 * Chinese district name for a 6-digit division code, `TIANJIN_MUNICIPAL_LABEL` for 120000/120100,
 * undefined for anything else (including unlisted 12xxxx codes).
 */
export function districtForDivisionCode(code: string): string | undefined {
  if (code === '120000' || code === '120100') return TIANJIN_MUNICIPAL_LABEL;
  return DISTRICT_BY_CODE.get(code)?.name;
}

/** The district record (with bureau) for a listed district code. */
export function tianjinDistrictByCode(code: string): TianjinDistrict | undefined {
  return DISTRICT_BY_CODE.get(code);
}

export interface UsccError {
  /** 1-based character index in the normalized code */
  position?: number;
  message: string;
}

export interface UsccResult {
  valid: boolean;
  normalized: string;
  errors: UsccError[];
  divisionCode?: string;
  tianjin: boolean;
  district?: string;
  /** 登记管理部门名称, e.g. "工商" (only when char 1 is a known code) */
  authorityName?: string;
  /** 机构类别名称, e.g. "企业" (only when chars 1–2 are a known pair) */
  categoryName?: string;
  /** Today's district code when the code carries a division withdrawn by a district reform. */
  districtCode?: string;
  /** The withdrawn division the code was issued under (e.g. 塘沽区 120107 → 滨海新区). */
  retiredDivision?: RetiredTianjinDivision;
}

/** Spaces removed by normalisation: ASCII/other whitespace and full-width space U+3000. */
const SPACE_RE = /[\s\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]/g;

/** Trim every space (incl. inner and full-width U+3000) and upper-case. Full-width letters/digits are kept as-is so validation can reject them. */
export function normalizeUscc(raw: string): string {
  return raw.replace(SPACE_RE, '').toUpperCase();
}

function isFullWidthAlnum(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  // U+FF10–FF19 digits, U+FF21–FF3A upper, U+FF41–FF5A lower
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

function isFullWidthForm(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0xff01 && c <= 0xff5e;
}

/** GB 11714-1997 character value: digits 0–9, letters A=10 … Z=35. */
function orgCharValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/** GB 11714-1997 check character for the 8-character organisation-code body. */
export function computeOrgCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new RangeError('组织机构代码本体应为8位');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgCharValue(first8[i]);
    if (v < 0) throw new RangeError(`组织机构代码含非法字符“${first8[i]}”`);
    sum += v * ORG_CODE_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** GB 32100-2015 mod-31 check character for the first 17 characters. */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('统一社会信用代码前17位长度不正确');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`统一社会信用代码含非法字符“${first17[i]}”`);
    sum += v * USCC_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** Validate a credit code. Lower case and spaces are tolerated (normalised); full-width characters are rejected. */
export function validateUscc(raw: string): UsccResult {
  const normalized = normalizeUscc(raw ?? '');
  const chars = Array.from(normalized);
  const errors: UsccError[] = [];
  const result: UsccResult = { valid: false, normalized, errors, tianjin: false };

  if (chars.length === 0) {
    errors.push({ message: '请填写统一社会信用代码' });
    return result;
  }

  // Per-character charset check (GB 32100-2015 §4.1: no I, O, Z, S, V).
  const charOk: boolean[] = chars.map((ch, i) => {
    const pos = i + 1;
    if (isFullWidthAlnum(ch) || isFullWidthForm(ch)) {
      errors.push({ position: pos, message: `第${pos}位“${ch}”是全角字符，请改用半角字符` });
      return false;
    }
    if (USCC_ALPHABET.includes(ch)) return true;
    if (ch === 'I' || ch === 'O' || ch === 'Z' || ch === 'S' || ch === 'V') {
      errors.push({
        position: pos,
        message: `第${pos}位“${ch}”是非法字符：统一社会信用代码不使用字母I、O、Z、S、V`,
      });
    } else {
      errors.push({
        position: pos,
        message: `第${pos}位“${ch}”是非法字符：只能使用数字0-9和大写字母（不含I、O、Z、S、V）`,
      });
    }
    return false;
  });

  if (chars.length !== 18) {
    errors.unshift({ message: `统一社会信用代码应为18位，当前为${chars.length}位` });
  }

  // Char 1: registration authority; char 2: category (GB 32100-2015 附录A).
  const authority = chars[0] !== undefined && charOk[0] ? REGISTRATION_AUTHORITIES[chars[0]] : undefined;
  if (charOk[0] && !authority) {
    errors.push({
      position: 1,
      message: `第1位登记管理部门代码“${chars[0]}”无效，应为1-9、A、N或Y`,
    });
  }
  if (authority) {
    result.authorityName = authority.name;
    if (chars.length >= 2 && charOk[1]) {
      const cat = authority.categories[chars[1]];
      if (cat) {
        result.categoryName = cat;
      } else {
        const allowed = Object.keys(authority.categories).join('、');
        errors.push({
          position: 2,
          message: `第2位机构类别代码“${chars[1]}”无效：登记管理部门“${authority.name}”下只能为${allowed}`,
        });
      }
    }
  }

  // Chars 3–8: GB/T 2260 administrative division code, digits only.
  if (chars.length >= 8) {
    let divisionOk = true;
    for (let i = 2; i < 8; i++) {
      if (charOk[i] && !/[0-9]/.test(chars[i])) {
        divisionOk = false;
        errors.push({
          position: i + 1,
          message: `第${i + 1}位“${chars[i]}”无效：第3-8位是登记管理机关行政区划码，只能是数字`,
        });
      } else if (!charOk[i]) {
        divisionOk = false;
      }
    }
    if (divisionOk) {
      const division = chars.slice(2, 8).join('');
      result.divisionCode = division;
      result.tianjin = division.startsWith('12');
      if (result.tianjin) {
        const retired = retiredTianjinDivision(division);
        const current = currentTianjinDistrict(division);
        result.district = retired ? current?.name : districtForDivisionCode(division);
        if (retired) result.retiredDivision = retired;
        if (current) result.districtCode = current.code;
      }
    }
  }

  // Chars 9–17: organisation code with GB 11714 check character at 17.
  if (chars.length >= 17 && charOk.slice(8, 17).every(Boolean)) {
    const body = chars.slice(8, 16).join('');
    const expected = computeOrgCodeCheckChar(body);
    if (chars[16] !== expected) {
      errors.push({
        position: 17,
        message: `第17位（组织机构代码校验码）应为“${expected}”，实际为“${chars[16]}”`,
      });
    }
  }

  // Char 18: mod-31 check over chars 1–17 (GB 32100-2015 §5).
  if (chars.length === 18 && charOk.every(Boolean)) {
    const expected = computeUsccCheckChar(chars.slice(0, 17).join(''));
    if (chars[17] !== expected) {
      errors.push({ position: 18, message: `第18位校验码应为“${expected}”，实际为“${chars[17]}”` });
    }
  }

  result.valid = errors.length === 0;
  return result;
}

/** Deterministic 32-bit PRNG (mulberry32), for demo data only. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Deterministic generator of a VALID credit code, for demo/seed data only (never real companies).
 * Defaults: authority '9' (工商), category '1' (企业). Throws on an invalid division/authority/category.
 */
export function generateUscc(opts: { divisionCode: string; authority?: string; category?: string; seed: number }): string {
  const authority = opts.authority ?? '9';
  const category = opts.category ?? '1';
  if (!/^[0-9]{6}$/.test(opts.divisionCode)) throw new RangeError('行政区划码应为6位数字');
  const auth = REGISTRATION_AUTHORITIES[authority];
  if (!auth) throw new RangeError(`未知的登记管理部门代码“${authority}”`);
  if (!auth.categories[category]) throw new RangeError(`登记管理部门“${auth.name}”下无机构类别代码“${category}”`);
  const rnd = mulberry32(opts.seed);
  // Organisation-code body: mostly digits, occasionally a letter (real codes issued since 2015 use both).
  const letters = 'ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let i = 0; i < 8; i++) {
    body += rnd() < 0.12 ? letters[Math.floor(rnd() * letters.length)] : String(Math.floor(rnd() * 10));
  }
  const first17 = authority + category + opts.divisionCode + body + computeOrgCodeCheckChar(body);
  return first17 + computeUsccCheckChar(first17);
}

// ---- Who may register and apply: the code's category (GB 32100-2015 附录A, chars 1–2) ----------

/** 单位性质 as declared at registration and in the 申报书 (src/shared/application-form.ts UNIT_NATURES). */
export type DeclaredNature = 'enterprise' | 'institution' | 'industry_org';

const NATURE_LABELS: Record<DeclaredNature, string> = { enterprise: '企业', institution: '事业单位', industry_org: '行业质量管理专业组织' };

/**
 * The program admits 企事业单位 and recognised industry quality-management organisations
 * (program.md §2). Per category: the natures a unit with that code may declare. A category not
 * listed here (个体工商户, 农民专业合作社, 机关, 律师事务所, 基金会, 宗教活动场所 …) may not register.
 */
export const ADMITTED_CATEGORIES: Record<string, readonly DeclaredNature[]> = {
  '91': ['enterprise', 'industry_org'], // 企业 (an industry organisation may be incorporated; its recognition decides)
  '12': ['institution', 'industry_org'], // 事业单位
  A1: ['institution'], // 军队事业单位
  '13': ['industry_org'], // 中央编办直接管理机构编制的群众团体
  '51': ['industry_org'], // 社会团体 (行业协会、学会、联盟)
  '52': ['institution', 'industry_org'], // 民办非企业单位（社会服务机构）
};

export interface CategoryVerdict {
  admitted: boolean;
  /** 机构类别 in Chinese, e.g. "个体工商户" (undefined for an invalid code). */
  categoryName?: string;
  /** Chinese reason when not admitted. */
  message?: string;
  natures: readonly DeclaredNature[];
}

/** Whether a (valid) code's category may register and apply at all. */
export function categoryVerdict(code: string): CategoryVerdict {
  const r = validateUscc(code);
  const pair = r.normalized.slice(0, 2);
  const natures = ADMITTED_CATEGORIES[pair] ?? [];
  if (!r.valid || !r.categoryName) return { admitted: false, natures, message: '统一社会信用代码无效' };
  if (natures.length) return { admitted: true, categoryName: r.categoryName, natures };
  return {
    admitted: false,
    categoryName: r.categoryName,
    natures,
    message: `统一社会信用代码第1-2位为“${pair}”，表示${r.authorityName}登记的“${r.categoryName}”；质量攻关的申报主体为企事业单位和经认可的行业质量管理专业组织，${r.categoryName}不能注册申报`,
  };
}

/**
 * A declared 单位性质 that the code's category contradicts (e.g. 企业 with a 事业单位 code);
 * undefined when they agree or when the code is invalid or not admitted (reported elsewhere).
 */
export function natureContradiction(code: string, nature: DeclaredNature): string | undefined {
  const v = categoryVerdict(code);
  if (!v.admitted || v.natures.includes(nature)) return undefined;
  const allowed = v.natures.map((n) => `“${NATURE_LABELS[n]}”`).join('或');
  return `单位性质填写为“${NATURE_LABELS[nature]}”，但统一社会信用代码第1-2位“${normalizeUscc(code).slice(0, 2)}”表示“${v.categoryName}”，单位性质应为${allowed}`;
}
