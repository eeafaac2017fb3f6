/**
 * Demo data for 程序八–九 (公示公布, 宣传推广), only in an installation seeded after the 2026 results
 * deadline (the real demo on 2026-12-04; the April test template stays untouched):
 *   - 第一批: a 公示 (16–20 Nov 2026) closed and published: three projects 已认定（优秀成果）, their
 *     公示名单 and 认定结果 publications, one objection concluded 不成立, showcase entries approved.
 *     Certificates are left for the commission to issue (证书发放).
 *   - 第二批: a 公示 (23–27 Nov) whose period is over, no objection, awaiting the commission's 公布.
 *   - 第三批: a 公示 open now (2 Dec, 5 working days → 8 Dec) with two projects and one objection
 *     received.
 *   - one evaluated, adopted project left as a candidate for a new 公示.
 * Input: evaluated projects whose outcome the commission adopted (程序七's seed makes them once
 * merged). SEED-ONLY SHORTCUT: when there are fewer than seven, NEW 2026 projects (cloned from
 * approved ones of other units; the seeded plan and its projects stay as they are, other areas'
 * demos use them) are put straight into `evaluated` with an accepted result and an adopted
 * evaluation outcome, so that every state is visible without walking 程序六–七 in the seed.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { publicityPeriod } from '../../domain/publicity';
import type { CampaignConfig } from '../../domain/campaign-config';
import type { DbOrTx } from '../db/client';
import { formatProjectNo } from '../../domain/project-number';
import { campaigns, evaluationGroups, evaluationOutcomes, exchangeConferences, objections, organisations, projectResults, projects, publications, publicityWindows, resultBenefits, showcaseEntries, users } from '../db/schema';
import { createShowcaseDrafts } from '../promotion/showcase-drafts';
import { listRows, projectsWithOutcomes, seriesOf } from '../publicity/publicity-repository';
import { DEMO_USERNAMES } from './accounts';
import type { SeedArea } from './seed-registry';

const REPORT = (name: string) => ({
  summary: `围绕“${name}”开展质量攻关，运用PDCA循环、鱼骨图和DOE方法识别关键因素，完成全部攻关任务。`,
  problem: '关键质量特性批次波动大，返工和售后损失较高。',
  measures: '成立跨部门攻关小组，优化关键工艺参数，导入SPC过程监控和防错装置。',
  effects: '关键质量指标达到攻关目标并连续三个月保持稳定，年减少质量损失超过百万元。',
  innovation: '形成作业指导书和企业标准各1项，可在同行业推广应用。',
});

/** The demo results of the seed shortcut (new projects; the seeded plan's projects stay as they are). */
const SHORTCUT_NAMES = [
  '降低汽车座椅骨架焊接飞溅缺陷率',
  '提高锂电池极片涂布面密度一致性',
  '降低光纤预制棒气泡缺陷率',
  '提高医用导管挤出尺寸合格率',
  '降低商用车制动鼓铸造气孔率',
  '提高预制混凝土构件尺寸精度',
  '降低乳制品灌装封口不良率',
];
/** Units whose demo projects other areas' demo and browser tests use: not cloned here (nor the demo applicant's or demo recommender's). */
const KEEP_OUT = ['天津绿源生物制造有限公司', '天津曙光先进计算系统有限公司', '天津智行网联汽车电子有限公司'];

/**
 * SEED-ONLY SHORTCUT (see the header): `n` NEW projects, each cloned from an approved project of a
 * different unit (not the demo applicant's), put straight into `evaluated` with an accepted result
 * and an adopted, proposed evaluation outcome.
 */
