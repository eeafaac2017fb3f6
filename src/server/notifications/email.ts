/** E-mail beside the in-app notices: addresses of an organisation's users, queued AFTER commit. */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, users } from '../db/schema';

export interface Email {
  to: string;
  subject: string;
  body: string;
}

/** E-mail addresses of the active users of the given organisations. */
export async function emailsOf(db: DbOrTx, orgIds: string[], subject: string, body: string): Promise<Email[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.organisationId, [...new Set(orgIds)]), eq(users.active, true), isNotNull(users.email)));
  return rows.filter((r) => r.email && r.email.includes('@')).map((r) => ({ to: r.email!, subject, body }));
}

/**
 * Queues e-mails AFTER commit. The job handler sends only when SMTP is configured; a queue failure
 * never undoes the committed decision (the in-app notification is already written).
 */
export async function sendEmails(ctx: CommandContext, emails: Email[]): Promise<void> {
  for (const e of emails) {
    try {
      await ctx.jobs.send('notify-email', e);
    } catch (err) {
      console.error('[recommendations] e-mail not queued', (err as Error).message);
    }
  }
}

export async function commissionOrgIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'commission'));
  return rows.map((r) => r.id);
}
