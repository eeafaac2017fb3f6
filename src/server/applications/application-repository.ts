/**
 * Loading an application (a `projects` row) for an actor, the viewer's copy of its form, and the
 * applicant-side application window.
 *
 * ID numbers: the applicant organisation's own users get their working copy with team ID numbers
 * in full (they type and correct them; masking would make every autosave destroy them). Everyone
 * else (recommender, commission) gets the last SUBMITTED version, masked with `maskIdNumber`.
 * Exports (Word/PDF) are always masked by the document builder.
 */
import { and, eq } from 'drizzle-orm';
import { windowClosedMessage, type WindowStatus } from '../../domain/deadlines';
import type { ApplicationForm } from '../../domain/application-form';
import { applicationFormSchema } from '../../domain/application-form';
import { WINDOW_LABELS, type CampaignConfig } from '../../domain/campaign-config';
import type { AppError } from '../app-error';
import { assertWindowOpen, windowFor, type CampaignRow } from '../campaigns/campaign-repository';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { projectVersions } from '../db/schema';
import { maskIdNumber } from '../documents/format';
import type { ProjectRow } from '../projects/load-project';

export { APPLICATION_LABEL, type ProjectRow } from '../projects/load-project';

export function isOwnApplicant(actor: Actor, row: ProjectRow): boolean {
  return actor.role === 'applicant' && actor.organisationId === row.applicantOrgId;
}

export function parseForm(raw: unknown): ApplicationForm {
  const r = applicationFormSchema.safeParse(raw ?? {});
  return r.success ? r.data : applicationFormSchema.parse({});
}

export function maskForm(form: ApplicationForm): ApplicationForm {
  return { ...form, team: (form.team ?? []).map((m) => (m.idNumber ? { ...m, idNumber: maskIdNumber(m.idNumber) } : m)) };
}

/** What this actor reads as the form (see the module comment). */
export async function formForViewer(db: DbOrTx, actor: Actor, row: ProjectRow): Promise<{ form: ApplicationForm; masked: boolean }> {
  if (isOwnApplicant(actor, row)) return { form: parseForm(row.form), masked: false };
  let form = parseForm(row.form);
  if (row.submittedVersion > 0) {
    const [v] = await db
      .select({ form: projectVersions.form })
      .from(projectVersions)
      .where(and(eq(projectVersions.projectId, row.id), eq(projectVersions.versionNo, row.submittedVersion)));
    if (v) form = parseForm(v.form);
  }
  return { form: maskForm(form), masked: true };
}

/**
 * Applicants send to their recommender until `windows.application.applicantClosesAt` when the
 * commission set one, else until the campaign's application deadline; a 补报窗口 for the
 * recommender or the project extends it.
 */
function applicantCampaign(campaign: CampaignRow): CampaignRow {
  const config = campaign.config as CampaignConfig;
  const w = config.windows.application;
  if (!w.applicantClosesAt) return campaign;
  return { ...campaign, config: { ...config, windows: { ...config.windows, application: { ...w, closesAt: w.applicantClosesAt } } } };
}

export async function applicantWindow(db: DbOrTx, campaign: CampaignRow, now: Date, row: Pick<ProjectRow, 'id' | 'recommenderOrgId'>): Promise<WindowStatus> {
  return windowFor(db, applicantCampaign(campaign), 'application', now, { organisationId: row.recommenderOrgId, projectId: row.id });
}

export async function assertApplicantWindowOpen(db: DbOrTx, campaign: CampaignRow, now: Date, row: Pick<ProjectRow, 'id' | 'recommenderOrgId'>): Promise<void> {
  await assertWindowOpen(db, applicantCampaign(campaign), 'application', now, { organisationId: row.recommenderOrgId, projectId: row.id });
}

export function windowInfo(s: WindowStatus) {
  return {
    open: s.open,
    closesAt: s.closesAt.toISOString(),
    viaReopening: s.open ? s.viaReopening : false,
    message: s.open ? undefined : windowClosedMessage(WINDOW_LABELS.application, s),
  };
}

/** Optimistic concurrency: the version the client read must still be current. */
export function assertVersion(row: ProjectRow, version: number, make: () => AppError): void {
  if (row.version !== version) throw make();
}
