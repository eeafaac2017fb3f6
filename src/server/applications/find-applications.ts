/** The 申报书 list (GET /api/applications): the actor's scope, search, state and year, one page. */
import { and, count, desc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { DIRECTION_LABELS, type Direction } from '../../domain/application-form';
import { PROJECT_STATE_LABELS } from '../../domain/project-workflow';
import type { applicationListQuerySchema } from '../../shared/applications';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import { campaigns, organisations, projects } from '../db/schema';
import { likePattern, pageOf } from '../http/list-query';
import { projectScope } from '../policy/project-policy';

export async function findApplications(db: Db, actor: Actor, query: z.infer<typeof applicationListQuerySchema>) {
  const { q, state, year } = query;
  const recommender = alias(organisations, 'recommender');
  const c: SQL[] = [projectScope(actor), isNull(projects.deletedAt)];
  if (state) c.push(eq(projects.state, state));
  if (year) c.push(eq(campaigns.year, year));
  if (q) c.push(or(ilike(projects.name, likePattern(q)), ilike(projects.applicationNo, likePattern(q)), ilike(organisations.name, likePattern(q)))!);
  const where = and(...c);
  const page = await pageOf(
    query,
    ({ limit, offset }) =>
      db
        .select({
          // the list does not read the 申报书 itself (form) or stored duplicate matches
          p: {
            id: projects.id,
            name: projects.name,
            applicationNo: projects.applicationNo,
            projectNo: projects.projectNo,
            state: projects.state,
            direction: projects.direction,
            chain: projects.chain,
            version: projects.version,
            duplicateFlag: projects.duplicateFlag,
            updatedAt: projects.updatedAt,
            submittedAt: projects.submittedAt,
          },
          year: campaigns.year,
          applicantName: organisations.name,
          recommenderName: recommender.name,
        })
        .from(projects)
        .innerJoin(campaigns, eq(campaigns.id, projects.campaignId))
        .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
        .leftJoin(recommender, eq(recommender.id, projects.recommenderOrgId))
        .where(where)
        .orderBy(desc(projects.updatedAt), desc(projects.id))
        .limit(limit)
        .offset(offset),
    db
      .select({ n: count() })
      .from(projects)
      .innerJoin(campaigns, eq(campaigns.id, projects.campaignId))
      .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
      .where(where),
  );
  return {
    ...page,
    items: page.items.map(({ p, year: y, applicantName, recommenderName }) => ({
      id: p.id,
      campaignYear: y,
      name: p.name,
      applicationNo: p.applicationNo,
      projectNo: p.projectNo,
      state: p.state,
      stateLabel: PROJECT_STATE_LABELS[p.state],
      direction: (p.direction ?? null) as Direction | null,
      directionLabel: p.direction ? (DIRECTION_LABELS[p.direction as Direction] ?? null) : null,
      chain: p.chain,
      applicantName,
      recommenderName: recommenderName ?? null,
      version: p.version,
      duplicateFlag: p.duplicateFlag,
      updatedAt: p.updatedAt.toISOString(),
      submittedAt: p.submittedAt?.toISOString() ?? null,
    })),
  };
}
