/**
 * Scaled bench data, written in bulk through the app's own db client and schema into a database
 * the real server has already migrated and seeded with the demo (first start). Seeding only:
 * every measurement goes through the real server.
 *
 * Shapes: applicant units like the demo seed (generated, never a real company's credit code),
 * 申报书 from the documents fixtures with texts from src/domain/similarity.fixtures.ts, historical
 * excellent results from the same generator (name / problem / goals / route, like seed/history.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { generateProject } from '../src/domain/similarity.fixtures';
import { generateUscc, TIANJIN_DISTRICTS } from '../src/domain/uscc';
import { writeAudit } from '../src/server/audit/write-audit';
import { openDatabase, type Database } from '../src/server/db/client';
import { campaigns, expertProfiles, files, historicalResults, organisations, projects, projectVersions, users, windowReopenings } from '../src/server/db/schema';
import { applicationFormForUnit } from '../src/server/documents/fixtures';
import type { ApplicationForm } from '../src/domain/application-form';
import type { CampaignConfig } from '../src/domain/campaign-config';
import type { BenchDatabase } from './lib';

export interface Scale {
  units: number;
  applications: number;
  otherRecommenders: number;
  experts: number;
  history: number;
  /** share of seeded applications already submitted (the recommenders' inboxes) */
  submittedShare: number;
}

export const FULL_SCALE: Scale = { units: 5000, applications: 5000, otherRecommenders: 30, experts: 300, history: 50_000, submittedShare: 0.4 };
export const QUICK_SCALE: Scale = { units: 250, applications: 250, otherRecommenders: 30, experts: 15, history: 2500, submittedShare: 0.4 };

export interface SeededApp {
  id: string;
  username: string;
  orgId: string;
  version: number;
  state: 'draft' | 'submitted';
  form: ApplicationForm;
}

export interface SeedInfo {
  password: string;
  campaignId: string;
  drafts: SeededApp[];
  submittedCount: number;
  recommenderUsernames: string[];
  historyCount: number;
  ms: number;
}

const ADJ = ['海河', '津沽', '渤海', '华辰', '曙光', '信创', '智行', '港湾', '绿源', '合成', '光晟', '晶硅', '逸行', '骑安', '速达', '金桥', '大桥', '渤化', '宜居', '美居', '蓟州', '宝坻', '暖羽', '北方', '滨城', '卫津', '静海', '武清', '宁河', '东丽', '西青', '北辰', '津南', '红桥', '和平', '河东', '河西', '南开', '河北', '中环'];
const TRADE = ['精密机械', '智能装备', '新材料', '电子科技', '汽车零部件', '生物医药', '新能源', '焊接材料', '食品', '纺织', '化工', '检测技术', '轨道交通', '医疗器械', '环保科技', '光电', '电气', '包装'];
const MEASURABLE: Record<string, string> = {
  efficiency: '装配不良率由3.8%降至1.2%以下，一次交检合格率由96.2%提升至98.8%。',
  energy: '单位产品综合能耗由0.42吨标准煤降至0.36吨标准煤，降低14.3%。',
  service: '客户投诉处理周期由7天缩短至3天，满意度提升至95%。',
  innovation: '形成企业标准2项，申请实用新型专利3项。',
};
const CHAINS = ['协作机器人', '脑机接口', '先进计算', '智能网联汽车', '生物制造', '光伏新能源', '电动自行车', '焊材', '车用燃料', '家装', '富硒', '羽绒制品', '其他'];

function chunks<T>(rows: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += n) out.push(rows.slice(i, i + n));
  return out;
}

export async function openBenchDatabase(db: BenchDatabase, poolSize = 10): Promise<Database> {
  return openDatabase(db.databaseUrl ? { databaseUrl: db.databaseUrl, migrate: false, poolSize } : { dataDir: `${db.dataDir}/pglite`, migrate: false });
}

