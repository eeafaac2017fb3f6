/** 真实性核查 of one application: confirmation, notes and an optional site visit, saved on their own. */
import { SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ApplicationReview, AuthenticityInput } from '../../../../shared/recommendations';
import { api, errorMessage } from '../../../api';
import { applyFieldErrors } from '../../../components/review/errors';
import { formatBeijing } from '../../../time';
import { lengthRule } from '../../../components/schema-rule';

interface AuthValues {
  confirmed: boolean;
  notes: string;
  visited: boolean;
  date?: Dayjs | null;
  people?: string;
  findings?: string;
}

export function AuthenticityCard({ review, onSaved }: { review: ApplicationReview; onSaved(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AuthValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const a = review.authenticity;
  const editable = review.project.state === 'submitted' || review.project.state === 'recommended';
  const initial: AuthValues = {
    confirmed: a?.confirmed ?? false,
    notes: a?.notes ?? '',
    visited: !!a?.siteVisit,
    date: a?.siteVisit ? dayjs(a.siteVisit.date) : null,
    people: a?.siteVisit?.people ?? '',
    findings: a?.siteVisit?.findings ?? '',
  };
  const visited = Form.useWatch('visited', form);
  const save = useMutation({
    mutationFn: (v: AuthValues) => {
      const body: AuthenticityInput = {
        confirmed: v.confirmed,
        notes: (v.notes ?? '').trim(),
        siteVisit: v.visited && v.date ? { date: v.date.format('YYYY-MM-DD'), people: (v.people ?? '').trim(), findings: (v.findings ?? '').trim() } : null,
      };
      return api.put(`/api/recommender/applications/${review.project.id}/authenticity`, body);
    },
    onSuccess: () => {
      setErrors([]);
      message.success('真实性核查记录已保存');
      onSaved();
    },
    onError: (err) => {
      const rest = applyFieldErrors(form, err, ['confirmed', 'notes']);
      setErrors(rest.length ? rest : [errorMessage(err)]);
    },
  });
  return (
    <Card title="真实性核查" size="small" data-testid="authenticity-card">
      {a && (
        <p className="gg-muted gg-small" style={{ marginTop: 0 }}>
          最近记录：{a.recordedBy ?? '—'} · {formatBeijing(a.recordedAt)} · {a.confirmed ? '已确认真实' : '未确认'}
        </p>
      )}
      <Form form={form} layout="vertical" initialValues={initial} disabled={!editable} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="confirmed" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>经核查，申报材料内容真实、有效</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label="核查说明" rules={[lengthRule('核查说明', 3000)]} style={{ marginBottom: 8 }}>
          <Input.TextArea rows={3} count={{ show: true, max: 3000 }} placeholder="如：已核对营业执照原件及承诺书盖章件，与申报书一致" />
        </Form.Item>
        <Form.Item name="visited" valuePropName="checked" label="现场核查" style={{ marginBottom: 8 }}>
          <Switch checkedChildren="已开展" unCheckedChildren="未开展" aria-label="已开展现场核查" />
        </Form.Item>
        {visited && (
          <div className="gg-subform" style={{ marginBottom: 12 }}>
            <Form.Item name="date" label="核查日期" rules={[{ required: true, message: '请选择现场核查日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="people" label="核查人员" rules={[{ required: true, whitespace: true, message: '请填写核查人员' }, lengthRule('核查人员', 200)]}>
              <Input placeholder="如：刘晓梅、张伟" />
            </Form.Item>
            <Form.Item name="findings" label="核查情况" rules={[{ required: true, whitespace: true, message: '请填写现场核查情况' }, lengthRule('核查情况', 3000)]} style={{ marginBottom: 0 }}>
              <Input.TextArea rows={3} count={{ show: true, max: 3000 }} />
            </Form.Item>
          </div>
        )}
        {errors.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 8 }} title={errors.join('；')} />}
        {editable ? (
          <Button htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} block>
            保存核查记录
          </Button>
        ) : (
          <span className="gg-muted gg-small">当前状态不能修改核查记录</span>
        )}
      </Form>
    </Card>
  );
}
