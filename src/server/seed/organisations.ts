import { generateUscc, TIANJIN_DISTRICTS } from '../../domain/uscc';
import type { DbOrTx } from '../db/client';
import { organisations } from '../db/schema';
import { districtBureauValues } from './district-bureaus';
import type { SeedArea } from './seed-registry';

/** Municipal industry departments (examples from ../shared/data/tianjin-districts.json). */
export const DEMO_INDUSTRY_DEPARTMENTS = ['天津市工业和信息化局', '天津市科学技术局', '天津市商务局', '天津市农业农村委员会', '天津市住房和城乡建设委员会'];
export const DEMO_ASSOCIATIONS = ['天津市质量管理协会', '天津市电动自行车行业协会', '天津市焊接协会'];
export const COMMISSION_NAME = '天津市市场监督管理委员会';
export const TRAINING_PROVIDER_NAME = '天津市质量攻关培训服务中心（演示）';
export const EXPERT_POOL_NAME = '天津市质量攻关技术评定专家库';

export const organisationsSeed: SeedArea = {
  name: 'organisations',
  async run(tx: DbOrTx) {
    await tx.insert(organisations).values([
      { kind: 'commission', name: COMMISSION_NAME, shortName: '市市场监管委', uscc: generateUscc({ divisionCode: '120000', authority: '1', category: '1', seed: 1 }), divisionCode: '120000', district: '天津市（市级）', address: '天津市河西区友谊路', contactName: '质量发展处', contactPhone: '022-27182036', isDemo: true },
      { kind: 'training_provider', name: TRAINING_PROVIDER_NAME, isDemo: true, contactName: '培训部', contactPhone: '022-58950677' },
      { kind: 'expert_pool', name: EXPERT_POOL_NAME, isDemo: true },
      ...TIANJIN_DISTRICTS.map((d, i) => ({
        ...districtBureauValues(d),
        uscc: generateUscc({ divisionCode: d.code, authority: '1', category: '1', seed: 100 + i }),
        contactName: '质量发展科',
        contactPhone: `022-${String(24000000 + i * 1117).slice(0, 8)}`,
        isDemo: true,
      })),
      ...DEMO_INDUSTRY_DEPARTMENTS.map((name, i) => ({
        kind: 'recommender' as const,
        subtype: 'industry_department' as const,
        name,
        divisionCode: '120000',
        district: '天津市（市级）',
        uscc: generateUscc({ divisionCode: '120000', authority: '1', category: '1', seed: 200 + i }),
        contactName: '行业管理处',
        isDemo: true,
      })),
      ...DEMO_ASSOCIATIONS.map((name, i) => ({
        kind: 'recommender' as const,
        subtype: 'association' as const,
        name,
        divisionCode: '120103',
        district: '河西区',
        uscc: generateUscc({ divisionCode: '120103', authority: '5', category: '1', seed: 300 + i }),
        contactName: '秘书处',
        isDemo: true,
      })),
    ]);
  },
};