export async function seedScaled(database: Database, scale: Scale, opts: { now: Date; password: string }): Promise<SeedInfo> {
  const t0 = performance.now();
  const { db } = database;
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.status, 'active'));
  const [demoUser] = await db.select().from(users).where(eq(users.username, 'demo_applicant'));
  const passwordHash = demoUser.passwordHash; // every demo/bench account shares the installation's demo password
  const [commissioner] = await db.select().from(users).where(eq(users.username, 'demo_commission'));
  const bureaus = await db.select().from(organisations).where(and(eq(organisations.kind, 'recommender'), eq(organisations.subtype, 'district_bureau')));
  const bureauByDistrict = new Map(bureaus.map((b) => [b.district, b]));

  // 1. recommenders: 16 district bureaus exist; top the others (industry departments, associations) up
  const existingOthers = await db.select().from(organisations).where(and(eq(organisations.kind, 'recommender'), inArray(organisations.subtype, ['industry_department', 'association'])));
  const extra = Math.max(0, scale.otherRecommenders - existingOthers.length);
  if (extra > 0) {
    const orgRows = await db
      .insert(organisations)
      .values(
        Array.from({ length: extra }, (_, i) => ({
          kind: 'recommender' as const,
          subtype: i % 2 === 0 ? ('industry_department' as const) : ('association' as const),
          name: i % 2 === 0 ? `天津市${TRADE[i % TRADE.length]}行业主管处（压测${i + 1}）` : `天津市${TRADE[i % TRADE.length]}行业协会（压测${i + 1}）`,
          divisionCode: '120000',
          district: '天津市（市级）',
          uscc: generateUscc({ divisionCode: '120000', authority: i % 2 === 0 ? '1' : '5', category: '1', seed: 90_000 + i }),
          contactName: '秘书处',
          isDemo: true,
        })),
      )
      .returning({ id: organisations.id, name: organisations.name });
    await db.insert(users).values(orgRows.map((o, i) => ({ username: `bench_rec_${String(i + 1).padStart(2, '0')}`, displayName: `联络员（${o.name}）`, role: 'recommender' as const, organisationId: o.id, passwordHash })));
  }
  const allRecommenders = await db.select({ id: organisations.id, subtype: organisations.subtype }).from(organisations).where(eq(organisations.kind, 'recommender'));
  const others = allRecommenders.filter((r) => r.subtype !== 'district_bureau');
  const recUsers = await db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.role, 'recommender'));

  // 2. the application window is open for everyone on "deadline day": one 补报窗口 per recommender,
  //    an ordinary audited record (the campaign's own deadline is never edited in place).
  const closesAt = new Date(opts.now.getTime() + 36 * 3600_000);
  await db.transaction(async (tx) => {
    for (const r of allRecommenders) {
      const [row] = await tx
        .insert(windowReopenings)
        .values({ campaignId: campaign.id, window: 'application', organisationId: r.id, closesAt, reason: '性能测试：申报截止日，全部推荐单位开放申报窗口', grantedBy: commissioner.id, createdAt: opts.now })
        .returning();
      await writeAudit(tx, { actor: null, clock: { now: () => opts.now } }, { entity: 'window_reopening', entityId: row.id, action: 'reopen', summary: { bench: true, window: 'application' } });
    }
  });

  // 3. applicant units + one account each
  const usccSeen = new Set((await db.select({ u: organisations.uscc }).from(organisations)).map((r) => r.u));
  const units = Array.from({ length: scale.units }, (_, i) => {
    const d = TIANJIN_DISTRICTS[i % TIANJIN_DISTRICTS.length];
    let seed = 200_000 + i;
    let uscc = generateUscc({ divisionCode: d.code, authority: '9', category: '1', seed });
    while (usccSeen.has(uscc)) uscc = generateUscc({ divisionCode: d.code, authority: '9', category: '1', seed: (seed += 1_000_003) });
    usccSeen.add(uscc);
    const name = `天津${ADJ[i % ADJ.length]}${TRADE[Math.floor(i / ADJ.length) % TRADE.length]}${i >= ADJ.length * TRADE.length ? `第${Math.floor(i / (ADJ.length * TRADE.length)) + 1}` : ''}有限公司（压测${String(i + 1).padStart(5, '0')}）`;
    return {
      kind: 'applicant' as const,
      subtype: 'enterprise' as const,
      name,
      uscc,
      divisionCode: d.code,
      district: d.name,
      address: `天津市${d.name}压测路${(i % 300) + 1}号`,
      contactName: ['王建国', '李秀梅', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '孙丽'][i % 8],
      contactPhone: `1390022${String(i % 10000).padStart(4, '0')}`,
      recognitionStatus: 'not_needed' as const,
      defaultRecommenderId: bureauByDistrict.get(d.name)?.id ?? null,
      isDemo: true,
    };
  });
  const orgIds: { id: string; name: string; uscc: string | null; district: string | null; address: string | null; defaultRecommenderId: string | null }[] = [];
  for (const c of chunks(units, 500)) {
    orgIds.push(
      ...(await db
        .insert(organisations)
        .values(c)
        .returning({ id: organisations.id, name: organisations.name, uscc: organisations.uscc, district: organisations.district, address: organisations.address, defaultRecommenderId: organisations.defaultRecommenderId })),
    );
  }
  const usernames = orgIds.map((_, i) => `bench_app_${String(i + 1).padStart(5, '0')}`);
  for (const c of chunks(
    orgIds.map((o, i) => ({ username: usernames[i], displayName: `${units[i].contactName}（${o.name}）`, role: 'applicant' as const, organisationId: o.id, passwordHash, phone: units[i].contactPhone })),
    1000,
  )) {
    await db.insert(users).values(c);
  }

  // 4. experts (the demo has 50)
  const [{ n: expertCount }] = (await database.executeSql(`SELECT count(*)::int AS n FROM users WHERE role = 'expert'`)).rows as { n: number }[];
  const [pool] = await db.select().from(organisations).where(eq(organisations.kind, 'expert_pool'));
  const moreExperts = Math.max(0, scale.experts - expertCount);
  if (moreExperts > 0) {
    const ex = await db
      .insert(users)
      .values(Array.from({ length: moreExperts }, (_, i) => ({ username: `bench_expert_${String(i + 1).padStart(3, '0')}`, displayName: `专家${i + 1}`, role: 'expert' as const, organisationId: pool.id, passwordHash })))
      .returning({ id: users.id });
    await db.insert(expertProfiles).values(ex.map((e, i) => ({ userId: e.id, employer: ['天津大学', '南开大学', '河北工业大学', '天津理工大学'][i % 4], title: ['教授', '正高级工程师', '研究员'][i % 3], fields: [CHAINS[i % CHAINS.length]], termEnds: '2027-12-31' })));
  }

  // 5. applications: one per unit; a share already submitted (inbox), the rest drafts (the load)
  const vetoIds = ((campaign.config as CampaignConfig).vetoChecklist ?? []).map((v) => v.id);
  const apps = orgIds.slice(0, scale.applications).map((o, i) => {
    const g = generateProject(1_000_000 + i);
    const chain = CHAINS[i % CHAINS.length];
    // this campaign's veto checklist declared (the submit checks it)
    const form: ApplicationForm = applicationFormForUnit(o, { direction: i % 3 === 2 ? 'common' : 'precise', vetoIds, project: { name: g.name.slice(0, 30), ...(chain === '其他' ? {} : { chain }) } });
    form.content = { ...form.content, background: `${g.problem}\n${form.content?.background ?? ''}`, technicalRoute: `${g.route}\n${form.content?.technicalRoute ?? ''}` };
    // a measurable benefit per selected area (the submit checks it)
    form.benefits = {
      ...form.benefits,
      byArea: Object.fromEntries((form.project.benefitAreas ?? []).map((a) => [a, MEASURABLE[a] ?? '年节约成本120万元'])),
    };
    // the two required attachments, as file records owned by the unit (the submit checks ownership)
    const licence = { id: randomUUID(), name: '营业执照（副本）.pdf', size: 482_133, kind: 'business_licence' as const };
    const commitment = { id: randomUUID(), name: '申报单位承诺书（盖章）.pdf', size: 256_004, kind: 'commitment_scan' as const };
    form.attachments = [licence, commitment].map((f) => ({ kind: f.kind, fileId: f.id, fileName: f.name, size: f.size }));
    const fileRows = [licence, commitment].map((f) => ({ id: f.id, sha256: f.id.replace(/-/g, '').padEnd(64, '0'), size: f.size, mime: 'application/pdf', originalName: f.name, storageKey: `bench/${f.id}`, ownerOrgId: o.id, purpose: 'attachment' as const }));
    const submitted = Math.floor((i + 1) * scale.submittedShare) > Math.floor(i * scale.submittedShare);
    // one in ten goes to a municipal department or association instead of the district bureau
    const recommenderOrgId = i % 10 === 9 && others.length ? others[i % others.length].id : o.defaultRecommenderId;
    return { o, i, form, submitted, recommenderOrgId, fileRows };
  });
  const drafts: SeededApp[] = [];
  let submittedCount = 0;
  for (const c of chunks(apps, 250)) {
    await db.insert(files).values(c.flatMap((a) => a.fileRows));
    const rows = await db
      .insert(projects)
      .values(
        c.map((a) => ({
          campaignId: campaign.id,
          applicantOrgId: a.o.id,
          recommenderOrgId: a.recommenderOrgId,
          state: a.submitted ? ('submitted' as const) : ('draft' as const),
          name: a.form.project.name ?? '',
          direction: a.form.project.direction,
          chain: a.form.project.chain,
          form: a.form,
          version: a.submitted ? 3 : 2,
          submittedVersion: a.submitted ? 1 : 0,
          applicationNo: a.submitted ? `BENCH-${campaign.year}-${String(a.i + 1).padStart(5, '0')}` : null,
          submittedAt: a.submitted ? new Date(opts.now.getTime() - (a.i % 2000) * 60_000) : null,
          stateChangedAt: opts.now,
          createdAt: new Date(opts.now.getTime() - 7 * 86_400_000),
          updatedAt: new Date(opts.now.getTime() - (a.i % 5000) * 30_000),
        })),
      )
      .returning({ id: projects.id, version: projects.version, state: projects.state });
    const versions = rows.flatMap((r, k) => (r.state === 'submitted' ? [{ projectId: r.id, versionNo: 1, form: c[k].form, submittedAt: opts.now }] : []));
    if (versions.length) await db.insert(projectVersions).values(versions);
    rows.forEach((r, k) => {
      if (r.state === 'submitted') submittedCount++;
      else drafts.push({ id: r.id, username: usernames[c[k].i], orgId: c[k].o.id, version: r.version, state: 'draft', form: c[k].form });
    });
  }

  // 6. historical excellent results (the duplicate check's corpus)
  for (const c of chunks(
    Array.from({ length: scale.history }, (_, i) => {
      const g = generateProject(i + 1);
      return { year: 2019 + (i % 7), name: g.name, unitName: `天津${ADJ[i % ADJ.length]}${TRADE[i % TRADE.length]}有限公司`, chain: CHAINS[i % CHAINS.length], problem: g.problem, goals: g.goals, route: g.route, level: ['优秀成果', '一等', '二等'][i % 3], source: 'bench' as const };
    }),
    1000,
  )) {
    await db.insert(historicalResults).values(c);
  }
  if (database.kind === 'postgres') await database.executeSql('ANALYZE');

  return {
    password: opts.password,
    campaignId: campaign.id,
    drafts,
    submittedCount,
    recommenderUsernames: recUsers.map((r) => r.username).sort(),
    historyCount: scale.history,
    ms: performance.now() - t0,
  };
}
