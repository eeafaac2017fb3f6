/** Tells every applicant with sign-ups in a session what changed (in-app now, e-mail after commit). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { trainingSignups } from '../db/schema';
import { notify } from '../notifications/notify';
import { signupsOf, trainingLink } from './session-repository';
import { type Email, emailsOf } from '../notifications/email';

export async function notifyAttendees(tx: DbOrTx, now: Date, sessionId: string, title: string, body: (attendees: string) => string): Promise<{ emails: Email[]; orgs: number }> {
  const rows = await signupsOf(tx, eq(trainingSignups.sessionId, sessionId));
  const byOrg = new Map<string, string[]>();
  for (const r of rows) byOrg.set(r.applicantOrgId, [...(byOrg.get(r.applicantOrgId) ?? []), r.s.attendeeName]);
  const emails: Email[] = [];
  for (const [orgId, names] of byOrg) {
    const text = body(names.join('、'));
    await notify(tx, now, { organisationId: orgId, title, body: text, link: trainingLink });
    emails.push(...(await emailsOf(tx, [orgId], `【天津市质量攻关】${title}`, text)));
  }
  return { emails, orgs: byOrg.size };
}
