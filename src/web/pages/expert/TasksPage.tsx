/** 我的评定任务 (expert): one row per assigned project; the task page accepts, declares 回避 and scores. */
import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { Link } from 'react-router';
import type { ExpertTaskSummary } from '../../../shared/evaluation';
import { api } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { TaskStateTag } from '../evaluation/common';

export default function TasksPage() {
  usePageTitle('我的评定任务');
  const q = useQuery({ queryKey: ['expert', 'tasks'], queryFn: () => api.get<{ items: ExpertTaskSummary[] }>('/api/expert/tasks') });
  return (
    <>
      <PageHeader title="我的评定任务" subtitle="接受任务后须对每个项目作出回避声明，声明无利害关系后方可查阅成果材料并评分。评定材料和评分结果请严格保密。" />
      <Card>
        <Table<ExpertTaskSummary>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: '暂无评定任务' }}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 项` }}
          data-testid="expert-tasks"
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '评定领域', dataIndex: 'field', width: 130 },
            { title: '项目名称', dataIndex: 'projectName', render: (n: string, t) => <Link to={`/expert/tasks/${t.id}`}>{n}</Link> },
            { title: '状态', dataIndex: 'state', width: 120, render: (s: ExpertTaskSummary['state']) => <TaskStateTag state={s} /> },
            { title: '评分截止', dataIndex: 'deadline', width: 120, render: (d: string | null) => d ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
