/**
 * Demo applications (issue 4): realistic 申报书 in every state of 程序一/二 and a few approved
 * projects, across applicants and the three kinds of recommender. The demo applicant
 * (天津海河协作机器人科技有限公司) has one draft, one submitted and one returned application (with
 * the 滨海新区 bureau's per-field comments), so every applicant screen has something to show.
 *
 * Numbers come from the same counters the submit uses (SB2026-0001…), so later submits continue
 * the sequence without gaps. Attachments are left empty: a seed has no file store, and the
 * returned application asks for them in its comments.
 */
import { eq } from 'drizzle-orm';
import type { ApplicationForm, BenefitArea } from '../../domain/application-form';
import type { CampaignConfig } from '../../domain/campaign-config';
import { formatProjectNo } from '../../domain/project-number';
import type { ReviewDecision, ReviewStage } from '../../domain/vocabularies';
import { APPLICATION_NO_COUNTER, formatApplicationNo } from '../applications/application-number';
import type { DbOrTx } from '../db/client';
import { campaigns, counters, organisations, projectReviews, projects, projectVersions, recommendationBatches, users } from '../db/schema';
import { applicationFormForUnit } from '../documents/fixtures';
import { DEMO_USERNAMES } from './accounts';
import type { SeedArea } from './seed-registry';

type SeedState = 'draft' | 'submitted' | 'returned' | 'withdrawn' | 'not_recommended' | 'recommended' | 'under_review' | 'approved' | 'rejected';

interface Spec {
  applicant: string;
  /** Recommender by name; default = the applicant's district bureau. */
  recommender?: string;
  state: SeedState;
  direction?: 'precise' | 'common';
  name: string;
  chain: string;
  targets: string[];
  benefits: Partial<Record<BenefitArea, string>>;
  background: string;
  goals: { indicator: string; unit: string; baseline: string; target: string }[];
  route: string;
  object: string;
  lead: string;
  signer: string;
  /** days before "now" of the (last) submit */
  daysAgo: number;
  reason?: string;
  fieldComments?: Record<string, string>;
}

const HAIHE = '天津海河协作机器人科技有限公司';

