/**
 * 成果审核/报送 (recommender, issue 18): the results of its projects — check each (return with
 * per-field comments, or accept), then forward all accepted results as ONE batch with the stamped
 * letter; the 汇总表 (Word + Excel) is generated with the forward. Refused after the deadline.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { RESULT_FIELD_LABELS, resultCommentSchema, resultReturnSchema, type ResultBatchDto, type ResultDetail, type ResultSummary } from '../../../shared/results';
import { api, errorMessage, idempotencyHeaders } from '../../api';
import { schemaRule } from '../../components/schema-rule';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { DeadlineNote, ExportButtons, FileUpload, ResultStateTag, ResultView } from './common';

const KEY = ['recommender', 'results'];
type Overview = { items: ResultSummary[]; batches: ResultBatchDto[]; deadline: string; windowOpen: boolean };

function ForwardCard({ data }: { data: Overview }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [stamped, setStamped] = useState<{ fileId: string; name: string } | null>(null);
  const [form] = Form.useForm();
  const accepted = data.items.filter((i) => i.state === 'results_submitted' && i.reviewState === 'accepted');
  const forward = useMutation({
    mutationFn: (v: { contactName: string; contactPhone: string }) => api.post<ResultBatchDto>('/api/recommender/results/forward', { ...v, stampedPdfFileId: stamped?.fileId }, { headers: idempotencyHeaders() }),
    onSuccess: (b) => {
      message.success(`已报送市市场监管委：${b.projectCount}项成果`);
      setStamped(null);
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Card title={`报送市市场监管委（审核通过待报送：${accepted.length}项）`} style={{ marginBottom: 16 }}>
      <p>
        <DeadlineNote deadline={data.deadline} open={data.windowOpen} />
      </p>
      <Form form={form} layout="inline" onFinish={(v) => forward.mutate(v)}>
        <Form.Item name="contactName" label="联系人" rules={[{ required: true, message: '请填写联系人' }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="盖章版报送函">
          <Space>
            <FileUpload purpose="stamped_summary" testId="stamped-upload" accept=".pdf" label="上传盖章版报送函（PDF）" onUploaded={setStamped} />
            <span>{stamped?.name ?? '未上传'}</span>
          </Space>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={forward.isPending} disabled={!accepted.length || !data.windowOpen}>
            报送成果
          </Button>
        </Form.Item>
      </Form>
      {data.batches.length > 0 && (
        <Table<ResultBatchDto>
          style={{ marginTop: 16 }}
          size="small"
          rowKey="id"
          pagination={false}
          title={() => <strong>已报送批次</strong>}
          dataSource={data.batches}
          columns={[
            { title: '报送时间', dataIndex: 'sentAt', render: (s: string) => formatBeijing(s, 'seconds') },
            { title: '成果数', dataIndex: 'projectCount' },
            { title: '状态', key: 's', render: (_, b) => (b.state === 'returned' ? <span>{b.stateLabel}：{b.returnReason}</span> : b.stateLabel) },
            { title: '联系人', key: 'c', render: (_, b) => `${b.contactName} ${b.contactPhone}` },
            {
              title: '汇总表',
              key: 'f',
              render: (_, b) => (
                <Space>
                  {b.summaryDocx && <a href={`/api/files/${b.summaryDocx.fileId}`}>Word</a>}
                  {b.summaryXlsx && <a href={`/api/files/${b.summaryXlsx.fileId}`}>Excel</a>}
                  {b.stampedPdf && <a href={`/api/files/${b.stampedPdf.fileId}`}>盖章函</a>}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function ResultList() {
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<Overview>('/api/recommender/results') });
  return (
    <>
      {q.data && <ForwardCard data={q.data} />}
      <Card title="项目成果">
        <Table<ResultSummary>
          rowKey="projectId"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 项` }}
          columns={[
            { title: '项目名称', dataIndex: 'name', render: (n: string, r) => <Link to={`/recommender/results/${r.projectId}`}>{n}</Link> },
            { title: '项目单位', dataIndex: 'applicantName' },
            { title: '状态', key: 's', width: 260, render: (_, r) => <ResultStateTag state={r.state} reviewState={r.reviewState} level={r.evaluationLevel} /> },
            { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (s: string | null) => (s ? formatBeijing(s) : '—') },
            { title: '退回次数', dataIndex: 'returnCount', width: 90 },
          ]}
        />
      </Card>
    </>
  );
}

function ReturnModal({ detail, open, onClose }: { detail: ResultDetail; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const ret = useMutation({
    mutationFn: (v: { reason: string; comments?: Record<string, string> }) =>
      api.post<ResultDetail>(`/api/recommender/results/${detail.projectId}/return`, {
        reason: v.reason,
        fieldComments: Object.fromEntries(Object.entries(v.comments ?? {}).filter(([, c]) => c && c.trim())),
        version: detail.version,
      }),
    onSuccess: () => {
      message.success('已退回项目单位补正');
      void qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal open={open} title="退回成果" okText="退回" cancelText="取消" onOk={() => form.submit()} confirmLoading={ret.isPending} onCancel={onClose} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={(v) => ret.mutate(v)}>
        <Form.Item name="reason" label="退回理由" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }, schemaRule(resultReturnSchema.shape.reason, null)]}>
          <Input.TextArea rows={2} count={{ show: true, max: 500 }} aria-label="退回理由" />
        </Form.Item>
        <p className="gg-muted">逐项意见（只填需要修改的项）：</p>
        {Object.entries(RESULT_FIELD_LABELS).map(([key, label]) => (
          <Form.Item key={key} name={['comments', key]} label={label} style={{ marginBottom: 8 }} rules={[schemaRule(resultCommentSchema, null)]}>
            <Input count={{ show: true, max: 500 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function ResultReview({ id }: { id: string }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const q = useQuery({ queryKey: [...KEY, id], queryFn: () => api.get<ResultDetail>(`/api/recommender/results/${id}`) });
  const accept = useMutation({
    mutationFn: () => api.post<ResultDetail>(`/api/recommender/results/${id}/accept`, { version: q.data!.version }),
    onSuccess: () => {
      message.success('已审核通过，待报送');
      void qc.invalidateQueries({ queryKey: KEY });
      navigate('/recommender/results');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const d = q.data;
  if (!d) return <Card loading={q.isLoading}>{q.error ? errorMessage(q.error) : null}</Card>;
  const reviewable = d.state === 'results_submitted' && d.reviewState !== 'accepted';
  return (
    <>
      <PageHeader
        title={d.name}
        subtitle={<Space wrap><span>{d.applicantName}</span><ResultStateTag state={d.state} reviewState={d.reviewState} level={d.evaluationLevel} /></Space>}
        extra={
          <Space>
            {d.report && <ExportButtons side="recommender" projectId={d.projectId} />}
            {reviewable && (
              <>
                <Button onClick={() => setReturning(true)}>退回补正</Button>
                <Button type="primary" onClick={() => accept.mutate()} loading={accept.isPending}>
                  审核通过
                </Button>
              </>
            )}
          </Space>
        }
      />
      {d.state === 'lapsed' && <Alert type="error" showIcon message="该项目成果逾期未报送，逾期不再接收。" style={{ marginBottom: 16 }} />}
      <Card>{d.report ? <ResultView detail={d} /> : '项目单位尚未提交成果'}</Card>
      <ReturnModal detail={d} open={returning} onClose={() => setReturning(false)} />
    </>
  );
}

export default function RecommenderResultsPage() {
  const { id } = useParams();
  usePageTitle('成果报送');
  if (id) return <ResultReview id={id} />;
  return (
    <>
      <PageHeader title="成果审核与报送" subtitle="审核本单位推荐项目的成果材料，退回补正或审核通过；审核通过的成果一次报送市市场监管委（附汇总表和盖章报送函）。" />
      <ResultList />
    </>
  );
}
