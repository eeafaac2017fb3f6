/**
 * 成果提交 (applicant, issue 18): the unit's approved projects and, per project, the result form —
 * 成果报告 sections and full text, benefit figures with evidence, process materials, team — sent to
 * the recommender by the results deadline. A returned result shows the recommender's comments per field.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BENEFIT_KIND_LABELS, RESULT_FIELD_LABELS, RESULT_REPORT_SECTIONS, type ResultDetail, type ResultSummary } from '../../../shared/results';
import { BENEFIT_KINDS } from '../../../domain/vocabularies';
import { api, errorMessage, idempotencyHeaders } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { DeadlineNote, ExportButtons, FileUpload, ResultStateTag, ResultView } from './common';

type FileRef = { fileId: string; name: string };

function ResultList() {
  const list = useQuery({ queryKey: ['applicant', 'results'], queryFn: () => api.get<{ items: ResultSummary[] }>('/api/applicant/results') });
  return (
    <Card>
      <Table<ResultSummary>
        rowKey="projectId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无已立项项目' }}
        columns={[
          { title: '项目编号', dataIndex: 'projectNo', width: 140 },
          { title: '项目名称', dataIndex: 'name', render: (n: string, r) => <Link to={`/applicant/results/${r.projectId}`}>{n}</Link> },
          { title: '状态', dataIndex: 'state', width: 220, render: (_, r) => <ResultStateTag state={r.state} reviewState={r.reviewState} level={r.evaluationLevel} /> },
          { title: '操作', key: 'op', width: 120, render: (_, r) => <Link to={`/applicant/results/${r.projectId}`}>{['approved', 'results_returned'].includes(r.state) ? '填写并提交' : '查看'}</Link> },
        ]}
      />
    </Card>
  );
}

function ResultForm({ detail }: { detail: ResultDetail }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [reportFile, setReportFile] = useState<FileRef | null>(detail.reportFile);
  const [processFiles, setProcessFiles] = useState<FileRef[]>(detail.processFiles);
  const [evidence, setEvidence] = useState<Record<number, FileRef>>({});
  useEffect(() => {
    form.setFieldsValue({
      report: detail.report ?? {},
      team: detail.team.length ? detail.team : [{}],
      benefits: detail.benefits.length ? detail.benefits : [{ kind: 'quality_indicator' }],
    });
  }, [detail, form]);
  const submit = useMutation({
    mutationFn: (v: { report: Record<string, string>; team: unknown[]; benefits: Record<string, unknown>[] }) =>
      api.post<ResultDetail>(
        `/api/applicant/results/${detail.projectId}/submit`,
        {
          report: v.report,
          reportFileId: reportFile?.fileId,
          processFileIds: processFiles.map((f) => f.fileId),
          team: v.team,
          benefits: v.benefits.map((b, i) => ({ ...b, evidenceFileId: evidence[i]?.fileId ?? b.evidenceFileId ?? null })),
          version: detail.version,
        },
        { headers: idempotencyHeaders() },
      ),
    onSuccess: () => {
      message.success('成果已提交推荐单位审核');
      void qc.invalidateQueries({ queryKey: ['applicant', 'results'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const comment = (key: string) => detail.fieldComments[key];
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
      {detail.state === 'results_returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`推荐单位退回：${detail.lastReason ?? ''}`}
          description={Object.entries(detail.fieldComments).map(([k, c]) => (
            <div key={k}>
              {RESULT_FIELD_LABELS[k] ?? k}：{c}
            </div>
          ))}
        />
      )}
      <Card title="成果报告" style={{ marginBottom: 16 }}>
        {RESULT_REPORT_SECTIONS.map(([key, label, max]) => (
          <Form.Item key={key} name={['report', key]} label={label} rules={[{ required: true, message: `请填写${label}` }]} extra={comment(key) && <span style={{ color: '#d46b08' }}>推荐单位意见：{comment(key)}</span>}>
            <Input.TextArea rows={3} maxLength={max} showCount />
          </Form.Item>
        ))}
        <Form.Item label="成果报告全文" required extra={comment('reportFileId')}>
          <Space>
            <FileUpload purpose="result" testId="report-upload" label="上传成果报告全文" onUploaded={setReportFile} />
            <span>{reportFile?.name ?? '未上传'}</span>
          </Space>
        </Form.Item>
        <Form.Item label="过程性材料" extra={comment('processFileIds')}>
          <Space direction="vertical">
            <FileUpload purpose="attachment" testId="process-upload" label="添加过程性材料" onUploaded={(f) => setProcessFiles((l) => [...l, f])} />
            {processFiles.map((f) => (
              <Space key={f.fileId}>
                <span>{f.name}</span>
                <Button size="small" type="link" onClick={() => setProcessFiles((l) => l.filter((x) => x.fileId !== f.fileId))}>
                  移除
                </Button>
              </Space>
            ))}
          </Space>
        </Form.Item>
      </Card>
      <Card title="效益数据" extra={comment('benefits') && <span style={{ color: '#d46b08' }}>推荐单位意见：{comment('benefits')}</span>} style={{ marginBottom: 16 }}>
        <Form.List name="benefits">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择效益类别' }]}>
                    <Select aria-label="效益类别" style={{ width: 120 }} options={BENEFIT_KINDS.map((k) => ({ value: k, label: BENEFIT_KIND_LABELS[k] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'indicatorName']}>
                    <Input aria-label="对应实施方案指标" placeholder="对应实施方案指标" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '请填写效益说明' }]}>
                    <Input aria-label="效益说明" placeholder="效益说明" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'before']}>
                    <Input aria-label="攻关前" placeholder="攻关前" style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'after']}>
                    <Input aria-label="攻关后" placeholder="攻关后" style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']}>
                    <InputNumber aria-label="金额或数量" placeholder="金额/数量" min={0} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']}>
                    <Input aria-label="计量单位" placeholder="单位" style={{ width: 70 }} />
                  </Form.Item>
                  <FileUpload purpose="evidence" label={evidence[f.name]?.name ?? '佐证材料'} onUploaded={(file) => setEvidence((e) => ({ ...e, [f.name]: file }))} />
                  <MinusCircleOutlined aria-label="删除此项" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'quality_indicator' })}>
                添加效益数据
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card title="参与人员" extra={comment('team') && <span style={{ color: '#d46b08' }}>推荐单位意见：{comment('team')}</span>} style={{ marginBottom: 16 }}>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写参与人员姓名' }]}>
                    <Input aria-label="姓名" placeholder="姓名" style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '请填写参与人员分工' }]}>
                    <Input aria-label="分工" placeholder="分工" style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'employer']} rules={[{ required: true, message: '请填写参与人员工作单位' }]}>
                    <Input aria-label="工作单位" placeholder="工作单位" style={{ width: 260 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除此人" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加参与人员
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={!detail.windowOpen}>
        提交成果
      </Button>
    </Form>
  );
}

function ResultDetailView({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['applicant', 'results', id], queryFn: () => api.get<ResultDetail>(`/api/applicant/results/${id}`) });
  const d = q.data;
  usePageTitle('成果提交');
  if (!d) return <Card loading={q.isLoading}>{q.error ? errorMessage(q.error) : null}</Card>;
  const editable = d.state === 'approved' || d.state === 'results_returned';
  return (
    <>
      <PageHeader title={d.name} subtitle={<Space wrap><ResultStateTag state={d.state} reviewState={d.reviewState} level={d.evaluationLevel} /><DeadlineNote deadline={d.deadline} open={d.windowOpen} /></Space>} extra={d.report && <ExportButtons side="applicant" projectId={d.projectId} />} />
      {editable ? <ResultForm detail={d} /> : d.report ? <Card><ResultView detail={d} /></Card> : <Card>{d.state === 'lapsed' ? '该项目成果逾期未报送，逾期不再接收。' : '暂无成果'}</Card>}
    </>
  );
}

export default function ApplicantResultsPage() {
  const { id } = useParams();
  usePageTitle('成果提交');
  if (id) return <ResultDetailView id={id} />;
  return (
    <>
      <PageHeader title="成果提交" subtitle="已立项项目按要求向推荐单位提交成果材料和过程性材料，推荐单位于截止时间前报送市市场监管委，逾期不再接收。" />
      <ResultList />
    </>
  );
}
