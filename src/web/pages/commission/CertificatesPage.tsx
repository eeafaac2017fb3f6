/**
 * 证书发放 (commission): start the certificate run for the active campaign (confirmation), its
 * progress polled while it runs, the list of certificates with search/filter/pagination (in the URL), download
 * (one PDF or all as zip) and 作废 with a reason (lifecycle.md: issued → void; re-issue = new number).
 */
import { DownloadOutlined, FilePdfOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Progress, Row, Space, Statistic, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { CERTIFICATE_STATE_LABELS, MIN_VOID_REASON_LENGTH, type CertificateDto, type CertificateList, type CertificateOverview, type CertificateRunDto } from '../../../shared/certificates';
import { ApiError, api, errorMessage, newIdempotencyKey } from '../../api';
import { ConfirmDialog, FilterBar, ListTable, optionsOf, useCampaignYearField } from '../../components/list';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';

const KEY = ['commission', 'certificates'] as const;
const STATE_OPTIONS = optionsOf(CERTIFICATE_STATE_LABELS);

const running = (run: CertificateRunDto | null | undefined) => run?.state === 'queued' || run?.state === 'running';

function RunCard({ overview, onStart, starting, year }: { overview: CertificateOverview | undefined; onStart: () => void; starting: boolean; year: string }) {
  const run = overview?.run ?? null;
  const percent = run && run.total ? Math.min(100, Math.round((run.issued / run.total) * 100)) : 0;
  return (
    <Card title={`${overview?.campaignYear ?? ''}年度证书发放`} className="gg-fill">
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Statistic title="已认定项目" value={overview?.recognised ?? 0} suffix="项" />
        </Col>
        <Col xs={8}>
          <Statistic title="有效证书" value={overview?.issued ?? 0} suffix="份" />
        </Col>
        <Col xs={8}>
          <Statistic title="待发放" value={overview?.pending ?? 0} suffix="项" />
        </Col>
      </Row>
      {run && (
        <div style={{ marginTop: 16 }} data-testid="certificate-run">
          <div className="gg-small gg-muted">
            最近一次发放：{formatBeijing(run.createdAt)} · <Tag color={run.state === 'done' ? 'success' : run.state === 'failed' ? 'error' : 'processing'}>{run.stateLabel}</Tag>
          </div>
          <Progress
            percent={percent}
            status={run.state === 'failed' ? 'exception' : running(run) ? 'active' : 'success'}
            format={() => `${run.issued}/${run.total}`}
            aria-label={`已发放 ${run.issued} 份，共 ${run.total} 份`}
          />
          {run.error && <Alert type="warning" showIcon title={`发放中断：${run.error}（系统将自动重试，已发放的证书不受影响）`} />}
        </div>
      )}
      <Space style={{ marginTop: 16 }} wrap>
        <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={onStart} loading={starting || running(run)} disabled={!overview || (overview.pending === 0 && !running(run))}>
          {running(run) ? '正在发放…' : '开始发放证书'}
        </Button>
        <Button icon={<DownloadOutlined />} href={`/api/commission/certificates/download.zip${year ? `?year=${year}` : ''}`} disabled={!overview?.issued} aria-label="下载本年度全部有效证书压缩包">
          下载全部证书（zip）
        </Button>
      </Space>
      {overview && overview.pending === 0 && !running(run) && <p className="gg-muted gg-small" style={{ marginTop: 12, marginBottom: 0 }}>{overview.recognised ? '已认定项目的证书均已发放。' : '本年度还没有已认定（优秀成果）的项目。'}</p>}
    </Card>
  );
}

export default function CertificatesPage() {
  usePageTitle('证书发放');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const list = useListState({ filters: { year: '', q: '', state: '' } });
  const yearField = useCampaignYearField<typeof list.filters>();
  const year = list.filters.year;
  const [voiding, setVoiding] = useState<CertificateDto | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const startKey = useRef<string | null>(null);

  const overview = useQuery({
    queryKey: [...KEY, 'overview', year],
    queryFn: () => api.get<CertificateOverview>('/api/commission/certificates/overview', { year }),
    // Poll while a run is going; stop when it is done.
    refetchInterval: (q) => (running(q.state.data?.run) ? 1500 : false),
  });
  const certificates = useQuery({
    queryKey: [...KEY, 'list', list.query, overview.data?.run?.issued, overview.data?.issued],
    queryFn: () => api.get<CertificateList>('/api/commission/certificates', list.query),
    placeholderData: keepPreviousData,
  });

  const start = useMutation({
    mutationFn: () => api.post<CertificateRunDto>(`/api/commission/certificates/runs${year ? `?year=${year}` : ''}`, {}, { headers: { 'Idempotency-Key': (startKey.current ??= newIdempotencyKey()) } }),
    onSuccess: (run) => {
      startKey.current = null;
      message.success(run.state === 'done' ? '证书已发放' : `已开始发放，共 ${run.total} 份证书`);
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (err) => {
      if (!(err instanceof ApiError) || err.status < 500) startKey.current = null;
      message.error(errorMessage(err));
    },
  });

  const voidMutation = useMutation({
    mutationFn: (v: { c: CertificateDto; reason: string }) => api.post<CertificateDto>(`/api/commission/certificates/${v.c.id}/void`, { version: v.c.version, reason: v.reason }),
    onSuccess: (c) => {
      message.success(`证书 ${c.certificateNo} 已作废`);
      setVoiding(null);
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.reason) setReasonError(err.fields.reason);
      else message.error(errorMessage(err));
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: KEY });
    },
  });

  const confirmStart = () => {
    const o = overview.data;
    modal.confirm({
      title: '开始发放证书？',
      content: `将为${o?.campaignYear ?? ''}年度尚未发证的 ${o?.pending ?? 0} 个已认定项目生成证书并按顺序编号，发放后即通知获证单位，证书编号不可更改（作废后重新发放使用新编号）。`,
      okText: '开始发放',
      cancelText: '取消',
      onOk: () => start.mutateAsync().catch(() => undefined),
    });
  };

  const columns: ColumnsType<CertificateDto> = [
    { title: '证书编号', dataIndex: 'certificateNo', width: 190, render: (v: string) => <span className="gg-mono">{v}</span> },
    { title: '项目名称', dataIndex: 'projectName', ellipsis: true },
    { title: '获证单位', dataIndex: 'holderName', width: 240, ellipsis: true },
    { title: '等级', dataIndex: 'level', width: 70, render: (v: string | null) => v ?? '—' },
    { title: '发放时间', dataIndex: 'issuedAt', width: 150, render: (v: string) => formatBeijing(v) },
    {
      title: '状态',
      dataIndex: 'state',
      width: 200,
      render: (_, c) =>
        c.state === 'void' ? (
          <div>
            <Tag color="default">{c.stateLabel}</Tag>
            <div className="gg-small gg-muted">
              {formatBeijing(c.voidedAt)}：{c.voidReason}
            </div>
          </div>
        ) : (
          <Tag color="success">{c.stateLabel}</Tag>
        ),
    },
    {
      title: '操作',
      key: 'ops',
      width: 150,
      fixed: 'right',
      render: (_, c) => (
        <Space size={8}>
          <a href={`/api/commission/certificates/${c.id}/download`} download aria-label={`下载证书 ${c.certificateNo}`}>
            <FilePdfOutlined aria-hidden /> 下载
          </a>
          {c.state === 'issued' && (
            <Button type="link" size="small" danger icon={<StopOutlined aria-hidden />} onClick={() => {
                setReasonError(null);
                setVoiding(c);
              }} aria-label={`作废证书 ${c.certificateNo}`}>
              作废
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="证书发放" subtitle="为已认定（优秀成果）项目生成并发放证书；证书编号连续不重复，作废后重新发放使用新编号" />
      {overview.isError && <Alert type="error" showIcon title={errorMessage(overview.error)} style={{ marginBottom: 16 }} />}
      <Row gutter={[20, 20]}>
        <Col xs={24}>
          <RunCard overview={overview.data} onStart={confirmStart} starting={start.isPending} year={year} />
        </Col>
        <Col xs={24}>
          <Card title="证书列表">
            <FilterBar
              list={list}
              label="证书筛选"
              onRefresh={() => void certificates.refetch()}
              fields={[
                yearField,
                { key: 'q', kind: 'text', label: '关键词', ariaLabel: '搜索证书编号、项目名称或获证单位', placeholder: '证书编号 / 项目名称 / 获证单位', width: 280 },
                { key: 'state', kind: 'select', label: '证书状态', width: 120, allLabel: '全部状态', options: STATE_OPTIONS },
              ]}
            />
            <ListTable<CertificateDto>
              list={list}
              result={certificates}
              what="证书列表"
              empty="尚未发放证书"
              noMatch="没有符合条件的证书"
              unit="份"
              columns={columns}
              scroll={{ x: 1100 }}
              data-testid="certificate-list"
            />
          </Card>
        </Col>
      </Row>
      <ConfirmDialog
        open={!!voiding}
        title={`作废证书 ${voiding?.certificateNo ?? ''}`}
        okText="确认作废"
        danger
        loading={voidMutation.isPending}
        fieldError={reasonError}
        onCancel={() => setVoiding(null)}
        onConfirm={(reason) => voiding && voidMutation.mutate({ c: voiding, reason })}
        notice={{ title: `作废后该证书不再有效，获证单位（${voiding?.holderName ?? ''}）将收到通知；如项目仍为已认定，可再次发放，使用新的证书编号。此操作不可撤销。` }}
        reason={{ label: '作废原因', min: MIN_VOID_REASON_LENGTH, rows: 3, maxLength: 500, placeholder: '如：单位名称变更，需按新名称重新发放' }}
      />
    </>
  );
}
