/** 成果接收 (commission, issue 18): results forwarded by the recommenders, and projects that lapsed (逾期未报送). */
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table } from 'antd';
import type { ResultSummary } from '../../../shared/results';
import { api } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { ExportButtons, ResultStateTag } from './common';

export default function CommissionResultsPage() {
  usePageTitle('成果接收');
  const q = useQuery({ queryKey: ['commission', 'results'], queryFn: () => api.get<{ items: ResultSummary[] }>('/api/commission/results') });
  return (
    <>
      <PageHeader title="成果接收" subtitle="各推荐单位报送的项目成果，以及逾期未报送的项目。" />
      <Card>
        <Table<ResultSummary>
          rowKey="projectId"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 项` }}
          columns={[
            { title: '项目编号', dataIndex: 'projectNo', width: 140 },
            { title: '项目名称', dataIndex: 'name' },
            { title: '项目单位', dataIndex: 'applicantName' },
            { title: '状态', key: 's', width: 200, render: (_, r) => <ResultStateTag state={r.state} /> },
            { title: '成果报告', key: 'e', render: (_, r) => (r.state === 'results_received' ? <Space><ExportButtons side="commission" projectId={r.projectId} /></Space> : '—') },
          ]}
        />
      </Card>
    </>
  );
}