export const DEMO_PROJECT_SPECS: Spec[] = [
  {
    applicant: HAIHE,
    state: 'draft',
    name: '降低协作机器人关节模组温升超标率',
    chain: '协作机器人',
    targets: ['产品性能提升', '缺陷预防'],
    benefits: { efficiency: '关节模组温升超标率由2.6%降至0.8%以下' },
    background: '协作机器人关节模组在额定负载连续运行2小时后，约2.6%的模组温升超过45K的企业内控限值，主要集中在电机绕组与制动器发热叠加的工况，已造成3起客户现场降额使用。',
    goals: [{ indicator: '关节模组温升超标率', unit: '%', baseline: '2.6', target: '≤0.8' }],
    route: '建立关节模组热仿真模型，识别制动器保持电流与散热路径两项主因；优化制动器保持电流控制策略，改进壳体导热结构并开展热循环验证。',
    object: '关节模组',
    lead: '孙海涛',
    signer: '王建国',
    daysAgo: 0,
  },
  {
    applicant: HAIHE,
    state: 'submitted',
    name: '提高协作机器人谐波减速器装配一次合格率',
    chain: '协作机器人',
    targets: ['缺陷预防', '工艺参数优化'],
    benefits: { efficiency: '谐波减速器装配一次合格率由95.4%提升至98.5%以上', innovation: '研制柔轮自动压装工装1套，申请实用新型专利2项' },
    background: '公司自产谐波减速器2025年装配一次合格率为95.4%，不合格主要为回差超差和异响，返工占用装配线产能约8%。经质量诊断，柔轮与刚轮选配粒度粗、轴承预紧依赖人工经验是主要原因。',
    goals: [
      { indicator: '装配一次合格率', unit: '%', baseline: '95.4', target: '≥98.5' },
      { indicator: '回差超差比例', unit: '%', baseline: '2.1', target: '≤0.6' },
    ],
    route: '采集啮合间隙、预紧力、注脂量等关键参数；以DOE确定分组选配规则并固化到MES；研制柔轮自动压装工装，以位移—力曲线判定压装质量。',
    object: '谐波减速器',
    lead: '李文涛',
    signer: '王建国',
    daysAgo: 3,
  },
  {
    applicant: HAIHE,
    state: 'returned',
    name: '缩短协作机器人整机下线检测周期',
    chain: '协作机器人',
    targets: ['生产效率优化'],
    benefits: { efficiency: '整机下线检测时间由每台95分钟缩短至40分钟以内' },
    background: '整机下线检测包括精度、负载、安全功能等27个项目，目前每台耗时约95分钟，检测工位成为交付瓶颈，旺季平均交付周期延长6天。',
    goals: [{ indicator: '单台下线检测时间', unit: '分钟', baseline: '95', target: '≤40' }],
    route: '对检测项目开展风险分级，合并可并行的检测步骤；开发自动化检测脚本和数据自动判定；建立检测数据追溯系统。',
    object: '整机下线检测',
    lead: '刘思远',
    signer: '王建国',
    daysAgo: 6,
    reason: '申报书部分内容需补充完善，请按各栏目意见修改后重新提交',
    fieldComments: {
      'content.goals': '请补充“单台下线检测时间”现状值的统计口径和统计期间',
      'attachments': '请上传加盖公章的申报单位承诺书扫描件和营业执照副本',
      'unit.qualityHead.phone': '质量负责人联系电话缺失，请补充',
    },
  },
  {
    applicant: '天津津沽智能装备制造有限公司',
    state: 'submitted',
    name: '降低焊接机器人焊缝气孔缺陷率',
    chain: '协作机器人',
    targets: ['缺陷预防', '工艺参数优化'],
    benefits: { efficiency: '焊缝气孔缺陷率由1.9%降至0.5%以下' },
    background: '焊接机器人工作站交付客户后，薄板搭接焊缝气孔缺陷率约1.9%，客户返修成本高。主要原因为保护气流量波动和焊丝干伸长不稳定。',
    goals: [{ indicator: '焊缝气孔缺陷率', unit: '%', baseline: '1.9', target: '≤0.5' }],
    route: '建立保护气流量闭环控制；优化焊枪姿态与干伸长补偿算法；开展正交试验确定工艺窗口，形成焊接工艺数据库。',
    object: '焊缝',
    lead: '张伟',
    signer: '李秀梅',
    daysAgo: 4,
  },
  {
    applicant: '天津渤海精密减速器有限公司',
    state: 'withdrawn',
    name: '降低RV减速器摆线轮齿形误差',
    chain: '协作机器人',
    targets: ['工艺参数优化'],
    benefits: { efficiency: '摆线轮齿形误差合格率由93%提升至98%' },
    background: '摆线轮磨齿后齿形误差波动大，合格率约93%，导致RV减速器传动精度一致性差。',
    goals: [{ indicator: '摆线轮齿形误差合格率', unit: '%', baseline: '93', target: '≥98' }],
    route: '分析磨齿砂轮修整周期与热变形影响，建立在机测量与补偿磨削工艺。',
    object: '摆线轮',
    lead: '赵磊',
    signer: '张伟',
    daysAgo: 8,
  },
  {
    applicant: '天津华辰脑机接口医疗科技有限公司',
    state: 'not_recommended',
    name: '提高脑电采集电极阻抗一致性',
    chain: '脑机接口',
    targets: ['产品性能提升'],
    benefits: { innovation: '干电极阻抗批间变异系数由18%降至8%以下' },
    background: '非侵入式脑电采集干电极批间阻抗差异大，变异系数约18%，影响信号质量与算法稳定性。',
    goals: [{ indicator: '电极阻抗批间变异系数', unit: '%', baseline: '18', target: '≤8' }],
    route: '优化电极镀层工艺参数，建立阻抗在线检测与分选规则。',
    object: '干电极',
    lead: '刘洋',
    signer: '陈静',
    daysAgo: 9,
    reason: '项目启动时间为2023年，不符合“2024年以来启动实施”的申报条件',
  },
  {
    applicant: '天津智行网联汽车电子有限公司',
    state: 'recommended',
    direction: 'common',
    name: '提高智能网联汽车域控制器焊点可靠性',
    chain: '智能网联汽车',
    targets: ['基础零部件可靠性', '关键工艺精度控制'],
    benefits: { efficiency: 'BGA焊点空洞率由18%降至8%以下', energy: '回流焊单位能耗由96降至80千瓦时/千板以下' },
    background: '产业链调研显示，本市5家域控制器及PCBA企业在高低温循环和振动工况下的焊点开裂失效占售后故障的34%，共性原因是无铅焊料空洞率控制和回流焊温度曲线一致性不足。',
    goals: [
      { indicator: 'BGA焊点空洞率', unit: '%', baseline: '18', target: '≤8' },
      { indicator: '温度循环失效循环数', unit: '次', baseline: '1500', target: '≥3000' },
    ],
    route: '联合体共同建立焊点可靠性试验与评价平台，制定团体标准，开展回流焊工艺参数优化，并在链上企业推广应用。',
    object: '域控制器焊点',
    lead: '高婧',
    signer: '杨帆',
    daysAgo: 7,
  },
  {
    applicant: '天津港湾汽车零部件股份有限公司',
    state: 'under_review',
    name: '降低线控制动执行器泄漏不良率',
    chain: '智能网联汽车',
    targets: ['缺陷预防'],
    benefits: { efficiency: '线控制动执行器泄漏不良率由0.9%降至0.2%以下' },
    background: '线控制动执行器气密检测泄漏不良率约0.9%，主要集中在阀体密封面加工纹理与O形圈装配扭曲。',
    goals: [{ indicator: '泄漏不良率', unit: '%', baseline: '0.9', target: '≤0.2' }],
    route: '优化密封面精加工参数与表面纹理检测；研制O形圈防扭曲装配工装；建立气密检测SPC监控。',
    object: '线控制动执行器',
    lead: '陈静',
    signer: '孙丽',
    daysAgo: 12,
  },
  {
    applicant: '天津光晟光伏新能源科技有限公司',
    state: 'approved',
    name: '降低光伏组件隐裂不良率',
    chain: '光伏新能源',
    targets: ['缺陷预防', '工艺参数优化'],
    benefits: { efficiency: '组件隐裂不良率由0.65%降至0.2%以下', energy: '返工能耗年减少约18万千瓦时' },
    background: '组件EL检测隐裂不良率约0.65%，主要产生于串焊与层压工序的机械应力和温度冲击。',
    goals: [{ indicator: '组件隐裂不良率', unit: '%', baseline: '0.65', target: '≤0.2' }],
    route: '优化串焊温度曲线和压针压力；改进层压抽真空与升温速率；建立EL图像自动判定。',
    object: '光伏组件',
    lead: '王磊',
    signer: '赵磊',
    daysAgo: 15,
  },
  {
    applicant: '天津逸行电动自行车有限公司',
    recommender: '天津市电动自行车行业协会',
    state: 'approved',
    name: '降低电动自行车控制器早期失效率',
    chain: '电动自行车',
    targets: ['产品性能提升', '缺陷预防'],
    benefits: { efficiency: '控制器三个月内早期失效率由0.8%降至0.25%以下' },
    background: '电动自行车控制器售后三个月内早期失效率约0.8%，失效模式以MOS管过热击穿和潮湿环境下的电化学迁移为主。',
    goals: [{ indicator: '控制器早期失效率', unit: '%', baseline: '0.8', target: '≤0.25' }],
    route: '改进功率器件散热与驱动设计；引入三防涂覆工艺；增加高温高湿老化筛选。',
    object: '控制器',
    lead: '杨帆',
    signer: '刘洋',
    daysAgo: 16,
  },
  {
    applicant: '天津金桥焊接材料有限公司',
    state: 'rejected',
    name: '降低药芯焊丝焊接飞溅率',
    chain: '焊材',
    targets: ['产品性能提升'],
    benefits: { efficiency: '焊接飞溅率由6%降至3%以下' },
    background: '药芯焊丝在大电流焊接时飞溅率约6%，客户清理飞溅工时多。',
    goals: [{ indicator: '焊接飞溅率', unit: '%', baseline: '6', target: '≤3' }],
    route: '调整药芯配方中稳弧剂比例，优化填充率控制。',
    object: '药芯焊丝',
    lead: '孙丽',
    signer: '王建国',
    daysAgo: 14,
    reason: '项目目标与2023年度优秀成果高度相似，创新性不足，未列入本年度计划',
  },
  {
    applicant: '天津绿源生物制造有限公司',
    state: 'under_review',
    name: '提高酶法合成产物收率稳定性',
    chain: '生物制造',
    targets: ['工艺参数优化'],
    benefits: { efficiency: '批次收率变异系数由9%降至4%以下', energy: '单位产品蒸汽消耗降低12%' },
    background: '酶法合成工段批次收率在78%—88%之间波动，变异系数约9%，主要受酶活批间差异和pH控制滞后影响。',
    goals: [{ indicator: '批次收率变异系数', unit: '%', baseline: '9', target: '≤4' }],
    route: '建立酶活快速检测与投料量动态修正；升级pH串级控制；开展过程分析技术（PAT）在线监测。',
    object: '酶法合成',
    lead: '李秀梅',
    signer: '陈静',
    daysAgo: 11,
  },
  {
    applicant: '天津曙光先进计算系统有限公司',
    state: 'recommended',
    name: '降低液冷服务器冷板泄漏率',
    chain: '先进计算',
    targets: ['缺陷预防'],
    benefits: { efficiency: '冷板组件泄漏率由0.35%降至0.05%以下', energy: '数据中心PUE由1.25降至1.15' },
    background: '液冷服务器冷板组件出厂氦检泄漏率约0.35%，主要源于钎焊接头缺陷和快接头密封不良。',
    goals: [{ indicator: '冷板组件泄漏率', unit: '%', baseline: '0.35', target: '≤0.05' }],
    route: '优化真空钎焊温度曲线；引入接头X射线抽检；改进快接头密封结构并开展寿命试验。',
    object: '液冷冷板',
    lead: '张敏',
    signer: '杨帆',
    daysAgo: 5,
  },
  {
    applicant: '天津渤化清洁燃料有限公司',
    recommender: '天津市工业和信息化局',
    state: 'approved',
    name: '降低车用汽油硫含量批次波动',
    chain: '车用燃料',
    targets: ['工艺参数优化'],
    benefits: { energy: '加氢装置单位能耗降低6%', efficiency: '硫含量批次标准差由1.2降至0.5毫克/千克' },
    background: '国VI车用汽油调合后硫含量批次波动较大，为保证合格需过度加氢，能耗偏高。',
    goals: [{ indicator: '硫含量批次标准差', unit: 'mg/kg', baseline: '1.2', target: '≤0.5' }],
    route: '建立调合组分硫含量在线分析与调合比例优化模型；优化加氢反应温度控制。',
    object: '车用汽油',
    lead: '王磊',
    signer: '张伟',
    daysAgo: 18,
  },
  {
    applicant: '天津宜居家装工程有限公司',
    state: 'submitted',
    name: '缩短家装工程质量问题整改周期',
    chain: '家装',
    targets: ['服务质量改善'],
    benefits: { service: '质量问题平均整改周期由9天缩短至4天，客户满意度由86%提升至95%' },
    background: '家装工程交付后客户报修的质量问题平均整改周期9天，客户满意度86%，投诉主要集中在响应慢和重复整改。',
    goals: [{ indicator: '平均整改周期', unit: '天', baseline: '9', target: '≤4' }],
    route: '建立报修分级响应机制和工单闭环系统；编制常见质量问题整改作业指导书；开展整改质量回访。',
    object: '家装工程',
    lead: '陈静',
    signer: '赵磊',
    daysAgo: 2,
  },
  {
    applicant: '天津暖羽羽绒制品有限公司',
    state: 'draft',
    name: '提高羽绒蓬松度检测一致性',
    chain: '羽绒制品',
    targets: ['产品性能提升'],
    benefits: { efficiency: '蓬松度实验室间比对偏差由±6%降至±2%' },
    background: '羽绒蓬松度检测受预处理温湿度和操作手法影响大，与客户实验室比对偏差达±6%。',
    goals: [{ indicator: '实验室间比对偏差', unit: '%', baseline: '±6', target: '±2' }],
    route: '规范预处理条件，研制自动落筒装置，开展测量系统分析。',
    object: '羽绒',
    lead: '孙丽',
    signer: '王建国',
    daysAgo: 0,
  },
  {
    applicant: '天津速达充电器电子有限公司',
    state: 'approved',
    name: '降低电动自行车充电器过充保护失效率',
    chain: '电动自行车',
    targets: ['产品性能提升', '缺陷预防'],
    benefits: { efficiency: '过充保护失效率由120ppm降至20ppm以下' },
    background: '充电器过充保护电路在高温环境下偶发失效，失效率约120ppm，存在电池热失控风险。',
    goals: [{ indicator: '过充保护失效率', unit: 'ppm', baseline: '120', target: '≤20' }],
    route: '采用双重独立过充保护设计；增加高温满载老化与保护功能全检；建立关键元器件来料批次验证。',
    object: '充电器',
    lead: '刘洋',
    signer: '孙丽',
    daysAgo: 17,
  },
];

