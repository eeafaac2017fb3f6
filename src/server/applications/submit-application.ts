/**
 * 提交申报 (draft/returned → submitted). Runs every check of POST …/check; refuses with 400 and
 * `fields` (path → Chinese message naming the field) when anything blocks; refuses after the
 * application deadline (逾期不再接收) unless the commission opened a 补报窗口 for the recommender or
 * the project. On success: the gap-free 申报编号 (kept on resubmission), a project_versions row,
 * the duplicate score/flag/matches, the eligibility snapshot, an audit entry and a notification
 * to the recommender — one transaction.
 */
import { and, eq } from 'drizzle-orm';
import { findTransition, PROJECT_STATE_LABELS, refusalMessage } from '../../domain/project-workflow';
import { invalidState, staleVersion, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { organisations, projects, projectVersions } from '../db/schema';
import { rememberIdempotent } from '../http/idempotency';
import { notify } from '../notifications/notify';
import { assertApplicantWindowOpen, parseForm, projectForActor } from './application-repository';
import { nextApplicationNo } from './application-number';
import { runApplicationChecks } from './check-application';

export async function submitApplication(ctx: CommandContext & { actor: Actor }, input: { id: string; version: number }) {
  const db = ctx.database.db;
  const actor = ctx.actor;
  const pre = await projectForActor(db, actor, input.id, 'submit');
  if (!findTransition('submit', pre.state, 'applicant')) throw invalidState(`submit from ${pre.state}`, refusalMessage('submit', pre.state));
  if (pre.version !== input.version) throw staleVersion(`project ${pre.id}`);
  const campaign = await campaignById(db, pre.campaignId);
  const now = ctx.clock.now();
  const form = parseForm(pre.form);
  // The duplicate index is in memory; the checks read the form at this version, which the
  // transaction below re-verifies under a row lock.
  const check = await runApplicationChecks(db, { campaign, row: pre, form, viewer: { redactOtherApplications: true }, now });

  return db.transaction(async (tx) => {
    const row = await projectForActor(tx, actor, input.id, 'submit', { forUpdate: true });
    if (row.version !== input.version) throw staleVersion(`project ${row.id}`);
    const transition = findTransition('submit', row.state, 'applicant');
    if (!transition) throw invalidState(`submit from ${row.state}`, refusalMessage('submit', row.state));
    await assertApplicantWindowOpen(tx, campaign, now, row);
    const blocking = Object.entries(check.blockingFields);
    if (blocking.length > 0) {
      throw validation(check.blockingFields, `申报书尚有${blocking.length}处需要完善，请按提示修改后再提交：${blocking[0][1]}`);
    }

    const applicationNo = row.applicationNo ?? (await nextApplicationNo(tx, campaign));
    const versionNo = row.submittedVersion + 1;
    const score = check.duplicates.topScore;
    const [saved] = await tx
      .update(projects)
      .set({
        state: transition.to,
        version: row.version + 1,
        submittedVersion: versionNo,
        applicationNo,
        name: form.project?.name ?? '',
        direction: form.project?.direction ?? null,
        chain: form.project?.chain ?? null,
        duplicateScore: score === null ? null : score.toFixed(4),
        duplicateFlag: check.duplicates.flagged,
        duplicateMatches: check.storedMatches,
        eligibility: { checkedAt: now.toISOString(), items: check.eligibility },
        lastReason: null,
        submittedAt: now,
        stateChangedAt: now,
        updatedAt: now,
      })
      .where(and(eq(projects.id, row.id), eq(projects.version, input.version)))
      .returning();
    if (!saved) throw staleVersion(`project ${row.id}`);
    await tx.insert(projectVersions).values({ projectId: row.id, versionNo, form, submittedBy: actor.userId, submittedAt: now });
    const [rec] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.recommenderOrgId!));
    await writeAudit(tx, ctx, {
      entity: 'project',
      entityId: row.id,
      action: versionNo > 1 ? 'resubmit' : 'submit',
      summary: {
        applicationNo,
        versionNo,
        name: saved.name,
        from: row.state,
        to: transition.to,
        recommender: rec?.name,
        duplicateScore: score,
        duplicateFlag: check.duplicates.flagged,
      },
    });
    const resubmitted = row.state === 'returned';
    await notify(tx, now, {
      organisationId: row.recommenderOrgId!,
      title: resubmitted ? '退回补正的申报书已重新提交' : '收到新的质量攻关项目申报',
      body: `${actor.organisationName}${resubmitted ? '重新提交' : '提交'}了《${saved.name}》（申报编号 ${applicationNo}）${check.duplicates.flagged ? '，雷同检查提示存在高度相似项目，请重点核实' : ''}，请审核。`,
      link: `/applications/${row.id}`,
    });
    const answer = {
      id: saved.id,
      state: saved.state,
      stateLabel: PROJECT_STATE_LABELS[saved.state],
      version: saved.version,
      applicationNo,
      submittedVersion: versionNo,
      submittedAt: now.toISOString(),
      duplicateFlag: saved.duplicateFlag,
      duplicateScore: score,
      warnings: check.fieldIssues.filter((i) => i.severity === 'warning'),
    };
    // A keyed retry after a crash past this commit replays this answer (issue 7.5).
    await rememberIdempotent(tx, answer);
    return answer;
  });
}
