/**
 * Realistic Chinese fixtures for the document renderers (tests, previews, benchmarks).
 * All organisations, people and numbers are fictitious; the codes are well-formed
 * (统一社会信用代码 with both check characters, 身份证号 with a valid check digit).
 */
import { applicationFormSchema, type ApplicationForm, type ApplicationFormInput } from '../../domain/application-form';
import type { SummaryHeader, SummaryRow } from './summary-table';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Builds a valid 18-character 统一社会信用代码 (GB 32100-2015) from the registration
 * department/type (2 chars, e.g. `91` enterprise), the 6-digit division code and 8 digits of
 * the organisation code body. Computes the GB 11714 organisation-code check character and the
 * final check character.
 */
export function makeUscc(regType: string, division: string, orgBody8: string): string {
  const orgSum = orgBody8.split('').reduce((s, ch, i) => s + Number(ch) * ORG_WEIGHTS[i], 0);
  const c9 = 11 - (orgSum % 11);
  const orgCheck = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const first17 = `${regType}${division}${orgBody8}${orgCheck}`;
  const sum = first17.split('').reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i], 0);
  const c18 = (31 - (sum % 31)) % 31;
  return first17 + USCC_CHARS[c18];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Builds a valid 18-digit 居民身份证号码 (GB 11643) from its first 17 digits. */
export function makeIdNumber(first17: string): string {
  const sum = first17.split('').reduce((s, ch, i) => s + Number(ch) * ID_WEIGHTS[i], 0);
  return first17 + ID_CHECK[sum % 11];
}

/** The 滨海新区 robot-reducer maker used throughout the fixtures. */
export const FIXTURE_UNIT_USCC = makeUscc('91', '120116', '58731462');
/** ID number of the project lead in the precise fixture; must never appear unmasked in a document. */
export const FIXTURE_LEAD_ID = makeIdNumber('12011619850312231');

const fileId = (n: number) => `3f1c2a4e-8b7d-4c2a-9e1f-5a6b7c8d9e${String(n).padStart(2, '0')}`;

