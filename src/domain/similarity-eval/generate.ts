/**
 * Writes the labelled 雷同 evaluation set (eval-set.json beside this file):
 *   `npx tsx src/domain/similarity-eval/generate.ts`
 *
 * Past results: 10 industrial chains × 16 (fictitious) excellent results, written in four different
 * ways per section (the way 申报书 are written: 现状+数据, 背景叙述, 一是/二是 lists, 问题—原因—影响),
 * with chain-specific objects, processes, defects, causes and measures.
 * New applications: copies of a past result disguised the way applicants do (verbatim, light edits,
 * reordering, padding, synonym paraphrase with reworded sentences, name-only, summary-only, mixed),
 * and hard negatives: same chain, same product, often the same process and the same boilerplate,
 * a different problem. Deterministic (seeded); the JSON is committed so the set can be read and
 * extended by hand.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../similarity.fixtures';

type Rnd = () => number;
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const pickN = <T>(r: Rnd, xs: readonly T[], n: number): T[] => {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
};
const num = (r: Rnd, lo: number, hi: number, digits = 1) => (lo + r() * (hi - lo)).toFixed(digits);
const int = (r: Rnd, lo: number, hi: number) => Math.floor(lo + r() * (hi - lo + 1));

interface Chain {
  name: string;
  context: string;
  products: { obj: string; procs: string[] }[];
  chars: { c: string; unit: string; up: boolean }[];
  defects: string[];
  causes: string[];
  measures: string[];
  units: string[];
}

const CHAINS: Chain[] = [
  {
    name: '新能源汽车',
    context: '新能源汽车渗透率快速提升',
    products: [
      { obj: '动力电池电芯', procs: ['涂布', '卷绕', '注液', '化成分容'] },
      { obj: '驱动电机定子', procs: ['绕线', '浸漆', '插纸', '焊接'] },
      { obj: '车载充电机', procs: ['SMT贴片', '灌胶', '老化测试', '整机装配'] },
    ],
    chars: [
      { c: '一次合格率', unit: '%', up: true },
      { c: '不良率', unit: '%', up: false },
      { c: '极片厚度一致性', unit: '%', up: true },
      { c: '绝缘耐压失效率', unit: '%', up: false },
    ],
    defects: ['极片褶皱', '析锂', '漆膜针孔', '虚焊', '胶体气泡', '绝缘击穿', '尺寸超差'],
    causes: ['涂布机张力控制精度不足', '浆料粘度批次波动', '卷绕对齐度检测依赖人工', '浸漆温度曲线未分区控制', '回流焊炉温曲线长期未验证', '灌胶设备计量泵磨损', '车间露点控制不稳定', '来料隔膜厚度偏差较大'],
    measures: ['引入闭环张力控制系统', '建立浆料粘度在线监测', '加装CCD视觉对齐检测', '实施浸漆温度分区控制', '定期开展炉温曲线验证', '更换高精度计量泵并建立点检制度', '改造除湿系统确保露点稳定', '与隔膜供应商联合制定来料标准'],
    units: ['天津新能智联汽车电子有限公司', '天津滨海动力电池有限公司', '天津东丽电驱科技有限公司'],
  },
  {
    name: '集成电路',
    context: '国产芯片需求持续增长',
    products: [
      { obj: '集成电路封装基板', procs: ['层压', '激光钻孔', '电镀铜', '阻焊'] },
      { obj: '功率器件模块', procs: ['芯片贴装', '键合', '塑封', '测试分选'] },
      { obj: '晶圆级封装产品', procs: ['凸点制作', '减薄划片', '回流', '终检'] },
    ],
    chars: [
      { c: '良率', unit: '%', up: true },
      { c: '键合拉力不良率', unit: '%', up: false },
      { c: '翘曲度超标率', unit: '%', up: false },
      { c: '封装可靠性合格率', unit: '%', up: true },
    ],
    defects: ['分层', '键合脱落', '空洞', '翘曲', '铜面氧化', '划伤', '孔铜偏薄'],
    causes: ['电镀液成分分析频次偏低', '键合劈刀寿命管理缺失', '塑封料回温时间不足', '层压升温速率设置不合理', '洁净室颗粒度波动', '测试程序判定限设置过宽', '载板存储湿度超标'],
    measures: ['配置电镀液自动分析补加系统', '建立劈刀寿命计数与强制更换机制', '规范塑封料回温管理', '通过正交试验优化层压升温曲线', '升级洁净室FFU并加密颗粒监测', '重新评定测试判定限', '增设载板恒湿存储柜'],
    units: ['天津芯源微电子封装有限公司', '天津海光半导体科技有限公司', '天津西青集成电路材料有限公司'],
  },
  {
    name: '生物医药',
    context: '药品质量监管日趋严格',
    products: [
      { obj: '预灌封注射器', procs: ['硅化', '灌装', '加塞', '灭菌'] },
      { obj: '口服固体制剂', procs: ['制粒', '压片', '包衣', '包装'] },
      { obj: '医用导管', procs: ['挤出', '裁切', '粘接', '环氧乙烷灭菌'] },
    ],
    chars: [
      { c: '批次合格率', unit: '%', up: true },
      { c: '偏差发生率', unit: '%', up: false },
      { c: '片重差异超限率', unit: '%', up: false },
      { c: '可见异物检出率', unit: '‰', up: false },
    ],
    defects: ['可见异物', '裂片', '包衣色差', '密封不良', '管径超差', '粘接脱落', '硅油分布不均'],
    causes: ['硅化喷嘴雾化效果差', '颗粒水分控制范围过宽', '压片机冲头磨损', '包衣锅进风温度波动', '挤出机温控分区不足', '粘接胶固化时间未验证', '洁净区人员更衣不规范'],
    measures: ['更换精密雾化喷嘴并验证硅油分布', '收窄颗粒水分内控标准', '建立冲头磨损检测与更换周期', '加装包衣进风温度自动调节', '增加挤出机温控分区', '开展粘接工艺验证确定固化参数', '强化洁净区更衣确认与监督'],
    units: ['天津瑞康药业有限公司', '天津泰达医疗器械有限公司', '天津华北制药科技有限公司'],
  },
  {
    name: '高端装备',
    context: '工业机器人国产化加速',
    products: [
      { obj: '协作机器人关节模组', procs: ['装配', '谐波减速器装配', '编码器标定', '出厂检测'] },
      { obj: '数控机床主轴', procs: ['精磨', '动平衡', '装配', '跑合试验'] },
      { obj: '液压多路阀', procs: ['阀体加工', '珩磨', '清洗', '试验台测试'] },
    ],
    chars: [
      { c: '装配一次合格率', unit: '%', up: true },
      { c: '回差超差率', unit: '%', up: false },
      { c: '主轴温升超标率', unit: '%', up: false },
      { c: '内泄漏不合格率', unit: '%', up: false },
    ],
    defects: ['回差超标', '异响', '温升过高', '内泄漏', '清洁度超标', '振动超差', '定位精度不足'],
    causes: ['柔轮与刚轮配对依赖经验', '装配扭矩由人工控制', '动平衡机精度下降', '珩磨余量分配不合理', '清洗液过滤精度不足', '轴承预紧力无检测手段', '编码器标定环境温度不受控'],
    measures: ['开发柔轮刚轮选配软件', '采用电动拧紧轴实现扭矩闭环', '动平衡机校准并建立周期计量', '优化珩磨余量分配', '升级清洗液多级过滤', '研制轴承预紧力检测工装', '建设恒温标定间'],
    units: ['天津海河协作机器人科技有限公司', '天津瀚海精密传动科技有限公司', '天津津南液压件有限公司'],
  },
  {
    name: '焊接材料',
    context: '重大工程对焊接质量要求不断提高',
    products: [
      { obj: '药芯焊丝', procs: ['钢带成型', '药粉填充', '拉拔', '层绕'] },
      { obj: '实心焊丝', procs: ['粗拉', '退火', '镀铜', '精绕'] },
      { obj: '不锈钢焊条', procs: ['配粉', '压涂', '烘干', '包装'] },
    ],
    chars: [
      { c: '填充率波动', unit: '%', up: false },
      { c: '镀铜层结合力合格率', unit: '%', up: true },
      { c: '飞溅率', unit: '%', up: false },
      { c: '药皮偏心度合格率', unit: '%', up: true },
    ],
    defects: ['断丝', '镀层脱落', '飞溅大', '气孔', '药皮开裂', '送丝不畅', '表面锈蚀'],
    causes: ['药粉流动性不稳定', '拉拔模具磨损检测滞后', '镀铜液温度控制不准', '烘干炉温度均匀性差', '钢带来料宽度偏差', '层绕张力波动', '库房湿度管控不到位'],
    measures: ['改进药粉粒度配比提高流动性', '建立模具在线磨损监测', '镀铜槽加装自动温控', '改造烘干炉热风循环', '加严钢带来料检验', '采用恒张力层绕装置', '库房加装除湿与温湿度记录'],
    units: ['天津金桥焊接材料有限公司', '天津大桥焊材集团有限公司', '天津永昌焊丝有限公司'],
  },
  {
    name: '光伏',
    context: '光伏组件价格下行、质量竞争加剧',
    products: [
      { obj: '光伏组件', procs: ['串焊', '层压', '装框', 'EL检测'] },
      { obj: 'TOPCon电池片', procs: ['制绒', '硼扩散', '丝网印刷', '烧结'] },
      { obj: '光伏逆变器', procs: ['PCBA贴片', '三防涂覆', '整机老化', '出厂测试'] },
    ],
    chars: [
      { c: 'EL不良率', unit: '%', up: false },
      { c: '转换效率', unit: '%', up: true },
      { c: '层压一次合格率', unit: '%', up: true },
      { c: '早期失效率', unit: '%', up: false },
    ],
    defects: ['隐裂', '气泡', '虚焊', '栅线断线', '色差', '功率衰减', '涂覆漏涂'],
    causes: ['串焊机焊带张力不稳', '层压抽真空时间不足', 'EVA交联度来料波动', '扩散炉温区偏差', '网版张力衰减', '涂覆路径编程不合理', '老化工位温度不均'],
    measures: ['加装焊带张力闭环控制', '优化层压温度曲线和抽真空时间', '引入EVA交联度来料检验', '扩散炉温区校准', '建立网版张力点检', '重新规划涂覆路径并增加视觉检查', '改造老化房风道'],
    units: ['天津光晟光伏新能源科技有限公司', '天津中环光伏材料有限公司', '天津宝坻新能源设备有限公司'],
  },
  {
    name: '轻工纺织',
    context: '消费升级推动品质需求',
    products: [
      { obj: '羽绒被', procs: ['水洗', '充绒', '绗缝', '成品检验'] },
      { obj: '功能性纺织面料', procs: ['织造', '染色', '定型', '涂层'] },
      { obj: '实木复合地板', procs: ['热压', '砂光', '开槽', '油漆'] },
    ],
    chars: [
      { c: '含绒量合格率', unit: '%', up: true },
      { c: '色差返修率', unit: '%', up: false },
      { c: '甲醛释放量达标率', unit: '%', up: true },
      { c: '钻绒投诉率', unit: '‰', up: false },
    ],
    defects: ['钻绒', '色差', '起皱', '开胶', '异味', '含绒量不足', '漆面气泡'],
    causes: ['充绒机计量精度不足', '染色配方依赖人工经验', '定型机温度波动', '热压机压力分布不均', '胶黏剂配比不稳定', '原料绒批次差异大', '油漆固化时间不足'],
    measures: ['更换高精度电子计量充绒机', '建立染色配方数据库', '定型机加装温度闭环', '热压板平整度修复', '胶黏剂自动配比', '原料绒分级入库', '延长并固化油漆流平时间'],
    units: ['天津暖羽羽绒制品有限公司', '天津津纺功能面料有限公司', '天津森工木业有限公司'],
  },
  {
    name: '食品',
    context: '食品安全要求不断提高',
    products: [
      { obj: '富硒大米', procs: ['砻谷', '碾米', '抛光', '色选'] },
      { obj: '肉类罐头', procs: ['预煮', '装罐', '封口', '杀菌'] },
      { obj: '乳制品', procs: ['标准化', '均质', '灭菌', '灌装'] },
    ],
    chars: [
      { c: '碎米率', unit: '%', up: false },
      { c: '胖听率', unit: '‰', up: false },
      { c: '微生物检验合格率', unit: '%', up: true },
      { c: '净含量合格率', unit: '%', up: true },
    ],
    defects: ['碎米', '胖听', '封口不严', '异物', '脂肪上浮', '净含量不足', '色泽不均'],
    causes: ['碾米机转速设定不合理', '封口机滚轮磨损', '杀菌釜温度分布不均', '均质压力波动', '灌装阀计量偏差', '原粮水分差异大', '清洗消毒频次不足'],
    measures: ['优化碾米道数与转速', '建立封口三率检测', '杀菌釜热分布测试与改造', '均质机压力自动控制', '灌装阀定期校准', '原粮分仓按水分调质', '完善CIP清洗验证'],
    units: ['天津宝坻富硒米业有限公司', '天津利民罐头食品有限公司', '天津海河乳业有限公司'],
  },
  {
    name: '石化',
    context: '炼化装置长周期运行要求提高',
    products: [
      { obj: '车用汽油清净剂', procs: ['调和', '过滤', '灌装', '质检'] },
      { obj: '换热器管束', procs: ['胀管', '焊接', '水压试验', '清洗'] },
      { obj: '润滑油', procs: ['基础油调和', '添加剂加注', '过滤', '灌装'] },
    ],
    chars: [
      { c: '批次一致性', unit: '%', up: true },
      { c: '焊口一次合格率', unit: '%', up: true },
      { c: '清洁度超标率', unit: '%', up: false },
      { c: '泄漏率', unit: '%', up: false },
    ],
    defects: ['泄漏', '焊缝夹渣', '指标超差', '杂质超标', '乳化', '胀口松动', '颜色异常'],
    causes: ['调和罐搅拌时间不足', '添加剂计量依赖人工', '胀管器参数未标准化', '焊工技能差异大', '过滤器更换周期过长', '原料油储罐脱水不彻底', '在线分析仪漂移'],
    measures: ['实施调和过程自动控制', '添加剂加注采用质量流量计', '胀管参数标准化并留存记录', '开展焊工分级培训与考核', '按压差控制过滤器更换', '完善储罐脱水操作', '在线分析仪定期比对校准'],
    units: ['天津石化添加剂有限公司', '天津大港换热设备有限公司', '天津长城润滑油有限公司'],
  },
  {
    name: '电力装备',
    context: '新型电力系统建设提速',
    products: [
      { obj: '中压电力电缆', procs: ['导体绞合', '三层共挤', '交联', '铠装'] },
      { obj: '油浸式变压器', procs: ['线圈绕制', '器身干燥', '总装', '出厂试验'] },
      { obj: '智能电表', procs: ['SMT贴片', '程序烧录', '校表', '老化'] },
    ],
    chars: [
      { c: '局部放电合格率', unit: '%', up: true },
      { c: '偏心度超标率', unit: '%', up: false },
      { c: '试验一次通过率', unit: '%', up: true },
      { c: '计量误差超差率', unit: '‰', up: false },
    ],
    defects: ['局部放电超标', '绝缘偏心', '渗漏油', '计量超差', '焊点虚焊', '绕组变形', '外护套破损'],
    causes: ['挤出模具同心度调整依赖经验', '交联管道温度控制不稳', '器身干燥真空度不足', '绕线张力未实现闭环', '校表台老化', '密封件来料硬度波动', '车间洁净度不满足要求'],
    measures: ['引入X射线在线偏心测量', '交联管道分区温控改造', '优化真空干燥工艺', '绕线机加装张力闭环', '校表台更新与溯源', '密封件来料硬度抽检', '建设绝缘材料洁净间'],
    units: ['天津津缆电缆有限公司', '天津特变电气设备有限公司', '天津智电计量仪表有限公司'],
  },
];

const METHODS = ['PDCA循环', '六西格玛DMAIC', 'FMEA', '正交试验设计', 'SPC统计过程控制', '鱼骨图', 'QC七大手法', '测量系统分析', '8D问题解决法', '质量功能展开'];

export interface EvalDoc {
  id: string;
  chain: string;
  year?: number;
  fields: { name: string; problem: string; goals: string; route: string };
}
export type EvalKind = 'verbatim' | 'light_edit' | 'reorder' | 'padding' | 'synonym' | 'name_only' | 'summary_only' | 'mixed' | 'hard_negative' | 'other_chain';
export interface EvalQuery extends EvalDoc {
  kind: EvalKind;
  /** The past result this application copies; null for negatives. */
  target: string | null;
}

