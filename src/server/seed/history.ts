import type { DbOrTx } from '../db/client';
import { historicalResults } from '../db/schema';
import type { SeedArea } from './seed-registry';

/**
 * Synthetic earlier-year excellent results for the duplicate check (no real list was found:
 * rules-from-attachments.md). Shaped like the real topic names there: object + quality
 * characteristic/technology (+ 研制/技术), or verb + object + indicator.
 */
const OBJECTS: Record<string, string[]> = {
  协作机器人: ['协作机器人关节模组', '机器人谐波减速器', '协作机器人控制器', '机器人伺服电机'],
  电动自行车: ['电动自行车充电器', '电动自行车锂电池包', '电动自行车控制器', '电动自行车车架焊缝'],
  焊材: ['金属焊接件', '药芯焊丝', '埋弧焊剂', '不锈钢焊条'],
  车用燃料: ['车用汽油清净剂', '车用燃料进气阀', '车用柴油', '乙醇汽油调合组分'],
  光伏新能源: ['光伏组件层压工序', '光伏逆变器', '单晶硅片', '光伏接线盒'],
  智能网联汽车: ['车载毫米波雷达', '智能座舱域控制器', '车载摄像头模组', '线控制动系统'],
  其他: ['城市供水管网', '医用输液器', '轨道车辆转向架', '冷链配送服务', '食品包装封口工序', '注塑件外观'],
};
const FORMS = [
  (o: string) => `降低${o}装配不良率`,
  (o: string) => `提高${o}一次交检合格率`,
  (o: string) => `${o}早期疲劳检测技术`,
  (o: string) => `${o}质量一致性控制技术`,
  (o: string) => `缩短${o}生产周期`,
  (o: string) => `${o}可靠性提升`,
  (o: string) => `降低${o}单位能耗`,
  (o: string) => `${o}在线检测装置研制`,
];
const PROBLEMS = [
  '现状不良率偏高，主要缺陷集中在装配间隙超差与紧固力矩波动，月均返工工时较大。',
  '产品一致性差，批次间关键尺寸波动大，客户投诉主要集中在早期失效。',
  '检测依赖人工目视，漏检率高，效率低，无法满足产能提升需求。',
  '单位产品能耗高于行业先进水平，工序参数依赖经验设定。',
];
const UNITS = ['天津市某装备制造有限公司', '天津市某新材料股份有限公司', '天津市某电子科技有限公司', '天津市某汽车零部件有限公司', '天津市某检测技术服务有限公司'];

export function syntheticHistory(count: number, seed = 1) {
  let s = seed >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const chains = Object.keys(OBJECTS);
  return Array.from({ length: count }, (_, i) => {
    const chain = chains[Math.floor(rnd() * chains.length)];
    const object = OBJECTS[chain][Math.floor(rnd() * OBJECTS[chain].length)];
    const name = FORMS[Math.floor(rnd() * FORMS.length)](object);
    return {
      year: 2019 + (i % 7),
      name,
      unitName: UNITS[Math.floor(rnd() * UNITS.length)],
      chain,
      problem: `${object}${PROBLEMS[Math.floor(rnd() * PROBLEMS.length)]}`,
      goals: `${name.replace(/^(降低|提高|缩短)/, '')}指标达到行业先进水平`,
      route: `运用PDCA循环，通过现状调查、要因分析、对策实施与效果验证，解决${object}的质量问题。`,
      level: ['优秀成果', '优秀成果', '一等', '二等'][Math.floor(rnd() * 4)],
      source: 'demo' as const,
    };
  });
}

export const historySeed: SeedArea = {
  name: 'history',
  async run(tx: DbOrTx) {
    const rows = syntheticHistory(300, 2026);
    for (let i = 0; i < rows.length; i += 100) await tx.insert(historicalResults).values(rows.slice(i, i + 100));
  },
};
