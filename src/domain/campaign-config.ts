/**
 * A year's program as data (program.md §5): 2027 is configuration, not code. Where an attachment's
 * text is unknown, the rule lives here with a default the commission can edit.
 */
import { z } from 'zod';
import { beijingInstant, calendarDate } from './dates';
import { certificateNoFormatProblem } from './certificate-number';
import { projectNoFormatProblem } from './project-number';
import { ATTENDEE_ROLES } from './vocabularies';
import { criteriaIssues } from './evaluation';

const instant = beijingInstant();
const day = calendarDate();

export const WINDOW_KEYS = ['application', 'results'] as const;
export type WindowKey = (typeof WINDOW_KEYS)[number];

/** `?year=` of every per-campaign list and overview (absent → the current campaign by date). */
export const campaignYearField = z.coerce.number().int('年度应为整数').min(2020, '年度应在2020年至2100年之间').max(2100, '年度应在2020年至2100年之间');
export const campaignYearQuerySchema = z.object({ year: campaignYearField.optional() });

/** One year a person can select (GET /api/campaigns/years). */
export const campaignYearSchema = z.object({ id: z.string(), year: z.number(), title: z.string(), status: z.enum(['draft', 'active', 'archived']), current: z.boolean() });
export type CampaignYear = z.infer<typeof campaignYearSchema>;
export const WINDOW_LABELS: Record<WindowKey, string> = {
  application: '项目申报（推荐单位报送）',
  results: '成果提交（推荐单位报送）',
};

export const campaignWindowSchema = z.object({
  opensAt: instant,
  /** Inclusive to the second: 23:59:59 means the whole of that second still counts. */
  closesAt: instant,
  /** Applicants must submit to their recommender before this (default: the same as closesAt). */
  applicantClosesAt: instant.optional(),
});

export const namingRuleSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning']),
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()).optional(),
});

const criteriaText = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const criteriaId = z.string().trim().regex(/^[a-z0-9-]{1,40}$/, '编号应为1-40位小写字母、数字或短横线');
const points = (label: string) => z.number({ message: `${label}应为数字` }).min(0, `${label}不能小于0`).max(100, `${label}不能超过100`);

/** 成果评定 criteria set of a campaign (程序七): see src/domain/evaluation.ts. */
export const evaluationCriteriaSchema = z
  .object({
    sections: z
      .array(
        z.object({
          id: criteriaId,
          label: criteriaText('评定指标名称', 30),
          items: z.array(z.object({ id: criteriaId, label: criteriaText('评分项名称', 60), max: points('评分项满分') })).max(20, '每部分最多20个评分项'),
        }),
      )
      .max(10, '评定指标最多10个部分'),
    vetoItems: z.array(z.object({ id: criteriaId, text: criteriaText('否决项内容', 100) })).max(20, '否决项最多20条'),
    bands: z.object({ excellent: points('优秀分数线'), good: points('良好分数线'), qualified: points('合格分数线') }),
    groupSize: z.number().int('评定组人数应为整数'),
    minGroupSize: z.number().int('评定组最少人数应为整数'),
    trimFrom: z.number().int('去掉最高分和最低分的起始人数应为整数'),
    generalFields: z.array(criteriaText('通用专业领域', 30)).max(20, '通用专业领域最多20个'),
    opinion: z.object({ min: z.number().int('评定意见最少字数应为整数'), max: z.number().int('评定意见最多字数应为整数') }),
  })
  .superRefine((c, ctx) => {
    for (const { path, message } of criteriaIssues(c)) ctx.addIssue({ code: 'custom', path, message });
  });

/** 雷同检查 synonym table limits (one group = the canonical word and its variants). */
export const SYNONYM_LIMITS = { groups: 300, wordsPerGroup: 30, wordLength: 20 } as const;
export const synonymWordSchema = z
  .string()
  .trim()
  .min(1, '不能为空')
  .max(SYNONYM_LIMITS.wordLength, `最多${SYNONYM_LIMITS.wordLength}个字`);

/**
 * Problems of a synonym table across groups, each naming the group (by number and canonical word),
 * the word and the rule: a word in two groups (or twice in one), a group of fewer than 2 words.
 */
