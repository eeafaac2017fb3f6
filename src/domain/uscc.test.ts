import { describe, it, expect } from 'vitest';
import {
  TIANJIN_DISTRICTS,
  USCC_ALPHABET,
  computeOrgCodeCheckChar,
  computeUsccCheckChar,
  districtForDivisionCode,
  generateUscc,
  normalizeUscc,
  validateUscc,
  categoryVerdict,
  currentTianjinDistrict,
  natureContradiction,
  RETIRED_TIANJIN_DIVISIONS,
} from './uscc';

// Independent re-implementation of both checks (GB 32100-2015 §5, GB 11714-1997) written
// differently on purpose, so a bug in the module cannot hide behind itself.
function refUsccCheck(first17: string): string {
  const weights = Array.from({ length: 17 }, (_, i) => {
    let w = 1;
    for (let k = 0; k < i; k++) w = (w * 3) % 31;
    return w;
  });
  const sum = [...first17].reduce((s, ch, i) => s + USCC_ALPHABET.indexOf(ch) * weights[i], 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}
function refOrgCheck(first8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first8].reduce((s, ch, i) => s + parseInt(ch, 36) * w[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
/** Build a fully valid code from authority+category+division+8-char body. */
function build(prefix10: string, body8: string): string {
  const first17 = prefix10.slice(0, 8) + body8 + refOrgCheck(body8);
  return first17 + refUsccCheck(first17);
}

describe('check characters', () => {
  it.each([
    // hand-computed: sum = 1*3+2*7+3*9+4*10+5*5+6*8+7*4+8*2 = 201; 201 mod 11 = 3; 11-3 = 8
    ['12345678', '8'],
    // sum = 0 → 11 - 0 = 11 → '0'
    ['00000000', '0'],
    // 'A'=10: 10*3 + 0 … = 30 → 30 mod 11 = 8 → 3
    ['A0000000', '3'],
    // sum = 1*3 = 3 → 11-3 = 8;  '1' then zeros
    ['10000000', '8'],
    // sum = 6*2 = 12 → 12 mod 11 = 1 → 10 → 'X'
    ['00000006', 'X'],
  ])('GB 11714 check of %s is %s', (body, check) => {
    expect(computeOrgCodeCheckChar(body)).toBe(check);
    expect(refOrgCheck(body)).toBe(check);
  });

  it('mod-31 check of all zeros is 0 (31 → 0)', () => {
    expect(computeUsccCheckChar('00000000000000000')).toBe('0');
  });

  it('mod-31 check of "10000000000000000" is 31-1 = 30 → "Y"', () => {
    expect(computeUsccCheckChar('10000000000000000')).toBe('Y');
  });

  it('matches the reference implementation on many prefixes', () => {
    for (let s = 1; s <= 300; s++) {
      const code = generateUscc({ divisionCode: '120116', seed: s });
      expect(computeUsccCheckChar(code.slice(0, 17))).toBe(refUsccCheck(code.slice(0, 17)));
      expect(computeOrgCodeCheckChar(code.slice(8, 16))).toBe(refOrgCheck(code.slice(8, 16)));
    }
  });
});

describe('generateUscc', () => {
  it.each(TIANJIN_DISTRICTS.map((d) => [d.code, d.name]))('generates a valid code for %s %s', (code, name) => {
    for (const seed of [1, 42, 20260420]) {
      const uscc = generateUscc({ divisionCode: code, seed });
      const r = validateUscc(uscc);
      expect(r.errors).toEqual([]);
      expect(r.valid).toBe(true);
      expect(r.tianjin).toBe(true);
      expect(r.divisionCode).toBe(code);
      expect(r.district).toBe(name);
      expect(uscc.slice(0, 2)).toBe('91');
    }
  });

  it('is deterministic and seed-dependent', () => {
    const a = generateUscc({ divisionCode: '120104', seed: 7 });
    expect(generateUscc({ divisionCode: '120104', seed: 7 })).toBe(a);
    expect(generateUscc({ divisionCode: '120104', seed: 8 })).not.toBe(a);
  });

  it.each([
    ['1', '2', '事业单位'],
    ['5', '1', '社会团体'],
    ['5', '3', '基金会'],
    ['9', '2', '个体工商户'],
    ['9', '3', '农民专业合作社'],
    ['N', '2', '村级集体经济组织'],
    ['Y', '1', '其他'],
  ])('authority %s category %s → %s', (authority, category, catName) => {
    const code = generateUscc({ divisionCode: '120000', authority, category, seed: 3 });
    const r = validateUscc(code);
    expect(r.valid).toBe(true);
    expect(r.categoryName).toBe(catName);
    expect(r.district).toBe('天津市（市级）');
  });

  it('rejects impossible options', () => {
    expect(() => generateUscc({ divisionCode: '1201', seed: 1 })).toThrow('行政区划码');
    expect(() => generateUscc({ divisionCode: '120101', authority: 'B', seed: 1 })).toThrow('登记管理部门');
    expect(() => generateUscc({ divisionCode: '120101', authority: '9', category: '9', seed: 1 })).toThrow('机构类别');
  });
});

describe('validateUscc — valid inputs', () => {
  // Codes built by hand with the reference functions (fictitious bodies, real structure).
  const cases: [string, string, boolean, string | undefined][] = [
    [build('9112011600', '7MA0J5X6'.slice(0, 8)), '120116', true, '滨海新区'],
    [build('9112010400', '30012345'), '120104', true, '南开区'],
    [build('1212000000', '00012345'), '120000', true, '天津市（市级）'],
    [build('5212010100', 'MJ0123N4'), '120101', true, '和平区'],
    [build('9211011900', 'L1234567'), '110119', false, undefined],
    [build('9111010800', '60000000'), '110108', false, undefined], // 北京市海淀区
    [build('9112019900', '12345678'), '120199', true, undefined], // unknown Tianjin code
  ];
  it.each(cases)('%s → division %s tianjin=%s district=%s', (code, division, tianjin, district) => {
    const r = validateUscc(code);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.divisionCode).toBe(division);
    expect(r.tianjin).toBe(tianjin);
    expect(r.district).toBe(district);
  });

  it('accepts lower case and spaces (incl. full-width space) after normalisation', () => {
    const code = build('9112011600', 'MA05K3T1');
    const messy = ` ${code.slice(0, 6).toLowerCase()}\u3000${code.slice(6, 12).toLowerCase()} ${code.slice(12)}\t`;
    expect(normalizeUscc(messy)).toBe(code);
    const r = validateUscc(messy);
    expect(r.valid).toBe(true);
    expect(r.normalized).toBe(code);
    expect(r.authorityName).toBe('工商');
    expect(r.categoryName).toBe('企业');
  });
});

describe('validateUscc — errors', () => {
  const good = build('9112011600', 'MA05K3T1');

  it('reports length', () => {
    const r = validateUscc(good.slice(0, 17));
    expect(r.valid).toBe(false);
    expect(r.errors[0].message).toBe('统一社会信用代码应为18位，当前为17位');
    expect(validateUscc(good + '1').errors[0].message).toBe('统一社会信用代码应为18位，当前为19位');
  });

  it('reports empty input', () => {
    expect(validateUscc('  ').errors[0].message).toBe('请填写统一社会信用代码');
  });

  it('rejects full-width digits and letters without converting them', () => {
    const fw = good.slice(0, 2) + '１' + good.slice(3);
    const r = validateUscc(fw);
    expect(r.valid).toBe(false);
    expect(r.normalized).toBe(fw);
    expect(r.errors).toContainEqual({ position: 3, message: '第3位“１”是全角字符，请改用半角字符' });
    const fwLetter = good.slice(0, 10) + 'Ａ' + good.slice(11);
    expect(validateUscc(fwLetter).errors).toContainEqual({
      position: 11,
      message: '第11位“Ａ”是全角字符，请改用半角字符',
    });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects illegal letter %s and names it', (ch) => {
    const bad = good.slice(0, 12) + ch + good.slice(13);
    const r = validateUscc(bad);
    expect(r.valid).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].position).toBe(13);
    expect(r.errors[0].message).toContain(`第13位“${ch}”是非法字符`);
  });

  it('rejects Chinese characters and punctuation', () => {
    const r = validateUscc(good.slice(0, 17) + '号');
    expect(r.errors[0]).toEqual({
      position: 18,
      message: '第18位“号”是非法字符：只能使用数字0-9和大写字母（不含I、O、Z、S、V）',
    });
  });

  it('reports a wrong organisation-code check character (17th)', () => {
    const expected17 = good[16];
    const wrong17 = expected17 === '1' ? '2' : '1';
    const first17 = good.slice(0, 16) + wrong17;
    const bad = first17 + refUsccCheck(first17); // 18th consistent, so only the 17th is wrong
    const r = validateUscc(bad);
    expect(r.errors).toEqual([
      { position: 17, message: `第17位（组织机构代码校验码）应为“${expected17}”，实际为“${wrong17}”` },
    ]);
  });

  it('reports a wrong final check character (18th)', () => {
    const wrong = good[17] === 'Y' ? 'X' : 'Y';
    const r = validateUscc(good.slice(0, 17) + wrong);
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{ position: 18, message: `第18位校验码应为“${good[17]}”，实际为“${wrong}”` }]);
  });

  it('reports an unknown registration authority (1st) and category (2nd)', () => {
    const b = build('B112011600', 'MA05K3T1');
    expect(validateUscc(b).errors).toEqual([{ position: 1, message: '第1位登记管理部门代码“B”无效，应为1-9、A、N或Y' }]);
    const c = build('9512011600', 'MA05K3T1');
    expect(validateUscc(c).errors).toEqual([
      { position: 2, message: '第2位机构类别代码“5”无效：登记管理部门“工商”下只能为1、2、3' },
    ]);
  });

  it('requires digits in the division code (3rd–8th)', () => {
    // division "12A116"
    const body = 'MA05K3T1';
    const f17 = '9112A116' + body + refOrgCheck(body);
    const r = validateUscc(f17 + refUsccCheck(f17));
    expect(r.errors).toEqual([
      { position: 5, message: '第5位“A”无效：第3-8位是登记管理机关行政区划码，只能是数字' },
    ]);
    expect(r.divisionCode).toBeUndefined();
    expect(r.tianjin).toBe(false);
  });

  it('a typo in one digit is caught by the check character', () => {
    const typo = good.slice(0, 4) + (good[4] === '0' ? '1' : '0') + good.slice(5);
    expect(validateUscc(typo).valid).toBe(false);
  });
});

