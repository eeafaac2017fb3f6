import { describe, expect, it } from 'vitest';
import { applicationFormSchema, type ApplicationForm } from './application-form';
import { DEFAULT_VETO_CHECKLIST } from './campaign';
import { eligibilityChecklist, isCalendarDate, isMeasurable, submitIssues, type SubmitRules } from './eligibility';
import { DEFAULT_NAMING_RULES } from './project-name';
import { generateUscc } from './uscc';

const TIANJIN_USCC = generateUscc({ divisionCode: '120116', seed: 42 });
const HEBEI_USCC = generateUscc({ divisionCode: '130600', seed: 43 });

const RULES: SubmitRules = {
  earliestStartDate: '2024-01-01',
  vetoChecklist: DEFAULT_VETO_CHECKLIST,
  focusChains: ['协作机器人', '智能网联汽车', '焊材'],
  livelihoodIndustries: ['家装'],
  allowOtherChain: true,
  namingRules: DEFAULT_NAMING_RULES,
};

function completeForm(): ApplicationForm {
  return applicationFormSchema.parse({
    unit: {
      name: '天津海河协作机器人科技有限公司',
      uscc: TIANJIN_USCC,
      address: '天津市滨海新区海河路18号',
      nature: 'enterprise',
      qualityHead: { name: '王建国' },
      projectLead: { name: '李文涛', phone: '13820061234' },
      contact: { name: '赵雅琴', phone: '13602158877' },
    },
    project: {
      name: '降低协作机器人关节模组装配不良率',
      direction: 'precise',
      targets: ['缺陷预防'],
      chain: '协作机器人',
      benefitAreas: ['efficiency'],
      startDate: '2025-03-01',
      endDate: '2026-08-31',
    },
    content: {
      background: '关节模组装配不良率为3.8%，高于行业先进水平。',
      goals: [{ indicator: '装配不良率', unit: '%', baseline: '3.8', target: '≤1.2' }],
      technicalRoute: '建立装配参数在线采集与SPC监控。',
      qualityMethods: ['PDCA循环'],
      pdca: { plan: '现状调查', do: '实施对策', check: '效果验证', act: '标准化' },
      milestones: [{ date: '2025-06-30', title: '要因确认' }],
    },
    team: [{ name: '李文涛', unit: '天津海河协作机器人科技有限公司', role: '项目负责人' }],
    benefits: { byArea: { efficiency: '装配不良率由3.8%降至1.2%以下' } },
    commitment: { agreed: true, signer: '周国强', date: '2026-04-10' },
    vetoDeclarations: Object.fromEntries(DEFAULT_VETO_CHECKLIST.map((v) => [v.id, true])),
    attachments: [
      { kind: 'business_licence', fileId: '3f1c2a4e-8b7d-4c2a-9e1f-5a6b7c8d9e01', fileName: '营业执照.pdf' },
      { kind: 'commitment_scan', fileId: '3f1c2a4e-8b7d-4c2a-9e1f-5a6b7c8d9e02', fileName: '承诺书.pdf' },
    ],
  });
}

const errors = (form: ApplicationForm, rules = RULES) => submitIssues(form, rules).filter((i) => i.severity === 'error');

