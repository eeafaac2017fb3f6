/** The batch's 联系人 and 联系电话 (printed on the 汇总表). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import type { RecommenderBatch } from '../../../../shared/recommendations';
import { api } from '../../../api';
import { applyFieldErrors, isStale, STALE_MESSAGE } from '../../../components/review/errors';
import { BATCH_KEY } from '../queries';
import { lengthRule } from '../../../components/schema-rule';

export function ContactForm({ batch, disabled }: { batch: RecommenderBatch; disabled: boolean }) {
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
          <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }, lengthRule('联系人', 50)]}>
            <Input placeholder="汇总表上的联系人姓名" />
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
            <Input placeholder="如 022-65305678" />
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
