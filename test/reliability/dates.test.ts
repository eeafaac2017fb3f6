/**
 * Issue 13.9 — every date field is a real calendar date in a plausible range, refused otherwise
 * with a Chinese message naming the field. Milestone dates like 9999-99-99 were saved unflagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestoneSchema, applicationFormSchema } from '../../src/domain/application-form';
import { campaignConfigSchema } from '../../src/domain/campaign-config';
import { beijingInstant, calendarDate, isRealDate, wallClockTime } from '../../src/domain/dates';
import { siteVisitSchema } from '../../src/shared/recommendations';
import { wallClockSchema } from '../../src/shared/training';
import { createTestApp, type Agent, type TestApp } from '../support/test-app';

const CJK = /[\u4e00-\u9fff]/;
const IMPOSSIBLE_DAYS = ['9999-99-99', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2027-02-29', '1800-01-01', '2150-06-01'];

function message(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  expect(result.success).toBe(false);
  return result.error!.issues[0].message;
}

describe('date schemas (issue 13.9)', () => {
  it('knows real calendar dates, leap years included', () => {
    for (const d of ['2026-02-28', '2028-02-29', '2026-12-31', '2000-02-29']) expect(isRealDate(d), d).toBe(true);
    for (const d of ['9999-99-99', '2026-02-29', '1900-02-29', '2026-06-31', '2026-1-01']) expect(isRealDate(d), d).toBe(false);
  });

  it('refuses impossible and implausible dates in every date schema, in Chinese', () => {
    const schemas = {
      'calendarDate()': calendarDate(),
      '申报书 milestone date': milestoneSchema.shape.date,
      '申报书 project start date': applicationFormSchema.shape.project.unwrap().shape.startDate,
      'campaign earliest start date': campaignConfigSchema.shape.earliestStartDate,
      'site visit date': siteVisitSchema.shape.date,
    };
    for (const [name, schema] of Object.entries(schemas)) {
      expect(schema.safeParse('2026-05-20').success, name).toBe(true);
      for (const bad of IMPOSSIBLE_DAYS) expect(message(schema.safeParse(bad) as never), `${name} ${bad}`).toMatch(CJK);
    }
  });

  it('refuses impossible Beijing times and wall-clock times', () => {
    expect(beijingInstant().safeParse('2026-04-20T23:59:59+08:00').success).toBe(true);
    for (const bad of ['2026-02-30T10:00:00+08:00', '2026-04-20T24:00:00+08:00', '2026-04-20T10:60:00+08:00', '9999-99-99T99:99:99+08:00', '2200-01-01T00:00:00+08:00']) {
      expect(message(beijingInstant().safeParse(bad) as never), bad).toMatch(CJK);
    }
    expect(wallClockSchema.safeParse('2026-05-12 09:00').success).toBe(true);
    for (const bad of ['2026-05-32 09:00', '2026-05-12 25:00', '9999-99-99 99:99']) expect(message(wallClockTime().safeParse(bad) as never), bad).toMatch(CJK);
    for (const bad of ['2026-05-32 09:00', '2026-05-12 25:00']) expect(wallClockSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('an impossible milestone date in a saved 申报书', () => {
  let t: TestApp;
  let applicant: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    applicant = await t.login('demo_applicant');
  });
  afterAll(async () => t?.close());

  it('is refused with 400 naming 里程碑日期, and nothing is stored', async () => {
    const created = await applicant.post('/api/applications', { direction: 'precise' });
    expect(created.status).toBe(200);
    const form = {
      ...created.body.form,
      project: { name: '降低协作机器人关节模组装配不良率' },
      content: { ...(created.body.form.content ?? {}), milestones: [{ date: '9999-99-99', title: '完成关节模组装配工艺优化' }] },
    };
    const res = await applicant.put(`/api/applications/${created.body.id}/draft`, { version: created.body.version, form });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe('validation');
    const [field, msg] = Object.entries<string>(res.body.fields)[0];
    expect(field).toBe('form.content.milestones.0.date');
    expect(msg).toContain('里程碑日期');
    expect(msg).toContain('不是真实存在的日期');
    const stored = (await t.services.database.executeSql(`SELECT form::text AS f FROM projects WHERE id = '${created.body.id}'`)).rows[0] as { f: string };
    expect(stored.f).not.toContain('9999-99-99');
    // A real date saves.
    form.content.milestones[0].date = '2026-09-30';
    expect((await applicant.put(`/api/applications/${created.body.id}/draft`, { version: created.body.version, form })).status).toBe(200);
  });
});