export function synonymTableProblems(groups: { canonical: string; variants: string[] }[]): { group: number; message: string }[] {
  const problems: { group: number; message: string }[] = [];
  const seen = new Map<string, number>();
  const name = (i: number) => `第${i + 1}组（${groups[i].canonical.trim() || '标准词未填'}）`;
  groups.forEach((g, i) => {
    const words = [g.canonical, ...g.variants].map((w) => w.trim()).filter(Boolean);
    if (new Set(words).size < 2) problems.push({ group: i, message: `${name(i)}至少需要2个不同的词（标准词和至少1个同义词）` });
    const own = new Set<string>();
    for (const w of words) {
      if (own.has(w)) problems.push({ group: i, message: `${name(i)}中“${w}”重复出现` });
      else if (seen.has(w)) problems.push({ group: i, message: `${name(i)}中的“${w}”已在${name(seen.get(w)!)}中，同一个词只能属于一个同义词组` });
      own.add(w);
    }
    for (const w of own) if (!seen.has(w)) seen.set(w, i);
  });
  return problems;
}

export const synonymTableSchema = z
  .array(
    z.object({
      canonical: synonymWordSchema,
      variants: z
        .array(synonymWordSchema)
        .min(1, '至少需要1个同义词（每组至少2个词）')
        .max(SYNONYM_LIMITS.wordsPerGroup - 1, `最多${SYNONYM_LIMITS.wordsPerGroup - 1}个同义词（每组最多${SYNONYM_LIMITS.wordsPerGroup}个词）`),
    }),
  )
  .max(SYNONYM_LIMITS.groups, `最多${SYNONYM_LIMITS.groups}组`)
  .superRefine((groups, ctx) => {
    for (const p of synonymTableProblems(groups)) ctx.addIssue({ code: 'custom', path: [p.group], message: p.message });
  });

/** 进展报告安排 (src/domain/implementation.ts): fixed dates are distinct and in ascending order. */
export const progressScheduleSchema = z.object({
  frequency: z.enum(['monthly', 'quarterly']),
  dayOfMonth: z.number().int('报送日应为整数').min(1, '报送日应在1至28日之间').max(28, '报送日应在1至28日之间'),
  remindDaysBefore: z.number().int('提前提醒天数应为整数').min(0, '提前提醒天数应在0至15天之间').max(15, '提前提醒天数应在0至15天之间'),
  remindDaysAfter: z.number().int('逾期提醒天数应为整数').min(1, '逾期提醒天数应在1至30天之间').max(30, '逾期提醒天数应在1至30天之间'),
  /** Extra reports due on fixed dates (专项报告). */
  fixedDates: z
    .array(day)
    .max(24, '固定报送日期最多24个')
    .superRefine((dates, ctx) => {
      dates.forEach((d, i) => {
        if (dates.indexOf(d) < i) ctx.addIssue({ code: 'custom', path: [i], message: `第${i + 1}个固定报送日期${d}与第${dates.indexOf(d) + 1}个重复` });
        else if (i > 0 && d < dates[i - 1]) ctx.addIssue({ code: 'custom', path: [i], message: `第${i + 1}个固定报送日期${d}应晚于第${i}个（${dates[i - 1]}），请按时间先后排列` });
      });
    })
    .optional(),
});

/** Fixed report dates outside the campaign's year (the schema cannot know the year). */
export function progressScheduleYearProblems(schedule: { fixedDates?: string[] } | undefined, year: number): { index: number; message: string }[] {
  return (schedule?.fixedDates ?? []).flatMap((d, index) =>
    d.slice(0, 4) === String(year) ? [] : [{ index, message: `第${index + 1}个固定报送日期${d}不在${year}年度内（应在${year}-01-01至${year}-12-31之间）` }],
  );
}

