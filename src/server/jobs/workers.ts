/** Job handlers, registered in every app instance that runs workers. Each area adds its own here. */
import type { Services } from '../context';

export const JOB_NAMES = {
  notifyEmail: 'notify-email',
} as const;

export async function registerWorkers(services: Services): Promise<void> {
  await services.jobs.work(JOB_NAMES.notifyEmail, async (data: { to: string; subject: string; body: string }) => {
    // SMTP is optional (issue 5): without SMTP_URL the in-app notification is the only channel.
    if (!process.env.SMTP_URL) return;
    console.log(`[mail] ${data.to}: ${data.subject}`);
  });
}
