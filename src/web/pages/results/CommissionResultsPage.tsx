/** 成果接收 (commission, issue 18): the recommenders' results batches (签收 / 退回 on the detail), and the projects forwarded or lapsed (逾期未报送). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { CommissionResultBatchItem, ResultSummary } from '../../../shared/results';
import { api } from '../../api';
import { FilterBar, ListTable, useCampaignYearField } from '../../components/list';
import { StateTag } from '../../components/review/StateTag';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import type { Paged } from '../../types';
import { ExportButtons, ResultStateTag } from './common';

export const RESULT_BATCHES_KEY = ['commission', 'result-batches'] as const;

export const RESULT_BATCH_STATE_OPTIONS = [
  { value: 'sent', label: '待签收（已报送）' },
  { value: 'received', label: '已签收' },
  { value: 'returned', label: '已退回' },
];

export function FileLink({ file, label }: { file: { fileId: string; name: string } | null; label: string }) {
  return file ? (
    <a href={`/api/files/${file.fileId}`} download aria-label={`下载${label}：${file.name}`}>
      {label}
    </a>
  ) : (
    <span className="gg-rv-bad">缺失</span>
  );
}

function ResultBatches() {
  const list = useListState({ filters: { year: '', q: '', state: '' } });
  const yearField = useCampaignYearField<typeof list.filters>();
  const batches = useQuery({
    queryKey: [...RESULT_BATCHES_KEY, list.query],
    queryFn: () => api.get<Paged<CommissionResultBatchItem>>('/api/commission/result-batches', list.query),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const columns: ColumnsType<CommissionResultBatchItem> = [
    { title: '推荐单位', dataIndex: 'recommenderName', width: 240, render: (v: string, r) => <Link to={`/commission/results/batches/${r.id}`}>{v}</Link> },
    { title: '报送时间', dataIndex: 'sentAt', width: 160, render: (v: string) => formatBeijing(v) },
    { title: '成果数', dataIndex: 'projectCount', width: 80 },
    { title: '联系人', key: 'contact', width: 180, render: (_, r) => `${r.contactName} · ${r.contactPhone}` },
    {
      title: '汇总表 / 报送函',
      key: 'files',
      width: 220,
      render: (_, r) => (
        <Space size={8}>
          <FileLink file={r.summaryDocx} label="Word" />
          <FileLink file={r.summaryXlsx} label="Excel" />
          <FileLink file={r.stampedPdf} label="盖章函" />
        </Space>
      ),
    },
    { title: '状态', dataIndex: 'state', width: 100, render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
    {
      title: '操作',
      key: 'ops',
      width: 110,
      fixed: 'right',
      render: (_, r) => (
        <Link to={`/commission/results/batches/${r.id}`} aria-label={`${r.state === 'sent' ? '签收' : '查看'}：${r.recommenderName}的成果批次`}>
          {r.state === 'sent' ? '审核签收' : '查看'}
        </Link>
      ),
    },
  ];
  return (
    <Card title="成果批次" style={{ marginBottom: 20 }}>
      <FilterBar
        list={list}
        label="成果批次筛选"
        onRefresh={() => void batches.refetch()}
        fields={[
          yearField,
          { key: 'q', kind: 'text', label: '推荐单位', placeholder: '推荐单位名称', width: 220 },
          { key: 'state', kind: 'select', label: '状态', width: 150, options: RESULT_BATCH_STATE_OPTIONS },
        ]}
      />
      <ListTable<CommissionResultBatchItem>
        list={list}
        result={batches}
        what="成果批次"
        empty="暂无推荐单位报送的成果批次"
        noMatch="没有符合条件的成果批次"
        columns={columns}
        scroll={{ x: 1100 }}
        pageSizeOptions={[20, 50, 100]}
        data-testid="result-batches"
      />
    </Card>
  );
}

export default function CommissionResultsPage() {
  usePageTitle('成果接收');
  const q = useQuery({ queryKey: ['commission', 'results'], queryFn: () => api.get<{ items: ResultSummary[] }>('/api/commission/results') });
  return (
    <>
      <PageHeader title="成果接收" subtitle="各推荐单位报送的成果批次（签收或整批退回），以及已报送和逾期未报送的项目。" />
      <ResultBatches />
      <Card title="成果项目">
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
