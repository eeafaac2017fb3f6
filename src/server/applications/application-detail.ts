/** GET /api/applications/:id — everything the 申报书 page needs in one answer. */
import { and, asc, desc, eq } from 'drizzle-orm';
import { eligibilityChecklist, nameCheck } from '../../domain/eligibility';
import { availableActions, findTransition, PROJECT_STATE_LABELS, type ProjectState } from '../../domain/project-workflow';
import { fieldLabel } from '../../domain/application-form';
import { APPLICATION_ACTION_LABELS, type ApplicationAction, type ApplicationDetail, type DuplicateCheck } from '../../shared/applications';
import type { CampaignConfig } from '../../domain/campaign-config';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import { organisations, projectReviews, projectVersions, users } from '../db/schema';
import { applicantWindow, formForViewer, isOwnApplicant, parseForm, windowInfo } from './application-repository';
import { loadProjectFor, type ProjectRow } from '../projects/load-project';
import { DUPLICATE_INDEX_VIEW_MAX_AGE_MS, findDuplicates, storedDuplicates } from './duplicate-index';
import { EDITABLE_STATES } from './save-draft';
import { ACTED_MESSAGE, recommenderHasActed } from './withdraw-application';

type ActionDto = ApplicationDetail['actions'][number];

async function actionsFor(db: Db, actor: Actor, row: ProjectRow, windowOpen: boolean, windowMessage?: string): Promise<ActionDto[]> {
  const a = (action: ApplicationAction, allowed: boolean, reason?: string): ActionDto => ({ action, label: APPLICATION_ACTION_LABELS[action], allowed, reason: allowed ? undefined : reason });
  const out: ActionDto[] = [];
  const state = row.state as ProjectState;
  if (isOwnApplicant(actor, row)) {
    if ((EDITABLE_STATES as readonly string[]).includes(state)) out.push(a('edit', true), a('check', true));
    if (findTransition('submit', state, 'applicant')) out.push(a('submit', windowOpen, windowMessage));
    if (findTransition('withdraw', state, 'applicant')) {
      const acted = await recommenderHasActed(db, row);
      out.push(a('withdraw', !acted, ACTED_MESSAGE));
    }
    if (findTransition('reopen_draft', state, 'applicant')) out.push(a('reopen_draft', windowOpen, windowMessage));
    if (state === 'draft') out.push(a('delete_draft', row.submittedVersion === 0, '该申报书曾经提交过，不能删除'));
  } else if (actor.role === 'recommender') {
    for (const act of availableActions(state, 'recommender')) {
      if (act === 'return' || act === 'recommend' || act === 'decline') out.push(a(act, true));
    }
  }
  out.push(a('export', true));
  return out;
}

export async function applicationDetail(db: Db, actor: Actor, id: string, now: Date): Promise<ApplicationDetail> {
  const row = await loadProjectFor(db, actor, 'read', id);
  const campaign = await campaignById(db, row.campaignId);
  const config = campaign.config as CampaignConfig;
  const { form, masked } = await formForViewer(db, actor, row);
  const own = isOwnApplicant(actor, row);
  const [applicant] = await db.select().from(organisations).where(eq(organisations.id, row.applicantOrgId));
  const [recommender] = row.recommenderOrgId ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, row.recommenderOrgId)) : [];

  const versions = await db
    .select({ versionNo: projectVersions.versionNo, submittedAt: projectVersions.submittedAt, submittedBy: users.displayName })
    .from(projectVersions)
    .leftJoin(users, eq(users.id, projectVersions.submittedBy))
    .where(eq(projectVersions.projectId, row.id))
    .orderBy(asc(projectVersions.versionNo));

  // While 退回补正: the recommender's per-field comments of its latest return, shown beside the fields.
  const [review] =
    row.state === 'returned'
      ? await db
          .select({ r: projectReviews, orgName: organisations.name })
          .from(projectReviews)
          .leftJoin(organisations, eq(organisations.id, projectReviews.reviewerOrgId))
          .where(and(eq(projectReviews.projectId, row.id), eq(projectReviews.stage, 'recommendation'), eq(projectReviews.decision, 'return')))
          .orderBy(desc(projectReviews.createdAt))
          .limit(1)
      : [];
  const comments = review ? Object.entries((review.r.fieldComments ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v.trim() !== '') : [];

  const editable = (EDITABLE_STATES as readonly string[]).includes(row.state);
  const viewer = { redactOtherApplications: actor.role === 'applicant' };
  let duplicates: DuplicateCheck;
  if (editable && own) {
    const { stored: _stored, ...live } = await findDuplicates(db, { campaignId: campaign.id, config, projectId: row.id, form: parseForm(row.form), viewer, maxAgeMs: DUPLICATE_INDEX_VIEW_MAX_AGE_MS });
    duplicates = live;
  } else {
    duplicates = storedDuplicates(row.duplicateMatches, { config, form, score: row.duplicateScore === null ? null : Number(row.duplicateScore), flagged: row.duplicateFlag, viewer });
  }

  const eligibility = eligibilityChecklist({
    organisation: { uscc: applicant.uscc, nature: applicant.subtype, recognitionStatus: applicant.recognitionStatus, hasRecognitionEvidence: !!applicant.recognitionFileId },
    form,
    earliestStartDate: config.earliestStartDate,
    duplicate: { topScore: duplicates.topScore, flagThreshold: config.duplicate.flagThreshold, topName: duplicates.matches[0]?.name },
  });
  const win = windowInfo(await applicantWindow(db, campaign, now, row));

  return {
    id: row.id,
    campaignId: row.campaignId,
    campaignYear: campaign.year,
    state: row.state,
    stateLabel: PROJECT_STATE_LABELS[row.state],
    version: row.version,
    submittedVersion: row.submittedVersion,
    applicationNo: row.applicationNo,
    projectNo: row.projectNo,
    name: form.project?.name ?? row.name,
    direction: (form.project?.direction ?? null) as ApplicationDetail['direction'],
    applicant: { id: applicant.id, name: applicant.name },
    recommender: recommender ?? null,
    form,
    idNumbersMasked: masked,
    actions: await actionsFor(db, actor, row, win.open, win.message),
    reviewComments: comments.map(([path, comment]) => ({
      path,
      label: fieldLabel(path),
      comment: comment as string,
      reviewerOrgName: review!.orgName,
      at: review!.r.createdAt.toISOString(),
    })),
    lastReason: row.lastReason,
    versions: versions.map((v) => ({ versionNo: v.versionNo, submittedAt: v.submittedAt.toISOString(), submittedBy: v.submittedBy })),
    duplicates,
    duplicateFlag: row.duplicateFlag,
    eligibility,
    naming: nameCheck(form, config.namingRules),
    window: win,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}
