/** What a state means for the applicant and what happens next (read-only view banner). */
import type { ProjectState } from '../../../domain/project-workflow';

export const STATE_COLORS: Partial<Record<ProjectState, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  withdrawn: 'default',
  not_recommended: 'error',
  recommended: 'success',
  under_review: 'blue',
  approved: 'green',
  rejected: 'red',
  recognised: 'gold',
};

export const NEXT_STEP: Partial<Record<ProjectState, string>> = {
  draft: '申报书尚未提交。填写完成后请运行“提交前检查”，再提交推荐单位审核。',
  submitted: '申报书已提交推荐单位，等待推荐单位审核真实性和完整性。推荐单位开始审核前，您可以撤回后修改再提交。',
  returned: '推荐单位已退回补正，请按退回原因和逐项意见修改后重新提交。',
  withdrawn: '申报书已撤回，推荐单位无需审核。如需继续申报，请点击“重新编辑”，修改后在申报期限内重新提交。',
  not_recommended: '推荐单位决定不予推荐，本年度申报流程已结束。',
  recommended: '推荐单位已同意推荐，将随推荐汇总表一并报送市市场监管委立项审核。',
  under_review: '推荐材料已报送市市场监管委，正在进行立项审核，审核结果将在平台和市市场监管委官网公布。',
  rejected: '本项目未列入年度质量攻关项目计划。',
  approved: '项目已立项，请按计划、执行、检查、处理（PDCA）组织实施，并按要求参加宣贯培训、提交成果。',
  results_submitted: '成果材料已提交推荐单位，等待推荐单位审核并报送。',
  results_returned: '成果材料被退回补正，请修改后重新提交。',
  results_received: '成果材料已报送市市场监管委，等待成果评定。',
  in_evaluation: '成果正在评定中。',
  evaluated: '成果评定已完成，等待认定结果。',
  in_publicity: '成果认定结果正在公示。',
  recognised: '项目成果已认定为优秀成果。',
};
