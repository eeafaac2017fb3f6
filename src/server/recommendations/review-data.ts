/** Reads shared by the review view and the review commands: attachments, completeness, authenticity. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { applicationFormSchema, type ApplicationForm } from '../../domain/application-form';
import type { CampaignConfig } from '../../domain/campaign-config';
import type { AuthenticityInput, CompletenessItem } from '../../shared/recommendations';
import type { DbOrTx } from '../db/client';
import { campaigns, files, organisations, projectReviews, users } from '../db/schema';
import { completenessChecklist } from './completeness';
import type { ProjectRow } from '../projects/load-project';

export type FileRow = typeof files.$inferSelect;
export type OrgRow = typeof organisations.$inferSelect;

/** The stored form, read leniently (a stored form that no longer parses is shown as it is). */
export function readForm(raw: unknown): ApplicationForm {
  const parsed = applicationFormSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return { ...applicationFormSchema.parse({}), ...(raw as object) } as ApplicationForm;
}

/** Attachment files that exist and belong to the applicant, by id. */
export async function applicantFiles(db: DbOrTx, form: ApplicationForm, applicantOrgId: string): Promise<Map<string, FileRow>> {
  const ids = [...new Set((form.attachments ?? []).map((a) => a.fileId))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(files).where(and(inArray(files.id, ids), eq(files.ownerOrgId, applicantOrgId)));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface ReviewFacts {
  form: ApplicationForm;
  applicant: OrgRow;
  campaign: typeof campaigns.$inferSelect;
  files: Map<string, FileRow>;
  completeness: CompletenessItem[];
}

export async function reviewFacts(db: DbOrTx, row: ProjectRow): Promise<ReviewFacts> {
  const form = readForm(row.form);
  const [[applicant], [campaign], fileMap] = await Promise.all([
    db.select().from(organisations).where(eq(organisations.id, row.applicantOrgId)),
    db.select().from(campaigns).where(eq(campaigns.id, row.campaignId)),
    applicantFiles(db, form, row.applicantOrgId),
  ]);
  const config = campaign.config as CampaignConfig;
  const completeness = completenessChecklist({
    form,
    applicantKind: applicant.subtype,
    config,
    duplicateFlag: row.duplicateFlag,
    availableFileIds: new Set(fileMap.keys()),
  });
  return { form, applicant, campaign, files: fileMap, completeness };
}

export interface AuthenticityRecord extends AuthenticityInput {
  recordedAt: string;
  recordedBy: string | null;
}

/** The latest 真实性核查记录 (a project_reviews row with decision `authenticity`, or the one kept with a recommendation). */
export async function latestAuthenticity(db: DbOrTx, projectId: string): Promise<AuthenticityRecord | null> {
  const rows = await db
    .select({ r: projectReviews, name: users.displayName })
    .from(projectReviews)
    .leftJoin(users, eq(users.id, projectReviews.reviewerId))
    .where(and(eq(projectReviews.projectId, projectId), inArray(projectReviews.decision, ['authenticity', 'recommend'])))
    .orderBy(desc(projectReviews.createdAt))
    .limit(1);
  const found = rows[0];
  const a = (found?.r.checklist as { authenticity?: AuthenticityInput } | undefined)?.authenticity;
  if (!found || !a) return null;
  return { confirmed: !!a.confirmed, notes: a.notes ?? '', siteVisit: a.siteVisit ?? null, recordedAt: found.r.createdAt.toISOString(), recordedBy: found.name };
}
