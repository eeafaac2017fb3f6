/** 报送进展报告: the period (scheduled or a milestone), work done, a measured value per indicator, problems, next steps. */
import { Alert, App, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { measurementSchema, reportInputSchema } from '../../../shared/implementation';
import { NumberText } from '../../components/application/controls';
import { applyFieldErrors } from '../../components/review/errors';
import { numberRule, schemaRule } from '../../components/schema-rule';
import { post, useProjectMutation, type ProjectView } from './queries';

interface Values {
  period: string;
  done: string;
  problems?: string;
  nextSteps: string;
  measuredOn?: string;
  values?: Record<string, number | string | null>;
}

export function ReportModal({ view, period, onClose }: { view: ProjectView; period?: string; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<string[]>([]);
  const submit = useProjectMutation(view.project.id, (body: unknown) => post(`/api/implementation/projects/${view.project.id}/reports`, body));
  const reported = new Set([...view.slots.filter((s) => s.report).map((s) => s.period), ...view.milestoneReports.map((r) => r.period)]);
  const options = [
    ...view.slots.filter((s) => !s.report).map((s) => ({ value: s.period, label: `${s.label}（${s.dueOn}前）${s.status === 'late' ? ' 已逾期' : ''}` })),
    ...(view.plan?.content.milestones ?? []).filter((m) => !reported.has(`milestone:${m.id}`)).map((m) => ({ value: `milestone:${m.id}`, label: `里程碑：${m.title}` })),
  ];
  const indicators = view.plan?.content.indicators ?? [];
  const onFinish = (v: Values) => {
    setErrors([]);
    // Today in Beijing when no date is given.
    const measuredOn = v.measuredOn || new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const measurements = indicators.filter((i) => typeof v.values?.[i.id] === 'number').map((i) => ({ indicatorId: i.id, value: v.values![i.id] as number, measuredOn }));
    submit.mutate(
      { period: v.period, done: v.done, problems: v.problems ?? '', nextSteps: v.nextSteps, measurements },
      {
        onSuccess: () => {
          message.success('进展报告已报送');
          onClose();
        },
        onError: (err) => setErrors(applyFieldErrors(form, err, ['period', 'done', 'problems', 'nextSteps'])),
      },
    );
  };
  return (
    <Modal open title="报送进展报告" okText="报送" cancelText="取消" width={720} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.isPending} destroyOnHidden>
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ period: period ?? options[0]?.value }} aria-label="进展报告">
        <Form.Item name="period" label="报告期" rules={[{ required: true, message: '请选择报告期' }]}>
          <Select options={options} aria-label="报告期" />
        </Form.Item>
        <Form.Item name="done" label="已完成工作" rules={[{ required: true, whitespace: true, message: '请填写已完成工作' }, schemaRule(reportInputSchema.shape.done, 'done')]}>
          <Input.TextArea rows={3} aria-label="已完成工作" count={{ show: true, max: 5000 }} />
        </Form.Item>
        <fieldset className="gg-impl-fieldset">
          <legend>指标测量值</legend>
          <Form.Item name="measuredOn" label="测量日期">
            <Input type="date" aria-label="测量日期" />
          </Form.Item>
          <Space wrap>
            {indicators.map((i) => (
              <Form.Item key={i.id} name={['values', i.id]} label={`${i.name}（${i.unit}，基线${i.baseline}，目标${i.target}）`} rules={[numberRule(measurementSchema.shape.value, `${i.name}测量值`)]}>
                {/* Typed as text: "abc" stays and is refused by name, never dropped from the report. */}
                <NumberText id={`measurement-${i.id}`} aria-label={`${i.name}测量值`} style={{ width: 160 }} value={undefined} onChange={() => undefined} />
              </Form.Item>
            ))}
          </Space>
        </fieldset>
        <Form.Item name="problems" label="存在问题" rules={[schemaRule(reportInputSchema.shape.problems, 'problems')]}>
          <Input.TextArea rows={2} aria-label="存在问题" count={{ show: true, max: 3000 }} />
        </Form.Item>
        <Form.Item name="nextSteps" label="下一步计划" rules={[{ required: true, whitespace: true, message: '请填写下一步计划' }, schemaRule(reportInputSchema.shape.nextSteps, 'nextSteps')]}>
          <Input.TextArea rows={2} aria-label="下一步计划" count={{ show: true, max: 3000 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
