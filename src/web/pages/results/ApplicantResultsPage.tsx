/**
 * 成果提交 (applicant, issue 18): the unit's approved projects and, per project, the result form —
 * 成果报告 sections and full text, benefit figures with evidence, process materials, team — sent to
 * the recommender by the results deadline. A returned result shows the recommender's comments per field.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BENEFIT_KIND_LABELS, benefitSchema, RESULT_FIELD_LABELS, RESULT_REPORT_SECTIONS, resultReportSchema, resultTeamMemberSchema, type ResultDetail, type ResultSummary } from '../../../shared/results';
import { NumberText } from '../../components/application/controls';
import { schemaRule } from '../../components/schema-rule';
import { BENEFIT_KINDS } from '../../../domain/vocabularies';
import { api, ApiError, errorMessage, idempotencyHeaders } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { DeadlineNote, ExportButtons, FileUpload, PlannedHint, ResultStateTag, ResultView } from './common';

/** 金额或数量: a number ≥ 0; text ("abc") or a negative value is refused at the field, as typed. */
const AMOUNT_RULE = {
  validator: async (_: unknown, v: unknown) => {
    if (v === undefined || v === null || v === '') return;
    if (typeof v !== 'number') throw new Error('金额或数量应为数字');
    const r = benefitSchema.shape.amount.safeParse(v);
    if (!r.success) throw new Error(r.error.issues[0].message);
  },
};

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
          // With a plan the indicator is chosen by id only (the server names it); a cleared choice stays cleared.
          benefits: v.benefits.map(({ planned: _planned, ...b }, i) => ({ ...b, ...(detail.planIndicators.length ? { indicatorName: null } : {}), evidenceFileId: evidence[i]?.fileId ?? b.evidenceFileId ?? null })),
          version: detail.version,
        },
        { headers: idempotencyHeaders() },
      ),
    onSuccess: () => {
      setErrors([]);
      message.success('成果已提交推荐单位审核');
      void qc.invalidateQueries({ queryKey: ['applicant', 'results'] });
    },
    onError: (e) => {
      // The server's refusals at their fields (benefits.0.indicatorId → the row's control), all listed above the button.
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        form.setFields(Object.entries(e.fields).map(([path, msg]) => ({ name: path.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)), errors: [msg] })));
        setErrors(Object.values(e.fields));
      } else setErrors([errorMessage(e)]);
    },
  });
  const [errors, setErrors] = useState<string[]>([]);
  const comment = (key: string) => detail.fieldComments[key];
  const indicators = detail.planIndicators;
  const watched = Form.useWatch('benefits', form) as { indicatorId?: string }[] | undefined;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} onFinishFailed={({ errorFields }) => setErrors(errorFields.flatMap((f) => f.errors))} aria-label="成果材料">
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
          <Form.Item key={key} name={['report', key]} label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }, schemaRule(resultReportSchema.shape[key], null)]} extra={comment(key) && <span style={{ color: '#d46b08' }}>推荐单位意见：{comment(key)}</span>}>
            {/* Counter against the limit, never a hard maxLength: an overlong text stays as typed and is reported. */}
            <Input.TextArea rows={3} count={{ show: true, max }} aria-label={label} />
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
                  {indicators.length > 0 ? (
                    <Form.Item name={[f.name, 'indicatorId']} extra={<PlannedHint indicator={indicators.find((x) => x.id === watched?.[f.name]?.indicatorId)} />}>
                      <Select aria-label="对应实施方案指标" placeholder="对应实施方案指标" allowClear style={{ width: 200 }} options={indicators.map((x) => ({ value: x.id, label: x.name }))} />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[f.name, 'indicatorName']} rules={[schemaRule(benefitSchema.shape.indicatorName, null)]}>
                      <Input aria-label="对应实施方案指标" placeholder="对应实施方案指标" count={{ show: true, max: 100 }} style={{ width: 200 }} />
                    </Form.Item>
                  )}
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true, whitespace: true, message: '请填写效益说明' }, schemaRule(benefitSchema.shape.description, null)]}>
                    <Input aria-label="效益说明" placeholder="效益说明" count={{ show: true, max: 500 }} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'before']} rules={[schemaRule(benefitSchema.shape.before, null)]}>
                    <Input aria-label="攻关前" placeholder="攻关前" style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'after']} rules={[schemaRule(benefitSchema.shape.after, null)]}>
                    <Input aria-label="攻关后" placeholder="攻关后" style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[AMOUNT_RULE]}>
                    {/* Typed as text: "abc" or "-5" stays and is reported, never emptied or clamped to 0. */}
                    <NumberText id={`benefit-amount-${f.name}`} aria-label="金额或数量" placeholder="金额/数量" style={{ width: 120 }} value={undefined} onChange={() => undefined} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[schemaRule(benefitSchema.shape.unit, null)]}>
                    <Input aria-label="计量单位" placeholder="单位" style={{ width: 80 }} />
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
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写参与人员姓名' }, schemaRule(resultTeamMemberSchema.shape.name, null)]}>
                    <Input aria-label="姓名" placeholder="姓名" style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true, whitespace: true, message: '请填写参与人员分工' }, schemaRule(resultTeamMemberSchema.shape.role, null)]}>
                    <Input aria-label="分工" placeholder="分工" style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'employer']} rules={[{ required: true, whitespace: true, message: '请填写参与人员工作单位' }, schemaRule(resultTeamMemberSchema.shape.employer, null)]}>
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
      {errors.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message="成果材料有误，请修改后再提交" description={<ul className="gg-error-list">{errors.map((m) => <li key={m}>{m}</li>)}</ul>} />}
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
