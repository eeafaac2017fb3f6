import { describe, it, expect } from 'vitest';
import {
  DEFAULT_NAMING_RULES,
  checkProjectName,
  nameCheckBlocks,
  unitNameVariants,
  type NameCheckContext,
  type NamingRule,
} from './project-name';

const unit = '天津海河精密机械股份有限公司';

describe('good names pass every rule', () => {
  it.each<[string, NameCheckContext]>([
    // real Tianjin 攻关 topics (cqn.com.cn 2024-08-05, rules-from-attachments.md)
    ['电动自行车充电器充电管理技术', { direction: 'common' }],
    ['金属焊接件早期疲劳检测技术', { direction: 'common' }],
    ['车用燃料全自动进气阀沉积物试验机研制技术', { direction: 'common' }],
    // precise-improvement shape: verb + object + characteristic
    ['降低协作机器人减速器装配不良率', { direction: 'precise', unitName: unit }],
    ['提高光伏组件层压工序一次合格率', { direction: 'precise', unitName: unit }],
    ['缩短羽绒制品订单交付周期', { direction: 'precise' }],
    ['降低焊丝镀铜层剥落缺陷', { direction: 'precise', brands: ['金桥'] }],
    ['光伏逆变器最大功率点跟踪精度控制技术', { direction: 'common' }],
    ['2000吨压力机滑块平行度精度控制技术', { direction: 'common' }],
    ['提升N型TOPCon电池片转换效率一致性', { direction: 'precise' }],
    ['智能网联汽车域控制器功能安全可靠性验证技术', { direction: 'common' }],
  ])('%s', (name, ctx) => {
    expect(checkProjectName(name, ctx)).toEqual([]);
  });
});

describe('each bad name triggers exactly the expected rule', () => {
  it.each<[string, NameCheckContext, string, string | undefined]>([
    ['', {}, 'not-empty', undefined],
    ['   ', {}, 'not-empty', undefined],
    [
      '降低协作机器人谐波减速器柔轮齿面磨损导致的传动精度下降及装配不良率',
      { direction: 'precise' },
      'max-length',
      undefined,
    ],
    ['降低协作机器人减速器\n装配不良率', { direction: 'precise' }, 'no-line-breaks-or-odd-spaces', '降低协作机器人减速器装配不良率'],
    [' 金属焊接件早期疲劳检测技术', {}, 'no-line-breaks-or-odd-spaces', '金属焊接件早期疲劳检测技术'],
    ['金属焊接件\u3000早期疲劳检测技术', {}, 'no-line-breaks-or-odd-spaces', '金属焊接件早期疲劳检测技术'],
    ['金属焊接件 早期疲劳检测技术', {}, 'no-line-breaks-or-odd-spaces', '金属焊接件早期疲劳检测技术'],
    ['“电动自行车充电器充电管理技术”', {}, 'no-quotes', '电动自行车充电器充电管理技术'],
    ['《金属焊接件早期疲劳检测技术》', {}, 'no-quotes', '金属焊接件早期疲劳检测技术'],
    ['（金属焊接件早期疲劳检测技术）', {}, 'no-quotes', '金属焊接件早期疲劳检测技术'],
    ['金属焊接件早期疲劳检测技术。', {}, 'no-trailing-punctuation', '金属焊接件早期疲劳检测技术'],
    ['金属焊接件早期疲劳检测技术；', {}, 'no-trailing-punctuation', '金属焊接件早期疲劳检测技术'],
    ['天津市电动自行车充电器充电管理技术', {}, 'no-region-prefix', '电动自行车充电器充电管理技术'],
    ['我公司协作机器人减速器装配不良率控制', { direction: 'precise' }, 'no-region-prefix', '协作机器人减速器装配不良率控制'],
    ['海河精密机械减速器装配不良率控制技术', { unitName: unit }, 'no-unit-name', '减速器装配不良率控制技术'],
    ['降低金桥牌焊丝镀铜层剥落缺陷', { direction: 'precise', brands: ['金桥'] }, 'no-brand', '降低焊丝镀铜层剥落缺陷'],
    ['2026年光伏组件层压工序一次合格率提升', { direction: 'precise' }, 'no-year', '光伏组件层压工序一次合格率提升'],
    ['光伏组件层压工序一次合格率提升2026', { direction: 'precise' }, 'no-year', '光伏组件层压工序一次合格率提升'],
    ['二〇二六年焊材质量精准提升', { direction: 'precise' }, 'no-year', '焊材质量精准提升'],
    ['国际领先的焊丝镀铜层剥落缺陷检测技术', {}, 'no-promotional', '焊丝镀铜层剥落缺陷检测技术'],
    ['降低减速器装配不良率至行业最低', { direction: 'precise' }, 'no-promotional', '降低减速器装配不良率至行业低'],
    ['质量管理提升研究', {}, 'no-vague-alone', undefined],
    ['关于提高产品质量的若干问题探讨', { direction: 'precise' }, 'no-vague-alone', undefined],
    ['浅谈金属焊接件疲劳检测技术', {}, 'no-vague-alone', '金属焊接件疲劳检测技术'],
    ['协作机器人减速器', {}, 'needs-object-and-characteristic', undefined],
    ['提高一次合格率', { direction: 'precise' }, 'needs-object-and-characteristic', undefined],
    ['电动自行车充电器充电管理技术', { direction: 'precise' }, 'action-verb-for-precise', undefined],
  ])('%j → %s', (name, ctx, ruleId, suggestion) => {
    const v = checkProjectName(name, ctx);
    expect(v.map((x) => x.ruleId)).toEqual([ruleId]);
    expect(v[0].message).toContain('项目名称');
    if (suggestion !== undefined) expect(v[0].suggestion).toBe(suggestion);
  });
});

