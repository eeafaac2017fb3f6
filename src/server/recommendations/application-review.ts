/** The review view of one application for its recommender (GET /api/recommender/applications/:id). */
import { asc, eq } from 'drizzle-orm';
import { ACTION_LABELS, PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { ATTACHMENT_KIND_LABELS, fieldLabel, type AttachmentKind } from '../../domain/application-form';
import type { ApplicationReview } from '../../shared/recommendations';
import { REVIEW_DECISION_LABELS } from '../../shared/recommendations';
import { windowFor } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { maskIdNumber } from '../documents/format';
import { organisations, projectReviews, projectVersions, recommendationBatches, users } from '../db/schema';
import { missingItems } from './completeness';
import { latestAuthenticity, reviewFacts } from './review-data';
import { loadProjectFor, PROJECT_LABEL } from '../projects/load-project';
import type { ActorContext } from '../context';
import { requireRecommender } from '../policy/role-guards';

export async function applicationReview(ctx: ActorContext, id: string): Promise<ApplicationReview> {
  requireRecommender(ctx.actor);
  const db = ctx.database.db;
  const row = await loadProjectFor(db, ctx.actor, 'review', id, { label: PROJECT_LABEL });
  const facts = await reviewFacts(db, row);
  const [reviews, versions, authenticity, window, batch] = await Promise.all([
    db
      .select({ r: projectReviews, reviewerName: users.displayName, orgName: organisations.name })
      .from(projectReviews)
      .leftJoin(users, eq(users.id, projectReviews.reviewerId))
      .leftJoin(organisations, eq(organisations.id, projectReviews.reviewerOrgId))
      .where(eq(projectReviews.projectId, row.id))
      .orderBy(asc(projectReviews.createdAt)),
    db.select().from(projectVersions).where(eq(projectVersions.projectId, row.id)).orderBy(asc(projectVersions.versionNo)),
    latestAuthenticity(db, row.id),
    windowFor(db, facts.campaign, 'application', ctx.clock.now(), { organisationId: row.recommenderOrgId, projectId: row.id }),
    row.batchId ? db.select().from(recommendationBatches).where(eq(recommendationBatches.id, row.batchId)) : Promise.resolve([]),
  ]);

  // ID numbers never leave the server unmasked (issue 4).
  const form = { ...facts.form, team: (facts.form.team ?? []).map((m) => ({ ...m, idNumber: m.idNumber ? maskIdNumber(m.idNumber) : m.idNumber })) };
  const state = row.state as ProjectState;
  const missing = missingItems(facts.completeness);
  const recognitionRequired = facts.applicant.subtype === 'industry_org';
  const inSentBatch = batch.some((b) => b.state === 'sent' || b.state === 'received');

  const actions: ApplicationReview['actions'] = [
    { action: 'return', label: ACTION_LABELS.return, allowed: state === 'submitted', reasons: state === 'submitted' ? [] : [`当前状态为“${PROJECT_STATE_LABELS[state]}”`] },
    { action: 'decline', label: ACTION_LABELS.decline, allowed: state === 'submitted', reasons: state === 'submitted' ? [] : [`当前状态为“${PROJECT_STATE_LABELS[state]}”`] },
    (() => {
      const reasons: string[] = [];
      if (state !== 'submitted') reasons.push(`当前状态为“${PROJECT_STATE_LABELS[state]}”`);
      if (!window.open) reasons.push('项目申报（推荐单位报送）已截止');
      if (missing.length) reasons.push(`材料完整性未通过：${missing.join('；')}`);
      if (!authenticity?.confirmed) reasons.push('尚未确认申报材料真实性');
      if (recognitionRequired && facts.applicant.recognitionStatus !== 'recognised') reasons.push('需确认行业质量管理专业组织已获行业主管部门认可（推荐时一并确认）');
      // The authenticity and recognition confirmations can be given with the recommend request itself.
      const blocking = reasons.filter((r) => !r.startsWith('尚未确认') && !r.startsWith('需确认'));
      return { action: 'recommend' as const, label: ACTION_LABELS.recommend, allowed: blocking.length === 0, reasons };
    })(),
    {
      action: 'unrecommend',
      label: ACTION_LABELS.unrecommend,
      allowed: state === 'recommended' && !inSentBatch,
      reasons: state !== 'recommended' ? [`当前状态为“${PROJECT_STATE_LABELS[state]}”`] : inSentBatch ? ['已随推荐批次报送'] : [],
    },
  ];

  return {
    project: {
      id: row.id,
      applicationNo: row.applicationNo,
      projectNo: row.projectNo,
      name: row.name,
      state,
      stateLabel: PROJECT_STATE_LABELS[state],
      version: row.version,
      submittedVersion: row.submittedVersion,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      recommendOrder: row.recommendOrder,
      recommendationOpinion: row.recommendationOpinion,
      lastReason: row.lastReason,
      batchId: row.batchId,
      campaignYear: facts.campaign.year,
    },
    applicant: {
      id: facts.applicant.id,
      name: facts.applicant.name,
      kind: facts.applicant.subtype,
      uscc: facts.applicant.uscc,
      district: facts.applicant.district,
      contactName: facts.applicant.contactName,
      contactPhone: facts.applicant.contactPhone,
      recognitionRequired,
      recognitionStatus: facts.applicant.recognitionStatus,
    },
    form: form as unknown as Record<string, unknown>,
    eligibility: (row.eligibility ?? {}) as Record<string, unknown>,
    duplicate: {
      score: row.duplicateScore === null ? null : Number(row.duplicateScore),
      flag: row.duplicateFlag,
      matches: Array.isArray(row.duplicateMatches) ? (row.duplicateMatches as unknown[]) : [],
      explanation: facts.form.duplicateExplanation ?? null,
    },
    attachments: (facts.form.attachments ?? []).map((a) => {
      const f = facts.files.get(a.fileId);
      return {
        kind: a.kind,
        kindLabel: ATTACHMENT_KIND_LABELS[a.kind as AttachmentKind] ?? a.kind,
        fileId: a.fileId,
        fileName: a.fileName,
        size: f?.size ?? a.size ?? null,
        available: !!f,
        mime: f?.mime ?? null,
      };
    }),
    completeness: facts.completeness,
    authenticity,
    reviews: reviews.map(({ r, reviewerName, orgName }) => ({
      id: r.id,
      stage: r.stage,
      decision: r.decision,
      decisionLabel: REVIEW_DECISION_LABELS[r.decision] ?? r.decision,
      reason: r.reason,
      fieldComments: Object.entries((r.fieldComments ?? {}) as Record<string, string>).map(([path, comment]) => ({ path, label: fieldLabel(path), comment })),
      versionNo: r.versionNo,
      reviewerName,
      reviewerOrgName: orgName,
      createdAt: r.createdAt.toISOString(),
    })),
    versions: versions.map((v) => ({ versionNo: v.versionNo, submittedAt: v.submittedAt.toISOString() })),
    actions,
  };
}