/** A complete 质量精准提升攻关 application: 降低协作机器人减速器装配不良率. */
export function buildPreciseApplication(): ApplicationForm {
  const input: ApplicationFormInput = {
    unit: {
      name: '天津瀚海精密传动科技有限公司',
      uscc: FIXTURE_UNIT_USCC,
      address: '天津经济技术开发区（滨海新区）第十三大街56号',
      district: '滨海新区',
      nature: 'enterprise',
      industry: '通用设备制造业（齿轮及齿轮减、变速箱制造）',
      employees: 486,
      lastYearRevenue: 38650.5,
      qualityHead: { name: '王建平', position: '质量总监', title: '高级工程师', phone: '022-66235801', email: 'wangjp@hanhai-drive.com.cn' },
      projectLead: { name: '李文涛', position: '制造工程部部长', title: '高级工程师', phone: '13820061234', email: 'liwt@hanhai-drive.com.cn' },
      contact: { name: '赵雅琴', position: '质量管理部主管', title: '工程师', phone: '13602158877', email: 'zhaoyq@hanhai-drive.com.cn' },
    },
    project: {
      name: '降低协作机器人减速器装配不良率',
      direction: 'precise',
      targets: ['缺陷预防', '工艺参数优化', '产品性能提升'],
      chain: '协作机器人',
      benefitAreas: ['efficiency', 'innovation'],
      startDate: '2025-03-01',
      endDate: '2026-08-31',
    },
    content: {
      background:
        '公司主要产品为协作机器人关节用精密谐波减速器和RV减速器，2024年交付量约4.2万台，主要配套本市及长三角地区协作机器人整机企业。' +
        '2024年第三、四季度，减速器总装工序一次装配合格率仅为96.2%，装配不良率达3.8%，高于行业先进水平（≤1.5%），' +
        '主要不良模式为回差超差（占41.5%）、异响（占27.3%）、启动力矩偏大（占18.6%）和漏油（占12.6%）。' +
        '装配不良导致返工工时每月约620小时，年质量损失约286万元，并引发2起整机客户投诉。\n' +
        '经质量诊断，主要原因集中在柔轮与刚轮啮合间隙分选粒度粗、交叉滚子轴承预紧力依赖人工经验、润滑脂加注量波动大、' +
        '装配过程关键参数缺乏在线监测等方面。本项目以“小切口解决大问题”为思路，聚焦装配工序的关键质量特性开展攻关。',
      goals: [
        { indicator: '减速器装配不良率', unit: '%', baseline: '3.8', target: '≤1.2' },
        { indicator: '一次装配合格率', unit: '%', baseline: '96.2', target: '≥98.8' },
        { indicator: '回差超差比例', unit: '%', baseline: '1.58', target: '≤0.40' },
        { indicator: '单台返工工时', unit: '分钟', baseline: '42', target: '≤15' },
        { indicator: '客户装机投诉', unit: '起/年', baseline: '2', target: '0' },
      ],
      technicalRoute:
        '（1）建立装配质量数据采集系统，对啮合间隙、轴承预紧力、润滑脂加注量、拧紧扭矩等12项关键参数实施100%在线采集；\n' +
        '（2）运用DOE试验设计，确定柔轮—刚轮分组选配的最优分组粒度（由5组细化为12组），制定选配规则并固化到MES系统；\n' +
        '（3）研制轴承预紧力自动压装工装，用位移—力曲线替代人工手感判断，预紧力控制精度由±15%提升到±5%；\n' +
        '（4）采用定量注脂设备并开展润滑脂加注量与温升、异响的相关性分析，确定最佳加注量区间；\n' +
        '（5）建立装配后100%性能检测（回差、启动力矩、传动误差、噪声）与SPC监控，异常自动报警并追溯到批次。',
      qualityMethods: ['PDCA循环', 'DOE试验设计', 'SPC统计过程控制', 'FMEA失效模式分析', '鱼骨图', '柏拉图', '防错（Poka-Yoke）', 'MSA测量系统分析'],
      pdca: {
        plan: '成立由制造工程部牵头、质量部和研发部参加的攻关小组；用柏拉图分析2024年7—12月的1,596台装配不良数据，确定回差超差和异响为主要问题；用鱼骨图和FMEA识别末端因素21项，确认要因5项；制定对策表和进度计划。',
        do: '按对策表实施：上线装配数据采集系统；完成3轮DOE试验确定选配分组；研制并验证自动压装工装；引进定量注脂设备；修订作业指导书7份，培训装配人员86人次。',
        check: '每月统计装配不良率和各不良模式占比，用SPC控制图监控关键参数；对比攻关前后数据验证效果，对未达目标的环节召开专题分析会。',
        act: '将有效措施纳入企业标准《精密减速器装配工艺规范》和MES防错规则；对遗留问题（低温环境下启动力矩偏大）转入下一轮PDCA循环。',
      },
      milestones: [
        { date: '2025-04-30', title: '完成现状调查与要因确认', deliverable: '质量诊断报告、FMEA分析表' },
        { date: '2025-08-31', title: '装配数据采集系统上线运行', deliverable: '系统验收报告' },
        { date: '2025-12-31', title: '完成选配规则优化与自动压装工装研制', deliverable: 'DOE试验报告、工装验收报告' },
        { date: '2026-04-30', title: '措施全面实施并验证效果', deliverable: '效果验证报告、SPC分析报告' },
        { date: '2026-08-31', title: '标准化与成果总结', deliverable: '企业标准1项、成果报告' },
      ],
    },
    team: [
      { name: '李文涛', unit: '天津瀚海精密传动科技有限公司', title: '高级工程师', role: '项目负责人，总体策划与组织实施', idNumber: FIXTURE_LEAD_ID },
      { name: '王建平', unit: '天津瀚海精密传动科技有限公司', title: '高级工程师', role: '质量诊断与效果验证', idNumber: makeIdNumber('12010419780625401') },
      { name: '陈晓东', unit: '天津瀚海精密传动科技有限公司', title: '工程师', role: '选配规则DOE试验与MES固化' },
      { name: '刘思远', unit: '天津瀚海精密传动科技有限公司', title: '工程师', role: '自动压装工装研制' },
      { name: '赵雅琴', unit: '天津瀚海精密传动科技有限公司', title: '工程师', role: 'SPC监控与数据分析' },
      { name: '孙立华', unit: '河北工业大学', title: '教授', role: '技术顾问（传动误差测试方法）' },
    ],
    consortium: [],
    benefits: {
      economic: 312.6,
      economicNote: '返工工时减少约4,800小时/年，折合人工成本约86万元；减少报废与售后索赔约142万元；产能提升带来新增利润约84.6万元。合计约312.6万元/年。',
      social: '提高国产协作机器人核心部件的质量一致性和可靠性，助力本市协作机器人产业链质量提升；形成的选配与压装方法可在同类减速器企业推广。',
      byArea: {
        efficiency: '装配不良率由3.8%降至1.2%以下，单台返工工时由42分钟降至15分钟以内。',
        innovation: '研制轴承预紧力自动压装工装，拟申请实用新型专利2项。',
      },
    },
    basis: {
      patents: [
        { title: '一种谐波减速器柔轮装配定位装置', number: 'ZL202321456789.3' },
        { title: '一种减速器回差检测装置', number: 'ZL202221987654.1' },
      ],
      softwareCopyrights: [{ title: '减速器装配质量追溯管理系统V1.0', number: '2024SR0567890' }],
      appraisals: [{ title: '协作机器人用高精度谐波减速器', organ: '天津市机械工业联合会', date: '2024-06-18' }],
      standards: [
        { level: 'group', code: 'T/TJJX 021-2024', title: '协作机器人用谐波齿轮减速器' },
        { level: 'enterprise', code: 'Q/HHCD 006-2025', title: '精密减速器装配工艺规范' },
      ],
    },
    infrastructure: ['metrology', 'testing'],
    infrastructureNote: '委托天津市计量监督检测科学研究院对扭矩传感器、回差测试台进行校准；委托国家级检验检测机构开展减速器寿命与噪声型式试验。',
    commitment: { agreed: true, signer: '周国强', date: '2026-04-10' },
    vetoDeclarations: { no_major_accident: true, no_serious_dishonesty: true },
    attachments: [
      { kind: 'business_licence', fileId: fileId(1), fileName: '营业执照（副本）.pdf', size: 482_133 },
      { kind: 'commitment_scan', fileId: fileId(2), fileName: '申报单位承诺书（盖章）.pdf', size: 256_004 },
      { kind: 'ip_certificate', fileId: fileId(3), fileName: '专利证书ZL202321456789.3.pdf', size: 1_203_551 },
      { kind: 'test_report', fileId: fileId(4), fileName: '减速器型式试验报告.pdf', size: 3_311_210 },
    ],
  };
  return applicationFormSchema.parse(input);
}