export const campaignConfigSchema = z.object({
  directions: z
    .array(
      z.object({
        code: z.enum(['common', 'precise']),
        label: z.string().min(1),
        description: z.string(),
        targets: z.array(z.string().min(1)).min(1),
        preferred: z.boolean(),
      }),
    )
    .min(1),
  focusChains: z.array(z.string().min(1)),
  livelihoodIndustries: z.array(z.string().min(1)),
  allowOtherChain: z.boolean(),
  benefitAreas: z.array(z.object({ code: z.enum(['efficiency', 'energy', 'service', 'innovation']), label: z.string() })).min(1),
  earliestStartDate: day,
  windows: z.object({ application: campaignWindowSchema, results: campaignWindowSchema }),
  recommenderKinds: z.array(z.enum(['district_bureau', 'industry_department', 'association'])).min(1),
  files: z.object({
    maxBytes: z.number().int().min(1024).max(200 * 1024 * 1024),
    allowedTypes: z.array(z.enum(['pdf', 'jpg', 'png', 'docx', 'xlsx', 'zip'])).min(1),
  }),
  publicityWorkingDays: z.number().int().min(1).max(30),
  namingRules: z.array(namingRuleSchema),
  vetoChecklist: z.array(z.object({ id: z.string().min(1), text: z.string().min(1) })),
  duplicate: z.object({
    /** Score (0–1) from which an application is flagged to recommender and commission. */
    flagThreshold: z.number().min(0).max(1),
    /** Score from which a match is shown to the applicant at all. */
    showThreshold: z.number().min(0).max(1),
    /** 2026 compares with past excellent results; 2023 compared with all past projects (attachments file). */
    targets: z.array(z.enum(['excellent_results', 'past_projects', 'same_year'])).min(1),
    /**
     * Synonym table of the 雷同 check (src/domain/similarity-synonyms.ts): every variant is compared
     * as its canonical word (提升→提高). Absent → the default table.
     */
    synonyms: synonymTableSchema.optional(),
  }),
  /** CN working-day calendar used for 公示 length (data/cn-holidays-<year>.json). */
  calendar: z.object({ holidays: z.array(day), workdays: z.array(day) }),
  contact: z.object({ division: z.string(), people: z.string(), phone: z.string(), email: z.string() }),
  /**
   * 宣贯培训: attendees one project may sign up per session (absent → 3, src/server/training), and the
   * required attendance (src/domain/training-attendance.ts; absent → each approved project's
   * 质量负责人 attends at least 1 session; role `any` = any attendee of the project).
   */
  training: z
    .object({
      attendeesPerProject: z.number().int().min(1).max(20),
      requiredAttendance: z.object({ minSessions: z.number().int().min(1).max(10), role: z.enum([...ATTENDEE_ROLES, 'any']) }).optional(),
    })
    .optional(),
  /** 立项编号 template: {year} and one {nnnn} (src/domain/project-number.ts); absent → TJZLGG-{year}-{nnnn}. */
  projectNoFormat: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .superRefine((v, c) => {
      const problem = projectNoFormatProblem(v);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** 立项审核 decisions start here; absent → the second after the application window closes. */
  approvalOpensAt: instant.optional(),
  /** 证书编号 template: {year} and one {nnn} (src/domain/certificate-number.ts); absent → TJZLGG-{year}-YX-{nnn}. */
  certificateNoFormat: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .superRefine((v, c) => {
      const problem = certificateNoFormatProblem(v);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /**
   * 倾斜支持 in 立项审核 for the directions marked `preferred` (src/domain/preferential-support.ts):
   * a share of the approvals reserved for them (of `plannedApprovals`, or of the approvals so far),
   * and/or listing them first. Absent → listed first, nothing reserved.
   */
  preferentialSupport: z
    .object({
      reservedShare: z.number().gt(0).lt(1).nullable(),
      plannedApprovals: z.number().int().min(1).max(10_000).nullable(),
      priorityOrdering: z.boolean(),
    })
    .optional(),
  /** 项目实施进展报告 schedule (src/domain/implementation.ts); absent → monthly, due the 10th, reminders 3 days before and 1 day after. */
  progressSchedule: progressScheduleSchema.optional(),
  /** 成果评定 criteria (程序七, src/domain/evaluation.ts; INFERRED, 附件2 not found); absent → DEFAULT_EVALUATION_CRITERIA. */
  evaluation: evaluationCriteriaSchema.optional(),
});

export type CampaignConfig = z.infer<typeof campaignConfigSchema>;

export const campaignSchema = z.object({
  id: z.string().uuid(),
  year: z.number().int(),
  title: z.string(),
  documentNo: z.string().nullable(),
  status: z.enum(['draft', 'active', 'archived']),
  config: campaignConfigSchema,
  version: z.number().int(),
});
export type CampaignDto = z.infer<typeof campaignSchema>;

/** 年度工作概况: projects of the campaign per milestone (src/domain/campaign-overview.ts). */
export const campaignOverviewSchema = z.object({
  campaignId: z.string(),
  year: z.number(),
  milestones: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
});
export type CampaignOverview = z.infer<typeof campaignOverviewSchema>;
