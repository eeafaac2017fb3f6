/** 审计日志: filter, browse, export to Excel, verify the hash chain. */
import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { RoleCode } from '../../../shared/auth';
import { ROLE_LABELS } from '../../labels';
import { api, errorMessage, withQuery } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing, pickerDayBoundary } from '../../time';
import type { AuditEntry, AuditVerifyResult, Paged } from '../../types';
import { auditActionLabel, auditEntityLabel, auditSummaryText } from '../../../shared/audit-labels';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './labels';

interface AuditFilters {
  entity: string;
  action: string;
  organisationId: string;
  userId: string;
  from?: string;
  to?: string;
}

const EMPTY: AuditFilters = { entity: '', action: '', organisationId: '', userId: '' };

const summaryText = auditSummaryText;

export default function AuditPage() {
  usePageTitle('审计日志');
  const { message } = App.useApp();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);

  const query = { ...filters, page: page.page, pageSize: page.pageSize };
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<Paged<AuditEntry>>('/api/audit', query),
    placeholderData: keepPreviousData,
  });

  const verifyChain = useMutation({
    mutationFn: () => api.get<AuditVerifyResult>('/api/audit/verify'),
    onSuccess: setVerify,
    onError: (err) => message.error(errorMessage(err)),
  });

  const apply = () => {
    setFilters({ ...draft, from: pickerDayBoundary(range?.[0], false), to: pickerDayBoundary(range?.[1], true) });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const reset = () => {
    setDraft(EMPTY);
    setRange(null);
    setFilters(EMPTY);
    setPage((p) => ({ ...p, page: 1 }));
  };

  const exportHref = withQuery('/api/audit/export.xlsx', { ...filters });

  const columns: ColumnsType<AuditEntry> = [
    { title: '序号', dataIndex: 'seq', width: 80, render: (v: number) => <span className="gg-mono">{v}</span> },
    { title: '时间（北京时间）', dataIndex: 'at', width: 170, render: (v: string) => formatBeijing(v, 'seconds') },
    {
      title: '操作人',
      key: 'actor',
      width: 200,
      render: (_, e) =>
        e.actorName ? (
          <div>
            <div>
              {e.actorName}
              {e.actorRole && <Tag style={{ marginLeft: 6 }}>{ROLE_LABELS[e.actorRole as RoleCode] ?? e.actorRole}</Tag>}
            </div>
            <div className="gg-muted gg-small">{e.actorOrgName}</div>
          </div>
        ) : (
          <span className="gg-muted">系统 / 匿名</span>
        ),
    },
    { title: '对象', dataIndex: 'entity', width: 110, render: (v: string) => auditEntityLabel(v) },
    { title: '操作', dataIndex: 'action', width: 110, render: (v: string) => <Tag color="blue">{auditActionLabel(v)}</Tag> },
    {
      title: '摘要',
      dataIndex: 'summary',
      ellipsis: true,
      render: (v: unknown) => (
        <Typography.Text ellipsis={{ tooltip: summaryText(v) }} style={{ maxWidth: 360 }}>
          {summaryText(v) || '—'}
        </Typography.Text>
      ),
    },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="gg-mono gg-small">{v ?? '—'}</span> },
    {
      title: '请求编号',
      dataIndex: 'requestId',
      width: 120,
      render: (v: string | null) => (v ? <Typography.Text className="gg-mono gg-small" copyable={{ text: v, tooltips: ['复制', '已复制'] }}>{v.slice(0, 8)}</Typography.Text> : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title="审计日志"
        subtitle="平台上所有关键操作均留痕；日志以哈希链串联，任何篡改均可被校验发现"
        extra={
          <Space wrap>
            <Button icon={<SafetyCertificateOutlined />} loading={verifyChain.isPending} onClick={() => verifyChain.mutate()}>
              校验哈希链
            </Button>
            <a className="gg-link-btn gg-link-btn-primary" href={exportHref} download>
              <DownloadOutlined aria-hidden /> 导出 Excel
            </a>
          </Space>
        }
      />
      {verify && (
        <Alert
          style={{ marginBottom: 16 }}
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ closeIcon: true, onClose: () => setVerify(null), 'aria-label': '关闭校验结果' }}
          role="status"
          data-testid="audit-verify-result"
          title={verify.ok ? `哈希链校验通过：共 ${verify.entries} 条记录，未发现篡改` : `哈希链校验未通过：第 ${verify.brokenSeq ?? '?'} 条记录异常`}
          description={verify.ok ? undefined : (verify.reason ?? '日志可能被篡改，请立即联系系统管理员')}
        />
      )}
      <Card>
        <form
          className="gg-filter-bar"
          role="search"
          aria-label="审计日志筛选"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <label className="gg-filter-field">
            <span>对象类型</span>
            <Select
              aria-label="对象类型"
              style={{ width: 140 }}
              value={draft.entity}
              onChange={(entity) => setDraft((d) => ({ ...d, entity }))}
              options={[{ value: '', label: '全部' }, ...Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))]}
            />
          </label>
          <label className="gg-filter-field">
            <span>操作</span>
            <Select
              aria-label="操作"
              style={{ width: 140 }}
              value={draft.action}
              onChange={(action) => setDraft((d) => ({ ...d, action }))}
              options={[{ value: '', label: '全部' }, ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))]}
            />
          </label>
          <label className="gg-filter-field">
            <span>日期范围</span>
            <DatePicker.RangePicker aria-label="日期范围" value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} />
          </label>
          <label className="gg-filter-field">
            <span>用户编号</span>
            <Input value={draft.userId} onChange={(e) => setDraft((d) => ({ ...d, userId: e.target.value.trim() }))} placeholder="可选" style={{ width: 150 }} allowClear />
          </label>
          <label className="gg-filter-field">
            <span>单位编号</span>
            <Input
              value={draft.organisationId}
              onChange={(e) => setDraft((d) => ({ ...d, organisationId: e.target.value.trim() }))}
              placeholder="可选"
              style={{ width: 150 }}
              allowClear
            />
          </label>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button onClick={reset}>重置</Button>
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void list.refetch()} />
          </Space>
        </form>
        {list.isError ? (
          <Result status="warning" title="审计日志加载失败" subTitle={errorMessage(list.error)} />
        ) : (
          <Table<AuditEntry>
            rowKey="seq"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1250 }}
            locale={{ emptyText: '没有符合条件的审计记录' }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => `共 ${total} 条`,
              onChange: (p, pageSize) => setPage((old) => ({ page: pageSize !== old.pageSize ? 1 : p, pageSize })),
            }}
          />
        )}
      </Card>
    </>
  );
}
