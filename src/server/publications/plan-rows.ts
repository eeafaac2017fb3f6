/** The rows of a 立项计划: the approved projects of one campaign, in 立项编号 order. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DIRECTION_LABELS, type Direction } from '../../domain/application-form';
import type { PlanRow } from '../../shared/publications';
import type { CampaignRow } from '../campaigns/campaign-repository';
import type { DbOrTx } from '../db/client';
import { organisations, projects } from '../db/schema';

const applicant = alias(organisations, 'applicant_org');
const recommender = alias(organisations, 'recommender_org');

export interface PlanRowWithOrgs extends PlanRow {
  applicantOrgId: string;
  recommenderOrgId: string | null;
}

export async function approvedPlanRows(db: DbOrTx, campaign: CampaignRow): Promise<PlanRowWithOrgs[]> {
  const directions = new Map(((campaign.config as { directions?: { code: string; label: string }[] }).directions ?? []).map((d) => [d.code, d.label]));
  const found = await db
    .select({
      projectNo: projects.projectNo,
      name: projects.name,
      direction: projects.direction,
      chain: projects.chain,
      applicantOrgId: projects.applicantOrgId,
      recommenderOrgId: projects.recommenderOrgId,
      unit: applicant.name,
      district: applicant.district,
      recommender: recommender.name,
    })
    .from(projects)
    .innerJoin(applicant, eq(applicant.id, projects.applicantOrgId))
    .leftJoin(recommender, eq(recommender.id, projects.recommenderOrgId))
    .where(and(eq(projects.campaignId, campaign.id), eq(projects.state, 'approved'), isNull(projects.deletedAt)))
    .orderBy(asc(projects.projectNo), asc(projects.id));
  return found.map((r, i) => ({
    seq: i + 1,
    projectNo: r.projectNo ?? '',
    name: r.name,
    unit: r.unit,
    district: r.district ?? '',
    recommender: r.recommender ?? '',
    direction: r.direction ? (directions.get(r.direction) ?? DIRECTION_LABELS[r.direction as Direction] ?? r.direction) : '',
    chain: r.chain ?? '',
    applicantOrgId: r.applicantOrgId,
    recommenderOrgId: r.recommenderOrgId,
  }));
}

/** What is stored and shown: the public columns only (no internal ids). */
export function publicRow(r: PlanRowWithOrgs): PlanRow {
  return { seq: r.seq, projectNo: r.projectNo, name: r.name, unit: r.unit, district: r.district, recommender: r.recommender, direction: r.direction, chain: r.chain };
}

export const defaultPlanTitle = (year: number) => `${year}年天津市质量攻关项目计划`;
