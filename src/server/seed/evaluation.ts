/**
 * Demo data for 成果评定 (程序七), only in an installation seeded after the 2026 results deadline (a
 * real demo; the April test template is untouched). The seeded plan's approved projects are left as
 * they are (other demos use them; the lapse job lapses those never forwarded): seven NEW 2026
 * projects with a forwarded result (results_received), cloned from their unit's first application:
 *   - 先进计算 (3): a group concluded and adopted — projects 已评定 with outcomes, two proposed for 优秀成果;
 *   - 协作机器人 (2): a group scoring — demo_expert's tasks wait for its acceptance and 回避声明, the
 *     other experts have submitted on the first project and are still scoring the second;
 *   - 智能网联汽车 (2): results received, not yet in a group (to try forming one).
 * Groups are drawn with the platform's own draw (src/domain/evaluation.ts) from fixed seeds.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { aggregateScores, criteriaItems, drawOrder, type EvaluationCriteria } from '../../domain/evaluation';
import { formatProjectNo } from '../../domain/project-number';
import { shanghaiDateString } from '../../domain/shanghai-time';
import type { CampaignConfig } from '../../domain/campaign-config';
import { evaluationCriteriaOf } from '../../shared/evaluation';
import type { DbOrTx } from '../db/client';
import { campaigns, evaluationGroups, evaluationOutcomes, expertConflicts, expertProfiles, expertTasks, organisations, projectResults, projects, resultBenefits, users } from '../db/schema';
import { recomputeConflicts } from '../experts/conflicts';
import { DEMO_USERNAMES } from './accounts';
import type { SeedArea } from './seed-registry';

const DAY = 86_400_000;

interface Spec {
  unit: string;
  name: string;
  chain: string;
}
const ADOPTED: Spec[] = [
  { unit: '天津曙光先进计算系统有限公司', name: '提高液冷计算节点冷板焊接密封合格率', chain: '先进计算' },
  { unit: '天津信创服务器制造有限公司', name: '降低服务器电源模块早期失效率', chain: '先进计算' },
  { unit: '天津西青电子元器件有限公司', name: '降低服务器主板用贴片电容失效率', chain: '先进计算' },
];
const SCORING: Spec[] = [
  { unit: '天津津沽智能装备制造有限公司', name: '提高协作机器人关节模组装配一致性', chain: '协作机器人' },
  { unit: '天津渤海精密减速器有限公司', name: '降低谐波减速器柔轮早期疲劳失效率', chain: '协作机器人' },
];
const WAITING: Spec[] = [
  { unit: '天津港湾汽车零部件股份有限公司', name: '降低线束连接器端子退针不良率', chain: '智能网联汽车' },
  { unit: '天津车联测试技术服务有限公司', name: '提高车载通信模块射频测试一致性', chain: '智能网联汽车' },
];
/** The 协作机器人 project whose other experts have all submitted: demo_expert's score completes it. */
export const DEMO_EVALUATION_PROJECT = SCORING[0].name;
/** The field whose received results wait for a group. */
export const DEMO_EVALUATION_FIELD = WAITING[0].chain;

const OPINIONS = [
  '成果选题聚焦具体质量问题，现状调查数据充分，要因确认有试验支撑，对策实施到位，效果经三个月以上验证稳定，具备推广价值。',
  '攻关过程规范运用PDCA循环和质量工具，关键质量指标改善明显，经济效益测算依据较充分，标准化措施已落实。',
  '成果目标基本实现，原因分析较为透彻；效益数据佐证材料略显不足，建议补充第三方检测报告后推广应用。',
];

/** A score sheet at `fraction` of every item's maximum, varied per expert by a small fixed offset (one decimal). */
function sheet(c: EvaluationCriteria, fraction: number, expertIndex: number, opinion: string) {
  const offset = [0, 0.03, -0.02, 0.05, -0.04][expertIndex % 5];
  const items = Object.fromEntries(criteriaItems(c).map((i) => [i.id, Math.max(0, Math.min(i.max, Math.round(i.max * (fraction + offset) * 10) / 10))]));
  return { items, vetoes: [] as string[], opinion };
}

