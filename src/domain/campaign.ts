/**
 * Campaign rules: the 2026 defaults from the seed (津市场监管质发〔2026〕2号) and copying a campaign
 * to a new year. Everything the commission may change lives in CampaignConfig.
 */
import type { CampaignConfig } from './campaign-config';
import { DEFAULT_PROJECT_NO_FORMAT } from './project-number';
import { DEFAULT_EVALUATION_CRITERIA } from './evaluation';
import { CN_CALENDAR_2026 } from './working-days';
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_SHOW_THRESHOLD } from './similarity-thresholds';

export const DEFAULT_VETO_CHECKLIST = [
  // INFERRED from the 天津质量奖 veto items (rules-from-attachments.md, "similar programs"); the commission confirms.
  { id: 'no-major-quality-accident', text: '近两年内未发生重大质量、安全、环境事故' },
  { id: 'no-serious-dishonesty', text: '近两年内未被列入严重违法失信名单' },
  { id: 'no-major-complaint', text: '近两年内无重大质量投诉且查证属实' },
];

export function default2026CampaignConfig(namingRules: CampaignConfig['namingRules']): CampaignConfig {
  return {
    // 三、重点方向 of the seed.
    directions: [
      {
        code: 'common',
        label: '质量共性技术攻关',
        description: '以产业共性质量瓶颈为核心，强化领军标杆企业质量引领，重点突破跨企业、跨环节、跨领域的普遍性质量技术难题。',
        targets: ['基础材料稳定性', '基础零部件可靠性', '关键工艺精度控制', '质量基础设施（计量/标准/检测/认证）'],
        preferred: true, // "本年度将对质量共性技术攻关项目予以倾斜支持"
      },
      {
        code: 'precise',
        label: '质量精准提升攻关',
        description: '以具体质量问题为导向，坚持小处着眼、实处着力，聚焦经营中的质量堵点、难点、痛点。',
        targets: ['产品性能提升', '生产效率优化', '节能降耗', '服务质量改善', '工艺参数优化', '缺陷预防'],
        preferred: false,
      },
    ],
    focusChains: ['脑机接口', '先进计算', '智能网联汽车', '协作机器人', '生物制造', '光伏新能源', '电动自行车', '焊材', '车用燃料'],
    livelihoodIndustries: ['家装', '富硒', '羽绒制品'],
    allowOtherChain: true,
    // 一、申报条件（二）.
    benefitAreas: [
      { code: 'efficiency', label: '提质增效' },
      { code: 'energy', label: '节能降耗' },
      { code: 'service', label: '优化服务' },
      { code: 'innovation', label: '自主创新' },
    ],
    // 一、申报条件（三）"2024年以来启动实施".
    earliestStartDate: '2024-01-01',
    windows: {
      // 四（一）: batches reach the commission "于4月20日前"; the plan was issued 2026-03-23.
      application: { opensAt: '2026-03-23T00:00:00+08:00', closesAt: '2026-04-20T23:59:59+08:00' },
      // 四（六）: "于9月30日前推荐至市市场监管委，逾期不再接收".
      results: { opensAt: '2026-05-01T00:00:00+08:00', closesAt: '2026-09-30T23:59:59+08:00' },
    },
    recommenderKinds: ['district_bureau', 'industry_department', 'association'],
    files: { maxBytes: 20 * 1024 * 1024, allowedTypes: ['pdf', 'jpg', 'png', 'docx', 'xlsx'] },
    publicityWorkingDays: 5, // INFERRED: 5–7 working days observed in Tianjin notices.
    namingRules,
    vetoChecklist: DEFAULT_VETO_CHECKLIST,
    duplicate: { flagThreshold: DEFAULT_FLAG_THRESHOLD, showThreshold: DEFAULT_SHOW_THRESHOLD, targets: ['excellent_results', 'same_year'] },
    calendar: { holidays: [...CN_CALENDAR_2026.holidays], workdays: [...CN_CALENDAR_2026.workdays] },
    contact: { division: '市市场监管委质量发展处', people: '郭丽坤  陈莹', phone: '27182036  58950677', email: 'scjgzlfzc@tj.gov.cn' },
    // 立项编号 (程序二); decisions open after the application deadline by default (approvalOpensAt absent).
    projectNoFormat: DEFAULT_PROJECT_NO_FORMAT,
    // 成果评定 (程序七): INFERRED criteria, bands, group size and trimmed mean — 附件2/附件3 not found; the commission confirms.
    evaluation: structuredClone(DEFAULT_EVALUATION_CRITERIA),
  };
}

/** Next year's campaign: the same rules, every date moved by whole years, the holiday calendar emptied (a new one must be entered). */
export function copyCampaignConfigToYear(config: CampaignConfig, fromYear: number, toYear: number): CampaignConfig {
  const shift = toYear - fromYear;
  const moveInstant = (s: string) => `${Number(s.slice(0, 4)) + shift}${s.slice(4)}`;
  const copy: CampaignConfig = structuredClone(config);
  for (const key of ['application', 'results'] as const) {
    const w = copy.windows[key];
    w.opensAt = moveInstant(w.opensAt);
    w.closesAt = moveInstant(w.closesAt);
    if (w.applicantClosesAt) w.applicantClosesAt = moveInstant(w.applicantClosesAt);
  }
  if (copy.approvalOpensAt) copy.approvalOpensAt = moveInstant(copy.approvalOpensAt);
  copy.earliestStartDate = `${Number(copy.earliestStartDate.slice(0, 4)) + shift}${copy.earliestStartDate.slice(4)}`;
  copy.calendar = { holidays: [], workdays: [] };
  return copy;
}