describe('districtForDivisionCode', () => {
  it.each([
    ['120000', '天津市（市级）'],
    ['120100', '天津市（市级）'],
    ['120116', '滨海新区'],
    ['120119', '蓟州区'],
    ['120101', '和平区'],
    ['120107', undefined],
    ['120199', undefined],
    ['110108', undefined],
  ])('%s → %s', (code, name) => {
    expect(districtForDivisionCode(code)).toBe(name);
  });

  it('has 16 districts with distinct codes and bureaus', () => {
    expect(TIANJIN_DISTRICTS).toHaveLength(16);
    expect(new Set(TIANJIN_DISTRICTS.map((d) => d.code)).size).toBe(16);
    for (const d of TIANJIN_DISTRICTS) expect(d.bureau).toBe(`天津市${d.name}市场监督管理局`);
  });
});

describe('retired Tianjin division codes (district reforms)', () => {
  // Credit codes issued before a reform keep the division of the time; each literal is checked
  // below against the independent reference check characters too.
  const cases: [string, string, string, string, string][] = [
    ['91120107103062546T', '120107', '塘沽区', '滨海新区', '天津市滨海新区市场监督管理局'],
    ['91120108239061139A', '120108', '汉沽区', '滨海新区', '天津市滨海新区市场监督管理局'],
    ['91120109103715826P', '120109', '大港区', '滨海新区', '天津市滨海新区市场监督管理局'],
    ['121201074012356876', '120107', '塘沽区', '滨海新区', '天津市滨海新区市场监督管理局'],
    ['91120221700493184R', '120221', '宁河县', '宁河区', '天津市宁河区市场监督管理局'],
    ['911202221035296799', '120222', '武清县', '武清区', '天津市武清区市场监督管理局'],
    ['911202231040577652', '120223', '静海县', '静海区', '天津市静海区市场监督管理局'],
    ['91120224103184500D', '120224', '宝坻县', '宝坻区', '天津市宝坻区市场监督管理局'],
    ['91120225752256199C', '120225', '蓟县', '蓟州区', '天津市蓟州区市场监督管理局'],
  ];
  it.each(cases)('%s (%s %s) → %s, %s', (code, division, former, district, bureau) => {
    expect(refUsccCheck(code.slice(0, 17))).toBe(code[17]);
    expect(refOrgCheck(code.slice(8, 16))).toBe(code[16]);
    const r = validateUscc(code);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ valid: true, tianjin: true, divisionCode: division, district });
    expect(r.retiredDivision?.name).toBe(former);
    expect(r.districtCode).toBe(currentTianjinDistrict(division)!.code);
    expect(currentTianjinDistrict(division)!.bureau).toBe(bureau);
  });

  it('covers every retired code listed in the reference data, each mapping to one of the 16 districts', () => {
    expect(RETIRED_TIANJIN_DIVISIONS.map((r) => r.code).sort()).toEqual(['120107', '120108', '120109', '120221', '120222', '120223', '120224', '120225']);
    for (const r of RETIRED_TIANJIN_DIVISIONS) expect(TIANJIN_DISTRICTS.map((d) => d.code)).toContain(r.successor);
  });

  it('leaves current codes as they are and knows nothing of unlisted ones', () => {
    const r = validateUscc('91120116MA06J9W20X');
    expect(r).toMatchObject({ valid: true, district: '滨海新区', districtCode: '120116' });
    expect(r.retiredDivision).toBeUndefined();
    expect(currentTianjinDistrict('120199')).toBeUndefined();
    expect(currentTianjinDistrict('120000')).toBeUndefined();
  });
});