export const evaluationSeed: SeedArea = {
  name: 'evaluation',
  async run(tx: DbOrTx, ctx) {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.year, 2026));
    if (!campaign) return;
    const config = campaign.config as CampaignConfig;
    if (ctx.now.getTime() <= Date.parse(config.windows.results.closesAt)) return;
    const criteria = evaluationCriteriaOf(config);
    const at = (daysAgo: number) => new Date(ctx.now.getTime() - daysAgo * DAY);

    let seq = 120;
    const received = async (spec: Spec) => {
      const [org] = await tx.select().from(organisations).where(eq(organisations.name, spec.unit));
      if (!org) return null;
      // The unit's first application, else the campaign's first one with this unit's name and code.
      const [own] = await tx.select().from(projects).where(eq(projects.applicantOrgId, org.id)).orderBy(asc(projects.createdAt)).limit(1);
      const [template] = own ? [own] : await tx.select().from(projects).where(and(eq(projects.campaignId, campaign.id), isNotNull(projects.applicationNo))).orderBy(asc(projects.createdAt)).limit(1);
      if (!template) return null;
      const base = template.form as { project?: Record<string, unknown>; unit?: Record<string, unknown> } & Record<string, unknown>;
      const form = own ? base : { ...base, unit: { ...(base.unit ?? {}), name: org.name, uscc: org.uscc } };
      const n = seq++;
      const [p] = await tx
        .insert(projects)
        .values({
          campaignId: campaign.id,
          applicantOrgId: org.id,
          recommenderOrgId: own ? template.recommenderOrgId : (org.defaultRecommenderId ?? template.recommenderOrgId),
          state: 'results_received',
          name: spec.name,
          direction: template.direction,
          chain: spec.chain,
          form: { ...form, project: { ...(form.project ?? {}), name: spec.name, chain: spec.chain } },
          version: 5,
          submittedVersion: 1,
          applicationNo: `${template.applicationNo ?? 'SB2026'}-E${n}`,
          projectNo: formatProjectNo(config.projectNoFormat, campaign.year, n),
          submittedAt: template.submittedAt,
          stateChangedAt: at(66),
          createdAt: at(240),
          updatedAt: at(66),
        })
        .returning();
      const subject = spec.name.replace(/^(降低|提高)/, '');
      const [r] = await tx
        .insert(projectResults)
        .values({
          projectId: p.id,
          report: {
            summary: `围绕${subject}开展质量攻关，运用PDCA循环组织实施，已完成全部攻关任务。`,
            problem: `${subject}长期存在批次波动，影响交付质量和顾客满意度。`,
            measures: '成立跨部门攻关小组，运用鱼骨图和DOE识别关键因素，优化工艺参数并导入SPC过程监控。',
            effects: '关键质量指标达到攻关目标，连续三个月保持稳定。',
            innovation: '形成作业指导书和企业标准各1项，可在同类企业推广。',
          },
          team: [
            { name: '刘振宇', role: '项目负责人', employer: spec.unit },
            { name: '孙雅琴', role: '质量工程师', employer: spec.unit },
          ],
          reviewState: 'accepted',
          submittedAt: at(75),
          acceptedAt: at(70),
          forwardedAt: at(66),
          createdAt: at(75),
          updatedAt: at(66),
        })
        .returning({ id: projectResults.id });
      await tx.insert(resultBenefits).values([
        { resultId: r.id, position: 1, kind: 'quality_indicator', indicatorName: '关键质量指标', description: '关键质量指标改善', before: '1.20%', after: '0.35%' },
        { resultId: r.id, position: 2, kind: 'economic', description: '减少返工、报废与售后损失', amount: '238.00', unit: '万元' },
      ]);
      return p;
    };
    const made = async (specs: Spec[]) => {
      const out = [];
      for (const spec of specs) {
        const p = await received(spec);
        if (p) out.push(p);
      }
      return out;
    };
    const adopted = await made(ADOPTED);
    const scoring = await made(SCORING);
    await made(WAITING);
    const ids = [...adopted, ...scoring].map((p) => p.id);
    if (!ids.length) return;
    const sys = { actor: null, clock: { now: () => ctx.now } };
    await recomputeConflicts(tx, sys, { projectIds: ids });

    const experts = await tx.select({ id: users.id, username: users.username, fields: expertProfiles.fields, status: expertProfiles.status }).from(users).innerJoin(expertProfiles, eq(expertProfiles.userId, users.id)).where(eq(users.role, 'expert'));
    const pool = experts.map((e) => ({ id: e.id, fields: (e.fields as string[]) ?? [], active: e.status === 'active' }));
    const demoExpert = experts.find((e) => e.username === DEMO_USERNAMES.expert);
    const draw = async (field: string, projectIds: string[], mustInclude?: string) => {
      const conflicts = await tx.select({ expertId: expertConflicts.expertUserId, projectId: expertConflicts.projectId, decision: expertConflicts.decision }).from(expertConflicts).where(inArray(expertConflicts.projectId, projectIds));
      for (let i = 1; i <= 50; i++) {
        const seed = `DEMO-2026-${field}-${String(i).padStart(3, '0')}`;
        const members = drawOrder({ seed, field, pool, projectIds, conflicts, criteria }).slice(0, criteria.groupSize);
        if (!mustInclude || members.includes(mustInclude)) return { members, hash: createHash('sha256').update(seed, 'utf8').digest('hex') };
      }
      return null;
    };
    const commissioner = (await tx.select({ id: users.id }).from(users).where(eq(users.username, DEMO_USERNAMES.commission)))[0]?.id ?? null;

    // 先进计算: concluded and adopted.
    if (adopted.length) {
      const d = await draw('先进计算', adopted.map((p) => p.id));
      if (d) {
        const [g] = await tx
          .insert(evaluationGroups)
          .values({ campaignId: campaign.id, field: '先进计算', state: 'adopted', drawSeedHash: d.hash, projectIds: adopted.map((p) => p.id), members: d.members, deadline: shanghaiDateString(at(20)), createdBy: commissioner, createdAt: at(45), committedAt: at(44), concludedAt: at(12), adoptedAt: at(10), updatedAt: at(10), version: 6 })
          .returning();
        const fractions = [0.9, 0.87, 0.78];
        for (const [pi, p] of adopted.entries()) {
          const sheets = d.members.map((_, ei) => sheet(criteria, fractions[pi % 3], ei, OPINIONS[pi % 3]));
          await tx.insert(expertTasks).values(
            d.members.map((expertUserId, ei) => ({
              groupId: g.id,
              expertUserId,
              projectId: p.id,
              state: 'submitted' as const,
              conflict: { kind: 'none', at: at(42).toISOString() },
              scores: { ...sheets[ei], savedAt: at(25 - ei).toISOString() },
              submittedAt: at(25 - ei),
              respondedAt: at(43),
              version: 4,
              createdAt: at(44),
              updatedAt: at(25 - ei),
            })),
          );
          const agg = aggregateScores(criteria, sheets);
          await tx.insert(evaluationOutcomes).values({
            projectId: p.id,
            groupId: g.id,
            campaignId: campaign.id,
            score: agg.score.toFixed(2),
            level: agg.level,
            vetoed: agg.vetoed,
            proposed: agg.level === 'excellent',
            opinion: agg.level === 'excellent' ? `评定组认为：${OPINIONS[pi % 3]}同意推荐认定为优秀成果。` : `评定组认为：${OPINIONS[pi % 3]}`,
            expertCount: agg.expertCount,
            adoptedAt: at(10),
            version: 2,
            createdAt: at(12),
          });
          await tx.update(projects).set({ state: 'evaluated', evaluationLevel: agg.level, evaluationScore: agg.score.toFixed(2), version: p.version + 3, stateChangedAt: at(12), updatedAt: at(10) }).where(eq(projects.id, p.id));
        }
      }
    }

    // 协作机器人: scoring; demo_expert's tasks wait for its acceptance and 回避声明.
    if (scoring.length && demoExpert) {
      const d = await draw('协作机器人', scoring.map((p) => p.id), demoExpert.id);
      if (d) {
        const [g] = await tx
          .insert(evaluationGroups)
          .values({ campaignId: campaign.id, field: '协作机器人', state: 'scoring', drawSeedHash: d.hash, projectIds: scoring.map((p) => p.id), members: d.members, deadline: shanghaiDateString(new Date(ctx.now.getTime() + 14 * DAY)), createdBy: commissioner, createdAt: at(6), committedAt: at(5), updatedAt: at(3), version: 2 })
          .returning();
        for (const [pi, p] of scoring.entries()) {
          await tx.insert(expertTasks).values(
            d.members.map((expertUserId, ei) => {
              const base = { groupId: g.id, expertUserId, projectId: p.id, createdAt: at(5), updatedAt: at(3) };
              if (expertUserId === demoExpert.id) return { ...base, state: 'invited' as const };
              const done = pi === 0 || ei % 2 === 0;
              const s = sheet(criteria, 0.86, ei, OPINIONS[ei % 3]);
              return done
                ? { ...base, state: 'submitted' as const, conflict: { kind: 'none', at: at(4).toISOString() }, scores: { ...s, savedAt: at(3).toISOString() }, submittedAt: at(3), respondedAt: at(4), version: 4 }
                : { ...base, state: 'scoring' as const, conflict: { kind: 'none', at: at(4).toISOString() }, respondedAt: at(4), version: 3 };
            }),
          );
          await tx.update(projects).set({ state: 'in_evaluation', version: p.version + 1, stateChangedAt: at(5), updatedAt: at(5) }).where(and(eq(projects.id, p.id)));
        }
      }
    }
  },
};
