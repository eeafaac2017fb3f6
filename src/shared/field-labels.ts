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
};

export function labelForPath(path: string): string {
  const clean = path.replace(/^\/+/, '').replace(/\//g, '.');
  if (!clean) return '请求内容';
  const noForm = clean.replace(/^form\./, '');
  if (APPLICATION_FIELD_LABELS[noForm] || /\.\d+\./.test(noForm) || noForm.includes('.')) {
    const l = applicationFieldLabel(noForm);
    if (l !== noForm) return l;
  }
  const last = clean.split('.').filter((s) => !/^\d+$/.test(s)).at(-1) ?? clean;
  return COMMON_FIELD_LABELS[clean] ?? COMMON_FIELD_LABELS[last] ?? clean;
}

export function fieldErrorMessage(path: string, message: string): string {
  return `${labelForPath(path)}${message.startsWith('为') || message.startsWith('不') || message.startsWith('至') || message.startsWith('最') || message.startsWith('应') || message.startsWith('包') ? '' : '：'}${message}`;
}
