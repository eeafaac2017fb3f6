/**
 * Realistic records for tests, written straight to the database (for areas whose tests need a
 * project in some state without walking every earlier procedure through the API).
 */
import { desc, eq } from 'drizzle-orm';
import { campaigns, organisations, projects, projectVersions, users } from '../../src/server/db/schema';
import { applicationFormForUnit } from '../../src/server/documents/fixtures';
import type { ApplicationForm } from '../../src/domain/application-form';
import type { DbOrTx } from '../../src/server/db/client';
import type { TestApp } from './test-app';

export async function orgOfUser(t: TestApp, username: string) {
  const [row] = await t.services.database.db
    .select({ o: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.o;
}

/** A complete 申报书 for the applicant organisation (its real name, code and district). */
export function applicationFormFor(org: typeof organisations.$inferSelect, direction: 'precise' | 'common' = 'precise', overrides: Partial<ApplicationForm['project']> = {}): ApplicationForm {
  return applicationFormForUnit(org, { direction, project: overrides });
}

/** The test template's one active campaign (2026; 2027 is a draft there). Server code asks `currentCampaign(db, now)`. */
export async function activeCampaign(db: DbOrTx) {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.status, 'active')).orderBy(desc(campaigns.year)).limit(1);
  if (!row) throw new Error('the test template has no active campaign');
  return row;
}

let seq = 0;

export async function insertProject(
  t: TestApp,
  opts: { applicant: string; state?: (typeof projects.$inferInsert)['state']; direction?: 'precise' | 'common'; name?: string; recommenderOrgId?: string },
) {
  const org = await orgOfUser(t, opts.applicant);
  const campaign = await activeCampaign(t.services.database.db);
  const form = applicationFormFor(org, opts.direction ?? 'precise', opts.name ? { name: opts.name } : {});
  const state = opts.state ?? 'submitted';
  const submitted = state !== 'draft';
  seq++;
  const [row] = await t.services.database.db
    .insert(projects)
    .values({
      campaignId: campaign.id,
      applicantOrgId: org.id,
      recommenderOrgId: opts.recommenderOrgId ?? org.defaultRecommenderId,
      state,
      name: form.project.name ?? '',
      direction: form.project.direction,
      chain: form.project.chain,
      form,
      submittedVersion: submitted ? 1 : 0,
      applicationNo: submitted ? `SB${campaign.year}-T${String(seq).padStart(5, '0')}-${Math.random().toString(36).slice(2, 6)}` : null,
      submittedAt: submitted ? t.clock.now() : null,
      stateChangedAt: t.clock.now(),
    })
    .returning();
  if (submitted) await t.services.database.db.insert(projectVersions).values({ projectId: row.id, versionNo: 1, form, submittedAt: t.clock.now() });
  return row;
}

/**
 * A project at the end of 成果评定 (程序七): state `evaluated`, a 立项编号, its result report, and an
 * evaluation outcome (its group's conclusion) that the commission adopted unless `adopted: false`.
 */
export async function insertEvaluatedProject(
  t: TestApp,
  opts: { applicant: string; name: string; proposed?: boolean; adopted?: boolean; level?: 'excellent' | 'good' | 'qualified' | 'unqualified'; score?: string },
) {
  const { evaluationGroups, evaluationOutcomes, projectResults } = await import('../../src/server/db/schema');
  const db = t.services.database.db;
  const row = await insertProject(t, { applicant: opts.applicant, state: 'evaluated', name: opts.name });
  seq++;
  const [p] = await db.update(projects).set({ projectNo: `TJZLGG-2026-${String(800 + seq).padStart(4, '0')}` }).where(eq(projects.id, row.id)).returning();
  await db.insert(projectResults).values({
    projectId: p.id,
    report: {
      summary: `围绕“${opts.name}”开展质量攻关，运用PDCA和DOE方法完成全部攻关任务。`,
      problem: '关键质量特性波动大，返工率高。',
      measures: '成立跨部门攻关小组，导入SPC过程监控。',
      effects: '关键质量指标达到攻关目标，一次交检合格率提升3个百分点。',
      innovation: '形成企业标准1项，可在同行业推广。',
    },
    reviewState: 'accepted',
    submittedAt: t.clock.now(),
    forwardedAt: t.clock.now(),
  });
  const [group] = await db.insert(evaluationGroups).values({ campaignId: p.campaignId, field: '装备制造', state: 'adopted' }).returning();
  await db.insert(evaluationOutcomes).values({
    projectId: p.id,
    groupId: group.id,
    campaignId: p.campaignId,
    score: opts.score ?? '91.50',
    level: opts.level ?? 'excellent',
    proposed: opts.proposed ?? true,
    opinion: '攻关目标明确，措施有效，成效显著，建议认定为优秀成果。',
    expertCount: 5,
    adoptedAt: opts.adopted === false ? null : t.clock.now(),
  });
  return p;
}
