/**
 * 未完成培训: approved projects missing the campaign's required attendance — the recommender's own
 * (`/api/recommender/training/incomplete`) or all for the commission. A second list on a page that
 * already keeps its own list state in the URL, so its keyword and page stay local.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { IncompleteListDto, IncompleteProjectDto } from '../../../shared/training-materials';
import { api, errorMessage } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { matchRows } from '../../components/list';

export function IncompleteCard({ url, showRecommender }: { url: string; showRecommender: boolean }) {
  const q = useQuery({ queryKey: ['training', 'incomplete', url], queryFn: () => api.get<IncompleteListDto>(url), staleTime: 0 });
  const [keyword, setKeyword] = useState('');
  const items = useMemo(() => matchRows(q.data?.items ?? [], keyword, (i) => [i.applicantName, i.projectName, i.projectNo ?? '', i.recommenderName ?? '']), [q.data, keyword]);
  const columns: ColumnsType<IncompleteProjectDto> = [
    { title: '项目编号', dataIndex: 'projectNo', width: 160, render: (v: string | null) => v ?? '—' },
    { title: '项目名称', dataIndex: 'projectName', ellipsis: true },
    { title: '申报单位', dataIndex: 'applicantName', ellipsis: true },
    ...(showRecommender ? [{ title: '推荐单位', dataIndex: 'recommenderName', ellipsis: true, render: (v: string | null) => v ?? '—' }] : []),
    { title: '已参训 / 要求', key: 'n', width: 120, render: (_, r) => `${r.attendedSessions} / ${r.requiredSessions} 场` },
    { title: '状态', key: 's', width: 130, render: (_, r) => (r.pendingSignups > 0 ? <Tag color="blue">已报名待参训</Tag> : <Tag color="orange">未报名</Tag>) },
  ];
  const count = q.data?.items.length ?? 0;
  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid="incomplete-training"
      title={`未完成培训（${count}）`}
    >
      {q.data && (
        <div className="gg-muted gg-small" style={{ marginBottom: 8 }}>
          培训要求：{q.data.rule}。已立项项目 {q.data.approvedCount} 个，未完成 {count} 个。
        </div>
      )}
      {q.isError && <Alert type="error" showIcon message={errorMessage(q.error)} style={{ marginBottom: 8 }} />}
      <Input.Search allowClear aria-label="搜索未完成培训的项目" placeholder="项目、申报单位或推荐单位" onSearch={setKeyword} style={{ width: 320, marginBottom: 12 }} />
      <Table<IncompleteProjectDto>
        rowKey="projectId"
        size="middle"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={items}
        loading={q.isPending}
        locale={{ emptyText: <EmptyState text={keyword ? '没有符合条件的项目' : '所有已立项项目均已完成培训'} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个` }}
      />
    </Card>
  );
}
