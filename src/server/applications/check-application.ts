/**
 * The submit checklist without submitting (POST /api/applications/:id/check) — and the exact
 * checks a submit runs: field completeness (domain `submitIssues`), naming rules of the campaign,
 * the 申报条件 checklist, the duplicate check and the application window.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { eligibilityChecklist, nameCheck, submitIssues, type FieldIssue } from '../../domain/eligibility';
import type { ApplicationForm } from '../../domain/application-form';
import type { ApplicationCheck, DuplicateMatch } from '../../shared/applications';
import type { CampaignConfig } from '../../domain/campaign-config';
import type { CampaignRow } from '../campaigns/campaign-repository';
import type { Db } from '../db/client';
import { files, organisations } from '../db/schema';
import { applicantWindow, windowInfo, type ProjectRow } from './application-repository';
import { findDuplicates, type DuplicateViewer } from './duplicate-index';

export interface CheckOutcome extends ApplicationCheck {
  /** Blocking problems other than the window (errors and blocking eligibility failures). */
  blockingFields: Record<string, string>;
  /** Unredacted matches, for storing on the project at submit. */
  storedMatches: DuplicateMatch[];
}

function addField(fields: Record<string, string>, path: string, message: string) {
  fields[path] = fields[path] ? `${fields[path]}；${message}` : message;
}

export async function runApplicationChecks(
  db: Db,
  input: { campaign: CampaignRow; row: ProjectRow; form: ApplicationForm; viewer: DuplicateViewer; now: Date },
): Promise<CheckOutcome> {
  const { campaign, row, form } = input;
  const config = campaign.config as CampaignConfig;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, row.applicantOrgId));

  const fileIds = [...new Set((form.attachments ?? []).map((a) => a.fileId))];
  const found = fileIds.length
    ? await db.select({ id: files.id }).from(files).where(and(inArray(files.id, fileIds), eq(files.ownerOrgId, row.applicantOrgId)))
    : [];
  const foundSet = new Set(found.map((f) => f.id));
  const missingFileIds = fileIds.filter((id) => !foundSet.has(id));

  const fieldIssues: FieldIssue[] = submitIssues(form, {
    earliestStartDate: config.earliestStartDate,
    vetoChecklist: config.vetoChecklist,
    focusChains: config.focusChains,
    livelihoodIndustries: config.livelihoodIndustries,
    allowOtherChain: config.allowOtherChain,
    namingRules: config.namingRules,
    missingFileIds,
  });
  if (!row.recommenderOrgId) {
    fieldIssues.unshift({ path: 'recommenderOrgId', label: '推荐单位', message: '推荐单位为必填项，请选择向哪个推荐单位申报', severity: 'error' });
  }

  const duplicates = await findDuplicates(db, { campaignId: campaign.id, config, projectId: row.id, form, viewer: input.viewer });
  const eligibility = eligibilityChecklist({
    organisation: { uscc: org?.uscc, nature: org?.subtype, recognitionStatus: org?.recognitionStatus ?? 'not_needed', hasRecognitionEvidence: !!org?.recognitionFileId },
    form,
    earliestStartDate: config.earliestStartDate,
    duplicate: { topScore: duplicates.topScore, flagThreshold: config.duplicate.flagThreshold, topName: duplicates.matches[0]?.name },
  });

  const blockingFields: Record<string, string> = {};
  for (const i of fieldIssues) if (i.severity === 'error') addField(blockingFields, i.path, i.message);
  // Benefit and start date failures are already field errors; registration is about the unit itself.
  for (const e of eligibility) if (e.blocking && e.status === 'fail' && e.id === 'registration') addField(blockingFields, `eligibility.${e.id}`, `申报条件：${e.message}`);

  const window = windowInfo(await applicantWindow(db, campaign, input.now, row));
  const fields = { ...blockingFields };
  if (!window.open && window.message) addField(fields, 'window', window.message);
  const { stored, ...dup } = duplicates;
  return {
    ok: Object.keys(fields).length === 0,
    fieldIssues,
    fields,
    eligibility,
    naming: nameCheck(form, config.namingRules),
    duplicates: dup,
    window,
    blockingFields,
    storedMatches: stored,
  };
}
