/** Pieces shared by the commission's and the experts' 成果评定 pages. */
import { Descriptions, Tag } from 'antd';
import type { EvaluationCriteria } from '../../../domain/evaluation';
import type { EvaluationGroupState, EvaluationLevel, ExpertTaskState } from '../../../domain/vocabularies';
import { EVALUATION_GROUP_STATE_LABELS, EVALUATION_LEVEL_LABELS, EXPERT_TASK_STATE_LABELS } from '../../../shared/evaluation';

const GROUP_COLOR: Record<EvaluationGroupState, string> = { proposed: 'gold', committed: 'blue', scoring: 'processing', concluded: 'blue', adopted: 'green' };
const TASK_COLOR: Record<ExpertTaskState, string> = { invited: 'gold', accepted: 'blue', declined: 'default', no_response: 'default', conflict_declared: 'orange', scoring: 'processing', submitted: 'green', recused: 'orange' };
const LEVEL_COLOR: Record<EvaluationLevel, string> = { excellent: 'red', good: 'blue', qualified: 'green', unqualified: 'default' };

export const GroupStateTag = ({ state }: { state: EvaluationGroupState }) => <Tag color={GROUP_COLOR[state]}>{EVALUATION_GROUP_STATE_LABELS[state]}</Tag>;
export const TaskStateTag = ({ state }: { state: ExpertTaskState }) => <Tag color={TASK_COLOR[state]}>{EXPERT_TASK_STATE_LABELS[state]}</Tag>;
export const LevelTag = ({ level }: { level: EvaluationLevel }) => <Tag color={LEVEL_COLOR[level]}>{EVALUATION_LEVEL_LABELS[level]}</Tag>;

/** The criteria set read-only: sections and items with their maximum, veto items, bands and group rules. */
export function CriteriaView({ criteria }: { criteria: EvaluationCriteria }) {
  return (
    <Descriptions bordered size="small" column={1} data-testid="evaluation-criteria">
      {criteria.sections.map((s) => (
        <Descriptions.Item key={s.id} label={s.label}>
          {s.items.map((i) => `${i.label}（${i.max}分）`).join('；')}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="否决项">{criteria.vetoItems.map((v) => v.text).join('；') || '—'}</Descriptions.Item>
      <Descriptions.Item label="等级分数线">
        优秀 ≥ {criteria.bands.excellent} 分；良好 ≥ {criteria.bands.good} 分；合格 ≥ {criteria.bands.qualified} 分；其余为不合格；触及任一否决项为不合格
      </Descriptions.Item>
      <Descriptions.Item label="评定组">
        每组 {criteria.groupSize} 人（至少 {criteria.minGroupSize} 人有效评分）；{criteria.trimFrom} 人及以上去掉一个最高分和一个最低分后取平均，否则取平均
      </Descriptions.Item>
      <Descriptions.Item label="评定意见字数">
        {criteria.opinion.min}–{criteria.opinion.max} 字
      </Descriptions.Item>
    </Descriptions>
  );
}
