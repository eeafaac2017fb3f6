import { eq } from 'drizzle-orm';
import { generateUscc, TIANJIN_DISTRICTS } from '../../domain/uscc';
import type { DbOrTx } from '../db/client';
import { organisations } from '../db/schema';
import type { SeedArea } from './seed-registry';

/**
 * ~40 fictional applicant units across the 2026 chains (demo only: names are invented and the
 * credit codes are generated, never a real company's).
 */
export const DEMO_APPLICANTS: { name: string; district: string; chain: string; nature: 'enterprise' | 'institution' | 'industry_org' }[] = [
  { name: '天津海河协作机器人科技有限公司', district: '滨海新区', chain: '协作机器人', nature: 'enterprise' },
  { name: '天津津沽智能装备制造有限公司', district: '西青区', chain: '协作机器人', nature: 'enterprise' },
  { name: '天津渤海精密减速器有限公司', district: '北辰区', chain: '协作机器人', nature: 'enterprise' },
  { name: '天津华辰脑机接口医疗科技有限公司', district: '南开区', chain: '脑机接口', nature: 'enterprise' },
  { name: '天津神经信号工程技术研究院', district: '南开区', chain: '脑机接口', nature: 'institution' },
  { name: '天津曙光先进计算系统有限公司', district: '滨海新区', chain: '先进计算', nature: 'enterprise' },
  { name: '天津信创服务器制造有限公司', district: '东丽区', chain: '先进计算', nature: 'enterprise' },
  { name: '天津智行网联汽车电子有限公司', district: '西青区', chain: '智能网联汽车', nature: 'enterprise' },
  { name: '天津港湾汽车零部件股份有限公司', district: '津南区', chain: '智能网联汽车', nature: 'enterprise' },
  { name: '天津车联测试技术服务有限公司', district: '东丽区', chain: '智能网联汽车', nature: 'enterprise' },
  { name: '天津绿源生物制造有限公司', district: '滨海新区', chain: '生物制造', nature: 'enterprise' },
  { name: '天津合成酶工程技术有限公司', district: '武清区', chain: '生物制造', nature: 'enterprise' },
  { name: '天津光晟光伏新能源科技有限公司', district: '宝坻区', chain: '光伏新能源', nature: 'enterprise' },
  { name: '天津晶硅组件制造有限公司', district: '北辰区', chain: '光伏新能源', nature: 'enterprise' },
  { name: '天津逸行电动自行车有限公司', district: '静海区', chain: '电动自行车', nature: 'enterprise' },
  { name: '天津骑安电动车科技有限公司', district: '静海区', chain: '电动自行车', nature: 'enterprise' },
  { name: '天津速达充电器电子有限公司', district: '武清区', chain: '电动自行车', nature: 'enterprise' },
  { name: '天津金桥焊接材料有限公司', district: '北辰区', chain: '焊材', nature: 'enterprise' },
  { name: '天津大桥焊丝制品有限公司', district: '宁河区', chain: '焊材', nature: 'enterprise' },
  { name: '天津焊接质量检测中心', district: '河北区', chain: '焊材', nature: 'institution' },
  { name: '天津渤化清洁燃料有限公司', district: '滨海新区', chain: '车用燃料', nature: 'enterprise' },
  { name: '天津燃油添加剂研究所有限公司', district: '河东区', chain: '车用燃料', nature: 'enterprise' },
  { name: '天津宜居家装工程有限公司', district: '河西区', chain: '家装', nature: 'enterprise' },
  { name: '天津美居定制家具有限公司', district: '红桥区', chain: '家装', nature: 'enterprise' },
  { name: '天津蓟州富硒农业发展有限公司', district: '蓟州区', chain: '富硒', nature: 'enterprise' },
  { name: '天津宝坻富硒食品有限公司', district: '宝坻区', chain: '富硒', nature: 'enterprise' },
  { name: '天津暖羽羽绒制品有限公司', district: '宝坻区', chain: '羽绒制品', nature: 'enterprise' },
  { name: '天津北方羽绒服饰有限公司', district: '静海区', chain: '羽绒制品', nature: 'enterprise' },
  { name: '天津和平城市服务集团有限公司', district: '和平区', chain: '其他', nature: 'enterprise' },
  { name: '天津河东轨道交通装备有限公司', district: '河东区', chain: '其他', nature: 'enterprise' },
  { name: '天津河北医疗器械有限公司', district: '河北区', chain: '其他', nature: 'enterprise' },
  { name: '天津红桥食品加工有限公司', district: '红桥区', chain: '其他', nature: 'enterprise' },
  { name: '天津东丽航空部件有限公司', district: '东丽区', chain: '其他', nature: 'enterprise' },
  { name: '天津津南新材料科技有限公司', district: '津南区', chain: '其他', nature: 'enterprise' },
  { name: '天津宁河现代农业装备有限公司', district: '宁河区', chain: '其他', nature: 'enterprise' },
  { name: '天津蓟州旅游服务有限公司', district: '蓟州区', chain: '其他', nature: 'enterprise' },
  { name: '天津和平检验检测认证有限公司', district: '和平区', chain: '其他', nature: 'enterprise' },
  { name: '天津西青电子元器件有限公司', district: '西青区', chain: '先进计算', nature: 'enterprise' },
  { name: '天津市机器人产业质量联盟', district: '滨海新区', chain: '协作机器人', nature: 'industry_org' },
  { name: '天津市电动自行车质量技术联盟', district: '静海区', chain: '电动自行车', nature: 'industry_org' },
];

export const applicantsSeed: SeedArea = {
  name: 'applicants',
  async run(tx: DbOrTx) {
    const bureaus = await tx.select().from(organisations).where(eq(organisations.subtype, 'district_bureau'));
    const bureauByDistrict = new Map(bureaus.map((b) => [b.district, b.id]));
    await tx.insert(organisations).values(
      DEMO_APPLICANTS.map((a, i) => {
        const d = TIANJIN_DISTRICTS.find((x) => x.name === a.district)!;
        const authority = a.nature === 'enterprise' ? '9' : a.nature === 'institution' ? '1' : '5';
        const category = a.nature === 'institution' ? '2' : '1';
        return {
          kind: 'applicant' as const,
          subtype: a.nature,
          name: a.name,
          uscc: generateUscc({ divisionCode: d.code, authority, category, seed: 1000 + i }),
          divisionCode: d.code,
          district: d.name,
          address: `天津市${d.name}演示路${(i % 90) + 1}号`,
          contactName: ['王建国', '李秀梅', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '孙丽'][i % 8],
          contactPhone: `1380022${String(1000 + i).padStart(4, '0')}`,
          // Industry quality organisations need their recommender's confirmation (program.md §2).
          recognitionStatus: a.nature === 'industry_org' ? ('pending' as const) : ('not_needed' as const),
          defaultRecommenderId: bureauByDistrict.get(d.name) ?? null,
          isDemo: true,
        };
      }),
    );
  },
};
