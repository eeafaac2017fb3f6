/**
 * In-app notifications are written inside the command's transaction (they are part of the state
 * change); e-mail goes through the job queue after commit, and only when SMTP is configured.
 */
import type { DbOrTx } from '../db/client';
import { notifications } from '../db/schema';

export interface NotificationInput {
  organisationId: string;
  userId?: string | null;
  title: string;
  body: string;
  link?: string;
}

export async function notify(tx: DbOrTx, at: Date, n: NotificationInput): Promise<void> {
  await tx.insert(notifications).values({ organisationId: n.organisationId, userId: n.userId ?? null, title: n.title, body: n.body, link: n.link ?? null, createdAt: at });
}
