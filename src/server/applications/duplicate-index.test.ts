/**
 * The cached duplicate index: page views may use an index checked within the last
 * DUPLICATE_INDEX_VIEW_MAX_AGE_MS; submits and the explicit check always see every committed change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../../../test/support/factories';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { eq } from 'drizzle-orm';
import { activeCampaign } from '../../../test/support/factories';
import { historicalResults, projects } from '../db/schema';
import { campaignConfigSchema } from '../../domain/campaign-config';
import type { ApplicationForm } from '../../domain/application-form';
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_SHOW_THRESHOLD } from '../../domain/similarity-thresholds';
import { duplicateIndex, findDuplicates, invalidateDuplicateIndex, storedDuplicates } from './duplicate-index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function campaign() {
  const c = await activeCampaign(t.services.database.db);
  const config = campaignConfigSchema.parse(c.config);
  // the calibrated defaults (a cached test template may still carry older seed values)
  return { id: c.id, config: { ...config, duplicate: { ...config.duplicate, flagThreshold: DEFAULT_FLAG_THRESHOLD, showThreshold: DEFAULT_SHOW_THRESHOLD } } };
}

describe('duplicate index freshness', () => {
  it('a reader that accepts a recent index does not see a change until it checks; a default (exact) reader always does', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    await duplicateIndex(db, c.id, c.config); // checked just now
    const p = await insertProject(t, { applicant: 'app_003', state: 'submitted', name: '高端数控机床主轴热变形误差补偿质量攻关' });
    const recent = await duplicateIndex(db, c.id, c.config, { maxAgeMs: 60_000 });
    expect(recent.has(`p:${p.id}`)).toBe(false);
    const exact = await duplicateIndex(db, c.id, c.config);
    expect(exact.has(`p:${p.id}`)).toBe(true);
  });

  it('an exact reader sees an application leave the compared set and another enter it at once', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    const a = await insertProject(t, { applicant: 'app_005', state: 'submitted', name: '汽车轮毂铸造缩松缺陷率降低攻关' });
    const b = await insertProject(t, { applicant: 'app_006', state: 'draft', name: '光伏组件层压气泡不良率降低攻关' });
    expect((await duplicateIndex(db, c.id, c.config)).has(`p:${a.id}`)).toBe(true);
    // a withdrawn (leaves) and b submitted (enters), each with one version bump, in one step
    await db.update(projects).set({ state: 'withdrawn', version: a.version + 1 }).where(eq(projects.id, a.id));
    await db.update(projects).set({ state: 'submitted', version: b.version + 1 }).where(eq(projects.id, b.id));
    const index = await duplicateIndex(db, c.id, c.config);
    expect(index.has(`p:${a.id}`)).toBe(false);
    expect(index.has(`p:${b.id}`)).toBe(true);
  });

  it('readers arriving together share one check, and all of them see the result', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    invalidateDuplicateIndex(db);
    const p = await insertProject(t, { applicant: 'app_004', state: 'submitted', name: '新能源汽车动力电池极片涂布一致性提升' });
    const indexes = await Promise.all(Array.from({ length: 5 }, () => duplicateIndex(db, c.id, c.config, { maxAgeMs: 60_000 })));
    expect(new Set(indexes).size).toBe(1);
    expect(indexes[0].has(`p:${p.id}`)).toBe(true);
  });

  it('after invalidation the next reader rebuilds, whatever age it accepts', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    const before = await duplicateIndex(db, c.id, c.config, { maxAgeMs: 60_000 });
    invalidateDuplicateIndex(db);
    const after = await duplicateIndex(db, c.id, c.config, { maxAgeMs: 60_000 });
    expect(after).not.toBe(before);
  });
});

// A past excellent result, and an application that rewrites it with synonyms (提高→提升,
// 不合格率→缺陷率, 降低→减少…) and reordered sentences: the disguise the old character index missed.
const PAST = {
  name: '降低风电齿轮箱行星轮渗碳淬火变形不合格率',
  problem: '我公司风电齿轮箱行星轮渗碳淬火后变形不合格率为7.8%，磨齿余量不均导致磨削烧伤，2024年以来客户投诉12起。主要原因是淬火压床压力分布不均，其次是渗碳炉碳势波动。',
  goals: '变形不合格率由7.8%降低至2.0%，磨削烧伤批次减少80%，年节约成本260万元。',
  route: '运用六西格玛DMAIC方法，建立渗碳炉碳势在线监测系统，改造淬火压床分区加压结构，优化预冷温度与保温时间，最后固化作业指导书并开展培训。',
};
const COPY: Partial<ApplicationForm> = {
  project: { name: '减少风电齿轮箱行星轮渗碳淬火变形缺陷率' } as ApplicationForm['project'],
  content: {
    background: '渗碳炉碳势波动与淬火压床压力分布不均是根本原因。我单位风电齿轮箱行星轮渗碳淬火后变形缺陷率为7.8%，磨齿余量不均导致磨削烧伤，2024年以来用户投诉12起。',
    goals: [{ indicator: '变形缺陷率', baseline: '7.8', target: '2.0', unit: '%' }],
    technicalRoute: '采用六西格玛DMAIC方法，改造淬火压床分区加压结构，构建渗碳炉碳势实时监控系统，改进预冷温度与保温时间，最终固化作业规程并开展宣贯。',
  } as ApplicationForm['content'],
};

describe('duplicate check explained', () => {
  it('flags a synonym paraphrase of a past result at the default threshold and says why', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    const [past] = await db.insert(historicalResults).values({ year: 2023, unitName: '天津重型传动装备有限公司', level: '一等', ...PAST }).returning();
    invalidateDuplicateIndex(db);
    const res = await findDuplicates(db, { campaignId: c.id, config: c.config, projectId: '00000000-0000-0000-0000-000000000000', form: COPY as ApplicationForm, viewer: { redactOtherApplications: true } });
    expect(res.flagThreshold).toBe(0.7);
    expect(res.flagged).toBe(true);
    const top = res.matches[0];
    expect(top.id).toBe(past.id);
    expect(top.score).toBeGreaterThanOrEqual(0.7);
    // the synonyms the applicant swapped, per field, with both words (a published result is not confidential)
    const pairs = top.synonyms!.map((x) => `${x.field}:${x.query}>${x.target}`);
    expect(pairs).toContain('name:减少>降低');
    expect(pairs).toContain('name:缺陷率>不合格率');
    expect(pairs).toContain('route:构建>建立');
    expect(top.synonyms!.find((x) => x.query === '缺陷率')!.fieldLabel).toBe('项目名称');
    expect(top.sharedTerms).toEqual(expect.arrayContaining(['行星', '渗碳', '淬火']));
    // the highlighted passage runs across the swapped synonym: 实时监控 in the copy, 在线监测 in the past result
    const route = top.overlaps.find((o) => o.field === 'route')!;
    const copied = route.queryRanges.map(([a, b]) => COPY.content!.technicalRoute!.slice(a, b));
    expect(copied.some((x) => x.includes('渗碳炉碳势实时监控系统'))).toBe(true);
    const original = route.targetRanges!.map(([a, b]) => PAST.route.slice(a, b));
    expect(original.some((x) => x.includes('渗碳炉碳势在线监测系统'))).toBe(true);
    expect(top.targetTexts?.route).toBe(PAST.route);
    await db.delete(historicalResults).where(eq(historicalResults.id, past.id));
    invalidateDuplicateIndex(db);
  });

  it('an applicant sees only its own words of another applicant’s application', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    const other = await insertProject(t, { applicant: 'app_007', state: 'submitted', name: PAST.name });
    await db.update(projects).set({ form: { project: { name: PAST.name }, content: { background: PAST.problem, technicalRoute: PAST.route } }, version: other.version + 1 }).where(eq(projects.id, other.id));
    const input = { campaignId: c.id, config: c.config, projectId: '00000000-0000-0000-0000-000000000000', form: COPY as ApplicationForm };
    const applicant = await findDuplicates(db, { ...input, viewer: { redactOtherApplications: true } });
    const hidden = applicant.matches.find((m) => m.source === 'application')!;
    expect(hidden.name).toBe('本年度其他申报项目（内容保密）');
    expect(hidden.sharedTerms).toBeUndefined();
    expect(hidden.targetTexts).toBeUndefined();
    expect(hidden.synonyms!.length).toBeGreaterThan(0);
    expect(hidden.synonyms!.every((x) => x.target === '')).toBe(true);
    const reviewer = applicant.stored.find((m) => m.source === 'application')!;
    expect(reviewer.id).toBe(other.id);
    expect(reviewer.synonyms!.some((x) => x.target !== '')).toBe(true);
    expect(reviewer.targetTexts?.route).toBe(PAST.route);
    // stored results shown to an applicant later are redacted the same way
    const again = storedDuplicates(applicant.stored, { config: c.config, form: COPY as ApplicationForm, score: applicant.topScore, flagged: applicant.flagged, viewer: { redactOtherApplications: true } });
    const r = again.matches.find((m) => m.source === 'application')!;
    expect(r.targetTexts).toBeUndefined();
    expect(r.synonyms!.every((x) => x.target === '')).toBe(true);
  });

  it('a commission-extended synonym table is used (and a changed table rebuilds the index)', async () => {
    const db = t.services.database.db;
    const c = await campaign();
    const [past] = await db.insert(historicalResults).values({ year: 2022, unitName: '天津精工轴承有限公司', name: '轴承套圈磨加工烧伤攻关', problem: '套圈磨加工烧伤频发，返工率高。' }).returning();
    const query = { project: { name: '轴承套圈磨削灼伤攻关' }, content: { background: '套圈磨削灼伤频发，返工率高。' } } as unknown as ApplicationForm;
    const base = { campaignId: c.id, projectId: '00000000-0000-0000-0000-000000000000', form: query, viewer: { redactOtherApplications: false } };
    const before = await findDuplicates(db, { ...base, config: c.config });
    const scoreBefore = before.stored.find((m) => m.id === past.id)?.score ?? 0;
    const extended = { ...c.config, duplicate: { ...c.config.duplicate, synonyms: [{ canonical: '磨加工', variants: ['磨削'] }, { canonical: '烧伤', variants: ['灼伤'] }] } };
    expect(campaignConfigSchema.safeParse(extended).success).toBe(true);
    const after = await findDuplicates(db, { ...base, config: extended });
    const m = after.stored.find((x) => x.id === past.id)!;
    expect(m.score).toBeGreaterThan(scoreBefore + 0.3);
    expect(m.synonyms!.map((x) => `${x.query}>${x.target}`)).toEqual(expect.arrayContaining(['磨削>磨加工', '灼伤>烧伤']));
    await db.delete(historicalResults).where(eq(historicalResults.id, past.id));
    invalidateDuplicateIndex(db);
  });

  it('the campaign config refuses a malformed synonym table with a message naming the limit', () => {
    const c = campaignConfigSchema.safeParse({ duplicate: { flagThreshold: 0.7, showThreshold: 0.45, targets: ['same_year'], synonyms: [{ canonical: '提高', variants: [] }] } });
    expect(c.success).toBe(false);
    expect(c.error!.issues.some((i) => i.message === '至少需要1个同义词（每组至少2个词）')).toBe(true);
  });
});
