/**
 * 申报书 as Word / PDF (GET /api/applications/:id/export.docx|.pdf). Permission: project policy
 * 'export' (404 when the actor may not know the application). The applicant exports its working
 * copy; a recommender or the commission the last submitted version. ID numbers are masked by the
 * document builder in every case.
 */
import { eq } from 'drizzle-orm';
import type { CampaignConfig } from '../../domain/campaign-config';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { organisations } from '../db/schema';
import { renderApplicationDocx, renderApplicationPdf } from '../documents';
import { formForViewer } from './application-repository';
import { loadProjectFor } from '../projects/load-project';

export type ExportFormat = 'docx' | 'pdf';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** `<项目名称>-申报书.<ext>`, without characters file systems refuse. */
export function exportFileName(projectName: string, format: ExportFormat): string {
  const base = (projectName || '未命名项目').replace(/[\\/:*?"<>|\r\n\t]+/g, '').trim() || '未命名项目';
  return `${base}-申报书.${format}`;
}

export async function exportApplication(ctx: CommandContext & { actor: Actor }, input: { id: string; format: ExportFormat }) {
  const db = ctx.database.db;
  const row = await loadProjectFor(db, ctx.actor, 'export', input.id);
  const campaign = await campaignById(db, row.campaignId);
  const config = campaign.config as CampaignConfig;
  const { form } = await formForViewer(db, ctx.actor, row);
  const [rec] = row.recommenderOrgId ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.recommenderOrgId)) : [];
  const docInput = {
    form,
    campaignYear: campaign.year,
    recommenderName: rec?.name,
    applicationNo: row.applicationNo ?? undefined,
    submittedAt: row.submittedAt?.toISOString(),
    labels: { vetoItems: Object.fromEntries(config.vetoChecklist.map((v) => [v.id, v.text])) },
  };
  const body = input.format === 'docx' ? await renderApplicationDocx(docInput) : await renderApplicationPdf(docInput);
  // Reading someone else's application is worth a trace; the applicant's own exports are not.
  if (ctx.actor.organisationId !== row.applicantOrgId) {
    await db.transaction(async (tx) => writeAudit(tx, ctx, { entity: 'project', entityId: row.id, action: `export_${input.format}`, summary: { applicationNo: row.applicationNo } }));
  }
  return { body, fileName: exportFileName(form.project?.name ?? row.name, input.format), mime: EXPORT_MIME[input.format] };
}
