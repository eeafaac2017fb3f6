/**
 * The `certificate-run` job: for every recognised project of the run's campaign without an issued
 * certificate, render the PDF, store the object (content hash), then in ONE transaction take the
 * next gap-free 证书编号 and insert the `files` row + the `certificates` row + the audit entry + the
 * applicant's notification + the run's progress. So a certificate is either complete (row and
 * readable file) or absent; an object stored by a transaction that never committed is unreferenced
 * and never visible (downloads always go through a row).
 *
 * Resumable: the work list is "recognised and no issued certificate", so a retry (pg-boss retries a
 * failed job), a second job for the same run, or a restart after kill -9 (`resumeCertificateRuns`)
 * skips what is issued. A duplicate issue is refused by the unique index on issued certificates and
 * rolls back with its number.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { shanghaiDateString } from '../../domain/shanghai-time';
import { writeAudit } from '../audit/write-audit';
import { campaignById } from '../campaigns/campaign-repository';
import type { Actor, Services } from '../context';
import { certificateRuns, certificates, files, users } from '../db/schema';
import { CERTIFICATE_BATCH_SIZE, createCertificateRenderer, planCertificateBatches, type CertificateInput } from '../documents/certificate-pdf';
import { notify } from '../notifications/notify';
import { certificateNo, currentCertificateSeq, takeCertificateSeq } from './certificate-number';
import { HOLDER_UNIT, pendingProjects } from './certificate-repository';

export const CERTIFICATE_RUN_JOB = 'certificate-run';
const ISSUER = '天津市市场监督管理委员会' as const;
/** A certificate is < 200 KB (issue #6); anything near this limit is a rendering fault. */
const MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024;

class NumberTaken extends Error {}

/** The project got an issued certificate from another worker meanwhile (the partial unique index). */
function isAlreadyIssued(err: unknown): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return e.constraint ? e.constraint === 'certificates_issued_uq' : String(e.message).includes('certificates_issued_uq');
  }
  return false;
}

/** The starter of the run, for the audit entries the job writes on its behalf. */
async function starter(services: Services, userId: string): Promise<Actor | null> {
  const [u] = await services.database.db.select().from(users).where(eq(users.id, userId));
  if (!u) return null;
  return { userId: u.id, username: u.username, displayName: u.displayName, role: u.role, isAdmin: u.isAdmin, organisationId: u.organisationId, organisationKind: 'commission', organisationSubtype: null, organisationName: '' };
}

export interface CertificateJobOptions {
  /** Test hook: called after each certificate commits (e.g. to pace a crash test). */
  afterIssue?: (issued: number) => Promise<void>;
}

export async function runCertificateJob(services: Services, runId: string, opts: CertificateJobOptions = {}): Promise<void> {
  const db = services.database.db;
  const [run] = await db.select().from(certificateRuns).where(eq(certificateRuns.id, runId));
  if (!run || run.state === 'done') return;
  try {
    await db.update(certificateRuns).set({ state: 'running', error: null, updatedAt: services.clock.now() }).where(eq(certificateRuns.id, runId));
    const campaign = await campaignById(db, run.campaignId);
    const actor = await starter(services, run.startedBy);
    const ctx = { ...services, actor, requestId: `job:${CERTIFICATE_RUN_JOB}:${runId}` };
    for (;;) {
      const pending = await pendingProjects(db, campaign.id, CERTIFICATE_BATCH_SIZE);
      if (!pending.length) break;
      const issuedDate = shanghaiDateString(services.clock.now());
      // Digits are always in the subset (printable ASCII), so the placeholder number covers the real one.
      const inputs = pending.map((p) => ({
        project: p,
        certificateNo: certificateNo(campaign, 0),
        unitName: p.unitName,
        projectName: p.name,
        level: p.recognitionLevel ?? undefined,
        year: campaign.year,
        issuedDate,
        issuer: ISSUER,
      }));
      for (const batch of planCertificateBatches(inputs)) {
        const renderer = await createCertificateRenderer(batch);
        for (const input of batch) {
          const issued = await issueOne(ctx, services, run, campaign, input, (n) => renderer.render({ ...input, certificateNo: n }));
          if (issued !== null) await opts.afterIssue?.(issued);
        }
      }
    }
    const now = services.clock.now();
    await db
      .update(certificateRuns)
      .set({ state: 'done', total: sql`GREATEST(${certificateRuns.total}, ${certificateRuns.issued})`, finishedAt: now, updatedAt: now })
      .where(eq(certificateRuns.id, runId));
  } catch (err) {
    // Visible on the page; pg-boss retries the job, which resumes where this one stopped.
    await db
      .update(certificateRuns)
      .set({ state: 'failed', error: (err as Error).message.slice(0, 500), updatedAt: services.clock.now() })
      .where(eq(certificateRuns.id, runId))
      .catch(() => undefined);
    throw err;
  }
}

