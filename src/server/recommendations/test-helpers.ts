/** Request-test helpers for this area: complete applications with real uploaded attachments. */
import { eq } from 'drizzle-orm';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import type { Agent, TestApp } from '../../../test/support/test-app';
import type { ApplicationForm } from '../../domain/application-form';
import type { CampaignConfig } from '../../domain/campaign-config';
import { activeCampaign } from '../../../test/support/factories';
import { projects } from '../db/schema';
import { tinyPdf } from '../../../test/support/tiny-pdf';



const agents = new WeakMap<TestApp, Map<string, Agent>>();
/** One logged-in agent per user and test app (logins are slow: argon2). */
export async function as(t: TestApp, username: string): Promise<Agent> {
  let m = agents.get(t);
  if (!m) agents.set(t, (m = new Map()));
  let a = m.get(username);
  if (!a) {
    a = await t.login(username);
    m.set(username, a);
  }
  return a;
}

const uploads = new WeakMap<TestApp, Map<string, ApplicationForm['attachments']>>();

async function attachmentsOf(t: TestApp, applicant: string, industryOrg: boolean): Promise<ApplicationForm['attachments']> {
  let m = uploads.get(t);
  if (!m) uploads.set(t, (m = new Map()));
  const cached = m.get(applicant);
  if (cached) return cached;
  const agent = await as(t, applicant);
  const up = async (kind: ApplicationForm['attachments'][number]['kind'], name: string) => {
    const res = await agent.upload(`/api/files?purpose=${kind === 'commitment_scan' ? 'commitment_scan' : 'attachment'}`, name, tinyPdf(name), 'application/pdf');
    if (res.status !== 200) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return { kind, fileId: res.body.id as string, fileName: name, size: res.body.size as number };
  };
  const list = [await up('business_licence', '营业执照（副本）.pdf'), await up('commitment_scan', '申报单位承诺书（盖章）.pdf')];
  if (industryOrg) list.push(await up('org_recognition', '行业主管部门认可文件.pdf'));
  m.set(applicant, list);
  return list;
}

/**
 * A submitted application that passes the 材料完整性 checklist: the fixture 申报书 of the applicant
 * organisation, its veto declarations for this campaign, and attachments really uploaded by it.
 */
export async function completeProject(
  t: TestApp,
  opts: { applicant: string; name?: string; direction?: 'precise' | 'common'; state?: (typeof projects.$inferInsert)['state']; recommenderOrgId?: string },
) {
  const org = await orgOfUser(t, opts.applicant);
  const row = await insertProject(t, { applicant: opts.applicant, state: opts.state ?? 'submitted', direction: opts.direction, name: opts.name, recommenderOrgId: opts.recommenderOrgId });
  const campaign = await activeCampaign(t.services.database.db);
  const config = campaign.config as CampaignConfig;
  const form = row.form as ApplicationForm;
  form.attachments = await attachmentsOf(t, opts.applicant, org.subtype === 'industry_org');
  form.vetoDeclarations = Object.fromEntries(config.vetoChecklist.map((v) => [v.id, true]));
  form.unit = { ...form.unit, nature: (org.subtype as 'enterprise') ?? 'enterprise' };
  const [updated] = await t.services.database.db.update(projects).set({ form }).where(eq(projects.id, row.id)).returning();
  return updated;
}

export const OPINION = '经核查，该单位申报材料齐全、内容真实，攻关目标明确、量化指标可考核，技术路线可行，同意推荐。';
export const AUTH = { confirmed: true, notes: '已核对营业执照原件及承诺书盖章件，与申报书一致。', siteVisit: { date: '2026-04-08', people: '刘晓梅、张伟', findings: '现场查看装配线及数据采集系统，与申报内容相符。' } };

/** Recommends through the API (the authenticity confirmation sent with the request). */
export async function recommend(t: TestApp, recommender: string, id: string) {
  const agent = await as(t, recommender);
  const view = await agent.get(`/api/recommender/applications/${id}`);
  const res = await agent.post(`/api/recommender/applications/${id}/recommend`, { version: view.body.project.version, opinion: OPINION, authenticity: AUTH, recognitionConfirmed: true });
  if (res.status !== 200) throw new Error(`recommend ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** After moving the clock forward past the idle timeout, cached sessions have expired: forget them. */
export function forgetSessions(t: TestApp): void {
  agents.delete(t);
}