function buildForm(spec: Spec, org: typeof organisations.$inferSelect, config: CampaignConfig, submittedOn: string): ApplicationForm {
  const base = applicationFormForUnit(org, { direction: spec.direction ?? 'precise', vetoIds: config.vetoChecklist.map((v) => v.id) });
  const form: ApplicationForm = {
    ...base,
    unit: {
      ...base.unit,
      nature: (org.subtype as ApplicationForm['unit']['nature']) ?? 'enterprise',
      industry: `${spec.chain}相关制造与服务`,
      projectLead: { ...base.unit.projectLead, name: spec.lead, email: undefined },
      qualityHead: { ...base.unit.qualityHead, email: undefined },
      contact: { name: org.contactName ?? undefined, phone: org.contactPhone ?? undefined, position: '质量管理部主管' },
    },
    project: {
      name: spec.name,
      direction: spec.direction ?? 'precise',
      targets: spec.targets,
      chain: spec.chain,
      benefitAreas: Object.keys(spec.benefits) as BenefitArea[],
      startDate: '2025-03-01',
      endDate: '2026-10-31',
    },
    content: {
      background: spec.background,
      goals: spec.goals,
      technicalRoute: spec.route,
      qualityMethods: ['PDCA循环', '鱼骨图', '柏拉图', 'DOE试验设计', 'SPC统计过程控制'],
      pdca: {
        plan: `成立由分管领导牵头的攻关小组，调查${spec.object}现状数据，用柏拉图确定主要问题，用鱼骨图分析原因并确认要因，制定对策表。`,
        do: `按对策表逐项实施${spec.object}改进措施，修订作业指导书并组织培训。`,
        check: '每月统计关键指标，用控制图监控过程稳定性，对比攻关前后数据验证效果。',
        act: '将有效措施纳入企业标准和作业文件，遗留问题转入下一轮PDCA循环。',
      },
      milestones: [
        { date: '2025-06-30', title: '完成现状调查与要因确认', deliverable: '质量诊断报告' },
        { date: '2025-12-31', title: '主要对策实施完成', deliverable: '对策实施记录' },
        { date: '2026-10-31', title: '效果验证与标准化', deliverable: '成果报告、企业标准' },
      ],
    },
    team: base.team.map((m, i) => (i === 0 ? { ...m, name: spec.lead } : m)),
    consortium: base.consortium,
    benefits: { ...base.benefits, byArea: spec.benefits as Record<string, string> },
    basis: {},
    vetoDeclarations: base.vetoDeclarations,
    attachments: [],
    commitment: spec.state === 'draft' ? {} : { agreed: true, signer: spec.signer, date: submittedOn },
  };
  return form;
}

