/**
 * A project's states through the nine procedures (../shared/spec/lifecycle.md) and who may move it.
 * The server checks organisation scope and deadlines; this table says which transitions exist at all.
 */
export const PROJECT_STATES = [
  'draft',
  'submitted',
  'returned',
  'withdrawn',
  'not_recommended',
  'recommended',
  'under_review',
  'rejected',
  'approved',
  'results_submitted',
  'results_returned',
  'results_received',
  'lapsed',
  'in_evaluation',
  'evaluated',
  'in_publicity',
  'recognised',
  'closed',
  'terminated',
  'revoked',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const PROJECT_STATE_LABELS: Record<ProjectState, string> = {
  draft: '草稿',
  submitted: '待推荐单位审核',
  returned: '退回补正',
  withdrawn: '已撤回',
  not_recommended: '不予推荐',
  recommended: '已推荐（待报送）',
  under_review: '立项审核中',
  rejected: '未立项',
  approved: '已立项（实施中）',
  results_submitted: '成果待推荐单位审核',
  results_returned: '成果退回补正',
  results_received: '成果已报送',
  lapsed: '逾期未报送',
  in_evaluation: '评定中',
  evaluated: '已评定',
  in_publicity: '公示中',
  recognised: '已认定（优秀成果）',
  closed: '已结束',
  terminated: '已终止',
  revoked: '已撤销',
};

/** Which of the nine procedures (seed 四) a state belongs to, for progress displays. */
export const PROCEDURES = ['项目申报', '立项审核', '宣贯培训', '项目实施', '跟踪服务', '提交成果', '成果评定', '公示公布', '宣传推广'] as const;

export const STATE_PROCEDURE: Record<ProjectState, number> = {
  draft: 0,
  submitted: 0,
  returned: 0,
  withdrawn: 0,
  not_recommended: 0,
  recommended: 0,
  under_review: 1,
  rejected: 1,
  approved: 3,
  results_submitted: 5,
  results_returned: 5,
  results_received: 5,
  lapsed: 5,
  in_evaluation: 6,
  evaluated: 6,
  in_publicity: 7,
  recognised: 8,
  closed: 6,
  terminated: 3,
  revoked: 8,
};

export type WorkflowRole = 'applicant' | 'recommender' | 'commission' | 'expert' | 'system';

export type ProjectAction =
  | 'submit'
  | 'withdraw'
  | 'reopen_draft'
  | 'delete_draft'
  | 'return'
  | 'recommend'
  | 'decline'
  | 'unrecommend'
  | 'send_batch'
  | 'return_batch'
  | 'approve'
  | 'reject'
  | 'submit_results'
  | 'return_results'
  | 'forward_results'
  | 'return_result_batch'
  | 'lapse'
  | 'assign_group'
  | 'conclude_evaluation'
  | 'propose_recognition'
  | 'not_propose'
  | 'publicity_passed'
  | 'objection_upheld'
  | 'terminate'
  | 'revoke';

export interface Transition {
  action: ProjectAction;
  from: readonly ProjectState[];
  to: ProjectState;
  by: readonly WorkflowRole[];
  /** The campaign window whose deadline guards this transition. */
  window?: 'application' | 'results';
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', by: ['applicant'], window: 'application' },
  { action: 'withdraw', from: ['submitted'], to: 'withdrawn', by: ['applicant'] },
  { action: 'reopen_draft', from: ['withdrawn'], to: 'draft', by: ['applicant'], window: 'application' },
  { action: 'return', from: ['submitted'], to: 'returned', by: ['recommender'] },
  { action: 'recommend', from: ['submitted'], to: 'recommended', by: ['recommender'], window: 'application' },
  { action: 'decline', from: ['submitted'], to: 'not_recommended', by: ['recommender'] },
  { action: 'unrecommend', from: ['recommended'], to: 'submitted', by: ['recommender'] },
  { action: 'send_batch', from: ['recommended'], to: 'under_review', by: ['recommender'], window: 'application' },
  { action: 'return_batch', from: ['under_review'], to: 'recommended', by: ['commission'] },
  { action: 'approve', from: ['under_review'], to: 'approved', by: ['commission'] },
  { action: 'reject', from: ['under_review'], to: 'rejected', by: ['commission'] },
  { action: 'submit_results', from: ['approved', 'results_returned'], to: 'results_submitted', by: ['applicant'], window: 'results' },
  { action: 'return_results', from: ['results_submitted'], to: 'results_returned', by: ['recommender'] },
  { action: 'forward_results', from: ['results_submitted'], to: 'results_received', by: ['recommender'], window: 'results' },
  { action: 'return_result_batch', from: ['results_received'], to: 'results_submitted', by: ['commission'] },
  { action: 'lapse', from: ['approved', 'results_submitted', 'results_returned'], to: 'lapsed', by: ['system'] },
  { action: 'assign_group', from: ['results_received'], to: 'in_evaluation', by: ['commission'] },
  { action: 'conclude_evaluation', from: ['in_evaluation'], to: 'evaluated', by: ['commission'] },
  { action: 'propose_recognition', from: ['evaluated'], to: 'in_publicity', by: ['commission'] },
  { action: 'not_propose', from: ['evaluated'], to: 'closed', by: ['commission'] },
  { action: 'publicity_passed', from: ['in_publicity'], to: 'recognised', by: ['commission', 'system'] },
  { action: 'objection_upheld', from: ['in_publicity'], to: 'evaluated', by: ['commission'] },
  { action: 'terminate', from: ['approved', 'results_returned'], to: 'terminated', by: ['applicant', 'commission'] },
  { action: 'revoke', from: ['recognised'], to: 'revoked', by: ['commission'] },
];

export const TERMINAL_STATES: readonly ProjectState[] = ['not_recommended', 'rejected', 'lapsed', 'closed', 'terminated', 'revoked'];

export function findTransition(action: ProjectAction, from: ProjectState, role: WorkflowRole): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from) && t.by.includes(role));
}

export function availableActions(state: ProjectState, role: WorkflowRole): ProjectAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(state) && t.by.includes(role)).map((t) => t.action);
}

/** A Chinese refusal for an action that does not apply in this state. */
export function refusalMessage(action: ProjectAction, from: ProjectState): string {
  return `当前状态为“${PROJECT_STATE_LABELS[from]}”，不能执行“${ACTION_LABELS[action]}”操作`;
}

export const ACTION_LABELS: Record<ProjectAction, string> = {
  submit: '提交申报',
  withdraw: '撤回申报',
  reopen_draft: '重新编辑',
  delete_draft: '删除草稿',
  return: '退回补正',
  recommend: '推荐',
  decline: '不予推荐',
  unrecommend: '撤销推荐',
  send_batch: '报送市市场监管委',
  return_batch: '退回推荐批次',
  approve: '立项',
  reject: '不予立项',
  submit_results: '提交成果',
  return_results: '退回成果',
  forward_results: '报送成果',
  return_result_batch: '退回成果批次',
  lapse: '逾期关闭',
  assign_group: '分配评定组',
  conclude_evaluation: '完成评定',
  propose_recognition: '拟认定并公示',
  not_propose: '不予认定',
  publicity_passed: '公示通过',
  objection_upheld: '异议成立',
  terminate: '终止项目',
  revoke: '撤销认定',
};
