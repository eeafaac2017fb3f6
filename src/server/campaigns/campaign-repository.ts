import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { campaignConfigSchema, type CampaignConfig, type CampaignDto, type WindowKey, WINDOW_LABELS } from '../../domain/campaign-config';
import { windowClosedMessage, windowStatus, type WindowStatus } from '../../domain/deadlines';
import { AppError } from '../app-error';
import type { DbOrTx } from '../db/client';
import { campaigns, windowReopenings } from '../db/schema';

export type CampaignRow = typeof campaigns.$inferSelect;

export function toCampaignDto(row: CampaignRow): CampaignDto {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    documentNo: row.documentNo,
    status: row.status as CampaignDto['status'],
    config: campaignConfigSchema.parse(row.config),
    version: row.version,
  };
}

/**
 * The campaign lists default to (several years run at once: 2026 in evaluation while 2027 takes
 * applications): the newest active campaign whose application window has opened by `now`; before
 * any has opened, the oldest active one. Activating next year early therefore hides nothing.
 */
export async function currentCampaign(db: DbOrTx, now: Date): Promise<CampaignRow> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.status, 'active')).orderBy(desc(campaigns.year));
  if (!rows.length) throw new AppError('not_found', 'no active campaign', '当前没有进行中的年度质量攻关活动');
  return rows.find((r) => Date.parse((r.config as CampaignConfig).windows.application.opensAt) <= now.getTime()) ?? rows[rows.length - 1];
}

/** The campaign a new application belongs to: the active one whose application window is open now, else the current one. */
export async function applicationCampaign(db: DbOrTx, now: Date): Promise<CampaignRow> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.status, 'active')).orderBy(desc(campaigns.year));
  return rows.find((r) => windowStatus((r.config as CampaignConfig).windows.application, now).open) ?? currentCampaign(db, now);
}

/**
 * The campaign of a list or overview: `?year=` when given (drafts only for the commission, who
 * configures them), else the current one by date.
 */
export async function campaignForYear(db: DbOrTx, year: number | undefined, now: Date, opts: { includeDraft?: boolean } = {}): Promise<CampaignRow> {
  if (year === undefined) return currentCampaign(db, now);
  const [row] = await db.select().from(campaigns).where(eq(campaigns.year, year));
  if (!row || (row.status === 'draft' && !opts.includeDraft)) throw new AppError('not_found', `campaign ${year}`, `${year}年度活动不存在或尚未开启`);
  return row;
}

export async function campaignById(db: DbOrTx, id: string): Promise<CampaignRow> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw new AppError('not_found', `campaign ${id}`, '年度活动不存在');
  return row;
}

/** The window as it stands for one recommender (or project), counting the commission's reopenings. */
export async function windowFor(
  db: DbOrTx,
  campaign: CampaignRow,
  window: WindowKey,
  now: Date,
  scope: { organisationId?: string | null; projectId?: string | null },
): Promise<WindowStatus> {
  const config = campaign.config as CampaignConfig;
  const conds = [];
  if (scope.organisationId) conds.push(eq(windowReopenings.organisationId, scope.organisationId));
  if (scope.projectId) conds.push(eq(windowReopenings.projectId, scope.projectId));
  const reopenings = conds.length
    ? await db
        .select({ closesAt: windowReopenings.closesAt, revokedAt: windowReopenings.revokedAt })
        .from(windowReopenings)
        .where(and(eq(windowReopenings.campaignId, campaign.id), eq(windowReopenings.window, window), isNull(windowReopenings.revokedAt), or(...conds)))
    : [];
  return windowStatus(config.windows[window], now, reopenings);
}

/** Refuses with the Chinese deadline message when the window is not open (逾期不再接收). */
export async function assertWindowOpen(
  db: DbOrTx,
  campaign: CampaignRow,
  window: WindowKey,
  now: Date,
  scope: { organisationId?: string | null; projectId?: string | null },
): Promise<void> {
  const s = await windowFor(db, campaign, window, now, scope);
  if (!s.open) {
    throw new AppError(s.reason === 'closed' ? 'deadline_passed' : 'window_not_open', `${window} window ${s.reason}`, windowClosedMessage(WINDOW_LABELS[window], s));
  }
}
