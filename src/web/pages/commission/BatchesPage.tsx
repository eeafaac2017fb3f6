/** 推荐批次接收 (commission): incoming batches per recommender, filters and page in the URL, and who has not sent yet. */
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Progress, Row, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { RECOMMENDER_KIND_LABELS, type commissionBatchItemSchema, type recommenderStatusListSchema } from '../../../shared/recommendations';
import { api, errorMessage } from '../../api';
import { FilterBar, ListTable, optionsOf, useCampaignYearField } from '../../components/list';
import { StateTag } from '../../components/review/StateTag';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import type { Paged } from '../../types';
import '../../components/review/review.css';

export type CommissionBatchItem = z.infer<typeof commissionBatchItemSchema>;
type RecommenderStatusList = z.infer<typeof recommenderStatusListSchema>;

export const COMMISSION_BATCHES_KEY = ['commission', 'batches'] as const;

const KIND_OPTIONS = optionsOf(RECOMMENDER_KIND_LABELS);

export function CompletenessTags({ c }: { c: CommissionBatchItem['completeness'] }) {
  const part = (ok: boolean, label: string) => (
    <Tag key={label} color={ok ? 'success' : 'error'} icon={ok ? <CheckCircleFilled /> : <CloseCircleFilled />}>
      {label}
      <span className="gg-sr-only">{ok ? '（齐全）' : '（缺失）'}</span>
    </Tag>
  );
  return (
    <Tooltip title={c.complete ? '材料齐全' : '材料不完整'}>
      <span data-testid="batch-completeness" data-complete={c.complete}>
        {part(c.stampedPdf, '盖章版')}
        {part(c.summaryDocx, 'Word')}
        {part(c.summaryXlsx, 'Excel')}
        {part(c.projectsMatch, '项目一致')}
      </span>
    </Tooltip>
  );
}

function NotSent({ year }: { year: string }) {
  const [kind, setKind] = useState('');
  const q = useQuery({
    queryKey: ['commission', 'recommenders', kind, year],
    queryFn: () => api.get<RecommenderStatusList>('/api/commission/recommenders', { kind, year }),
    placeholderData: keepPreviousData,
  });
  const items = q.data?.items ?? [];
  const notSent = items.filter((i) => i.batchStatus === 'not_sent' || i.batchStatus === 'returned');
  const d = q.data?.districtBureaus;
  return (
    <Card
      title="尚未报送的推荐单位"
      extra={<Select aria-label="推荐单位类别" size="small" style={{ width: 160 }} value={kind} onChange={setKind} options={[{ value: '', label: '全部类别' }, ...KIND_OPTIONS]} />}
      className="gg-fill"
    >
      {q.isError && <Alert type="warning" showIcon title={errorMessage(q.error)} />}
      {d && (
        <div style={{ marginBottom: 12 }}>
          <div className="gg-small gg-muted">区市场监督管理部门报送进度</div>
          <Progress percent={d.total ? Math.round((d.sent / d.total) * 100) : 0} format={() => `${d.sent}/${d.total}`} aria-label={`已报送 ${d.sent} 个，共 ${d.total} 个区`} />
        </div>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={notSent}
        pagination={{ pageSize: 8, showTotal: (t) => `共 ${t} 个`, hideOnSinglePage: true }}
        locale={{ emptyText: '全部推荐单位均已报送' }}
        data-testid="not-sent"
        columns={[
          { title: '推荐单位', dataIndex: 'name', render: (v: string, r) => <span>{v}{r.batchStatus === 'returned' && <Tag color="orange" style={{ marginLeft: 6 }}>已退回</Tag>}</span> },
          { title: '待审核', dataIndex: 'pendingReview', width: 70 },
          { title: '已推荐', dataIndex: 'recommendedUnsent', width: 70 },
        ]}
      />
    </Card>
  );
}

export default function BatchesPage() {
  usePageTitle('推荐批次接收');
  const list = useListState({ filters: { year: '', q: '', state: '', recommenderKind: '' } });
  const yearField = useCampaignYearField<typeof list.filters>();
  const batches = useQuery({
    queryKey: [...COMMISSION_BATCHES_KEY, list.query],
    queryFn: () => api.get<Paged<CommissionBatchItem>>('/api/commission/batches', list.query),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  const columns: ColumnsType<CommissionBatchItem> = [
    {
      title: '推荐单位',
      dataIndex: 'recommenderName',
      width: 240,
      render: (v: string, r) => (
        <div>
          <Link to={`/commission/batches/${r.id}`}>{v}</Link>
          <div className="gg-muted gg-small">{RECOMMENDER_KIND_LABELS[r.recommenderKind ?? ''] ?? '推荐单位'}</div>
        </div>
      ),
    },
    { title: '报送时间', dataIndex: 'sentAt', width: 150, render: (v: string | null) => formatBeijing(v) },
    { title: '项目数', dataIndex: 'projectCount', width: 80 },
    { title: '联系人', key: 'contact', width: 170, render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' · ') || '—' },
    {
      title: '盖章版汇总表',
      dataIndex: 'stampedPdfFileId',
      width: 130,
      render: (v: string | null) =>
        v ? (
          <a href={`/api/files/${v}`} download>
            <FilePdfOutlined aria-hidden /> 下载 PDF
          </a>
        ) : (
          <span className="gg-rv-bad">缺失</span>
        ),
    },
    { title: '材料完整性', key: 'completeness', width: 300, render: (_, r) => <CompletenessTags c={r.completeness} /> },
    { title: '状态', dataIndex: 'state', width: 100, render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
    {
      title: '操作',
      key: 'ops',
      width: 150,
      fixed: 'right',
      render: (_, r) => (
        <Space size={8}>
          <Link to={`/commission/batches/${r.id}`} aria-label={`${r.state === 'sent' ? '审核接收' : '查看'}：${r.recommenderName}的推荐批次`}>
            {r.state === 'sent' ? '审核接收' : '查看'}
          </Link>
          <a href={`/api/commission/batches/${r.id}/download.zip`} download aria-label={`下载${r.recommenderName}的推荐材料压缩包`}>
            <DownloadOutlined aria-hidden /> 材料
          </a>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="推荐批次接收" subtitle="各推荐单位报送的推荐项目、汇总表和盖章版汇总表；接收后进入立项审核" />
      <Row gutter={[20, 20]}>
        <Col xs={24} xxl={17}>
          <Card>
            <FilterBar
              list={list}
              label="推荐批次筛选"
              onRefresh={() => void batches.refetch()}
              fields={[
                yearField,
                { key: 'q', kind: 'text', label: '推荐单位', placeholder: '推荐单位名称', width: 220 },
                {
                  key: 'state',
                  kind: 'select',
                  label: '状态',
                  width: 130,
                  options: [
                    { value: 'sent', label: '待接收（已报送）' },
                    { value: 'received', label: '已接收' },
                    { value: 'returned', label: '已退回' },
                  ],
                },
                { key: 'recommenderKind', kind: 'select', label: '推荐单位类别', width: 170, allLabel: '全部类别', options: KIND_OPTIONS },
              ]}
            />
            <ListTable<CommissionBatchItem>
              list={list}
              result={batches}
              what="推荐批次"
              empty="暂无已报送的推荐批次"
              noMatch="没有符合条件的推荐批次"
              columns={columns}
              scroll={{ x: 1400 }}
              pageSizeOptions={[20, 50, 100]}
              data-testid="commission-batches"
            />
          </Card>
        </Col>
        <Col xs={24} xxl={7}>
          <NotSent year={list.filters.year} />
        </Col>
      </Row>
    </>
  );
}
