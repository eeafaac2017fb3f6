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

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: '账户',
  session: '登录会话',
  organisation: '单位',
  campaign: '年度活动',
  window_reopening: '补报窗口',
  project: '项目',
  application: '申报书',
  batch: '推荐批次',
  file: '文件',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  login: '登录',
  view_personal_data: '查看个人信息',
  login_failed: '登录失败',
  login_locked: '账户锁定',
  logout: '退出登录',
  logout_everywhere: '退出所有设备',
  change_password: '修改密码',
  create: '新建',
  update: '修改',
  delete: '删除',
  reset_password: '重置密码',
  unlock: '解锁',
  enable: '启用',
  disable: '停用',
  copy: '复制',
  reopen: '开通补报',
  export: '导出',
  upload: '上传',
  submit: '提交',
  approve: '批准',
  reject: '驳回',
  return: '退回',
};
