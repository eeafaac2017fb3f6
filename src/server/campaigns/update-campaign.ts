import { and, eq } from 'drizzle-orm';
import { campaignConfigSchema, progressScheduleYearProblems, WINDOW_LABELS, type CampaignConfig } from '../../domain/campaign-config';
import { evaluationCriteriaOf } from '../../shared/evaluation';
import { criteriaLockReason } from './criteria-lock';
import { lockedWindowChanges } from '../../domain/window-lock';
import { calendarCoversYear, calendarProblems } from '../../domain/holiday-calendar';
import { AppError, staleVersion, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { canonicalJson } from '../audit/hash-chain';
import type { Actor, CommandContext } from '../context';
import { campaigns } from '../db/schema';
import { authorize } from '../policy/policy';
import { campaignById, toCampaignDto } from './campaign-repository';
import { calendarYearsOf } from './import-holiday-calendar';

export async function updateCampaign(
  ctx: CommandContext & { actor: Actor },
  input: { id: string; version: number; title: string; documentNo?: string | null; status: 'draft' | 'active' | 'archived'; config: CampaignConfig },
) {
  authorize(ctx.actor, { kind: 'campaign', action: 'update' });
  const config = campaignConfigSchema.parse(input.config);
  return ctx.database.db.transaction(async (tx) => {
    const before = await campaignById(tx, input.id);
    const calendarWrong = calendarProblems(config.calendar, calendarYearsOf({ ...before, config }));
    if (calendarWrong.length) throw validation(Object.fromEntries(calendarWrong.map((p) => [p.path, p.message])), `节假日日历有误：${calendarWrong[0].message}`);
    // 公示 and other working-day deadlines need the year's calendar before anyone works in the campaign.
    if (input.status === 'active' && !calendarCoversYear(config.calendar, before.year)) {
      const msg = `尚未录入${before.year}年的节假日安排，不能开启本年度活动：公示期等按工作日计算的期限需要节假日日历，请先在“节假日日历”中粘贴或导入国务院办公厅通知的日期`;
      throw validation({ 'config.calendar.holidays': msg }, msg);
    }
    const outsideYear = progressScheduleYearProblems(config.progressSchedule, before.year);
    if (outsideYear.length)
      throw validation(Object.fromEntries(outsideYear.map((p) => [`config.progressSchedule.fixedDates.${p.index}`, `进展报告安排：${p.message}`])), `进展报告安排：${outsideYear[0].message}`);
    // Scores already given were against the criteria of the committed groups.
    // (jsonb keeps its own key order: compared key-sorted)
    if (canonicalJson(evaluationCriteriaOf(config)) !== canonicalJson(evaluationCriteriaOf(before.config as CampaignConfig))) {
      const locked = await criteriaLockReason(tx, before.id);
      if (locked) throw new AppError('invalid_state', 'evaluation criteria locked', `成果评定指标不能修改：${locked}`, { fields: { 'config.evaluation': locked } });
    }
    // A window that has opened is changed only through a 补报窗口 (drafts are seen by nobody yet).
    if (before.status !== 'draft') {
      const locked = lockedWindowChanges((before.config as CampaignConfig).windows, config.windows, ctx.clock.now(), WINDOW_LABELS);
      if (locked.length)
        throw new AppError('invalid_state', `window already open: ${locked.map((p) => p.path).join(',')}`, locked[0].message, {
          fields: Object.fromEntries(locked.map((p) => [p.path, p.message])),
        });
    }
    const [row] = await tx
      .update(campaigns)
      .set({ title: input.title, documentNo: input.documentNo ?? null, status: input.status, config, version: input.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(campaigns.id, input.id), eq(campaigns.version, input.version)))
      .returning();
    if (!row) throw staleVersion('campaign');
    const changed = (Object.keys(config) as (keyof CampaignConfig)[]).filter(
      (k) => JSON.stringify(config[k]) !== JSON.stringify((before.config as CampaignConfig)[k]),
    );
    await writeAudit(tx, ctx, {
      entity: 'campaign',
      entityId: row.id,
      action: 'update',
      summary: { year: row.year, changed, statusBefore: before.status, statusAfter: row.status, windowsBefore: (before.config as CampaignConfig).windows, windowsAfter: config.windows },
    });
    return toCampaignDto(row);
  });
}
