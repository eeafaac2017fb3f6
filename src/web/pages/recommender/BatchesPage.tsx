/**
 * 推荐报送: the recommended projects in order, the 汇总表 (Excel / Word), contact, the stamped PDF,
 * a readiness checklist, the deadline with a countdown on the server's clock, and the send to the
 * commission (irreversible, with an Idempotency-Key). Sent batches are listed with their zip.
 */
import { DownloadOutlined, ExclamationCircleOutlined, FileExcelOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Result, Row, Skeleton, Space, Table } from 'antd';
import { useRef, useState } from 'react';
import type { RecommenderBatch } from '../../../shared/recommendations';
import { api, ApiError, errorMessage, idempotencyHeaders, newIdempotencyKey } from '../../api';
import { CheckList } from '../../components/review/CheckList';
import { isStale, STALE_MESSAGE } from '../../components/review/errors';
import { StateTag } from '../../components/review/StateTag';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { ContactForm } from './batch/ContactForm';
import { Deadline } from './batch/Deadline';
import { OrderTable } from './batch/OrderTable';
import { StampedUpload } from './batch/StampedUpload';
import { BATCH_KEY, INBOX_KEY, useBatch } from './queries';
import '../../components/review/review.css';

type History = RecommenderBatch['history'][number];

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
                    <a href={`/api/recommender/batches/${h.id}/download.zip`} download aria-label={`下载压缩包：${formatBeijing(h.sentAt)}报送的材料`}>
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
