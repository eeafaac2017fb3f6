/**
 * 推荐: submitted → recommended. Requires the written 推荐意见, a complete file (材料完整性),
 * a confirmed 真实性 check and, for an industry quality organisation, the recommender's
 * confirmation of its recognition (program.md §2). Deadline-guarded like the batch it joins.
 */
import { eq } from 'drizzle-orm';
import { MIN_OPINION_LENGTH, type AuthenticityInput } from '../../shared/recommendations';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { assertWindowOpen } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { organisations } from '../db/schema';
import { notify } from '../notifications/notify';
import { missingItems } from './completeness';
import { nextRecommendOrder } from './recommend-order';
import { latestAuthenticity, reviewFacts } from './review-data';
import { loadProjectFor, PROJECT_LABEL } from '../projects/load-project';
import { applyTransition, checkTransition } from '../projects/transition';
import type { ActorContext } from '../context';
import { requireText } from '../http/input';
import { emailsOf, sendEmails } from '../notifications/email';
import { requireRecommender } from '../policy/role-guards';
import type { ProjectRow } from '../projects/load-project';
import { projectLabel, reviewLink } from '../projects/project-label';

export interface RecommendInput {
  version?: number;
  opinion: string;
  authenticity?: AuthenticityInput;
  recognitionConfirmed?: boolean;
}

const refuse = (field: string, msg: string) => new AppError('validation', `recommend: ${field}`, msg, { fields: { [field]: msg } });

export async function applyRecommend(tx: DbOrTx, ctx: ActorContext, row: ProjectRow, input: RecommendInput) {
  const to = checkTransition(row, 'recommend', ctx.actor, { version: input.version });
  const now = ctx.clock.now();
  const facts = await reviewFacts(tx, row);
  await assertWindowOpen(tx, facts.campaign, 'application', now, { organisationId: row.recommenderOrgId, projectId: row.id });

  const missing = missingItems(facts.completeness);
  if (missing.length) throw refuse('completeness', `材料完整性审核未通过，不能推荐。缺少：${missing.join('；')}。请退回申报单位补正`);

  const authenticity = input.authenticity ?? (await latestAuthenticity(tx, row.id));
  if (!authenticity?.confirmed) throw refuse('authenticity', '请先完成真实性核查并确认申报材料真实（真实性核查记录）');

  const recognitionRequired = facts.applicant.subtype === 'industry_org';
  let recognitionJustConfirmed = false;
  if (recognitionRequired && facts.applicant.recognitionStatus !== 'recognised') {
    if (!input.recognitionConfirmed) {
      throw refuse('recognitionConfirmed', '申报单位为行业质量管理专业组织，请先确认其已获行业主管部门认可（行业认可确认）');
    }
    await tx.update(organisations).set({ recognitionStatus: 'recognised', version: facts.applicant.version + 1, updatedAt: now }).where(eq(organisations.id, facts.applicant.id));
    await writeAudit(tx, ctx, { entity: 'organisation', entityId: facts.applicant.id, action: 'confirm_recognition', summary: { name: facts.applicant.name, projectId: row.id } });
    recognitionJustConfirmed = true;
  }

  const order = await nextRecommendOrder(tx, row.recommenderOrgId!, row.campaignId);
  const authRecord = { confirmed: true, notes: authenticity.notes ?? '', siteVisit: authenticity.siteVisit ?? null };
  const updated = await applyTransition(tx, ctx, row, 'recommend', to, {
    set: { recommendationOpinion: input.opinion, recommendOrder: order, lastReason: null },
    review: {
      stage: 'recommendation',
      decision: 'recommend',
      reason: input.opinion,
      checklist: { completeness: facts.completeness, authenticity: authRecord, recognition: recognitionRequired ? 'confirmed' : 'not_needed' },
    },
    audit: { summary: { from: row.state, to, order, name: row.name, opinionLength: Array.from(input.opinion).length, siteVisit: !!authRecord.siteVisit, recognitionJustConfirmed } },
  });
  const title = '申报项目已获推荐';
  const body = `您单位申报的${projectLabel(row)}已通过推荐单位（${ctx.actor.organisationName}）审核并获推荐，将随推荐批次报送市市场监管委。`;
  await notify(tx, now, { organisationId: row.applicantOrgId, title, body, link: reviewLink(row.id) });
  const emails = await emailsOf(tx, [row.applicantOrgId], `【天津市质量攻关】${title}`, body);
  return { updated, emails };
}

export async function recommendApplication(ctx: ActorContext, input: RecommendInput & { id: string }) {
  requireRecommender(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'review', input.id, { forUpdate: true, label: PROJECT_LABEL });
    const opinion = requireText(input.opinion, 'opinion', '推荐意见', MIN_OPINION_LENGTH);
    return applyRecommend(tx, ctx, row, { ...input, opinion });
  });
  await sendEmails(ctx, emails);
  return updated;
}