async function shortcutEvaluated(tx: DbOrTx, campaign: { id: string; year: number; config: unknown }, n: number, now: Date) {
  if (n <= 0) return;
  const [demoUser] = await tx.select({ org: users.organisationId }).from(users).where(eq(users.username, DEMO_USERNAMES.applicant));
  const [demoRecommender] = await tx.select({ org: users.organisationId }).from(users).where(eq(users.username, DEMO_USERNAMES.recommender));
  const approved = await tx
    .select({ p: projects, unit: organisations.name })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'approved'), isNull(projects.deletedAt), isNotNull(projects.projectNo)))
    .orderBy(asc(projects.projectNo));
  const seen = new Set<string>();
  const templates = approved.filter(({ p, unit }) => {
    if (p.applicantOrgId === demoUser?.org || p.recommenderOrgId === demoRecommender?.org || KEEP_OUT.includes(unit) || seen.has(p.applicantOrgId)) return false;
    seen.add(p.applicantOrgId);
    return true;
  });
  if (!templates.length) return;
  const [group] = await tx.insert(evaluationGroups).values({ campaignId: campaign.id, field: '综合评定组', state: 'adopted', createdAt: now }).returning();
  for (let i = 0; i < Math.min(n, SHORTCUT_NAMES.length); i++) {
    const { p: template } = templates[i % templates.length];
    const name = SHORTCUT_NAMES[i];
    const form = { ...(template.form as Record<string, unknown>), project: { ...((template.form as { project?: object }).project ?? {}), name } };
    const [p] = await tx
      .insert(projects)
      .values({
        campaignId: campaign.id,
        applicantOrgId: template.applicantOrgId,
        recommenderOrgId: template.recommenderOrgId,
        state: 'evaluated',
        name,
        direction: template.direction,
        chain: template.chain,
        form,
        version: 6,
        submittedVersion: 1,
        applicationNo: `${template.applicationNo ?? 'SB2026'}-E${70 + i}`,
        projectNo: formatProjectNo((campaign.config as { projectNoFormat?: string }).projectNoFormat, campaign.year, 70 + i),
        submittedAt: template.submittedAt,
        stateChangedAt: now,
        createdAt: template.createdAt,
        updatedAt: now,
      })
      .returning();
    const [r] = await tx
      .insert(projectResults)
      .values({ projectId: p.id, report: REPORT(name), reviewState: 'accepted', submittedAt: now, acceptedAt: now, forwardedAt: now, createdAt: now, updatedAt: now })
      .returning({ id: projectResults.id });
    await tx.insert(resultBenefits).values([
      { resultId: r.id, position: 1, kind: 'quality_indicator', indicatorName: '关键质量指标', description: '关键质量指标不良率', before: '0.82%', after: '0.21%' },
      { resultId: r.id, position: 2, kind: 'economic', description: '减少返工与售后损失', amount: '126.00', unit: '万元' },
    ]);
    await tx.insert(evaluationOutcomes).values({
      projectId: p.id,
      groupId: group.id,
      campaignId: campaign.id,
      score: String(93 - i),
      level: i < 5 ? 'excellent' : 'good',
      proposed: true,
      opinion: '攻关目标明确，技术路线合理，成效数据翔实，建议认定为优秀成果。',
      expertCount: 5,
      adoptedAt: now,
      createdAt: now,
    });
  }
}