/** A 质量共性技术攻关 application with a consortium (链主 + 链上企业 + 高校 + 检测机构 + 协会). */
export function buildCommonApplication(): ApplicationForm {
  const input: ApplicationFormInput = {
    unit: {
      name: '天津新能智联汽车电子有限公司',
      uscc: makeUscc('91', '120111', '30568214'),
      address: '天津市西青区精武镇学府工业区思智道9号',
      district: '西青区',
      nature: 'enterprise',
      industry: '汽车零部件及配件制造',
      employees: 1320,
      lastYearRevenue: 152300,
      qualityHead: { name: '马振宇', position: '副总经理', title: '正高级工程师', phone: '022-87651230' },
      projectLead: { name: '高婧', position: '研究院院长', title: '正高级工程师', phone: '13512266789', email: 'gaojing@xnzl-auto.cn' },
      contact: { name: '韩冬', position: '质量体系工程师', title: '工程师', phone: '13752019966' },
    },
    project: {
      name: '提高智能网联汽车域控制器焊点可靠性',
      direction: 'common',
      targets: ['基础零部件可靠性', '关键工艺精度控制', '质量基础设施'],
      chain: '智能网联汽车',
      benefitAreas: ['efficiency', 'energy', 'innovation'],
      startDate: '2024-09-01',
      endDate: '2026-09-30',
    },
    content: {
      background:
        '域控制器是智能网联汽车的核心电子部件。产业链调研显示，本市5家域控制器及PCBA企业在高低温循环和振动工况下的焊点开裂失效占售后故障的34%，' +
        '共性原因包括无铅焊料空洞率控制、回流焊温度曲线一致性和焊点可靠性评价方法不统一等。',
      goals: [
        { indicator: 'BGA焊点空洞率', unit: '%', baseline: '18', target: '≤8' },
        { indicator: '温度循环（-40℃~125℃）失效循环数', unit: '次', baseline: '1500', target: '≥3000' },
        { indicator: '回流焊单位能耗', unit: 'kWh/千板', baseline: '96', target: '≤80' },
      ],
      technicalRoute: '联合体共同建立焊点可靠性试验与评价平台，制定团体标准，开展工艺参数优化，并在链上企业推广应用。',
      qualityMethods: ['PDCA循环', 'DOE试验设计', '可靠性试验', 'FMEA失效模式分析'],
      pdca: { plan: '梳理链上企业共性问题清单。', do: '开展联合试验与工艺优化。', check: '第三方检测验证。', act: '形成团体标准并推广。' },
      milestones: [
        { date: '2025-03-31', title: '共性问题清单与试验方案', deliverable: '调研报告' },
        { date: '2026-06-30', title: '团体标准发布', deliverable: '团体标准1项' },
      ],
    },
    team: [
      { name: '高婧', unit: '天津新能智联汽车电子有限公司', title: '正高级工程师', role: '项目负责人', idNumber: makeIdNumber('12011119800908252') },
      { name: '杜明', unit: '天津大学', title: '教授', role: '焊点失效机理研究' },
      { name: '彭丽娟', unit: '天津市产品质量监督检测技术研究院', title: '高级工程师', role: '可靠性试验与评价' },
    ],
    consortium: [
      { name: '天津新能智联汽车电子有限公司', uscc: makeUscc('91', '120111', '30568214'), type: 'chain_leader', region: '天津市西青区', role: '牵头单位，组织攻关与成果推广' },
      { name: '天津华创电路科技有限公司', uscc: makeUscc('91', '120222', '66120937'), type: 'chain_firm', region: '天津市武清区', role: 'PCBA工艺试验与验证' },
      { name: '河北博创电子有限公司', uscc: makeUscc('91', '130600', '77451203'), type: 'chain_firm', region: '河北省保定市', role: '跨区域推广应用' },
      { name: '天津大学', type: 'university', region: '天津市南开区', role: '焊点失效机理与仿真' },
      { name: '天津市产品质量监督检测技术研究院', type: 'quality_org', region: '天津市河西区', role: '试验方法与检测能力支撑' },
      { name: '天津市汽车工业协会', type: 'association', region: '天津市河西区', role: '组织团体标准制定' },
    ],
    benefits: { economic: 1860, social: '提升本市智能网联汽车电子部件质量水平，形成可推广的共性技术与标准。' },
    basis: { standards: [{ level: 'group', title: '车载域控制器焊点可靠性试验方法（征求意见稿）' }] },
    infrastructure: ['standards', 'testing', 'metrology'],
    infrastructureNote: '依托市产品质量监督检测技术研究院的可靠性实验室，开展温度循环、振动与X射线检测。',
    commitment: { agreed: true, signer: '沈立新', date: '2026-04-12' },
  };
  return applicationFormSchema.parse(input);
}