describe('who may register: the code category (GB 32100-2015 附录A)', () => {
  it.each([
    ['91120116MA06J9W20X', '企业', ['enterprise', 'industry_org']],
    ['12120104401309279H', '事业单位', ['institution', 'industry_org']],
    ['51120103500732144X', '社会团体', ['industry_org']],
    ['52120101MJ0812N47C', '民办非企业单位', ['institution', 'industry_org']],
  ])('admits %s (%s) as %j', (code, name, natures) => {
    expect(categoryVerdict(code)).toMatchObject({ admitted: true, categoryName: name, natures });
  });

  it.each([
    ['92120116MA07K2T37X', '个体工商户'],
    ['93120221MA05P8L11M', '农民专业合作社'],
    ['11120000000068347X', '机关'],
    ['53120000MJ0732B59B', '基金会'],
    ['3112000033156074X8', '律师执业机构'],
  ])('refuses %s (%s) with a message naming the category', (code, name) => {
    const v = categoryVerdict(code);
    expect(v.admitted).toBe(false);
    expect(v.categoryName).toBe(name);
    expect(v.message).toContain(`第1-2位为“${code.slice(0, 2)}”`);
    expect(v.message).toContain(`${name}不能注册申报`);
  });

  it('flags a declared 单位性质 that contradicts the code, and only then', () => {
    expect(natureContradiction('12120104401309279H', 'enterprise')).toBe('单位性质填写为“企业”，但统一社会信用代码第1-2位“12”表示“事业单位”，单位性质应为“事业单位”或“行业质量管理专业组织”');
    expect(natureContradiction('91120116MA06J9W20X', 'institution')).toContain('表示“企业”');
    expect(natureContradiction('51120103500732144X', 'enterprise')).toContain('单位性质应为“行业质量管理专业组织”');
    expect(natureContradiction('91120116MA06J9W20X', 'enterprise')).toBeUndefined();
    expect(natureContradiction('12120104401309279H', 'institution')).toBeUndefined();
    // a refused category is reported by categoryVerdict, not twice
    expect(natureContradiction('92120116MA07K2T37X', 'enterprise')).toBeUndefined();
  });
});