interface Facts {
  chain: Chain;
  obj: string;
  proc: string;
  ch: { c: string; unit: string; up: boolean };
  defects: string[];
  causes: string[];
  measures: string[];
  methods: string[];
  unit: string;
  x: string;
  y: string;
  loss: number;
  batches: number;
  complaints: number;
  save: number;
  since: string;
}

function facts(r: Rnd, chain: Chain, fixed: Partial<Facts> = {}): Facts {
  const product = pick(r, chain.products);
  const ch = fixed.ch ?? pick(r, chain.chars);
  const lo = ch.up ? num(r, 78, 95) : num(r, 1.5, 9);
  const hi = ch.up ? num(r, 96, 99.8) : num(r, 0.2, 1.2, 2);
  const causeIdx = pickN(r, [...chain.causes.keys()], 3);
  return {
    chain,
    obj: product.obj,
    proc: pick(r, product.procs),
    ch,
    defects: pickN(r, chain.defects, 2),
    causes: causeIdx.map((i) => chain.causes[i]),
    measures: causeIdx.map((i) => chain.measures[i]),
    methods: pickN(r, METHODS, 2),
    unit: pick(r, chain.units),
    x: lo,
    y: hi,
    loss: int(r, 40, 900),
    batches: int(r, 6, 60),
    complaints: int(r, 3, 40),
    save: int(r, 30, 600),
    since: `${int(r, 2021, 2024)}年${int(r, 1, 12)}月`,
    ...fixed,
  };
}

