/** Helpers for the request-level tests of the 申报 area (imported by *.test.ts only). */
import { eq } from 'drizzle-orm';
import { applicationFormFor, orgOfUser } from '../../../test/support/factories';
import type { Agent, TestApp } from '../../../test/support/test-app';
import type { ApplicationForm } from '../../domain/application-form';
import type { CampaignConfig } from '../../domain/campaign-config';
import { activeCampaign } from '../../../test/support/factories';
import { organisations, users } from '../db/schema';
import { tinyPdf } from '../../../test/support/tiny-pdf';

const attachmentCache = new WeakMap<TestApp, Map<string, ApplicationForm['attachments']>>();

export async function uploadPdf(agent: Agent, fileName: string, purpose = 'attachment'): Promise<{ id: string; name: string; size: number }> {
  const res = await agent.upload(`/api/files?purpose=${purpose}`, fileName, tinyPdf(fileName + Math.random()), 'application/pdf');
  if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A 申报书 that passes every submit check for this applicant: its real unit data, the campaign's
 * veto declarations, measurable benefits and the two required attachments uploaded for real.
 */
export async function readyForm(t: TestApp, agent: Agent, username: string, project: Partial<ApplicationForm['project']> = {}, direction: 'precise' | 'common' = 'precise'): Promise<ApplicationForm> {
  const org = await orgOfUser(t, username);
  const campaign = await activeCampaign(t.services.database.db);
  const config = campaign.config as CampaignConfig;
  const form = applicationFormFor(org, direction, project);
  form.unit.nature = (org.subtype as ApplicationForm['unit']['nature']) ?? 'enterprise';
  form.vetoDeclarations = Object.fromEntries(config.vetoChecklist.map((v) => [v.id, true]));
  form.benefits.byArea = { ...(form.benefits.byArea ?? {}), efficiency: '产品一次合格率由96.2%提升至98.8%以上' };
  if (!form.project.benefitAreas?.includes('efficiency')) form.project.benefitAreas = [...(form.project.benefitAreas ?? []), 'efficiency'];
  let perApp = attachmentCache.get(t);
  if (!perApp) attachmentCache.set(t, (perApp = new Map()));
  let attachments = perApp.get(username);
  if (!attachments) {
    // Uploads are rate-limited (60/min): upload once per applicant and test file.
    const licence = await uploadPdf(agent, '营业执照（副本）.pdf');
    const commitment = await uploadPdf(agent, '申报单位承诺书（盖章）.pdf', 'commitment_scan');
    attachments = [
      { kind: 'business_licence', fileId: licence.id, fileName: licence.name, size: licence.size },
      { kind: 'commitment_scan', fileId: commitment.id, fileName: commitment.name, size: commitment.size },
    ];
    perApp.set(username, attachments);
  }
  form.attachments = attachments.map((a) => ({ ...a }));
  return form;
}

/** Create a draft and save the form; returns the id and the current version. */
export async function draftWith(agent: Agent, form: ApplicationForm): Promise<{ id: string; version: number }> {
  const created = await agent.post('/api/applications', {});
  if (created.status !== 200) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const saved = await agent.put(`/api/applications/${created.body.id}/draft`, { version: created.body.version, form });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  return { id: created.body.id, version: saved.body.version };
}

export async function usernameOfOrg(t: TestApp, orgId: string): Promise<string> {
  const [u] = await t.services.database.db.select({ username: users.username }).from(users).where(eq(users.organisationId, orgId)).limit(1);
  if (!u) throw new Error(`no user for org ${orgId}`);
  return u.username;
}

export async function orgByName(t: TestApp, name: string) {
  const [o] = await t.services.database.db.select().from(organisations).where(eq(organisations.name, name));
  if (!o) throw new Error(`no org ${name}`);
  return o;
}
