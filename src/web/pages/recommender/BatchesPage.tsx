/**
 * 推荐报送: the recommended projects in order, the 汇总表 (Excel / Word), contact, the stamped PDF,
 * a readiness checklist, the deadline with a countdown on the server's clock, and the send to the
 * commission (irreversible, with an Idempotency-Key). Sent batches are listed with their zip.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  ExclamationCircleOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  HolderOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Result, Row, Skeleton, Space, Table, Tag, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { DIRECTION_LABELS, type Direction } from '../../../shared/application-form';
import type { RecommenderBatch } from '../../../shared/recommendations';
import { api, ApiError, errorMessage, idempotencyHeaders, newIdempotencyKey } from '../../api';
import { formatSize, fileUrl } from '../../components/review/AttachmentList';
import { CheckList } from '../../components/review/CheckList';
import { applyFieldErrors, isStale, STALE_MESSAGE } from '../../components/review/errors';
import { StateTag } from '../../components/review/StateTag';
import { usePageTitle } from '../../hooks/usePageTitle';
import { usePublicCampaign } from '../../hooks/usePublicCampaign';
import { useServerClock } from '../../hooks/useServerClock';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing, remaining } from '../../time';
import { BATCH_KEY, INBOX_KEY, useBatch } from './queries';
import '../../components/review/review.css';

type BatchProject = RecommenderBatch['projects'][number];
type History = RecommenderBatch['history'][number];

function Deadline({ batch }: { batch: RecommenderBatch }) {
  const campaign = usePublicCampaign();
  const now = useServerClock(campaign.data?.serverTime);
  const closes = Date.parse(batch.window.closesAt) + 1000;
  const r = now === null ? null : remaining(closes, now);
  const open = batch.window.open && (r === null || r.totalMs > 0);
  return (
    <Card size="small" title={<span><ClockCircleOutlined aria-hidden /> 报送截止时间</span>} data-testid="batch-deadline">
      <div style={{ fontSize: 16, fontWeight: 600 }}>
        {formatBeijing(batch.window.closesAt, 'datetimeCn')}（北京时间）
        {batch.window.viaReopening && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            补报窗口
          </Tag>
        )}
      </div>
      {open && r ? (
        <div className={`gg-rv-countdown${r.days < 2 ? ' gg-rv-countdown-urgent' : ''}`} role="timer" aria-live="off">
          剩余 {r.days} 天 {String(r.hours).padStart(2, '0')}:{String(r.minutes).padStart(2, '0')}:{String(r.seconds).padStart(2, '0')}
        </div>
      ) : (
        <div className="gg-rv-countdown gg-rv-countdown-urgent">{open ? '—' : '已截止'}</div>
      )}
      <div className="gg-muted gg-small">
        {batch.window.viaReopening ? '市市场监管委已为本单位开通补报窗口。' : '推荐单位须在截止前将推荐材料及汇总表报送市市场监管委。'}
        {now !== null && <> 服务器时间：{formatBeijing(now, 'seconds')}</>}
      </div>
    </Card>
  );
}

function OrderTable({ batch, disabled }: { batch: RecommenderBatch; disabled: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [rows, setRows] = useState<BatchProject[]>(batch.projects);
  const [drag, setDrag] = useState<{ from: number; over: number | null } | null>(null);
  useEffect(() => setRows(batch.projects), [batch.projects]);
  const save = useMutation({
    mutationFn: (ids: string[]) => api.put<{ items: { id: string; recommendOrder: number }[] }>('/api/recommender/order', { ids }),
    onSuccess: () => {
      message.success('推荐排序已保存');
      void qc.invalidateQueries({ queryKey: BATCH_KEY });
      void qc.invalidateQueries({ queryKey: INBOX_KEY });
    },
    onError: (err) => {
      message.error(errorMessage(err));
      setRows(batch.projects);
      void qc.invalidateQueries({ queryKey: BATCH_KEY });
    },
  });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= rows.length || from === to) return;
    const next = [...rows];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x);
    setRows(next);
    save.mutate(next.map((r) => r.id));
  };
  const columns: ColumnsType<BatchProject> = [
    { title: <span className="gg-sr-only">拖动</span>, key: 'drag', width: 32, render: () => (disabled ? null : <HolderOutlined className="gg-rv-drag-handle" aria-hidden />) },
    { title: '排序', key: 'order', width: 56, render: (_, __, i) => <strong>{i + 1}</strong> },
    {
      title: '项目名称 / 申报单位',
      dataIndex: 'name',
      render: (v: string, r) => (
        <div>
          <Link to={`/recommender/reviews/${r.id}`}>{v}</Link>
          <div className="gg-muted gg-small">{r.applicantName}</div>
        </div>
      ),
    },
    {
      title: '申报方向 / 产业链',
      dataIndex: 'direction',
      width: 150,
      render: (v: string | null, r) => (
        <div>
          <div>{v ? DIRECTION_LABELS[v as Direction] ?? v : '—'}</div>
          <div className="gg-muted gg-small">{r.chain ?? '—'}</div>
        </div>
      ),
    },
    {
      title: '调整',
      key: 'move',
      width: 90,
      render: (_, r, i) => (
        <Space size={2}>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={disabled || i === 0 || save.isPending} aria-label={`上移《${r.name}》`} onClick={() => move(i, i - 1)} />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={disabled || i === rows.length - 1 || save.isPending}
            aria-label={`下移《${r.name}》`}
            onClick={() => move(i, i + 1)}
          />
        </Space>
      ),
    },
  ];
  const gaps = !disabled && rows.some((r, i) => r.recommendOrder !== i + 1);
  return (
    <>
    {gaps && (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="推荐排序不连续（应为 1 至 N），请核对顺序后确认"
        action={
          <Button size="small" type="primary" loading={save.isPending} onClick={() => save.mutate(rows.map((r) => r.id))}>
            按当前顺序确认排序
          </Button>
        }
      />
    )}
    <Table<BatchProject>
      rowKey="id"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={rows}
      loading={save.isPending}
      locale={{ emptyText: '暂无已推荐的项目。请在“申报审核”中推荐项目后再报送。' }}
      data-testid="batch-projects"
      rowClassName={(_, i) => (drag?.from === i ? 'gg-rv-order-row-dragging' : drag?.over === i ? 'gg-rv-order-row-over' : '')}
      onRow={(_, i) =>
        disabled
          ? {}
          : {
              draggable: true,
              onDragStart: (e) => {
                e.dataTransfer.effectAllowed = 'move';
                setDrag({ from: i!, over: null });
              },
              onDragOver: (e) => {
                e.preventDefault();
                if (drag && drag.over !== i) setDrag({ ...drag, over: i! });
              },
              onDrop: (e) => {
                e.preventDefault();
                if (drag) move(drag.from, i!);
                setDrag(null);
              },
              onDragEnd: () => setDrag(null),
            }
      }
    />
    </>
  );
}

function ContactForm({ batch, disabled }: { batch: RecommenderBatch; disabled: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ contactName: string; contactPhone: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { contactName: string; contactPhone: string }) =>
      api.put<RecommenderBatch>('/api/recommender/batch', { version: batch.version, contactName: v.contactName.trim(), contactPhone: v.contactPhone.trim() }),
    onSuccess: (b) => {
      setError(null);
      message.success('联系人已保存');
      qc.setQueryData(BATCH_KEY, b);
    },
    onError: (err) => {
      if (isStale(err)) {
        setError(STALE_MESSAGE);
        void qc.invalidateQueries({ queryKey: BATCH_KEY });
        return;
      }
      const rest = applyFieldErrors(form, err, ['contactName', 'contactPhone']);
      setError(rest.length ? rest.join('；') : null);
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={{ contactName: batch.contactName ?? '', contactPhone: batch.contactPhone ?? '' }}
      onFinish={(v) => save.mutate(v)}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}>
            <Input maxLength={50} placeholder="汇总表上的联系人姓名" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactPhone"
            label="联系电话"
            rules={[
              { required: true, whitespace: true, message: '请填写联系电话' },
              { pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/, message: '请输入11位手机号码或带区号的固定电话' },
            ]}
          >
            <Input maxLength={30} placeholder="如 022-65305678" />
          </Form.Item>
        </Col>
      </Row>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Button htmlType="submit" loading={save.isPending}>
        保存联系人
      </Button>
    </Form>
  );
}

function StampedUpload({ batch, disabled }: { batch: RecommenderBatch; disabled: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const data = new FormData();
      data.append('file', file, file.name);
      const uploaded = await api.post<{ id: string; name: string }>('/api/files?purpose=stamped_summary', data);
      return api.post<RecommenderBatch>('/api/recommender/batch/stamped', { version: batch.version, fileId: uploaded.id });
    },
    onSuccess: (b) => {
      setError(null);
      message.success('盖章版汇总表已上传');
      qc.setQueryData(BATCH_KEY, b);
    },
    onError: (err) => {
      if (isStale(err)) void qc.invalidateQueries({ queryKey: BATCH_KEY });
      setError(isStale(err) ? STALE_MESSAGE : errorMessage(err));
    },
  });
  const s = batch.stampedPdf;
  return (
    <div data-testid="stamped-upload">
      {s ? (
        <p>
          <FilePdfOutlined aria-hidden style={{ color: '#cf1322' }} />{' '}
          <a href={fileUrl(s.fileId)} download={s.name}>
            {s.name}
          </a>
          <span className="gg-muted gg-small">
            {' '}
            · {formatSize(s.size)} · 上传于 {formatBeijing(s.uploadedAt)}
          </span>
        </p>
      ) : (
        <p className="gg-muted">尚未上传。请下载汇总表、打印盖章后扫描为 PDF 上传。</p>
      )}
      <Upload
        accept="application/pdf,.pdf"
        showUploadList={false}
        disabled={disabled || upload.isPending}
        beforeUpload={(file) => {
          if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') {
            setError('盖章版汇总表须为 PDF 文件');
            return Upload.LIST_IGNORE;
          }
          upload.mutate(file);
          return false;
        }}
      >
        <Button icon={<CloudUploadOutlined />} loading={upload.isPending} disabled={disabled}>
          {s ? '重新上传盖章版汇总表（PDF）' : '上传盖章版汇总表（PDF）'}
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />}
    </div>
  );
}

export default function BatchesPage() {
  usePageTitle('推荐报送');
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const batch = useBatch();
  const [sendError, setSendError] = useState<string | null>(null);
  const [justSent, setJustSent] = useState<RecommenderBatch | null>(null);
  const keyRef = useRef<string | null>(null);

  const send = useMutation({
    mutationFn: (b: RecommenderBatch) => {
      keyRef.current ??= newIdempotencyKey();
      return api.post<RecommenderBatch>('/api/recommender/batch/send', { batchId: b.id, version: b.version }, { headers: idempotencyHeaders(keyRef.current) });
    },
    onSuccess: (sent) => {
      keyRef.current = null;
      setSendError(null);
      setJustSent(sent);
      message.success('推荐批次已报送市市场监管委');
      void qc.invalidateQueries({ queryKey: BATCH_KEY });
      void qc.invalidateQueries({ queryKey: INBOX_KEY });
    },
    onError: (err) => {
      // The same key is kept for a retry of this submit (only a success is recorded by the server).
      if (isStale(err)) {
        setSendError(STALE_MESSAGE);
        void qc.invalidateQueries({ queryKey: BATCH_KEY });
        return;
      }
      setSendError(err instanceof ApiError ? err.message : errorMessage(err));
    },
  });

  if (batch.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (batch.isError || !batch.data) {
    return <Result status="warning" title={<h1 className="gg-result-title">推荐批次加载失败</h1>} subTitle={errorMessage(batch.error)} extra={<Button onClick={() => void batch.refetch()}>重试</Button>} />;
  }
  const b = batch.data;
  const composing = b.state === 'composing';
  const readinessItems = b.readiness.map((r) => ({ key: r.key, label: r.label, status: r.ok ? ('ok' as const) : r.blocking ? ('bad' as const) : ('warn' as const), detail: r.detail }));

  const confirmSend = () =>
    modal.confirm({
      title: '确认报送市市场监管委',
      icon: <ExclamationCircleOutlined />,
      width: 520,
      content: (
        <div>
          <p>
            将把本单位推荐的 <strong>{b.projects.length}</strong> 个项目及汇总表（Word、Excel）、盖章版汇总表一并报送市市场监管委。
          </p>
          <p>
            <strong className="gg-rv-bad">报送后不可撤回</strong>，推荐名单、排序和推荐意见均不能再修改；如需更正，只能由市市场监管委整批退回。
          </p>
        </div>
      ),
      okText: '确认报送',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => send.mutateAsync(b).catch(() => undefined),
    });

  return (
    <>
      <PageHeader title="推荐报送" subtitle={`${b.campaignYear}年质量攻关项目推荐批次 · ${b.recommenderName}`} extra={<StateTag state={(justSent ?? b).state} label={(justSent ?? b).stateLabel} />} />
      {justSent && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          data-testid="batch-sent"
          title={`已于 ${formatBeijing(justSent.sentAt)} 报送市市场监管委（${justSent.projects.length} 个项目）`}
          description="报送记录见下方“报送记录”，可下载报送材料压缩包。"
          closable={{ closeIcon: true, onClose: () => setJustSent(null), 'aria-label': '关闭提示' }}
        />
      )}
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={16}>
          <Card
            title={`推荐名单（${b.projects.length} 个项目，按推荐顺序）`}
            extra={<span className="gg-muted gg-small">拖动行或使用上移/下移按钮调整顺序，调整后自动保存</span>}
            style={{ marginBottom: 20 }}
          >
            <OrderTable batch={b} disabled={!composing} />
          </Card>
          <Card title="立项申报汇总表" style={{ marginBottom: 20 }}>
            <p className="gg-muted" style={{ marginTop: 0 }}>
              汇总表按当前推荐名单和排序生成。请下载后核对、盖章，扫描为 PDF 上传；报送时平台将同时生成并存档 Word 和 Excel 版本。
            </p>
            <Space wrap style={{ marginBottom: 16 }}>
              <a className="gg-link-btn gg-link-btn-primary" href="/api/recommender/batch/summary.xlsx" download data-testid="summary-xlsx">
                <FileExcelOutlined aria-hidden /> 下载汇总表（Excel）
              </a>
              <a className="gg-link-btn" href="/api/recommender/batch/summary.docx" download data-testid="summary-docx">
                <FileWordOutlined aria-hidden /> 下载汇总表（Word）
              </a>
            </Space>
            <h3 style={{ fontSize: 15 }}>盖章版汇总表（PDF）</h3>
            <StampedUpload batch={b} disabled={!composing} />
          </Card>
          <Card title="联系人" style={{ marginBottom: 20 }}>
            <ContactForm key={`${b.id}-${b.contactName}-${b.contactPhone}`} batch={b} disabled={!composing} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={20} style={{ width: '100%' }}>
            <Deadline batch={b} />
            <Card size="small" title="报送前检查">
              <CheckList items={readinessItems} label="报送前检查" testId="readiness" />
            </Card>
            <Card size="small" title="报送">
              {sendError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={sendError} data-testid="send-error" />}
              <Button type="primary" size="large" block icon={<SendOutlined />} disabled={!composing || !b.ready} loading={send.isPending} onClick={confirmSend}>
                报送市市场监管委
              </Button>
              {!b.ready && composing && <p className="gg-muted gg-small" style={{ marginBottom: 0 }}>请先完成“报送前检查”中标红的事项。</p>}
            </Card>
          </Space>
        </Col>
        <Col xs={24}>
          <Card title="报送记录">
            <Table<History>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={b.history}
              data-testid="batch-history"
              locale={{ emptyText: '本年度尚未报送推荐批次' }}
              columns={[
                { title: '报送时间', dataIndex: 'sentAt', width: 170, render: (v: string | null) => formatBeijing(v) },
                { title: '项目数', dataIndex: 'projectCount', width: 90 },
                { title: '状态', dataIndex: 'state', width: 110, render: (_, h) => <StateTag state={h.state} label={h.stateLabel} /> },
                { title: '接收时间', dataIndex: 'receivedAt', width: 170, render: (v: string | null) => formatBeijing(v) },
                { title: '退回原因', dataIndex: 'returnReason', render: (v: string | null) => v ?? '—' },
                {
                  title: '报送材料',
                  key: 'zip',
                  width: 170,
                  render: (_, h) => (
                    <a href={`/api/recommender/batches/${h.id}/download.zip`} download aria-label={`下载${formatBeijing(h.sentAt)}报送的材料压缩包`}>
                      <DownloadOutlined aria-hidden /> 下载压缩包
                    </a>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
