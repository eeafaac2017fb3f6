/** The expert's open tasks on the workbench: invitations and scoring, or the 回避 declarations due. */
import { useQuery } from '@tanstack/react-query';
import { Empty, List } from 'antd';
import { Link } from 'react-router';
import type { ExpertTaskState } from '../../../domain/vocabularies';
import type { ExpertTaskSummary } from '../../../shared/evaluation';
import { api } from '../../api';
import { TaskStateTag } from '../evaluation/common';

export function TaskTodo({ states, empty }: { states: ExpertTaskState[]; empty: string }) {
  const q = useQuery({ queryKey: ['expert', 'tasks'], queryFn: () => api.get<{ items: ExpertTaskSummary[] }>('/api/expert/tasks') });
  const items = (q.data?.items ?? []).filter((t) => states.includes(t.state));
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <List
      size="small"
      dataSource={items.slice(0, 8)}
      renderItem={(t) => (
        <List.Item extra={<TaskStateTag state={t.state} />}>
          <Link to={`/expert/tasks/${t.id}`}>{t.projectName}</Link>
          <span className="gg-muted gg-small">（{t.field}，截止 {t.deadline ?? '—'}）</span>
        </List.Item>
      )}
    />
  );
}
