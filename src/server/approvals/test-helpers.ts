/** Request-test helpers for 立项审核: projects awaiting decision and a clock after the application deadline. */
import { and, eq } from 'drizzle-orm';
import { insertProject } from '../../../test/support/factories';
import type { TestApp } from '../../../test/support/test-app';
import { activeCampaign } from '../../../test/support/factories';
import { counters, projects } from '../db/schema';
import { PROJECT_NO_COUNTER } from './decision-support';

/** 2026-04-21 09:30 Beijing: the application window (4月20日 23:59:59) has closed, decisions are open. */
export const AFTER_DEADLINE = '2026-04-21T09:30:00+08:00';

/** A project in 立项审核中, recommended by the applicant's district bureau, with a 推荐意见. */
export async function underReview(t: TestApp, applicant: string, name: string, opts: { direction?: 'precise' | 'common' } = {}) {
  const row = await insertProject(t, { applicant, state: 'under_review', name, direction: opts.direction });
  const [updated] = await t.services.database.db
    .update(projects)
    .set({ recommendationOpinion: '经核实，申报材料真实、完整，攻关目标量化可考核，同意推荐。', recommendOrder: 1 })
    .where(eq(projects.id, row.id))
    .returning();
  return updated;
}

export async function projectNoCounter(t: TestApp): Promise<number> {
  const db = t.services.database.db;
  const campaign = await activeCampaign(db);
  const [row] = await db.select({ value: counters.value }).from(counters).where(and(eq(counters.scope, campaign.id), eq(counters.name, PROJECT_NO_COUNTER)));
  return row?.value ?? 0;
}

/** The sequence part of a TJZLGG-2026-0001 number. */
export const seqOf = (projectNo: string) => Number(/(\d+)$/.exec(projectNo)![1]);
