/** Pieces shared by the commission's and the experts' 成果评定 pages. */
import { Tag } from 'antd';
import type { EvaluationGroupState, EvaluationLevel, ExpertTaskState } from '../../../domain/vocabularies';
import { EVALUATION_GROUP_STATE_LABELS, EVALUATION_LEVEL_LABELS, EXPERT_TASK_STATE_LABELS } from '../../../shared/evaluation';

const GROUP_COLOR: Record<EvaluationGroupState, string> = { proposed: 'gold', committed: 'blue', scoring: 'processing', concluded: 'blue', adopted: 'green' };
const TASK_COLOR: Record<ExpertTaskState, string> = { invited: 'gold', accepted: 'blue', declined: 'default', no_response: 'default', conflict_declared: 'orange', scoring: 'processing', submitted: 'green', recused: 'orange' };
const LEVEL_COLOR: Record<EvaluationLevel, string> = { excellent: 'red', good: 'blue', qualified: 'green', unqualified: 'default' };

export const GroupStateTag = ({ state }: { state: EvaluationGroupState }) => <Tag color={GROUP_COLOR[state]}>{EVALUATION_GROUP_STATE_LABELS[state]}</Tag>;
export const TaskStateTag = ({ state }: { state: ExpertTaskState }) => <Tag color={TASK_COLOR[state]}>{EXPERT_TASK_STATE_LABELS[state]}</Tag>;
export const LevelTag = ({ level }: { level: EvaluationLevel }) => <Tag color={LEVEL_COLOR[level]}>{EVALUATION_LEVEL_LABELS[level]}</Tag>;
