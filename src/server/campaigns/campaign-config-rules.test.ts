/** 雷同检查 synonym table, 进展报告安排 and 成果评定指标 edited on the campaign: every rule refused in Chinese. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { evaluationGroups } from '../db/schema';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('demo_commission');
});
afterAll(async () => t.close());

async function campaign2026() {
  const c = (await admin.get('/api/campaigns')).body.items.find((x: any) => x.year === 2026);
  const put = (config: any) => admin.put(`/api/campaigns/${c.id}`, { version: c.version, title: c.title, documentNo: c.documentNo, status: c.status, config: { ...c.config, ...config } });
  return { admin, c, put };
}

const groups = [
  { canonical: '提高', variants: ['提升', '改善'] },
  { canonical: '降低', variants: ['减少', '下降'] },
];

describe('campaign synonym table (雷同检查)', () => {
  it('saves an extended table and audits the change', async () => {
    const { admin, c, put } = await campaign2026();
    const res = await put({ duplicate: { ...c.config.duplicate, synonyms: [...groups, { canonical: '不良率', variants: ['缺陷率', '不合格率'] }] } });
    expect(res.status).toBe(200);
    expect(res.body.config.duplicate.synonyms).toHaveLength(3);
    const audit = await admin.get('/api/audit?entity=campaign&action=update');
    expect(audit.body.items[0].summary.changed).toContain('duplicate');
  });

  it.each([
    ['a word in two groups', [...groups, { canonical: '增强', variants: ['提升'] }], /第3组（增强）中的“提升”已在第1组（提高）中/],
    ['a word twice in one group', [{ canonical: '提高', variants: ['提升', '提升'] }], /第1组（提高）中“提升”重复出现/],
    ['a group of fewer than 2 words', [{ canonical: '提高', variants: [] }], /至少需要1个同义词/],
    ['an empty word', [{ canonical: '提高', variants: ['  '] }], /同义词不能为空/],
    ['an over-long word', [{ canonical: '提高', variants: ['很'.repeat(21)] }], /同义词最多20个字/],
    ['too many groups', Array.from({ length: 301 }, (_, i) => ({ canonical: `词${i}甲`, variants: [`词${i}乙`] })), /同义词表最多300组/],
  ])('refuses when the table has %s', async (_, synonyms, message) => {
    const { c, put } = await campaign2026();
    const res = await put({ duplicate: { ...c.config.duplicate, synonyms } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(Object.keys(res.body.fields).some((k) => k.startsWith('config.duplicate.synonyms'))).toBe(true);
  });
});

describe('campaign progress schedule (进展报告安排)', () => {
  const base = { frequency: 'quarterly', dayOfMonth: 15, remindDaysBefore: 5, remindDaysAfter: 2 };
  it('saves a quarterly schedule with fixed dates', async () => {
    const { put } = await campaign2026();
    const res = await put({ progressSchedule: { ...base, fixedDates: ['2026-06-30', '2026-11-30'] } });
    expect(res.status).toBe(200);
    expect(res.body.config.progressSchedule).toMatchObject({ frequency: 'quarterly', fixedDates: ['2026-06-30', '2026-11-30'] });
  });

  it.each([
    ['a fixed date outside the campaign year', { ...base, fixedDates: ['2027-01-10'] }, /第1个固定报送日期2027-01-10不在2026年度内/],
    ['fixed dates out of order', { ...base, fixedDates: ['2026-09-30', '2026-06-30'] }, /应晚于第1个/],
    ['a fixed date twice', { ...base, fixedDates: ['2026-06-30', '2026-06-30'] }, /与第1个重复/],
    ['a due day past the 28th', { ...base, dayOfMonth: 31 }, /报送日应在1至28日之间/],
    ['a late reminder of 0 days', { ...base, remindDaysAfter: 0 }, /逾期提醒天数应在1至30天之间/],
  ])('refuses when the schedule has %s', async (_, progressSchedule, message) => {
    const { put } = await campaign2026();
    const res = await put({ progressSchedule });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(Object.keys(res.body.fields).some((k) => k.startsWith('config.progressSchedule'))).toBe(true);
  });
});

describe('campaign evaluation criteria (成果评定指标)', () => {
  it.each([
    ['items totalling 95', (e: any) => (e.sections[0].items[0].max = 5), /评分项满分合计应为100分，当前为95分/],
    ['bands not descending', (e: any) => (e.bands = { excellent: 80, good: 85, qualified: 60 }), /100 ≥ 优秀 > 良好 > 合格 > 0/],
    ['a band over 100', (e: any) => (e.bands.excellent = 120), /优秀分数线不能超过100/],
    ['a group of 2 experts at least', (e: any) => (e.minGroupSize = 2), /评定组最少人数应为不少于3的整数/],
    ['a group larger than 15', (e: any) => (e.groupSize = 16), /评定组人数应为3至15之间的整数/],
    ['an empty item name', (e: any) => (e.sections[0].items[0].label = ' '), /请填写评分项名称/],
  ])('refuses when the criteria have %s', async (_, change, message) => {
    const { c, put } = await campaign2026();
    const evaluation = structuredClone(c.config.evaluation);
    change(evaluation);
    const res = await put({ evaluation });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(Object.keys(res.body.fields).some((k) => k.startsWith('config.evaluation'))).toBe(true);
  });

  it('refuses when an evaluation group of the campaign has been committed, and says so on the lock endpoint', async () => {
    const { admin, c, put } = await campaign2026();
    expect((await admin.get(`/api/campaigns/${c.id}/criteria-lock`)).body).toEqual({ locked: false, reason: null });
    const evaluation = structuredClone(c.config.evaluation);
    evaluation.sections[0].items[0].max = 5;
    evaluation.sections[0].items[1].max = 15;
    const [g] = await t.services.database.db.insert(evaluationGroups).values({ campaignId: c.id, field: '机械', state: 'committed' }).returning();
    try {
      const lock = await admin.get(`/api/campaigns/${c.id}/criteria-lock`);
      expect(lock.body).toMatchObject({ locked: true, reason: expect.stringMatching(/已有1个成果评定组确认/) });
      const res = await put({ evaluation });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/成果评定指标不能修改/);
      expect(res.body.fields['config.evaluation']).toMatch(/评定指标不能再修改/);
      // other parts of the config stay editable
      const other = await put({ publicityWorkingDays: 6 });
      expect(other.status, JSON.stringify(other.body)).toBe(200);
    } finally {
      await t.services.database.db.delete(evaluationGroups).where(eq(evaluationGroups.id, g.id));
    }
  });

  it('saves changed criteria while no group is committed', async () => {
    const { c, put } = await campaign2026();
    const evaluation = structuredClone(c.config.evaluation);
    evaluation.sections[0].items[0].max = 5;
    evaluation.sections[0].items[1].max = 15;
    const res = await put({ evaluation });
    expect(res.status).toBe(200);
    expect(res.body.config.evaluation.sections[0].items[0].max).toBe(5);
  });
});