describe('submitIssues', () => {
  it('finds nothing blocking in a complete precise application', () => {
    expect(errors(completeForm())).toEqual([]);
  });

  it('names every missing required field in Chinese on an empty form', () => {
    const issues = errors(applicationFormSchema.parse({}));
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['project.name']).toBe('项目名称为必填项');
    expect(byPath['unit.uscc']).toBe('统一社会信用代码为必填项');
    expect(byPath['project.startDate']).toBe('项目开始日期为必填项');
    expect(byPath['commitment.agreed']).toContain('申报单位承诺');
    expect(byPath['attachments']).toMatch(/营业执照|承诺书/);
    expect(byPath['vetoDeclarations.no-major-quality-accident']).toContain('近两年内未发生重大质量、安全、环境事故');
    for (const i of issues) expect(i.label).not.toMatch(/^[a-z]/);
  });

  it('requires a consortium beyond the lead unit for the common direction', () => {
    const f = completeForm();
    f.project.direction = 'common';
    f.consortium = [{ name: f.unit.name!, type: 'chain_leader' }];
    expect(errors(f).map((i) => i.path)).toContain('consortium');
    f.consortium.push({ name: '天津大学', type: 'university' });
    expect(errors(f).map((i) => i.path)).not.toContain('consortium');
  });

  it('does not ask a precise application for a consortium', () => {
    const f = completeForm();
    f.consortium = [];
    expect(errors(f).map((i) => i.path)).not.toContain('consortium');
  });

  it('requires baseline and target for each goal, naming the row', () => {
    const f = completeForm();
    f.content.goals = [{ indicator: '一次合格率', baseline: '96.2' }];
    const e = errors(f);
    expect(e.find((i) => i.path === 'content.goals.0.target')?.message).toBe('攻关目标与量化指标第1行：目标值为必填项（攻关后的目标值）');
  });

  it('refuses a start date before the campaign earliest start date and an end before the start', () => {
    const f = completeForm();
    f.project.startDate = '2023-12-31';
    f.project.endDate = '2023-06-30';
    const e = errors(f);
    expect(e.find((i) => i.path === 'project.startDate')?.message).toContain('2024年1月1日');
    expect(e.find((i) => i.path === 'project.endDate')?.message).toBe('项目计划完成日期应晚于项目开始日期');
    f.project.startDate = '2024-01-01';
    f.project.endDate = '2025-12-31';
    expect(errors(f)).toEqual([]);
  });

  it('needs at least one selected benefit area with a measurable result', () => {
    const f = completeForm();
    f.benefits.byArea = { efficiency: '明显提升装配质量' };
    expect(errors(f).map((i) => i.path)).toContain('benefits.byArea');
    f.project.benefitAreas = ['efficiency', 'energy'];
    f.benefits.byArea = { efficiency: '明显提升装配质量', energy: '年节电12万千瓦时' };
    expect(errors(f).map((i) => i.path)).not.toContain('benefits.byArea');
    // a result written for an area that is not selected does not count
    f.project.benefitAreas = ['efficiency'];
    expect(errors(f).map((i) => i.path)).toContain('benefits.byArea');
  });

  it('turns naming-rule errors into errors and warnings into warnings', () => {
    const f = completeForm();
    f.project.name = '关于提高协作机器人关节模组装配质量一致性与可靠性以及降低返修率的综合研究与实践';
    const issues = submitIssues(f, RULES).filter((i) => i.path === 'project.name');
    expect(issues.some((i) => i.severity === 'error' && i.message.includes('超过30个字符'))).toBe(true);
    f.project.name = '天津市协作机器人关节模组装配不良率降低';
    const w = submitIssues(f, RULES).filter((i) => i.path === 'project.name');
    expect(w.length).toBeGreaterThan(0);
    expect(w.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('refuses a chain outside the campaign list unless it is 其他 with an explanation', () => {
    const f = completeForm();
    f.project.chain = '量子通信';
    expect(errors(f).find((i) => i.path === 'project.chain')?.message).toContain('量子通信');
    f.project.chain = '其他';
    expect(errors(f).map((i) => i.path)).toContain('project.chainOther');
    f.project.chainOther = '轨道交通装备';
    expect(errors(f)).toEqual([]);
  });

  it('reports attachments whose files do not exist', () => {
    const f = completeForm();
    const e = errors(f, { ...RULES, missingFileIds: [f.attachments[1].fileId] });
    expect(e).toHaveLength(1);
    expect(e[0].message).toContain('承诺书.pdf');
  });

  it('requires every veto item to be declared', () => {
    const f = completeForm();
    f.vetoDeclarations['no-serious-dishonesty'] = false;
    expect(errors(f).map((i) => i.path)).toEqual(['vetoDeclarations.no-serious-dishonesty']);
  });
});

describe('eligibilityChecklist', () => {
  const base = (over: Partial<Parameters<typeof eligibilityChecklist>[0]['organisation']> = {}, form = completeForm(), topScore: number | null = null) =>
    eligibilityChecklist({
      organisation: { uscc: TIANJIN_USCC, nature: 'enterprise', recognitionStatus: 'not_needed', hasRecognitionEvidence: false, ...over },
      form,
      earliestStartDate: '2024-01-01',
      duplicate: { topScore, flagThreshold: 0.6, topName: '降低协作机器人关节模组装配不良率' },
    });
  const byId = (items: ReturnType<typeof base>) => Object.fromEntries(items.map((i) => [i.id, i]));

  it('passes a Tianjin enterprise with a measurable benefit started in 2025', () => {
    const r = byId(base());
    expect(r.registration.status).toBe('pass');
    expect(r.registration.message).toContain('滨海新区');
    expect(r.benefit.status).toBe('pass');
    expect(r.start_date.status).toBe('pass');
    expect(r.not_duplicate.status).toBe('pass');
  });

  it('fails a 个体工商户 or a 机关 whatever else is true, naming the category', () => {
    const trader = byId(base({ uscc: '92120116MA07K2T37X' })).registration;
    expect(trader).toMatchObject({ status: 'fail', blocking: true });
    expect(trader.message).toContain('个体工商户不能注册申报');
    expect(byId(base({ uscc: '11120000000068347X', nature: 'institution' })).registration.message).toContain('机关不能注册申报');
  });

  it('flags a registered 单位性质 that contradicts the code for the recommender, without blocking', () => {
    const r = byId(base({ uscc: '12120104401309279H', nature: 'enterprise' })).registration;
    expect(r).toMatchObject({ status: 'warning', blocking: false });
    expect(r.message).toContain('表示“事业单位”');
    expect(byId(base({ uscc: '12120104401309279H', nature: 'institution' })).registration.status).toBe('pass');
  });

  it('passes a Tianjin code issued under a retired division and names today\'s district', () => {
    const r = byId(base({ uscc: '91120107103062546T' })).registration;
    expect(r.status).toBe('pass');
    expect(r.message).toContain('滨海新区');
  });

  it('fails an enterprise registered outside Tianjin', () => {
    expect(byId(base({ uscc: HEBEI_USCC })).registration.status).toBe('fail');
  });

  it('treats an industry organisation outside Tianjin by its recognition status', () => {
    expect(byId(base({ uscc: HEBEI_USCC, nature: 'industry_org', recognitionStatus: 'pending' })).registration.status).toBe('fail');
    expect(byId(base({ uscc: HEBEI_USCC, nature: 'industry_org', recognitionStatus: 'pending', hasRecognitionEvidence: true })).registration.status).toBe('pending');
    expect(byId(base({ uscc: HEBEI_USCC, nature: 'industry_org', recognitionStatus: 'recognised', hasRecognitionEvidence: true })).registration.status).toBe('pass');
    expect(byId(base({ uscc: HEBEI_USCC, nature: 'industry_org', recognitionStatus: 'rejected', hasRecognitionEvidence: true })).registration.status).toBe('fail');
  });

  it('fails a project started before 2024', () => {
    const f = completeForm();
    f.project.startDate = '2023-11-01';
    const r = byId(base({}, f));
    expect(r.start_date.status).toBe('fail');
    expect(r.start_date.message).toContain('2023年11月1日');
  });

  it('warns, without blocking, when the duplicate score reaches the flag threshold', () => {
    const r = byId(base({}, completeForm(), 0.82));
    expect(r.not_duplicate.status).toBe('warning');
    expect(r.not_duplicate.blocking).toBe(false);
    expect(r.not_duplicate.message).toContain('82%');
  });
});

describe('helpers', () => {
  it('recognises measurable statements', () => {
    expect(isMeasurable('不良率由3.8%降至1.2%')).toBe(true);
    expect(isMeasurable('减少两道工序')).toBe(true);
    expect(isMeasurable('明显改善')).toBe(false);
    expect(isMeasurable(undefined)).toBe(false);
  });
  it('checks calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
  });
});

describe('submitIssues — the code category and the declared 单位性质', () => {
  it('refuses a 个体工商户 code and a 单位性质 the code contradicts, each on its field', () => {
    const trader = completeForm();
    trader.unit!.uscc = '92120116MA07K2T37X';
    expect(errors(trader).find((i) => i.path === 'unit.uscc')?.message).toContain('个体工商户不能注册申报');
    const institute = completeForm();
    institute.unit!.uscc = '12120104401309279H';
    expect(errors(institute).find((i) => i.path === 'unit.nature')?.message).toContain('单位性质应为“事业单位”或“行业质量管理专业组织”');
    institute.unit!.nature = 'institution';
    expect(errors(institute).filter((i) => i.path.startsWith('unit.'))).toEqual([]);
  });
});
