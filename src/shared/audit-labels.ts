/**
 * Chinese labels for what the audit log shows a person: entities, actions, the keys and values of
 * an entry's summary (state codes, roles, transitions) and its instants in Beijing time. No code
 * such as `send_batch`, `training_session` or `to：approved` reaches the screen.
 */
import { ACTION_LABELS, PROJECT_STATE_LABELS } from '../domain/project-workflow';
import { shanghaiDateTimeString } from '../domain/shanghai-time';
import { labelForPath } from './field-labels';

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: '账户',
  session: '登录会话',
  organisation: '单位',
  campaign: '年度活动',
  window_reopening: '补报窗口',
  project: '项目',
  application: '申报书',
  batch: '推荐批次',
  recommendation_batch: '推荐批次',
  result_batch: '成果批次',
  recommendation_order: '推荐排序',
  file: '文件',
  certificate: '证书',
  certificate_run: '证书批量生成',
  historical_results: '历年成果',
  training_session: '培训场次',
  training_signup: '培训报名',
  implementation_plan: '实施方案',
  progress_report: '进展报告',
  process_material: '过程性材料',
  tracking_visit: '走访 / 检查',
  tracking_item: '跟踪事项',
  tracking: '跟踪服务',
  audit_log: '审计日志',
  system: '系统',
  evaluation_group: '评定组',
  expert_task: '评定任务',
  // 程序八–九: 公示公布, 宣传推广
  publicity: '公示',
  objection: '异议',
  showcase: '优秀成果展示',
  conference: '经验交流会',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  ...ACTION_LABELS,
  login: '登录',
  view_personal_data: '查看个人信息',
  login_failed: '登录失败',
  login_locked: '账户锁定',
  logout: '退出登录',
  logout_everywhere: '退出所有设备',
  change_password: '修改密码',
  register: '注册',
  create: '新建',
  update: '修改',
  update_contact: '修改联系人',
  delete: '删除',
  reset_password: '重置密码',
  unlock: '解锁',
  enable: '启用',
  disable: '停用',
  copy: '复制',
  reopen: '开通补报',
  reopen_window: '开通补报',
  export: '导出',
  export_xlsx: '导出 Excel',
  export_docx: '导出 Word',
  export_pdf: '导出 PDF',
  export_zip: '导出压缩包',
  export_approvals: '导出立项名单',
  upload: '上传',
  download: '下载',
  import: '导入',
  import_calendar: '导入节假日日历',
  backup: '备份',
  reject: '驳回',
  bulk_approve: '批量立项',
  bulk_reject: '批量不予立项',
  reorder: '调整推荐顺序',
  send: '报送',
  receive: '接收',
  attach_stamped_summary: '上传盖章汇总表',
  confirm_recognition: '确认行业认可',
  recognition_evidence: '上传行业认可证明',
  recognition_confirm: '确认行业认可',
  recognition_recognised: '确认行业认可',
  recognition_rejected: '不予确认行业认可',
  recognition_reject: '不予确认行业认可',
  record_authenticity: '记录真实性核查',
  attendance: '登记出勤',
  cancel: '取消',
  issue: '颁发',
  void: '作废',
  start: '开始',
  review: '审核',
  save_draft: '保存草稿',
  submit_plan: '提交实施方案',
  submit_report: '报送进展报告',
  adjust: '策略调整',
  supersede: '替换新版本',
  export_materials: '打包下载过程性材料',
  progress_reminder: '进展报告提醒',
  answer: '答复',
  arrange: '登记安排',
  close: '关闭',
  // issue 16: 宣贯培训 lecturers and materials
  lecturers: '设置授课老师',
  attach_material: '上传培训资料',
  remove_material: '删除培训资料',
  draw_group: '抽取评定专家',
  redraw: '重新抽取评定专家',
  replace_expert: '替换评定专家',
  commit_group: '确认评定组',
  accept_task: '接受评定任务',
  decline_task: '谢绝评定任务',
  declare_for_task: '回避声明',
  save_scores: '保存评分草稿',
  submit_scores: '提交评分',
  adopt_group: '采纳评定结论',
  expire_invitations: '评定任务逾期未响应',
  // 程序八–九: 公示公布, 宣传推广
  open_publicity: '发布公示',
  start_publicity: '公示开始',
  close_publicity: '公示期满',
  publish_recognition: '公布认定结果',
  receive_objection: '受理异议',
  assign_objection: '指派调查核实',
  conclude_objection: '异议办结',
  propose_showcase: '提交展示内容',
  approve_showcase: '审核公开展示',
  hide_showcase: '撤下展示',
  create_conference: '登记经验交流会',
};
/** issue 16: summary keys of the 宣贯培训 lecturer/material entries. */
const TRAINING_MATERIAL_KEY_LABELS: Record<string, string> = { material: '培训资料', materialCategory: '资料类别', lecturerList: '授课老师' };