const verbUp = (f: Facts) => (f.ch.up ? '提高' : '降低');

function writeName(r: Rnd, f: Facts): string {
  const v = verbUp(f);
  return pick(r, [
    () => `${v}${f.obj}${f.proc}${f.ch.c}`,
    () => `${f.obj}${f.proc}工序${f.ch.c}${f.ch.up ? '提升' : '控制'}攻关`,
    () => `基于${f.methods[0]}的${f.obj}${f.ch.c}改进`,
    () => `${f.obj}${f.defects[0]}问题的质量攻关`,
    () => `${f.proc}过程${f.defects[0]}缺陷控制技术研究`,
    () => `${v}${f.obj}${f.ch.c}的关键技术攻关`,
    () => `${f.obj}${f.proc}质量精准提升`,
    () => `${f.obj}${f.defects[0]}与${f.defects[1]}综合治理`,
  ])();
}

function writeProblem(r: Rnd, f: Facts): string {
  return pick(r, [
    () =>
      `目前我公司${f.obj}${f.proc}工序${f.ch.c}为${f.x}${f.ch.unit}，与行业先进水平（${f.y}${f.ch.unit}）存在明显差距。` +
      `${f.since}以来共发生${f.defects[0]}、${f.defects[1]}等质量问题${f.batches}批次，造成直接经济损失约${f.loss}万元。` +
      `经分析，主要原因包括：${f.causes[0]}；${f.causes[1]}；${f.causes[2]}。`,
    () =>
      `${f.unit}主要生产${f.obj}，${f.proc}是影响产品质量的关键工序。近两年该工序${f.ch.c}在${f.x}${f.ch.unit}左右波动，` +
      `${f.defects[0]}问题反复出现，累计收到客户投诉${f.complaints}起。现场调查发现，${f.causes[0]}，同时${f.causes[1]}，` +
      `导致产品一致性难以保证，年质量损失约${f.loss}万元。`,
    () =>
      `随着${f.chain.context}，客户对${f.obj}的质量提出了更高要求。但我单位${f.proc}过程${f.ch.c}长期徘徊在${f.x}${f.ch.unit}，` +
      `${f.defects[0]}缺陷占全部不良的${int(r, 35, 70)}%。通过鱼骨图分析，问题集中在人、机、料、法、环五个方面，其中${f.causes[0]}和${f.causes[1]}是主要因素。`,
    () =>
      `（一）存在问题：${f.obj}在${f.proc}环节${f.defects[0]}频发，${f.ch.c}为${f.x}${f.ch.unit}。` +
      `（二）原因分析：一是${f.causes[0]}；二是${f.causes[1]}；三是${f.causes[2]}。` +
      `（三）影响：年质量损失${f.loss}万元，${int(r, 2, 9)}家主要客户提出整改要求。`,
  ])();
}