describe('messages', () => {
  it('length counts every character including punctuation', () => {
    const name = '降低协作机器人减速器装配不良率（含谐波、RV两类），提升整机一致性'; // 33 chars
    const v = checkProjectName(name, { direction: 'precise' });
    expect(v.map((x) => x.ruleId)).toEqual(['max-length']);
    expect(v[0].message).toBe(`项目名称共${Array.from(name).length}个字符（含标点符号），超过30个字符的上限，请精简`);
    expect(v[0].severity).toBe('error');
  });

  it('counts astral characters as one', () => {
    const rules: NamingRule[] = [{ id: 'max-length', severity: 'error', enabled: true, params: { max: 3 } }];
    expect(checkProjectName('𠀀𠀀𠀀', { rules })).toEqual([]);
    expect(checkProjectName('𠀀𠀀𠀀𠀀', { rules })).toHaveLength(1);
  });

  it('names the offending words', () => {
    const v = checkProjectName('首创国内领先的焊丝镀铜层剥落缺陷检测技术', {});
    expect(v).toHaveLength(1);
    expect(v[0].message).toBe('项目名称不应使用宣传性或夸大性用语“国内领先”、“首创”');
    expect(v[0].suggestion).toBe('焊丝镀铜层剥落缺陷检测技术');
  });
});

describe('rules are data', () => {
  it('a disabled rule is skipped', () => {
    const rules = DEFAULT_NAMING_RULES.map((r) => (r.id === 'no-year' ? { ...r, enabled: false } : r));
    expect(checkProjectName('2026年光伏组件层压工序一次合格率提升', { rules })).toEqual([]);
  });

  it('params override the default (max length 20)', () => {
    const rules = DEFAULT_NAMING_RULES.map((r) => (r.id === 'max-length' ? { ...r, params: { max: 20 } } : r));
    const v = checkProjectName('车用燃料全自动进气阀沉积物试验机研制技术', { rules }); // 20 chars
    expect(v).toEqual([]);
    const v2 = checkProjectName('车用燃料全自动进气阀沉积物试验机研制关键技术', { rules });
    expect(v2.map((x) => x.ruleId)).toEqual(['max-length']);
  });

  it('the commission can promote a warning to an error', () => {
    const name = '天津市电动自行车充电器充电管理技术';
    expect(nameCheckBlocks(checkProjectName(name, {}))).toBe(false);
    const rules = DEFAULT_NAMING_RULES.map((r) => (r.id === 'no-region-prefix' ? { ...r, severity: 'error' as const } : r));
    expect(nameCheckBlocks(checkProjectName(name, { rules }))).toBe(true);
  });

  it('custom promotional list', () => {
    const rules: NamingRule[] = [{ id: 'no-promotional', severity: 'warning', enabled: true, params: { words: ['标杆'] } }];
    expect(checkProjectName('标杆级焊丝镀铜工艺', { rules })[0].message).toContain('“标杆”');
    expect(checkProjectName('国际领先焊丝镀铜工艺', { rules })).toEqual([]);
  });

  it('unknown rule ids are ignored', () => {
    expect(checkProjectName('x', { rules: [{ id: 'nope', severity: 'error', enabled: true }] })).toEqual([]);
  });
});

describe('nameCheckBlocks', () => {
  it.each<[string, boolean]>([
    ['', true],
    ['降低协作机器人减速器\n装配不良率', true],
    ['质量管理提升研究', false],
    ['降低协作机器人减速器装配不良率', false],
  ])('%j → %s', (name, blocks) => {
    expect(nameCheckBlocks(checkProjectName(name, { direction: 'precise' }))).toBe(blocks);
  });
});

describe('unitNameVariants', () => {
  it.each<[string, string[]]>([
    [unit, ['天津海河精密机械股份有限公司', '海河精密机械']],
    ['天津市滨海新区津港焊材有限公司', ['天津市滨海新区津港焊材有限公司', '滨海新区津港焊材', '津港焊材']],
    ['中汽研汽车检验中心（天津）有限公司', ['中汽研汽车检验中心（天津）有限公司', '中汽研汽车检验中心（天津）']],
    ['天津渤化集团有限公司', ['天津渤化集团有限公司', '渤化']],
  ])('%s', (name, variants) => {
    expect(unitNameVariants(name)).toEqual(variants);
  });
});
