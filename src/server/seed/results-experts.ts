/**
 * Demo data for issue 18. Always: the expert pool gets districts, ratings and a declared relation,
 * and the 回避 findings are computed. In an installation seeded after the results window opened
 * (a real demo, not the April test template), three NEW projects (the seeded plan is untouched):
 * 天津绿源生物制造有限公司 (app_011, 滨海新区, covered by the demo reopening) approved, to try 成果提交
 * end to end; a 滨海新区 result awaiting demo_recommender's check; a result returned with comments.
 */
import { asc, eq } from 'drizzle-orm';
import type { CampaignConfig } from '../../domain/campaign-config';
import type { DbOrTx } from '../db/client';
import { campaigns, expertProfiles, organisations, projectResults, projects, resultBenefits, users } from '../db/schema';
import { formatProjectNo } from '../../domain/project-number';
import { recomputeConflicts } from '../experts/conflicts';
import { DEMO_USERNAMES } from './accounts';
import type { SeedArea } from './seed-registry';

/** The approved demo project of 天津绿源生物制造有限公司 (滨海新区, account app_011) left for trying 成果提交. */
export const DEMO_RESULT_PROJECT = '提高酶法合成产物批次收率一致性';

const DISTRICTS = ['南开区', '河西区', '和平区', '西青区', '滨海新区', '津南区', '北辰区', '东丽区'];

const RESULT = (subject: string) => ({
  summary: `围绕${subject}开展质量攻关，运用PDCA循环组织实施，已完成全部攻关任务。`,
  problem: `${subject}长期存在批次波动，影响交付质量和顾客满意度。`,
  measures: '成立跨部门攻关小组，运用鱼骨图和DOE识别关键因素，优化工艺参数并导入SPC过程监控。',
  effects: '关键质量指标达到攻关目标，连续三个月保持稳定。',
  innovation: '形成作业指导书和企业标准各1项，可在同类企业推广。',
});

export const resultsExpertsSeed: SeedArea = {
  name: 'results-experts',
  async run(tx: DbOrTx, ctx) {
    const experts = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.role, 'expert')).orderBy(asc(users.username));
    for (const [i, e] of experts.entries()) {
      await tx
        .update(expertProfiles)
        .set({ district: DISTRICTS[i % DISTRICTS.length], rating: i % 3 === 0 ? 5 : i % 3 === 1 ? 4 : null, ratingNote: i % 3 === 0 ? '历次评定意见详实、公正' : null, updatedAt: ctx.now })
        .where(eq(expertProfiles.userId, e.id));
    }
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.year, 2026));
    const [bohua] = await tx.select().from(organisations).where(eq(organisations.name, '天津渤化清洁燃料有限公司'));
    const [demoExpert] = experts.filter((e) => e.username === DEMO_USERNAMES.expert);
    if (demoExpert && bohua) {
      await tx.update(expertProfiles).set({ declarations: [{ organisation: bohua.name, uscc: bohua.uscc, relation: '2025年曾为该公司提供油品检测方法咨询' }] }).where(eq(expertProfiles.userId, demoExpert.id));
    }

    const config = campaign.config as CampaignConfig;
    if (ctx.now.getTime() >= Date.parse(config.windows.results.opensAt)) {
      // New approved projects only (cloned from each unit's first application), so the seeded plan and
      // its approved projects stay as they are.
      let seq = 90;
      const addProject = async (unit: string, name: string, state: 'approved' | 'results_submitted' | 'results_returned') => {
        const [org] = await tx.select().from(organisations).where(eq(organisations.name, unit));
        const [template] = org ? await tx.select().from(projects).where(eq(projects.applicantOrgId, org.id)).orderBy(asc(projects.createdAt)).limit(1) : [];
        if (!template) return;
        const form = { ...(template.form as Record<string, unknown>), project: { ...((template.form as { project?: object }).project ?? {}), name } };
        const [p] = await tx
          .insert(projects)
          .values({
            campaignId: campaign.id,
            applicantOrgId: org.id,
            recommenderOrgId: template.recommenderOrgId,
            state,
            name,
            direction: template.direction,
            chain: template.chain,
            form,
            version: 3,
            submittedVersion: 1,
            applicationNo: `${template.applicationNo ?? 'SB2026'}-R${seq}`,
            projectNo: formatProjectNo((config as { projectNoFormat?: string }).projectNoFormat, campaign.year, seq++),
            lastReason: state === 'results_returned' ? '效益数据缺少佐证材料' : null,
            submittedAt: template.submittedAt,
            stateChangedAt: ctx.now,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        if (state === 'approved') return;
        const returned = state === 'results_returned';
        const [r] = await tx
          .insert(projectResults)
          .values({
            projectId: p.id,
            report: RESULT(name.replace(/^(降低|提高|缩短)/, '')),
            team: [
              { name: '王磊', role: '项目负责人', employer: unit },
              { name: '赵敏', role: '质量工程师', employer: unit },
            ],
            fieldComments: returned ? { benefits: '经济效益请附财务部门出具的测算说明', effects: '请量化说明攻关前后的对比' } : {},
            returnCount: returned ? 1 : 0,
            submittedAt: ctx.now,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning({ id: projectResults.id });
        await tx.insert(resultBenefits).values([
          { resultId: r.id, position: 1, kind: 'quality_indicator', indicatorName: '关键质量指标', description: '关键质量指标改善', before: '0.65%', after: '0.18%' },
          { resultId: r.id, position: 2, kind: 'economic', description: '减少返工与售后损失', amount: '186.00', unit: '万元' },
        ]);
      };
      // 滨海新区 (covered by the demo reopening): one to try 成果提交 end to end, one awaiting demo_recommender's check.
      await addProject('天津绿源生物制造有限公司', DEMO_RESULT_PROJECT, 'approved');
      await addProject('天津曙光先进计算系统有限公司', '降低服务器主板批量焊接虚焊率', 'results_submitted');
      await addProject('天津智行网联汽车电子有限公司', '提高车载毫米波雷达标定一致性', 'results_returned');
    }
    await recomputeConflicts(tx, { actor: null, clock: { now: () => ctx.now } });
  },
};
