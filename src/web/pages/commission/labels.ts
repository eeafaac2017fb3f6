import type { RoleCode } from '../../../shared/auth';

/** Organisation kind that holds accounts of each role. */
export const ORG_KIND_FOR_ROLE: Record<RoleCode, string> = {
  applicant: 'applicant',
  recommender: 'recommender',
  commission: 'commission',
  expert: 'expert_pool',
  training_provider: 'training_provider',
};

export const ORG_KIND_LABELS: Record<string, string> = {
  applicant: '申报单位',
  recommender: '推荐单位',
  commission: '市市场监管委',
  expert_pool: '专家库',
  training_provider: '培训机构',
};

export const RECOMMENDER_SUBTYPE_LABELS: Record<string, string> = {
  district_bureau: '区市场监督管理部门',
  industry_department: '市级行业主管部门',
  association: '行业协会',
};

/** Roles the commission administrator creates accounts for (applicants register themselves). */
export const MANAGED_ROLES: RoleCode[] = ['recommender', 'commission', 'expert', 'training_provider'];

export const CAMPAIGN_STATUS_LABELS: Record<'draft' | 'active' | 'archived', string> = {
  draft: '草稿',
  active: '进行中',
  archived: '已归档',
};

export const NAMING_RULE_LABELS: Record<string, string> = {
  'not-empty': '项目名称不能为空',
  'no-line-breaks-or-odd-spaces': '不含换行或异常空格',
  'max-length': '长度不超过上限（含标点）',
  'no-quotes': '不使用引号',
  'no-trailing-punctuation': '结尾不带标点',
  'no-region-prefix': '不以地区或“我公司”等开头',
  'no-unit-name': '不含申报单位名称',
  'no-brand': '不含品牌或商标',
  'no-year': '不含年份',
  'no-promotional': '不含“国际领先”等宣传用语',
  'no-vague-alone': '不单独使用笼统用语',
  'needs-object-and-characteristic': '包含攻关对象和质量特性',
  'action-verb-for-precise': '精准提升类以动作词体现改进',
};

export const DUPLICATE_TARGET_LABELS: Record<string, string> = {
  excellent_results: '往年优秀成果',
  past_projects: '往年全部项目',
  same_year: '本年度其他申报',
};

/** Audit labels live in src/shared/audit-labels.ts (server exports use them too). */
export { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../shared/audit-labels';
