/** Queries and DTOs of the certificate area. */
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { CERTIFICATE_RUN_STATE_LABELS, CERTIFICATE_STATE_LABELS, type CertificateDto, type CertificateOverview, type CertificateRunDto, type CertificateRunState } from '../../shared/certificates';
import type { CampaignRow } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { certificateRuns, certificates, organisations, projects } from '../db/schema';

export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateRunRow = typeof certificateRuns.$inferSelect;

/** A certificate is held by the completing unit (程序九: one per recognised project). */
export const HOLDER_UNIT = 'unit';

export function toRunDto(r: CertificateRunRow): CertificateRunDto {
  return {
    id: r.id,
    campaignId: r.campaignId,
    state: r.state as CertificateRunState,
    stateLabel: CERTIFICATE_RUN_STATE_LABELS[r.state as CertificateRunState] ?? r.state,
    total: r.total,
    issued: r.issued,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export function toCertificateDto(c: CertificateRow, p: { name: string; recognitionLevel: string | null }): CertificateDto {
  return {
    id: c.id,
    certificateNo: c.certificateNo,
    projectId: c.projectId,
    projectName: p.name,
    holderName: c.holderName,
    level: p.recognitionLevel,
    state: c.state,
    stateLabel: CERTIFICATE_STATE_LABELS[c.state] ?? c.state,
    issuedAt: c.issuedAt.toISOString(),
    voidedAt: c.voidedAt?.toISOString() ?? null,
    voidReason: c.voidReason,
    version: c.version,
  };
}

/** Recognised projects of the campaign that have no issued certificate yet (what a run issues). */
export function pendingCondition(campaignId: string): SQL {
  return and(
    eq(projects.campaignId, campaignId),
    eq(projects.state, 'recognised'),
    isNull(projects.deletedAt),
    sql`NOT EXISTS (SELECT 1 FROM ${certificates} c WHERE c.project_id = ${projects.id} AND c.holder_kind = ${HOLDER_UNIT} AND c.state = 'issued')`,
  )!;
}

export async function countPending(db: DbOrTx, campaignId: string): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(projects).where(pendingCondition(campaignId));
  return Number(n);
}

export async function pendingProjects(db: DbOrTx, campaignId: string, limit: number) {
  return db
    .select({ id: projects.id, name: projects.name, recognitionLevel: projects.recognitionLevel, applicantOrgId: projects.applicantOrgId, unitName: organisations.name })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
    .where(pendingCondition(campaignId))
    // Numbers follow the 立项编号 order (then 申报编号), so a re-run numbers in the same order.
    .orderBy(sql`${projects.projectNo} NULLS LAST`, sql`${projects.applicationNo} NULLS LAST`, projects.id)
    .limit(limit);
}

export async function latestRun(db: DbOrTx, campaignId: string): Promise<CertificateRunRow | undefined> {
  const [r] = await db.select().from(certificateRuns).where(eq(certificateRuns.campaignId, campaignId)).orderBy(desc(certificateRuns.createdAt)).limit(1);
  return r;
}

export async function activeRun(db: DbOrTx, campaignId: string): Promise<CertificateRunRow | undefined> {
  const [r] = await db
    .select()
    .from(certificateRuns)
    .where(and(eq(certificateRuns.campaignId, campaignId), inArray(certificateRuns.state, ['queued', 'running'])))
    .orderBy(desc(certificateRuns.createdAt))
    .limit(1);
  return r;
}

/** 证书发放 overview of the active campaign: counts and the latest run. */
export async function certificateOverview(db: DbOrTx, campaign: CampaignRow): Promise<CertificateOverview> {
  const [run, pending, [{ recognised }], [{ issued }]] = await Promise.all([
    latestRun(db, campaign.id),
    countPending(db, campaign.id),
    db.select({ recognised: count() }).from(projects).where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'recognised'), isNull(projects.deletedAt))),
    db.select({ issued: count() }).from(certificates).innerJoin(projects, eq(projects.id, certificates.projectId)).where(and(eq(projects.campaignId, campaign.id), eq(certificates.state, 'issued'))),
  ]);
  return { campaignYear: campaign.year, run: run ? toRunDto(run) : null, recognised: Number(recognised), issued: Number(issued), pending };
}
