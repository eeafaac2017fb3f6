/** 退回补正: submitted → returned, with a reason and per-field comments for the applicant. */
import { APPLICATION_FIELD_LABELS } from '../../domain/application-form';
import { MIN_REASON_LENGTH } from '../../shared/recommendations';
import { validation } from '../app-error';
import type { DbOrTx } from '../db/client';
import { notify } from '../notifications/notify';
import { loadProjectFor, PROJECT_LABEL } from '../projects/load-project';
import { transition } from '../projects/transition';
import type { ActorContext } from '../context';
import { requireText } from '../http/input';
import { type Email, emailsOf, sendEmails } from '../notifications/email';
import { requireRecommender } from '../policy/role-guards';
import type { ProjectRow } from '../projects/load-project';
import { projectLabel, reviewLink } from '../projects/project-label';

export interface ReturnInput {
  id: string;
  version?: number;
  reason: string;
  fieldComments?: Record<string, string>;
}

/**
 * A path the 申报书 knows: a labelled field (`content.goals`), a row of a list (`team.2`), or a
 * field of a row (`content.goals.0.target`, `team.1.idNumber`).
 */
export function isFormPath(path: string): boolean {
  if (APPLICATION_FIELD_LABELS[path]) return true;
  const row = /^(.+)\.(\d{1,3})(?:\.(.+))?$/.exec(path);
  if (!row) return false;
  const [, list, , rest] = row;
  return rest ? !!APPLICATION_FIELD_LABELS[`${list}.*.${rest}`] : !!APPLICATION_FIELD_LABELS[list];
}

/** Field comments must point at a field of the 申报书 (so the applicant's form can show them in place). */
export function checkFieldComments(comments: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, comment] of Object.entries(comments)) {
    const clean = path.trim();
    if (!isFormPath(clean)) throw validation({ [`fieldComments.${path}`]: `逐项意见所指的申报书栏目“${path}”不存在` });
    const text = comment.trim();
    if (text) out[clean] = text;
  }
  return out;
}

export async function applyReturn(tx: DbOrTx, ctx: ActorContext, row: ProjectRow, input: { version?: number; reason: string; fieldComments: Record<string, string> }) {
  const { updated } = await transition(tx, ctx, row, 'return', {
    version: input.version,
    set: { lastReason: input.reason, recommendOrder: null },
    review: { stage: 'recommendation', decision: 'return', reason: input.reason, fieldComments: input.fieldComments },
    audit: (to) => ({ summary: { from: row.state, to, reason: input.reason, fields: Object.keys(input.fieldComments), name: row.name } }),
  });
  const now = ctx.clock.now();
  const title = '申报项目被退回补正';
  const body = `您单位申报的${projectLabel(row)}被推荐单位（${ctx.actor.organisationName}）退回补正。原因：${input.reason}${
    Object.keys(input.fieldComments).length ? `；逐项意见${Object.keys(input.fieldComments).length}条，请在申报书中查看并修改后重新提交。` : '。请修改后重新提交。'
  }`;
  await notify(tx, now, { organisationId: row.applicantOrgId, title, body, link: reviewLink(row.id) });
  const emails: Email[] = await emailsOf(tx, [row.applicantOrgId], `【天津市质量攻关】${title}`, body);
  return { updated, emails };
}

export async function returnApplication(ctx: ActorContext, input: ReturnInput) {
  requireRecommender(ctx.actor);
  const { updated, emails } = await ctx.database.db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, ctx.actor, 'review', input.id, { forUpdate: true, label: PROJECT_LABEL });
    const reason = requireText(input.reason, 'reason', '退回原因', MIN_REASON_LENGTH);
    const fieldComments = checkFieldComments(input.fieldComments);
    return applyReturn(tx, ctx, row, { version: input.version, reason, fieldComments });
  });
  await sendEmails(ctx, emails);
  return updated;
}
