import { and, eq } from 'drizzle-orm';
import { calendarSummary, campaignCalendarYears, collectCalendar, parseCalendarText, type CalendarLineProblem, type ParsedCalendar } from '../../domain/holiday-calendar';
import { type CampaignConfig, type CampaignDto } from '../../domain/campaign-config';
import { staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { campaigns } from '../db/schema';
import { readSheetRows } from '../files/xlsx-read';
import { renderListXlsx } from '../documents/list-xlsx';
import { authorize } from '../policy/policy';
import { campaignById, toCampaignDto, type CampaignRow } from './campaign-repository';

/** Columns of the Excel import (first sheet, header row; any order). */
export const CALENDAR_XLSX_COLUMNS = ['日期', '节日', '安排'] as const;

export interface CalendarImportResult {
  /** false when any line is bad: nothing was saved, every bad line is listed. */
  saved: boolean;
  problems: CalendarLineProblem[];
  campaign?: CampaignDto;
}

/** The years a campaign's calendar may hold (its year through the year its last window closes). */
export function calendarYearsOf(row: CampaignRow): number[] {
  const c = row.config as CampaignConfig;
  return campaignCalendarYears(row.year, Object.values(c.windows).map((w) => w.closesAt));
}

/**
 * 导入节假日日历 (paste or Excel): the whole calendar of the campaign is replaced by the imported
 * one, or nothing is saved when any line is bad. Audited with the counts before and after.
 */
export async function importHolidayCalendar(
  ctx: CommandContext & { actor: Actor },
  input: { id: string; version: number } & ({ text: string } | { xlsx: Buffer }),
): Promise<CalendarImportResult> {
  authorize(ctx.actor, { kind: 'campaign', action: 'update' });
  const db = ctx.database.db;
  const years = calendarYearsOf(await campaignById(db, input.id));
  let parsed: ParsedCalendar;
  if ('text' in input) parsed = parseCalendarText(input.text, years);
  else {
    const rows = await readSheetRows(input.xlsx, CALENDAR_XLSX_COLUMNS);
    parsed = collectCalendar(rows.map((r) => ({ line: r.line, cells: [r.values['日期'], r.values['节日'], r.values['安排']] })), years);
  }
  if (parsed.problems.length) return { saved: false, problems: parsed.problems };
  return db.transaction(async (tx) => {
    const before = await campaignById(tx, input.id);
    const config = { ...(before.config as CampaignConfig), calendar: parsed.calendar };
    const [row] = await tx
      .update(campaigns)
      .set({ config, version: input.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(campaigns.id, input.id), eq(campaigns.version, input.version)))
      .returning();
    if (!row) throw staleVersion('campaign');
    await writeAudit(tx, ctx, {
      entity: 'campaign',
      entityId: row.id,
      action: 'import_calendar',
      summary: {
        year: row.year,
        source: 'text' in input ? 'paste' : 'xlsx',
        before: calendarSummary((before.config as CampaignConfig).calendar, row.year),
        after: calendarSummary(parsed.calendar, row.year),
      },
    });
    return { saved: true, problems: [], campaign: toCampaignDto(row) };
  });
}

/**
 * The Excel template of the import: the campaign's calendar as it stands (one row a day), or, while
 * it is empty, example rows of the campaign year — edit, then import it back.
 */
export async function holidayCalendarXlsx(row: CampaignRow): Promise<Buffer> {
  const cal = (row.config as CampaignConfig).calendar;
  const y = row.year;
  const rows: [string, string, string][] = cal.holidays.length || cal.workdays.length
    ? [...cal.holidays.map((d): [string, string, string] => [d, '', '休']), ...cal.workdays.map((d): [string, string, string] => [d, '调休', '上班'])].sort((a, b) => a[0].localeCompare(b[0]))
    : [[`${y}-01-01`, '元旦', '休'], [`${y}-02-06至${y}-02-13`, '春节（示例，请按国务院办公厅通知填写）', '休'], [`${y}-02-14`, '调休', '上班']];
  return renderListXlsx('节假日安排', [
    { header: CALENDAR_XLSX_COLUMNS[0], width: 26, value: (r: [string, string, string]) => r[0] },
    { header: CALENDAR_XLSX_COLUMNS[1], width: 36, value: (r: [string, string, string]) => r[1] },
    { header: CALENDAR_XLSX_COLUMNS[2], width: 10, value: (r: [string, string, string]) => r[2] },
  ], rows);
}
