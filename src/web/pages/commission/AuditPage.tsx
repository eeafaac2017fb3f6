/** 审计日志: filter (in the URL), browse, export the filtered entries to Excel, verify the hash chain. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { RoleCode } from '../../../shared/auth';
import { ROLE_LABELS } from '../../labels';
import { api, errorMessage } from '../../api';
import { ExportButton, FilterBar, ListTable, optionsOf } from '../../components/list';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import type { AuditEntry, AuditVerifyResult, Paged } from '../../types';
import { auditActionLabel, auditEntityLabel, auditSummaryText } from '../../../shared/audit-labels';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './labels';

const summaryText = auditSummaryText;

export default function AuditPage() {
  usePageTitle('审计日志');
  const { message } = App.useApp();
  const list = useListState({ filters: { entity: '', action: '', organisationId: '', userId: '', from: '', to: '' } });
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);

  const entries = useQuery({
    queryKey: ['audit', list.query],
    queryFn: () => api.get<Paged<AuditEntry>>('/api/audit', list.query),
    placeholderData: keepPreviousData,
  });

  const verifyChain = useMutation({
    mutationFn: () => api.get<AuditVerifyResult>('/api/audit/verify'),
    onSuccess: setVerify,
    onError: (err) => message.error(errorMessage(err)),
  });

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
            <ExportButton href="/api/audit/export.xlsx" query={list.filterQuery} />
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
        <FilterBar
          list={list}
          label="审计日志筛选"
          onRefresh={() => void entries.refetch()}
          fields={[
            { key: 'entity', kind: 'select', label: '对象类型', width: 140, options: optionsOf(AUDIT_ENTITY_LABELS) },
            { key: 'action', kind: 'select', label: '操作', width: 140, search: true, options: optionsOf(AUDIT_ACTION_LABELS) },
            { kind: 'dateRange', keys: ['from', 'to'], label: '日期范围' },
            { key: 'userId', kind: 'text', label: '用户编号', placeholder: '可选', width: 150, maxLength: 36 },
            { key: 'organisationId', kind: 'text', label: '单位编号', placeholder: '可选', width: 150, maxLength: 36 },
          ]}
        />
        <ListTable<AuditEntry>
          list={list}
          result={entries}
          what="审计日志"
          empty="暂无审计记录"
          noMatch="没有符合条件的审计记录"
          rowKey="seq"
          columns={columns}
          scroll={{ x: 1250 }}
          pageSizeOptions={[20, 50, 100, 200]}
        />
      </Card>
    </>
  );
}