const DISTRICTS = ['滨海新区', '西青区', '津南区', '东丽区', '北辰区', '武清区', '宝坻区', '静海区', '宁河区', '蓟州区', '和平区', '河西区', '南开区', '河东区', '河北区', '红桥区'];
const CHAINS = ['协作机器人', '智能网联汽车', '先进计算', '生物制造', '光伏新能源', '电动自行车', '焊材', '车用燃料', '脑机接口', '家装'];
const TOPICS = ['降低{x}装配不良率', '提高{x}焊接一次合格率', '缩短{x}交付周期', '降低{x}单位产品能耗', '提升{x}批次一致性'];
const OBJECTS = ['减速器', '电池包', '控制器', '焊丝', '光伏组件', '电机', '传感器', '车架'];

export function buildSummaryHeader(): SummaryHeader {
  return {
    campaignYear: 2026,
    recommenderName: '天津市滨海新区市场监督管理局',
    contactName: '刘晓梅',
    contactPhone: '022-65305678',
    filledDate: '2026-04-18',
  };
}

/** `n` plausible summary rows (deterministic). Row 1 is the precise fixture, row 2 the common one. */
export function buildSummaryRows(n: number): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (let i = 0; i < n; i++) {
    const common = i % 3 === 1;
    const obj = OBJECTS[i % OBJECTS.length];
    const topic = TOPICS[i % TOPICS.length].replace('{x}', obj);
    rows.push({
      seq: i + 1,
      projectName: i === 0 ? '降低协作机器人减速器装配不良率' : topic,
      applicantName: i === 0 ? '天津瀚海精密传动科技有限公司' : `天津市第${i + 1}号${obj}制造有限公司`,
      uscc: i === 0 ? FIXTURE_UNIT_USCC : makeUscc('91', '120116', String(10_000_000 + i * 7919).slice(-8)),
      district: DISTRICTS[i % DISTRICTS.length],
      direction: common ? 'common' : 'precise',
      chain: CHAINS[i % CHAINS.length],
      benefitAreas: i % 2 === 0 ? ['efficiency', 'innovation'] : ['energy'],
      startDate: '2025-03-01',
      endDate: '2026-08-31',
      projectLead: ['李文涛', '张敏', '王磊', '陈静', '杨帆'][i % 5],
      phone: `1382006${String(1000 + (i % 9000)).padStart(4, '0')}`,
      partners: common ? '天津大学；天津市产品质量监督检测技术研究院' : undefined,
      priority: i + 1,
      remark: i % 10 === 0 ? '优先推荐' : undefined,
    });
  }
  return rows;
}