type Pending = Awaited<ReturnType<typeof pendingProjects>>[number];

/** Issues one certificate; returns the run's issued count, or null when another worker issued it meanwhile. */
async function issueOne(
  ctx: Pick<Services, 'clock'> & { actor: Actor | null; requestId: string },
  services: Services,
  run: typeof certificateRuns.$inferSelect,
  campaign: { id: string; year: number; config: unknown },
  input: CertificateInput & { project: Pending },
  render: (no: string) => Promise<Buffer>,
): Promise<number | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    // The number is printed on the PDF, so it is predicted before rendering and checked in the
    // transaction; if another writer took it meanwhile, this attempt rolls back and re-renders.
    const seq = (await currentCertificateSeq(services.database.db, campaign.id)) + 1;
    const no = certificateNo(campaign, seq);
    const pdf = await render(no);
    const stored = await services.files.put(pdf, { maxBytes: MAX_CERTIFICATE_BYTES });
    try {
      return await services.database.db.transaction(async (tx) => {
        const taken = await takeCertificateSeq(tx, campaign.id);
        if (taken !== seq) throw new NumberTaken(`expected ${seq}, counter at ${taken}`);
        const now = ctx.clock.now();
        const fileName = `${no}（${input.unitName}）.pdf`;
        const [file] = await tx
          .insert(files)
          .values({ sha256: stored.sha256, size: stored.size, mime: 'application/pdf', originalName: fileName, storageKey: stored.key, ownerOrgId: ctx.actor?.organisationId ?? null, uploadedBy: run.startedBy, purpose: 'certificate', createdAt: now })
          .returning({ id: files.id });
        const [cert] = await tx
          .insert(certificates)
          .values({ projectId: input.project.id, certificateNo: no, holderName: input.unitName, holderKind: HOLDER_UNIT, fileId: file.id, state: 'issued', issuedAt: now, runId: run.id })
          .returning({ id: certificates.id });
        await writeAudit(tx, ctx, { entity: 'certificate', entityId: cert.id, action: 'issue', summary: { certificateNo: no, projectId: input.project.id, holder: input.unitName, runId: run.id, sha256: stored.sha256 } });
        await notify(tx, now, {
          organisationId: input.project.applicantOrgId,
          title: '优秀成果证书已发放',
          body: `您单位完成的“${input.projectName}”项目被认定为${campaign.year}年天津市质量攻关优秀成果，证书（编号${no}）已发放，可在“我的申报”中下载。`,
          link: '/applicant/applications',
        });
        const [progress] = await tx
          .update(certificateRuns)
          .set({ issued: sql`${certificateRuns.issued} + 1`, state: 'running', updatedAt: now })
          .where(eq(certificateRuns.id, run.id))
          .returning({ issued: certificateRuns.issued });
        return progress.issued;
      });
    } catch (err) {
      if (err instanceof NumberTaken) continue;
      if (isAlreadyIssued(err)) return null;
      throw err;
    }
  }
  throw new Error(`certificate number for project ${input.project.id} kept moving`);
}

/** At worker start: re-queue runs a crash left queued or running (their job may be lost or stuck active). */
export async function resumeCertificateRuns(services: Services): Promise<number> {
  const open = await services.database.db.select({ id: certificateRuns.id }).from(certificateRuns).where(inArray(certificateRuns.state, ['queued', 'running']));
  for (const r of open) await services.jobs.send(CERTIFICATE_RUN_JOB, { runId: r.id });
  return open.length;
}