export const publicitySeed: SeedArea = {
  name: 'publicity',
  async run(tx: DbOrTx, ctx) {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.year, 2026));
    if (!campaign) return;
    const config = campaign.config as CampaignConfig;
    if (ctx.now.getTime() <= Date.parse(config.windows.results.closesAt)) return;
    const at = (iso: string) => new Date(iso);
    const adoptedEvaluated = async () =>
      (await projectsWithOutcomes(tx, and(eq(projects.campaignId, campaign.id), eq(projects.state, 'evaluated'), isNotNull(evaluationOutcomes.adoptedAt)))).filter((p) => p.proposed);
    let pool = await adoptedEvaluated();
    if (pool.length < 7) {
      await shortcutEvaluated(tx, campaign, 7 - pool.length, at('2026-11-10T10:00:00+08:00'));
      pool = await adoptedEvaluated();
    }
    if (pool.length < 4) return;
    const [commission] = await tx.select({ id: users.id }).from(users).where(eq(users.username, DEMO_USERNAMES.commission));
    // 第一批 published, 第二批 closed awaiting 公布, 第三批 open now; one candidate left for a new 公示.
    const first = pool.slice(0, Math.max(1, pool.length - 4));
    const waiting = pool.slice(first.length, first.length + 1);
    const second = pool.slice(first.length + 1, first.length + 3);
    const days = config.publicityWorkingDays ?? 5;

    /** One 公示 window opened on `opensOn` 09:00 with its 公示名单 (version 1); its projects in publicity. */
    const openWindow = async (batch: string, documentNo: string, opensOn: string, listed: typeof pool, state: 'open' | 'closed' | 'published', extra: Partial<typeof publicityWindows.$inferInsert> = {}) => {
      const period = publicityPeriod(opensOn, days, config.calendar);
      const openedAt = at(`${opensOn}T09:00:00+08:00`);
      const ended = ctx.now.getTime() > Date.parse(`${period.closesOn}T23:59:59.999+08:00`);
      const [w] = await tx
        .insert(publicityWindows)
        .values({ campaignId: campaign.id, title: `2026年度天津市质量攻关优秀成果公示（${batch}）`, documentNo, ...period, state: state === 'open' && ended ? 'closed' : state, projectIds: listed.map((p) => p.projectId), openedBy: commission?.id, createdAt: openedAt, closedAt: state === 'open' ? null : at(`${period.closesOn}T16:00:00Z`), ...extra })
        .returning();
      await tx.insert(publications).values({ campaignId: campaign.id, kind: 'publicity_list', series: seriesOf(w.id), version: 1, title: w.title, documentNo, publishedOn: opensOn, rows: listRows(listed), publishedBy: commission?.id, publishedAt: openedAt });
      await tx.update(projects).set({ state: 'in_publicity', stateChangedAt: openedAt }).where(inArray(projects.id, listed.map((p) => p.projectId)));
      return w;
    };

    // 第一批: 公示 closed and 公布 published.
    const recognisedAt = at('2026-11-24T10:00:00+08:00');
    const w1 = await openWindow('第一批', '津市场监管质发〔2026〕31号', '2026-11-16', first, 'published', { publishedAt: recognisedAt, publishedBy: commission?.id, version: 3 });
    await tx.insert(publications).values({ campaignId: campaign.id, kind: 'recognition_result', series: seriesOf(w1.id), version: 1, title: '2026年度天津市质量攻关优秀成果认定结果（第一批）', documentNo: '津市场监管质发〔2026〕35号', publishedOn: '2026-11-24', rows: listRows(first), publishedBy: commission?.id, publishedAt: recognisedAt });
    await tx.update(projects).set({ state: 'recognised', stateChangedAt: recognisedAt }).where(inArray(projects.id, first.map((p) => p.projectId)));
    await tx.insert(objections).values({
      publicityId: w1.id,
      projectId: first[0].projectId,
      objectorName: '刘振华',
      objectorKind: 'person',
      contact: '13602151234',
      content: '该项目成果报告中的不良率下降数据与企业对外宣传材料不一致，请核实数据来源。',
      state: 'concluded',
      outcome: 'not_upheld',
      assignee: '质量发展处 张伟',
      reply: '经调取企业质量月报和第三方检测报告核实，成果报告数据真实，宣传材料口径不同，异议不成立。',
      createdAt: at('2026-11-18T14:20:00+08:00'),
      concludedAt: at('2026-11-23T16:00:00+08:00'),
      concludedBy: commission?.id,
      version: 3,
    });
    await createShowcaseDrafts(tx, { clock: { now: () => recognisedAt } }, first.map((p) => p.projectId));
    await tx.update(showcaseEntries).set({ state: 'approved', approvedAt: at('2026-11-27T15:00:00+08:00'), approvedBy: commission?.id, version: 2 }).where(inArray(showcaseEntries.projectId, first.map((p) => p.projectId)));

    // 第二批: 公示 period over without objection, awaiting the commission's 公布.
    await openWindow('第二批', '津市场监管质发〔2026〕33号', '2026-11-23', waiting, 'closed', { version: 2 });

    // 第三批: 公示 open now, one objection received.
    const w2 = await openWindow('第三批', '津市场监管质发〔2026〕38号', '2026-12-02', second, 'open');
    await tx.insert(objections).values({
      publicityId: w2.id,
      projectId: second[0].projectId,
      objectorName: '天津市滨海质量技术服务有限公司',
      objectorKind: 'organisation',
      contact: '022-66201234',
      content: '我单位曾参与该项目部分检测工作，成果报告所列的攻关后合格率与我单位出具的检测报告数值不符，请予核实。',
      createdAt: at('2026-12-03T10:30:00+08:00'),
    });
    // 宣传推广: the year's 经验交流会, announced on the 优秀成果 page.
    await tx.insert(exchangeConferences).values({ campaignId: campaign.id, title: '2026年度天津市质量攻关优秀成果经验交流会', heldOn: '2026-12-18', place: '天津市市场监督管理委员会（河西区友谊路）第一会议室', description: '第一批优秀成果承担单位介绍攻关经验，各区市场监管局、行业协会参加。', createdBy: commission?.id, createdAt: recognisedAt });
  },
};