export const projectsSeed: SeedArea = {
  name: 'projects-2026',
  async run(tx: DbOrTx, ctx) {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.year, 2026));
    const config = campaign.config as CampaignConfig;
    const orgs = await tx.select().from(organisations);
    const byName = new Map(orgs.map((o) => [o.name, o]));
    const commissionUser = (await tx.select().from(users).where(eq(users.username, DEMO_USERNAMES.commission)))[0];
    const firstUserOf = new Map<string, string>();
    for (const u of await tx.select({ id: users.id, org: users.organisationId }).from(users)) if (!firstUserOf.has(u.org)) firstUserOf.set(u.org, u.id);

    const day = 86_400_000;
    // Numbers in order of first submission.
    const order = DEMO_PROJECT_SPECS.map((s, i) => ({ s, i })).filter(({ s }) => s.state !== 'draft').sort((a, b) => b.s.daysAgo - a.s.daysAgo || a.i - b.i);
    const numberOf = new Map(order.map(({ i }, k) => [i, formatApplicationNo(campaign.year, k + 1)]));
    let projectSeq = 0;
    const batches = new Map<string, string>();

    for (const [i, spec] of DEMO_PROJECT_SPECS.entries()) {
      const org = byName.get(spec.applicant);
      if (!org) throw new Error(`demo applicant missing: ${spec.applicant}`);
      const recommender = spec.recommender ? byName.get(spec.recommender) : orgs.find((o) => o.id === org.defaultRecommenderId);
      if (!recommender) throw new Error(`demo recommender missing for ${spec.name}`);
      const submittedAt = new Date(ctx.now.getTime() - spec.daysAgo * day - (i % 5) * 3_600_000);
      const form = buildForm(spec, org, config, submittedAt.toISOString().slice(0, 10));
      const submitted = spec.state !== 'draft';
      const applicantUser = firstUserOf.get(org.id) ?? null;
      const recommenderUser = firstUserOf.get(recommender.id)!;
      const later = (h: number) => new Date(submittedAt.getTime() + h * 3_600_000);
      const inBatch = ['under_review', 'approved', 'rejected'].includes(spec.state);
      if (inBatch && !batches.has(recommender.id)) {
        const [b] = await tx
          .insert(recommendationBatches)
          .values({ campaignId: campaign.id, recommenderOrgId: recommender.id, state: 'sent', contactName: recommender.contactName, contactPhone: recommender.contactPhone, sentAt: later(48), createdAt: later(30), updatedAt: later(48) })
          .returning();
        batches.set(recommender.id, b.id);
      }
      const projectNo = spec.state === 'approved' ? formatProjectNo((campaign.config as { projectNoFormat?: string }).projectNoFormat, campaign.year, ++projectSeq) : null;
      const versionNo = spec.state === 'returned' ? 1 : submitted ? 1 : 0;
      const [row] = await tx
        .insert(projects)
        .values({
          campaignId: campaign.id,
          applicantOrgId: org.id,
          recommenderOrgId: recommender.id,
          state: spec.state,
          name: spec.name,
          direction: form.project.direction,
          chain: spec.chain,
          form,
          version: submitted ? 3 : 2,
          submittedVersion: versionNo,
          applicationNo: numberOf.get(i) ?? null,
          projectNo,
          eligibility: submitted ? { checkedAt: submittedAt.toISOString(), seeded: true } : {},
          recommendOrder: ['recommended', 'under_review', 'approved', 'rejected'].includes(spec.state) ? (i % 5) + 1 : null,
          recommendationOpinion: ['recommended', 'under_review', 'approved', 'rejected'].includes(spec.state) ? '经核实，申报材料真实、完整，项目目标明确，同意推荐。' : null,
          batchId: inBatch ? batches.get(recommender.id)! : null,
          lastReason: spec.reason ?? null,
          createdBy: applicantUser,
          createdAt: new Date(submittedAt.getTime() - 5 * day),
          updatedAt: submittedAt,
          submittedAt: submitted ? submittedAt : null,
          stateChangedAt: spec.state === 'submitted' || !submitted ? submittedAt : later(26),
        })
        .returning();
      if (submitted) await tx.insert(projectVersions).values({ projectId: row.id, versionNo: 1, form, submittedBy: applicantUser, submittedAt });

      const review = (stage: ReviewStage, decision: ReviewDecision, at: Date, extra: Partial<typeof projectReviews.$inferInsert> = {}) =>
        tx.insert(projectReviews).values({ projectId: row.id, versionNo: 1, stage, decision, reviewerId: recommenderUser, reviewerOrgId: recommender.id, createdAt: at, ...extra });
      if (spec.state === 'returned') await review('recommendation', 'return', later(20), { reason: spec.reason, fieldComments: spec.fieldComments ?? {} });
      if (spec.state === 'not_recommended') await review('recommendation', 'decline', later(22), { reason: spec.reason });
      if (['recommended', 'under_review', 'approved', 'rejected'].includes(spec.state)) await review('recommendation', 'recommend', later(24), { reason: '同意推荐' });
      if (spec.state === 'approved' || spec.state === 'rejected') {
        await tx.insert(projectReviews).values({
          projectId: row.id,
          versionNo: 1,
          stage: 'approval',
          decision: spec.state === 'approved' ? 'approve' : 'reject',
          reason: spec.state === 'approved' ? '列入2026年天津市质量攻关项目计划' : spec.reason,
          reviewerId: commissionUser.id,
          reviewerOrgId: commissionUser.organisationId,
          createdAt: later(96),
        });
      }
    }
    for (const [recId, batchId] of batches) {
      const n = (await tx.select({ id: projects.id }).from(projects).where(eq(projects.batchId, batchId))).length;
      await tx.update(recommendationBatches).set({ projectCount: n }).where(eq(recommendationBatches.id, batchId));
      void recId;
    }
    await tx.insert(counters).values({ scope: campaign.id, name: APPLICATION_NO_COUNTER, value: order.length });
    // The 立项编号 counter (src/server/approvals) continues after the seeded numbers.
    if (projectSeq) await tx.insert(counters).values({ scope: campaign.id, name: 'project_no', value: projectSeq });
  },
};
