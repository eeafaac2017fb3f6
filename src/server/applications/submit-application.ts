/**
 * 提交申报 (draft/returned → submitted). Runs every check of POST …/check; refuses with 400 and
 * `fields` (path → Chinese message naming the field) when anything blocks; refuses after the
 * application deadline (逾期不再接收) unless the commission opened a 补报窗口 for the recommender or
 * the project. On success: the gap-free 申报编号 (kept on resubmission), a project_versions row,
 * the duplicate score/flag/matches, the eligibility snapshot, an audit entry and a notification
 * to the recommender — one transaction.
 */
import { eq } from 'drizzle-orm';
import { PROJECT_STATE_LABELS } from '../../domain/project-workflow';
import { validation } from '../app-error';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { organisations, projectVersions } from '../db/schema';
import { rememberIdempotent } from '../http/idempotency';
import { notify } from '../notifications/notify';
import { assertApplicantWindowOpen, parseForm } from './application-repository';
import { loadProjectFor } from '../projects/load-project';
import { applyTransition, checkTransition } from '../projects/transition';
import { nextApplicationNo } from './application-number';
import { runApplicationChecks } from './check-application';

export async function submitApplication(ctx: CommandContext & { actor: Actor }, input: { id: string; version: number }) {
  const db = ctx.database.db;
  const actor = ctx.actor;
  const pre = await loadProjectFor(db, actor, 'submit', input.id);
  checkTransition(pre, 'submit', actor, { version: input.version });
  const campaign = await campaignById(db, pre.campaignId);
  const now = ctx.clock.now();
  const form = parseForm(pre.form);
  // The duplicate index is in memory; the checks read the form at this version, which the
  // transaction below re-verifies under a row lock.
  const check = await runApplicationChecks(db, { campaign, row: pre, form, viewer: { redactOtherApplications: true }, now });

  return db.transaction(async (tx) => {
    const row = await loadProjectFor(tx, actor, 'submit', input.id, { forUpdate: true });
    const to = checkTransition(row, 'submit', actor, { version: input.version });
    await assertApplicantWindowOpen(tx, campaign, now, row);
    const blocking = Object.entries(check.blockingFields);
    if (blocking.length > 0) {
      throw validation(check.blockingFields, `申报书尚有${blocking.length}处需要完善，请按提示修改后再提交：${blocking[0][1]}`);
    }

    const applicationNo = row.applicationNo ?? (await nextApplicationNo(tx, campaign));
    const versionNo = row.submittedVersion + 1;
    const score = check.duplicates.topScore;
    const [rec] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.recommenderOrgId!));
    const name = form.project?.name ?? '';
    const saved = await applyTransition(tx, ctx, row, 'submit', to, {
      set: {
        submittedVersion: versionNo,
        applicationNo,
        name,
        direction: form.project?.direction ?? null,
        chain: form.project?.chain ?? null,
        duplicateScore: score === null ? null : score.toFixed(4),
        duplicateFlag: check.duplicates.flagged,
        duplicateMatches: check.storedMatches,
        eligibility: { checkedAt: now.toISOString(), items: check.eligibility },
        lastReason: null,
        submittedAt: now,
      },
      audit: {
        action: versionNo > 1 ? 'resubmit' : 'submit',
        summary: { applicationNo, versionNo, name, from: row.state, to, recommender: rec?.name, duplicateScore: score, duplicateFlag: check.duplicates.flagged },
      },
    });
    await tx.insert(projectVersions).values({ projectId: row.id, versionNo, form, submittedBy: actor.userId, submittedAt: now });
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