function writeGoals(r: Rnd, f: Facts): string {
  const v = f.ch.up ? '提升至' : '降至';
  return pick(r, [
    () => `通过攻关，将${f.obj}${f.ch.c}由${f.x}${f.ch.unit}${v}${f.y}${f.ch.unit}，${f.defects[0]}发生率降低${int(r, 30, 80)}%，年节约成本${f.save}万元。`,
    () => `项目完成后，${f.ch.c}${f.ch.up ? '达到' : '控制在'}${f.y}${f.ch.unit}${f.ch.up ? '以上' : '以内'}，客户投诉减少${int(r, 40, 90)}%，形成企业标准${int(r, 1, 3)}项，年创效益${f.save}万元。`,
    () => `一是${f.ch.c}${v}${f.y}${f.ch.unit}；二是${f.defects[0]}、${f.defects[1]}问题基本消除；三是建立${f.proc}过程质量控制体系，年减少质量损失${f.save}万元。`,
    () => `攻关目标：${f.ch.c}（${f.x}${f.ch.unit}→${f.y}${f.ch.unit}）；${f.defects[0]}批次数下降${int(r, 50, 90)}%；申请发明专利${int(r, 1, 3)}项。`,
  ])();
}

function writeRoute(r: Rnd, f: Facts): string {
  return pick(r, [
    () =>
      `运用${f.methods[0]}方法，组建跨部门攻关小组。首先通过${f.methods[1]}识别影响${f.ch.c}的关键因素；` +
      `其次针对${f.causes[0]}，${f.measures[0]}；同时${f.measures[1]}；` +
      `然后开展${f.proc}工艺参数优化试验，确定最佳参数窗口；最后固化标准作业指导书，开展全员培训并持续改进。`,
    () =>
      `项目分三个阶段实施：第一阶段（现状调查）收集${f.proc}工序近一年质量数据，运用${f.methods[1]}锁定主要问题；` +
      `第二阶段（对策实施）${f.measures[0]}，${f.measures[1]}，并${f.measures[2]}；` +
      `第三阶段（效果巩固）修订工艺文件，纳入日常管理。`,
    () =>
      `技术路线为“调查—分析—对策—验证—标准化”。针对${f.defects[0]}问题，${f.measures[0]}；针对${f.causes[1]}，${f.measures[1]}。` +
      `同时引入${f.methods[0]}，建立${f.obj}${f.ch.c}在线监测与预警机制，确保改进效果稳定保持。`,
    () =>
      `1.成立以分管质量副总为组长的攻关小组，明确职责分工；2.应用${f.methods[0]}对${f.proc}过程进行系统分析；` +
      `3.${f.measures[0]}；4.${f.measures[1]}；5.${f.measures[2]}；6.编制作业指导书并组织培训，运用SPC持续监控。`,
  ])();
}

