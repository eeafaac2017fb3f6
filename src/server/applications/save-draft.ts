/**
 * Autosave of the 申报书 (PUT /api/applications/:id/draft). Only the SHAPE is validated (the zod
 * schema at the route: types and length limits, refused with 400 naming the field); nothing is
 * refused for being incomplete — completeness is the submit's business. Format problems (phones,
 * e-mails, codes, dates) are kept and answered as `warnings`; the check and the submit make them errors. A stale version answers 409 `stale_version` with the server copy in `details`, so the
 * client can show a merge prompt instead of silently overwriting another tab's work.
 *
 * Autosaves are not written to the audit log: they are not state changes and would flood the
 * hash chain (one every few seconds per open form). The submitted versions (project_versions) and
 * the audited submit/withdraw/reopen are the record.
 */
import { and, eq } from 'drizzle-orm';
import { nameCheck } from '../../domain/eligibility';
import { PROJECT_STATE_LABELS } from '../../domain/project-workflow';
import { fieldLabel, type ApplicationForm } from '../../domain/application-form';
import { formatIssues } from '../../domain/application-format';
import type { CampaignConfig } from '../../domain/campaign-config';
import { AppError, invalidState, validation } from '../app-error';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { projects } from '../db/schema';
import { maskIdNumber } from '../documents/format';
import { parseForm } from './application-repository';
import { loadProjectFor, type ProjectRow } from '../projects/load-project';
import { assertRecommender } from './create-application';

export const EDITABLE_STATES = ['draft', 'returned'] as const;

export function staleDraft(row: ProjectRow): AppError {
  return new AppError('stale_version', `project ${row.id}: stale version`, '该申报书已在其他窗口或设备上被修改，请对照服务器上的最新内容合并您的修改后再保存', {
    details: { version: row.version, state: row.state, form: parseForm(row.form), recommenderOrgId: row.recommenderOrgId, updatedAt: row.updatedAt.toISOString() },
  });
}

/** A masked ID number sent back (e.g. copied from a past version) never replaces the stored full one. */
function keepFullIdNumbers(incoming: ApplicationForm, stored: ApplicationForm): ApplicationForm {
  const storedIds = (stored.team ?? []).map((m) => m.idNumber).filter((x): x is string => !!x);
  return {
    ...incoming,
    team: (incoming.team ?? []).map((m) => {
      if (!m.idNumber || !m.idNumber.includes('*')) return m;
      const full = storedIds.find((id) => maskIdNumber(id) === m.idNumber);
      return { ...m, idNumber: full };
    }),
  };
}

export async function saveDraft(
  ctx: CommandContext & { actor: Actor },
  input: { id: string; version: number; form: ApplicationForm; recommenderOrgId?: string | null },
) {
  const db = ctx.database.db;
  return db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'edit_draft', input.id, { forUpdate: true });
    if (!(EDITABLE_STATES as readonly string[]).includes(row.state)) {
      const hint = row.state === 'withdrawn' ? '，请先点击“重新编辑”' : row.state === 'submitted' ? '；如需修改，请先撤回申报' : '';
      throw invalidState(`save draft in ${row.state}`, `当前状态为“${PROJECT_STATE_LABELS[row.state]}”，不能修改申报书${hint}`);
    }
    if (row.version !== input.version) throw staleDraft(row);
    let recommenderOrgId = row.recommenderOrgId;
    if (input.recommenderOrgId !== undefined && input.recommenderOrgId !== row.recommenderOrgId) {
      if (row.state !== 'draft') throw validation({ recommenderOrgId: '退回补正期间不能更换推荐单位' });
      if (input.recommenderOrgId) await assertRecommender(tx, input.recommenderOrgId);
      recommenderOrgId = input.recommenderOrgId;
    }
    const form = keepFullIdNumbers(input.form, parseForm(row.form));
    const now = ctx.clock.now();
    const [saved] = await tx
      .update(projects)
      .set({
        form,
        name: form.project?.name ?? '',
        direction: form.project?.direction ?? null,
        chain: form.project?.chain ?? null,
        recommenderOrgId,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(projects.id, row.id), eq(projects.version, input.version)))
      .returning();
    if (!saved) throw staleDraft(row);
    const campaign = await campaignById(tx, row.campaignId);
    const warnings = formatIssues(form).map((i) => ({ path: i.path, label: fieldLabel(i.path), message: i.message, severity: 'warning' as const }));
    return { id: saved.id, version: saved.version, updatedAt: saved.updatedAt.toISOString(), naming: nameCheck(form, (campaign.config as CampaignConfig).namingRules), warnings };
  });
}