/** Keys of audit summaries that are not request fields (request fields use `labelForPath`). */
export const AUDIT_SUMMARY_KEY_LABELS: Record<string, string> = {
  ...TRAINING_MATERIAL_KEY_LABELS,
  from: '原状态',
  to: '新状态',
  name: '名称',
  rows: '行数',
  applicationNo: '申报编号',
  projects: '项目',
  organisation: '单位',
  filters: '筛选条件',
  siteVisit: '现场核查',
  session: '培训场次',
  project: '项目',
  label: '名称',
  count: '数量',
  certificateNo: '证书编号',
  attendee: '参训人员',
  windowsBefore: '调整前窗口',
  windowsAfter: '调整后窗口',
  total: '合计',
  toYear: '截至年度',
  fromYear: '起始年度',
  summaryXlsx: '汇总表（Excel）',
  summaryDocx: '汇总表（Word）',
  statusBefore: '原状态',
  statusAfter: '新状态',
  stampedPdf: '盖章汇总表',
  size: '大小（字节）',
  sessionId: '培训场次',
  runId: '批次',
  projectNos: '立项编号',
  previous: '原值',
  present: '出勤',
  phoneMasked: '手机号已脱敏',
  opinionLength: '意见字数',
  notifiedOrganisations: '通知单位数',
  missing: '缺失',
  revisionNo: '方案版本',
  milestones: '里程碑数',
  versionNo: '版本',
  guidance: '指导意见数',
  files: '文件数',
  key: '提醒标识',
  holder: '持有单位',
  fields: '字段',
  entries: '条目',
  demo: '演示数据',
  defaultRecommender: '默认推荐单位',
  date: '日期',
  at: '时间',
  view: '查看内容',
  fileName: '文件名',
  groupId: '评定组',
  seedHash: '抽取种子哈希',
  chosenSeed: '指定抽取种子',
  members: '专家人数',
  experts: '评分专家人数',
  score: '得分',
  level: '评定等级',
  vetoed: '触及否决项',
  vetoes: '否决项数',
  trimmed: '去掉最高分和最低分',
  proposed: '推荐认定为优秀成果',
  out: '被替换专家',
  in: '替换专家',
  kind: '声明类型',
  tasks: '评定任务数',
  // 程序八–九
  publicityId: '公示',
  opensOn: '公示开始日期',
  closesOn: '公示截止日期',
  workingDays: '公示期（工作日）',
  changes: '名单调整',
  objectorKind: '异议人类型',
  evidence: '佐证材料',
  outcome: '处理结论',
  assignee: '调查核实人员',
  reply: '答复意见',
  objectionId: '异议',
  recognised: '认定项目数',
  publicationId: '公开文件',
  documentNo: '文号',
  edited: '修改了文字',
  heldOn: '举办日期',
  place: '举办地点',
};

const VALUE_LABELS: Record<string, string> = {
  ...PROJECT_STATE_LABELS,
  true: '是',
  false: '否',
  applicant: '申报单位',
  recommender: '推荐单位',
  commission: '市市场监管委',
  expert: '评定专家',
  training_provider: '培训机构',
  sent: '已报送',
  open: '开放',
  cancelled: '已取消',
  active: '进行中',
  archived: '已归档',
  xlsx: 'Excel',
  docx: 'Word',
  // 程序八: 异议
  upheld: '异议成立',
  not_upheld: '异议不成立',
  person: '个人',
  added: '增列',
  removed: '不列入',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One summary value as a person reads it: labels for codes, Beijing time for instants. */
export function auditValueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (ISO_INSTANT.test(v)) return `${shanghaiDateTimeString(new Date(v)).slice(0, 16)}（北京时间）`;
    return VALUE_LABELS[v] ?? AUDIT_ACTION_LABELS[v] ?? v;
  }
  if (Array.isArray(v)) return v.map(auditValueText).join('、');
  return `（${auditSummaryText(v)}）`;
}

export function auditKeyLabel(k: string): string {
  return AUDIT_SUMMARY_KEY_LABELS[k] ?? labelForPath(k);
}

/** A summary object as "新状态：已立项；原状态：待立项审核" — every key and code in Chinese. */
export function auditSummaryText(s: unknown): string {
  if (s === null || s === undefined) return '';
  if (typeof s !== 'object' || Array.isArray(s)) return auditValueText(s);
  return Object.entries(s as Record<string, unknown>)
    .map(([k, v]) => `${auditKeyLabel(k)}：${auditValueText(v)}`)
    .join('；');
}

export const auditEntityLabel = (e: string) => AUDIT_ENTITY_LABELS[e] ?? e;
export const auditActionLabel = (a: string) => AUDIT_ACTION_LABELS[a] ?? AUDIT_ACTION_LABELS[a.replace(/^(export|bulk|recognition)_.*/, '$1')] ?? a;
