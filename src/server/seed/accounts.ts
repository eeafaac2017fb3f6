import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { expertProfiles, organisations, users } from '../db/schema';
import { generateUscc } from '../../domain/uscc';
import { DEMO_APPLICANTS } from './applicants';
import type { SeedArea } from './seed-registry';

export const DEMO_USERNAMES = {
  applicant: 'demo_applicant',
  recommender: 'demo_recommender',
  commission: 'demo_commission',
  expert: 'demo_expert',
  training_provider: 'demo_training',
} as const;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎'.split('');
const GIVEN = ['建华', '秀英', '志强', '丽娟', '海涛', '晓明', '国庆', '玉兰', '立新', '红梅', '振宇', '淑芬', '明辉', '桂英', '文博', '雅琴', '子豪', '静怡', '鹏飞', '思远'];
const EXPERT_FIELDS = ['协作机器人', '脑机接口', '先进计算', '智能网联汽车', '生物制造', '光伏新能源', '电动自行车', '焊材', '车用燃料', '家装', '富硒', '羽绒制品', '质量管理', '计量检测', '标准化'];
const EXPERT_EMPLOYERS = ['天津大学', '南开大学', '河北工业大学', '天津理工大学', '天津科技大学', '天津市计量监督检测科学研究院', '天津市标准化研究院', '天津市产品质量监督检测技术研究院', '中国汽车技术研究中心有限公司', '天津市特种设备监督检验技术研究院'];
const TITLES = ['正高级工程师', '高级工程师', '教授', '研究员', '副教授', '高级经济师'];

export const personName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;

export const accountsSeed: SeedArea = {
  name: 'accounts',
  async run(tx: DbOrTx, ctx) {
    const orgs = await tx.select().from(organisations).orderBy(asc(organisations.createdAt), asc(organisations.name));
    const hash = ctx.demoPasswordHash;
    const rows: (typeof users.$inferInsert)[] = [];
    const commission = orgs.find((o) => o.kind === 'commission')!;
    rows.push({ username: DEMO_USERNAMES.commission, displayName: '陈莹（质量发展处）', role: 'commission', isAdmin: true, organisationId: commission.id, passwordHash: hash, phone: '022-58950677' });
    rows.push({ username: 'commission_reviewer', displayName: '郭丽坤（质量发展处）', role: 'commission', organisationId: commission.id, passwordHash: hash });
    const training = orgs.find((o) => o.kind === 'training_provider')!;
    rows.push({ username: DEMO_USERNAMES.training_provider, displayName: '培训部 周老师', role: 'training_provider', organisationId: training.id, passwordHash: hash });
    const recommenders = orgs.filter((o) => o.kind === 'recommender');
    recommenders.forEach((o, i) => {
      const binhai = o.district === '滨海新区' && o.subtype === 'district_bureau';
      rows.push({
        username: binhai ? DEMO_USERNAMES.recommender : `rec_${o.subtype === 'district_bureau' ? o.divisionCode : `${o.subtype}_${i}`}`,
        displayName: `${personName(i + 3)}（${o.shortName ?? o.name}）`,
        role: 'recommender',
        organisationId: o.id,
        passwordHash: hash,
      });
    });
    // Keep the demo list's order so the first (a 滨海新区 robot maker) is the demo applicant.
    const order = new Map(DEMO_APPLICANTS.map((a, i) => [a.name, i]));
    const applicants = orgs.filter((o) => o.kind === 'applicant').sort((a, b) => (order.get(a.name) ?? 999) - (order.get(b.name) ?? 999));
    applicants.forEach((o, i) => {
      rows.push({
        username: i === 0 ? DEMO_USERNAMES.applicant : `app_${String(i + 1).padStart(3, '0')}`,
        displayName: `${o.contactName ?? personName(i)}（${o.name}）`,
        role: 'applicant',
        organisationId: o.id,
        passwordHash: hash,
        phone: o.contactPhone,
      });
    });
    await tx.insert(users).values(rows);

    // ~50 experts in the pool, across the 2026 chains and quality disciplines.
    const pool = orgs.find((o) => o.kind === 'expert_pool')!;
    const experts = await tx
      .insert(users)
      .values(
        Array.from({ length: 50 }, (_, i) => ({
          username: i === 0 ? DEMO_USERNAMES.expert : `expert_${String(i + 1).padStart(3, '0')}`,
          displayName: `${personName(i + 11)}`,
          role: 'expert' as const,
          organisationId: pool.id,
          passwordHash: hash,
        })),
      )
      .returning({ id: users.id });
    await tx.insert(expertProfiles).values(
      experts.map((e, i) => {
        const employer = EXPERT_EMPLOYERS[i % EXPERT_EMPLOYERS.length];
        return {
          userId: e.id,
          employer,
          employerUscc: generateUscc({ divisionCode: '120104', authority: '1', category: '2', seed: 5000 + (i % EXPERT_EMPLOYERS.length) }),
          title: TITLES[i % TITLES.length],
          fields: [EXPERT_FIELDS[i % EXPERT_FIELDS.length], EXPERT_FIELDS[(i + 5) % EXPERT_FIELDS.length]],
          termEnds: '2027-12-31',
        };
      }),
    );
  },
};
