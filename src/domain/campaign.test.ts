import { describe, expect, it } from 'vitest';
import { campaignConfigSchema } from '../domain/campaign-config';
import { copyCampaignConfigToYear, default2026CampaignConfig } from './campaign';

describe('campaign config', () => {
  const c2026 = default2026CampaignConfig([{ id: 'max-length', severity: 'error', enabled: true, params: { max: 30 } }]);

  it('the 2026 defaults follow the seed and validate', () => {
    expect(campaignConfigSchema.parse(c2026)).toBeTruthy();
    expect(c2026.windows.application.closesAt).toBe('2026-04-20T23:59:59+08:00');
    expect(c2026.windows.results.closesAt).toBe('2026-09-30T23:59:59+08:00');
    expect(c2026.directions.find((d) => d.code === 'common')?.preferred).toBe(true);
    expect(c2026.focusChains).toContain('协作机器人');
    expect(c2026.earliestStartDate).toBe('2024-01-01');
  });

  it('copying to 2027 moves every date by one year and asks for a new calendar', () => {
    const c2027 = copyCampaignConfigToYear(c2026, 2026, 2027);
    expect(c2027.windows.application.closesAt).toBe('2027-04-20T23:59:59+08:00');
    expect(c2027.windows.results.opensAt).toBe('2027-05-01T00:00:00+08:00');
    expect(c2027.earliestStartDate).toBe('2025-01-01');
    expect(c2027.calendar.holidays).toEqual([]);
    expect(c2026.windows.application.closesAt).toBe('2026-04-20T23:59:59+08:00');
  });

  it('立项审核: the default 立项编号 format, and a set decision start moves with the year', () => {
    expect(c2026.projectNoFormat).toBe('TJZLGG-{year}-{nnnn}');
    expect(c2026.approvalOpensAt).toBeUndefined();
    const c2027 = copyCampaignConfigToYear({ ...c2026, approvalOpensAt: '2026-04-27T09:00:00+08:00' }, 2026, 2027);
    expect(c2027.approvalOpensAt).toBe('2027-04-27T09:00:00+08:00');
    expect(campaignConfigSchema.safeParse({ ...c2026, projectNoFormat: 'GG{year}' }).success).toBe(false);
  });
});