function writeDoc(r: Rnd, f: Facts): EvalDoc['fields'] {
  return { name: writeName(r, f), problem: writeProblem(r, f), goals: writeGoals(r, f), route: writeRoute(r, f) };
}

// ---------------------------------------------------------------------------------------------
// disguises

const sentences = (s: string) => s.match(/[^。；;]+[。；;]?/g) ?? [s];
const clauses = (s: string) => s.match(/[^，。；;]+[，。；;]?/g) ?? [s];

function shuffle<T>(r: Rnd, xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function lightEdit(r: Rnd, s: string): string {
  let out = s.replace(/我公司|我单位/g, () => pick(r, ['我公司', '我单位', '本企业', '公司']));
  out = out.replace(/\d+(\.\d+)?/, (m) => (m.includes('.') ? (Number(m) + 0.3).toFixed(1) : String(Number(m) + 1)));
  const parts = clauses(out);
  const k = parts.length > 1 ? 1 + Math.floor(r() * (parts.length - 1)) : 0;
  parts[k] = pick(r, ['进一步', '切实', '有效', '重点']) + parts[k];
  return parts.join('');
}

function reorder(r: Rnd, s: string): string {
  const ss = sentences(s);
  if (ss.length >= 3) return shuffle(r, ss).join('');
  const cs = clauses(s);
  return cs.length > 2 ? shuffle(r, cs).join('') : s;
}

const PADDING = [
  '我公司是国家高新技术企业，始终坚持“质量第一、用户至上”的方针，已通过ISO9001质量管理体系认证。',
  '公司高度重视质量攻关工作，由主要负责人亲自挂帅，设立专项资金保障项目实施。',
  '项目实施过程中将加强与高校和科研院所的合作，引进先进检测设备，提升团队技术能力。',
  '攻关成果将在集团内其他生产基地推广应用，带动上下游企业共同提升质量水平。',
  '同时加强质量文化建设，开展质量月、QC成果发布等活动，营造全员参与的良好氛围。',
  '此外将建立质量追溯系统，实现从原材料到成品的全过程数据记录与追溯。',
  '项目还将培养质量工程师5名，形成一支懂技术、会管理的质量改进骨干队伍。',
];

function pad(r: Rnd, s: string, n: number): string {
  const extra = pickN(r, PADDING, n);
  return r() < 0.5 ? extra.join('') + s : s + extra.join('');
}

/** Synonym paraphrase: table words swapped and sentences reworded the way applicants do it. */
const REWORDS: [RegExp, string[]][] = [
  [/提高/g, ['提升', '改善']],
  [/提升至/g, ['提高到', '提升到']],
  [/降低/g, ['减少', '下降']],
  [/降至/g, ['下降到', '减少到']],
  [/不良率/g, ['缺陷率', '不合格率']],
  [/一次合格率/g, ['一次交检合格率', '良品率']],
  [/合格率/g, ['良品率', '合格率']],
  [/主要原因/g, ['根本原因', '主因']],
  [/建立/g, ['构建', '搭建']],
  [/识别/g, ['找出', '辨识']],
  [/攻关小组/g, ['攻关团队', '项目团队']],
  [/作业指导书/g, ['作业规程', 'SOP']],
  [/在线监测/g, ['实时监控', '在线检测']],
  [/首先/g, ['第一步', '一是']],
  [/其次/g, ['第二步', '随后']],
  [/最后/g, ['最终', '最后']],
  [/同时/g, ['此外', '另外']],
  [/运用/g, ['采用', '借助']],
  [/开展/g, ['实施', '推进']],
  [/优化/g, ['改进', '完善']],
  [/培训/g, ['宣贯', '培训']],
  [/客户投诉/g, ['用户投诉', '客诉']],
  [/通过攻关，/g, ['项目实施后，', '经过攻关，']],
  [/经分析，/g, ['究其原因，', '经过深入分析，']],
  [/存在明显差距/g, ['差距较大', '还有不小差距']],
  [/造成直接经济损失约/g, ['带来经济损失近', '直接损失约']],
  [/年节约成本/g, ['每年可节省成本', '年降本']],
  [/质量问题/g, ['质量异常', '质量缺陷']],
  [/反复出现/g, ['屡次发生', '多次出现']],
  [/由(\d)/g, ['从$1']],
];

function synonymParaphrase(r: Rnd, s: string): string {
  let out = s;
  for (const [re, alts] of REWORDS) if (r() < 0.85) out = out.replace(re, () => pick(r, alts).replace('$1', ''));
  // keep the digits a `由(\d)` rewrite consumed
  out = out.replace(/从(?=\D)/g, '从');
  return out;
}

function synonymParaphraseKeepDigits(r: Rnd, s: string): string {
  let out = s;
  for (const [re, alts] of REWORDS) {
    if (r() >= 0.85) continue;
    out = out.replace(re, (m, g1?: string) => {
      const alt = pick(r, alts);
      return typeof g1 === 'string' ? alt.replace('$1', g1) : alt;
    });
  }
  void synonymParaphrase;
  return out;
}

function summary(r: Rnd, src: EvalDoc['fields']): EvalDoc['fields'] {
  const ps = sentences(src.problem);
  const rs = sentences(src.route);
  return {
    name: r() < 0.5 ? src.name : synonymParaphraseKeepDigits(r, src.name),
    problem: ps.slice(0, Math.max(1, Math.ceil(ps.length / 2))).join(''),
    goals: clauses(src.goals).slice(0, 2).join('').replace(/，$/, '。'),
    route: r() < 0.5 ? rs[0] : '',
  };
}

/** A disguised copy of `src` of the given kind (bench: paraphrased copies of corpus documents). */
export function disguise(kind: 'synonym' | 'reorder' | 'padding' | 'summary_only' | 'mixed', src: EvalDoc['fields'], seed: number): EvalDoc['fields'] {
  const r = mulberry32(seed);
  switch (kind) {
    case 'synonym':
      return { name: synonymParaphraseKeepDigits(r, src.name), problem: synonymParaphraseKeepDigits(r, src.problem), goals: synonymParaphraseKeepDigits(r, src.goals), route: synonymParaphraseKeepDigits(r, src.route) };
    case 'reorder':
      return { name: src.name, problem: reorder(r, src.problem), goals: reorder(r, src.goals), route: reorder(r, src.route) };
    case 'padding':
      return { name: src.name, problem: pad(r, src.problem, 2), goals: src.goals, route: pad(r, src.route, 3) };
    case 'summary_only':
      return summary(r, src);
    case 'mixed':
      return {
        name: synonymParaphraseKeepDigits(r, src.name),
        problem: pad(r, reorder(r, synonymParaphraseKeepDigits(r, src.problem)), 1),
        goals: synonymParaphraseKeepDigits(r, lightEdit(r, src.goals)),
        route: reorder(r, synonymParaphraseKeepDigits(r, src.route)),
      };
  }
}

// ---------------------------------------------------------------------------------------------

export function generateEvalSet(): { past: EvalDoc[]; queries: EvalQuery[] } {
  const r = mulberry32(20260415);
  const past: EvalDoc[] = [];
  const pastFacts: Facts[] = [];
  CHAINS.forEach((chain, ci) => {
    for (let k = 0; k < 16; k++) {
      const f = facts(r, chain);
      pastFacts.push(f);
      past.push({ id: `YX${2018 + (k % 8)}-${String(ci * 16 + k + 1).padStart(3, '0')}`, chain: chain.name, year: 2018 + (k % 8), fields: writeDoc(r, f) });
    }
  });

  const queries: EvalQuery[] = [];
  const plan: [EvalKind, number][] = [
    ['verbatim', 8],
    ['light_edit', 10],
    ['reorder', 10],
    ['padding', 10],
    ['synonym', 16],
    ['name_only', 8],
    ['summary_only', 10],
    ['mixed', 8],
  ];
  let q = 0;
  const used = new Set<number>();
  for (const [kind, n] of plan) {
    for (let k = 0; k < n; k++) {
      let t = Math.floor(r() * past.length);
      while (used.has(t)) t = (t + 7) % past.length;
      used.add(t);
      const src = past[t].fields;
      const f = pastFacts[t];
      let fields: EvalDoc['fields'];
      switch (kind) {
        case 'verbatim':
          fields = { ...src };
          break;
        case 'light_edit':
          fields = { name: src.name, problem: lightEdit(r, src.problem), goals: lightEdit(r, src.goals), route: lightEdit(r, src.route) };
          break;
        case 'reorder':
          fields = { name: src.name, problem: reorder(r, src.problem), goals: reorder(r, src.goals), route: reorder(r, src.route) };
          break;
        case 'padding':
          fields = { name: src.name, problem: pad(r, src.problem, 2), goals: src.goals + pick(r, ['同时带动相关工序质量整体提升。', '并培养一批质量骨干。']), route: pad(r, src.route, 3) };
          break;
        case 'synonym':
          fields = {
            name: synonymParaphraseKeepDigits(r, src.name),
            problem: synonymParaphraseKeepDigits(r, src.problem),
            goals: synonymParaphraseKeepDigits(r, src.goals),
            route: synonymParaphraseKeepDigits(r, src.route),
          };
          break;
        case 'name_only': {
          // the old title, a newly written body about the same product (different causes and figures)
          const g = facts(r, f.chain, { obj: f.obj, proc: f.proc, ch: f.ch });
          fields = { name: src.name, problem: writeProblem(r, g), goals: writeGoals(r, g), route: writeRoute(r, g) };
          break;
        }
        case 'summary_only':
          fields = summary(r, src);
          break;
        case 'mixed':
          fields = {
            name: synonymParaphraseKeepDigits(r, src.name),
            problem: pad(r, reorder(r, synonymParaphraseKeepDigits(r, src.problem)), 1),
            goals: synonymParaphraseKeepDigits(r, lightEdit(r, src.goals)),
            route: reorder(r, synonymParaphraseKeepDigits(r, src.route)),
          };
          break;
        default:
          throw new Error(kind);
      }
      queries.push({ id: `Q${String(++q).padStart(3, '0')}`, chain: past[t].chain, kind, target: past[t].id, fields });
    }
  }
  // hard negatives: same chain and product (often the same process), another problem; their names
  // differ from every past name (a copied name is itself a copy: see name_only)
  const pastNames = new Set(past.map((p) => p.fields.name));
  const fresh = (g: Facts): EvalDoc['fields'] => {
    for (;;) {
      const doc = writeDoc(r, g);
      if (!pastNames.has(doc.name)) return doc;
    }
  };
  for (let k = 0; k < 36; k++) {
    const t = Math.floor(r() * past.length);
    const f = pastFacts[t];
    const other = f.chain.chars.filter((c) => c.c !== f.ch.c);
    const g = facts(r, f.chain, { obj: f.obj, proc: r() < 0.6 ? f.proc : pick(r, f.chain.products.find((p) => p.obj === f.obj)!.procs), ch: pick(r, other) });
    queries.push({ id: `Q${String(++q).padStart(3, '0')}`, chain: f.chain.name, kind: 'hard_negative', target: null, fields: fresh(g) });
  }
  for (let k = 0; k < 6; k++) {
    const chain = CHAINS[(k * 3) % CHAINS.length];
    const g = facts(r, chain);
    queries.push({ id: `Q${String(++q).padStart(3, '0')}`, chain: chain.name, kind: 'other_chain', target: null, fields: fresh(g) });
  }
  return { past, queries };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const set = generateEvalSet();
  const file = path.join(import.meta.dirname, 'eval-set.json');
  writeFileSync(file, `${JSON.stringify(set, null, 1)}\n`);
  console.log(`wrote ${file}: ${set.past.length} past results, ${set.queries.length} applications`);
}
