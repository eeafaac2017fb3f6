/**
 * One new version of a publication series, inside the caller's transaction: the series lock, the
 * version check, the immutable row and its audit entry. Used by the procedures that publish lists
 * of their own (公示名单, 认定结果: src/server/publicity); the caller notifies and, after commit,
 * clears the public cache (`publicationCache(ctx.database).clear()`).
 */
import { sql } from 'drizzle-orm';
import type { PlanRow, PublicationKind } from '../../shared/publications';
import { CORRECTION_NOTE_MIN } from '../../shared/publications';
import { AppError, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { publications } from '../db/schema';
import { loadSeries, type PublicationRow } from './publication-repository';

export interface NewPublication {
  campaignId: string;
  year: number;
  kind: PublicationKind;
  /** '' = the campaign's one series of this kind; e.g. `publicity:<windowId>` for one 公示 window's. */
  series: string;
  title: string;
  documentNo: string;
  publishedOn: string;
  rows: PlanRow[];
  /** Required from version 2 on. */
  correctionNote?: string | null;
  /** When given, the latest version the client saw (409 stale_version otherwise). */
  expectedVersion?: number;
}

export async function recordPublication(tx: DbOrTx, ctx: CommandContext & { actor: Actor | null }, input: NewPublication): Promise<PublicationRow> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`publication:${input.campaignId}:${input.kind}:${input.series}`}))`);
  const series = await loadSeries(tx, input.campaignId, input.kind, input.series);
  const latest = series[0]?.version ?? 0;
  if (input.expectedVersion !== undefined && input.expectedVersion !== latest) {
    throw new AppError('stale_version', `${input.kind} series at ${latest}, client saw ${input.expectedVersion}`, `《${input.title}》已由他人发布至第${latest}版，请刷新后重新确认`);
  }
  const note = input.correctionNote?.trim() ?? '';
  if (latest > 0 && note.length < CORRECTION_NOTE_MIN) throw validation({ correctionNote: `更正说明必填，至少${CORRECTION_NOTE_MIN}个字（说明本次更正的内容）` });
  const [row] = await tx
    .insert(publications)
    .values({
      campaignId: input.campaignId,
      kind: input.kind,
      series: input.series,
      version: latest + 1,
      title: input.title,
      documentNo: input.documentNo,
      publishedOn: input.publishedOn,
      rows: input.rows,
      correctionNote: latest > 0 ? note : null,
      publishedBy: ctx.actor?.userId ?? null,
      publishedAt: ctx.clock.now(),
    })
    .returning();
  await writeAudit(tx, ctx, {
    entity: 'publication',
    entityId: row.id,
    action: latest > 0 ? 'correct_publication' : 'publish',
    summary: { kind: input.kind, year: input.year, version: row.version, title: row.title, documentNo: row.documentNo, rows: input.rows.length, correctionNote: row.correctionNote },
  });
  return row;
}
