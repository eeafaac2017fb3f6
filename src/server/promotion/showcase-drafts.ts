/**
 * A showcase draft per newly recognised project (called by 公布, in its transaction): title = the
 * project name, summary from the result report's 成果概述 and 取得的成效, highlights from its
 * benefit data. Nothing is public until the commission approves the entry.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { projectResults, projects, resultBenefits, showcaseEntries } from '../db/schema';

const cut = (s: string, max: number) => (Array.from(s).length > max ? `${Array.from(s).slice(0, max - 1).join('')}…` : s);

/** The summary shown until the unit proposes its own (the report is the unit's own text). */
export function draftFromReport(report: Record<string, string | undefined>): string {
  return cut([report.summary, report.effects].filter(Boolean).join(''), 1000) || '成果简介待承担单位补充。';
}

export async function createShowcaseDrafts(tx: DbOrTx, ctx: Pick<CommandContext, 'clock'>, projectIds: string[]): Promise<void> {
  if (!projectIds.length) return;
  const now = ctx.clock.now();
  const rows = await tx.select({ p: projects, r: projectResults }).from(projects).leftJoin(projectResults, eq(projectResults.projectId, projects.id)).where(inArray(projects.id, projectIds));
  const resultIds = rows.map((r) => r.r?.id).filter((x): x is string => !!x);
  const benefits = resultIds.length ? await tx.select().from(resultBenefits).where(inArray(resultBenefits.resultId, resultIds)).orderBy(asc(resultBenefits.position)) : [];
  for (const { p, r } of rows) {
    const highlights = benefits
      .filter((b) => b.resultId === r?.id)
      .slice(0, 3)
      .map((b) => cut(b.before && b.after ? `${b.description}：由${b.before}提升至${b.after}${b.unit ?? ''}` : b.description, 100));
    await tx
      .insert(showcaseEntries)
      .values({ projectId: p.id, campaignId: p.campaignId, title: cut(p.name, 60), summary: draftFromReport((r?.report ?? {}) as Record<string, string>), highlights, state: 'draft', createdAt: now, updatedAt: now })
      .onConflictDoNothing();
  }
}
