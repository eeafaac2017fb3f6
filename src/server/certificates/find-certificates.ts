/** Certificates as a list: the commission's (one campaign, state, search) and a unit's own (issued), one page. */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { CertificateState } from '../../shared/certificates';
import type { DbOrTx } from '../db/client';
import { certificates, projects } from '../db/schema';
import { likePattern, pageOf } from '../http/list-query';
import { toCertificateDto } from './certificate-repository';

export async function findCertificates(
  db: DbOrTx,
  where: { campaignId?: string; applicantOrgId?: string; state?: CertificateState; q?: string },
  query: { page: number; pageSize: number },
) {
  const c: SQL[] = [];
  if (where.campaignId) c.push(eq(projects.campaignId, where.campaignId));
  if (where.applicantOrgId) c.push(eq(projects.applicantOrgId, where.applicantOrgId));
  if (where.state) c.push(eq(certificates.state, where.state));
  if (where.q) c.push(or(ilike(certificates.certificateNo, likePattern(where.q)), ilike(projects.name, likePattern(where.q)), ilike(certificates.holderName, likePattern(where.q)))!);
  const cond = c.length ? and(...c) : undefined;
  const page = await pageOf(
    query,
    ({ limit, offset }) =>
      db
        .select({ c: certificates, p: { name: projects.name, recognitionLevel: projects.recognitionLevel } })
        .from(certificates)
        .innerJoin(projects, eq(projects.id, certificates.projectId))
        .where(cond)
        .orderBy(desc(certificates.issuedAt), desc(certificates.certificateNo))
        .limit(limit)
        .offset(offset),
    db.select({ n: count() }).from(certificates).innerJoin(projects, eq(projects.id, certificates.projectId)).where(cond),
  );
  return { ...page, items: page.items.map((r) => toCertificateDto(r.c, r.p)) };
}
