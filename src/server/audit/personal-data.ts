/**
 * Issue #7 point 7: personal information is masked in lists and exports unless the role needs it,
 * and every view of it unmasked by someone other than the person or unit it belongs to leaves an
 * audit entry (`view_personal_data`, naming the view and the fields shown). ID numbers are never
 * shown unmasked to anyone but the applicant who entered them; phone numbers are shown in full
 * to the recommender and the commission (they must call the unit) and to the training provider
 * (attendance), so those views are the ones audited here.
 */
import type { ApplicationForm } from '../../domain/application-form';
import type { Actor, CommandContext } from '../context';
import { writeAudit } from './write-audit';

export const PERSONAL_DATA_VIEW_ACTION = 'view_personal_data';

const FORM_PHONES: [label: string, pick: (f: ApplicationForm) => string | undefined][] = [
  ['质量负责人电话', (f) => f.unit?.qualityHead?.phone],
  ['项目负责人电话', (f) => f.unit?.projectLead?.phone],
  ['联系人电话', (f) => f.unit?.contact?.phone],
];

/** Labels of the phone numbers a 申报书 shows in full (masked ones contain '*'). */
export function unmaskedFormPhones(form: ApplicationForm): string[] {
  return FORM_PHONES.filter(([, pick]) => {
    const v = pick(form);
    return !!v && !v.includes('*');
  }).map(([label]) => label);
}

/** One audit entry for one view; nothing when no unmasked field was shown. */
export async function auditPersonalDataView(
  ctx: Pick<CommandContext, 'database' | 'clock' | 'ip' | 'requestId'> & { actor: Actor },
  input: { entity: string; entityId: string; view: string; fields: string[]; count?: number },
): Promise<void> {
  if (!input.fields.length) return;
  const summary: Record<string, unknown> = { view: input.view, fields: input.fields };
  if (input.count !== undefined) summary.count = input.count;
  await ctx.database.db.transaction((tx) => writeAudit(tx, ctx, { entity: input.entity, entityId: input.entityId, action: PERSONAL_DATA_VIEW_ACTION, summary }));
}