/** What a 申报书 takes from the organisation that files it (its registration record). */
export interface FixtureUnit {
  name: string;
  uscc?: string | null;
  district?: string | null;
  address?: string | null;
}

/**
 * The one 申报书 factory of the seed, the tests and the bench: the precise or common fixture filed
 * by a real organisation (its name, credit code, district and address replace the fixture unit's,
 * also in the team and as the consortium's lead), with the project overrides and, when given, every
 * item of the campaign's veto checklist declared.
 */
export function applicationFormForUnit(
  unit: FixtureUnit,
  opts: { direction?: 'precise' | 'common'; project?: Partial<ApplicationForm['project']>; vetoIds?: readonly string[] } = {},
): ApplicationForm {
  const base = opts.direction === 'common' ? buildCommonApplication() : buildPreciseApplication();
  const fixtureName = base.unit.name;
  const identity = { name: unit.name, uscc: unit.uscc ?? undefined, district: unit.district ?? undefined, address: unit.address ?? undefined };
  return {
    ...base,
    unit: { ...base.unit, ...identity },
    project: { ...base.project, ...opts.project },
    team: base.team.map((m) => (m.unit === fixtureName ? { ...m, unit: unit.name } : m)),
    consortium: base.consortium.map((p) => (p.name === fixtureName ? { ...p, name: unit.name, uscc: identity.uscc } : p)),
    vetoDeclarations: opts.vetoIds ? Object.fromEntries(opts.vetoIds.map((id) => [id, true])) : base.vetoDeclarations,
  };
}
