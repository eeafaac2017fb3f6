/** Job handlers, registered in every app instance that runs workers. Each area adds its own here. */
import { CERTIFICATE_RUN_JOB, resumeCertificateRuns, runCertificateJob } from '../certificates/certificate-run-job';
import type { Services } from '../context';
import { registerProgressReminders } from '../implementation/reminder-job';
import { lapseOverdueResults, RESULTS_LAPSE_JOB } from '../results/lapse-results';
import { EVALUATION_NO_RESPONSE_JOB, expireInvitations } from '../evaluation/expire-invitations';
import { mailerFromEnv, type Mailer, type OutgoingMail } from './mailer';
import { PUBLICITY_CLOSE_JOB, sweepPublicityWindows } from '../publicity/close-publicity-job';

export const JOB_NAMES = {
  notifyEmail: 'notify-email',
} as const;

/** What the handlers log through (pino's `app.log` in the server; a quiet default otherwise). */
export interface WorkerLog {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

const defaultLog: WorkerLog = {
  debug: () => undefined,
  info: (obj, msg) => console.log('[jobs]', msg ?? '', JSON.stringify(obj)),
  warn: (obj, msg) => console.warn('[jobs]', msg ?? '', JSON.stringify(obj)),
};

/**
 * `notify-email`: the job data is one message with a real address (the commands resolve the active
 * users of the target organisations that have an e-mail, `emailsOf` in recommendations/review-support).
 * Without a mailer (no SMTP_URL) the job is dropped, logged at debug: the in-app notification stands.
 * A send failure throws, so pg-boss retries the job (retryLimit 5, backoff).
 */
export function notifyEmailHandler(mailer: Mailer | null, log: WorkerLog = defaultLog) {
  return async (data: Partial<OutgoingMail>): Promise<void> => {
    if (!mailer) {
      log.debug({ to: data?.to, subject: data?.subject }, 'notify-email: SMTP_URL not set, e-mail not sent');
      return;
    }
    const to = typeof data?.to === 'string' ? data.to.trim() : '';
    if (!to.includes('@') || typeof data.subject !== 'string' || typeof data.body !== 'string') {
      // Malformed job: retrying cannot fix it.
      log.warn({ to: data?.to }, 'notify-email: job without a valid address, subject and body, dropped');
      return;
    }
    const info = await mailer.send({ to, subject: data.subject, body: data.body });
    log.info({ to, subject: data.subject, messageId: info.messageId }, 'notify-email: sent');
  };
}

export async function registerWorkers(services: Services, opts: { env?: NodeJS.ProcessEnv; log?: WorkerLog } = {}): Promise<void> {
  const mailer = mailerFromEnv(opts.env ?? process.env);
  await services.jobs.work(JOB_NAMES.notifyEmail, notifyEmailHandler(mailer, opts.log));
  // Test-only pacing, inert unless set: the kill -9 crash test needs a run slow enough to die midway.
  const paceMs = Number((opts.env ?? process.env).GG_TEST_CERTIFICATE_PACE_MS) || 0;
  const afterIssue = paceMs > 0 ? () => new Promise<void>((r) => setTimeout(r, paceMs)) : undefined;
  await registerProgressReminders(services);
  await services.jobs.work(CERTIFICATE_RUN_JOB, (data: { runId?: string }) => (data?.runId ? runCertificateJob(services, data.runId, { afterIssue }) : Promise.resolve()));
  // A crash (kill -9) leaves a run queued or running with its job lost or stuck active: queue it again.
  const resumed = await resumeCertificateRuns(services);
  // 逾期未报送: every minute (Asia/Shanghai); lapses nothing until the results deadline has passed.
  await services.jobs.work(RESULTS_LAPSE_JOB, async () => void (await lapseOverdueResults(services)));
  await services.jobs.schedule(RESULTS_LAPSE_JOB, '* * * * *');
  // 成果评定 未响应: hourly; invitations left unanswered past their group's deadline.
  await services.jobs.work(EVALUATION_NO_RESPONSE_JOB, async () => void (await expireInvitations(services)));
  await services.jobs.schedule(EVALUATION_NO_RESPONSE_JOB, '5 * * * *');
  // 公示: opens scheduled windows on their first day, closes them after their last (Asia/Shanghai), every minute.
  await services.jobs.work(PUBLICITY_CLOSE_JOB, async () => void (await sweepPublicityWindows(services)));
  await services.jobs.schedule(PUBLICITY_CLOSE_JOB, '* * * * *');
  if (resumed) (opts.log ?? defaultLog).info({ resumed }, 'certificate runs resumed');
}
