import { APPLICATION_FIELD_LABELS, fieldLabel as applicationFieldLabel } from './application-form';

/** Chinese names of request fields outside the 申报书, so every error names its field. */
export const COMMON_FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  displayName: '姓名',
  role: '角色',
  organisationId: '所属单位',
  phone: '手机号码',
  email: '电子邮箱',
  reason: '原因',
  version: '版本号',
  page: '页码',
  pageSize: '每页条数',
  q: '搜索关键词',
  state: '状态',
  year: '年度',
  title: '标题',
  config: '年度配置',
  closesAt: '截止时间',
  window: '窗口',
  id: '编号',
  form: '申报书',
  recommenderOrgId: '推荐单位',
  opinion: '推荐意见',
  comments: '意见',
  from: '开始日期',
  to: '结束日期',
  entity: '对象类型',
  action: '操作',
  userId: '用户',
  code: '统一社会信用代码',
  uscc: '统一社会信用代码',
  name: '名称',
  kind: '类型',
  documentNo: '文号',
  status: '状态',
  projectId: '项目',
  isAdmin: '管理员权限',
  active: '启用状态',
  purpose: '文件用途',
  inline: '在线预览',
  fileId: '文件',
  decision: '审核结论',
  direction: '申报方向',
  n: '版本号',
  chain: '所属产业链',
  duplicateFlag: '雷同提示',
  sort: '排序方式',
  order: '排序方向',
  ids: '所选项目',
  confirmed: '确认',
  notes: '核查说明',
  recognitionConfirmed: '行业认可确认',
  contactName: '联系人',
  contactPhone: '联系电话',
  batchId: '推荐批次',
  recommenderKind: '推荐单位类型',
  // campaign configuration
  opensAt: '开始时间',
  applicantClosesAt: '申报单位提交截止时间',
  directions: '申报方向',
  focusChains: '重点产业链',
  livelihoodIndustries: '民生产业',
  allowOtherChain: '允许其他产业链',
  benefitAreas: '预期成效类别',
  earliestStartDate: '项目最早开始日期',
  windows: '时间窗口',
  recommenderKinds: '推荐单位类型',
  files: '文件限制',
  maxBytes: '文件大小上限',
  allowedTypes: '允许的文件类型',
  publicityWorkingDays: '公示期（工作日）',
  namingRules: '项目名称规范规则',
  vetoChecklist: '否决事项',
  duplicate: '查重设置',
  flagThreshold: '雷同提示阈值',
  showThreshold: '相似结果显示阈值',
  targets: '目标',
  calendar: '节假日日历',
  holidays: '法定节假日',
  workdays: '调休工作日',
  contact: '联系方式',
  division: '处室',
  people: '联系人',
  severity: '级别',
  enabled: '是否启用',
  params: '参数',
  label: '名称',
  description: '说明',
  preferred: '倾斜支持',
  text: '内容',
};

export function labelForPath(path: string): string {
  const clean = path.replace(/^\/+/, '').replace(/\//g, '.');
  if (!clean) return '请求内容';
  const noForm = clean.replace(/^form\./, '');
  if (APPLICATION_FIELD_LABELS[noForm] || /\.\d+\./.test(noForm) || noForm.includes('.')) {
    const l = applicationFieldLabel(noForm);
    if (/[\u4e00-\u9fff]/.test(l)) return l;
  }
  const last = clean.split('.').filter((s) => !/^\d+$/.test(s)).at(-1) ?? clean;
  return COMMON_FIELD_LABELS[clean] ?? COMMON_FIELD_LABELS[last] ?? clean;
}

export function fieldErrorMessage(path: string, message: string): string {
  return `${labelForPath(path)}${message.startsWith('为') || message.startsWith('不') || message.startsWith('至') || message.startsWith('最') || message.startsWith('应') || message.startsWith('包') ? '' : '：'}${message}`;
}
