/** 补报窗口: the commission reopens a window for one recommender, with a reason (audited); the year's own deadline stays. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { WindowKey } from '../../../../domain/campaign-config';
import { ApiError, api, errorMessage, idempotencyHeaders } from '../../../api';
import { WINDOW_KEYS, WINDOW_LABELS } from '../../../labels';
import { formatBeijing, fromPickerValue } from '../../../time';
import type { CampaignDto, Reopening } from '../../../types';
import { useOrganisations } from '../queries';
import { RECOMMENDER_SUBTYPE_LABELS } from '../labels';
import { DATETIME_FORMAT } from './campaign-form';
import { lengthRule } from '../../../components/schema-rule';

interface ReopenForm {
  window: WindowKey;
  organisationId: string;
  closesAt: Dayjs | null;
  reason: string;
}

export function Reopenings({ campaign }: { campaign: CampaignDto }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReopenForm>();
  const key = ['campaigns', campaign.id, 'reopenings'];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<{ items: Reopening[] }>(`/api/campaigns/${campaign.id}/reopenings`) });
  const recommenders = useOrganisations('recommender');
  const [idem, setIdem] = useState(() => idempotencyHeaders());
  const [error, setError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (v: ReopenForm) =>
      api.post<{ id: string }>(
        `/api/campaigns/${campaign.id}/reopenings`,
        { window: v.window, organisationId: v.organisationId, closesAt: fromPickerValue(v.closesAt), reason: v.reason.trim() },
        { headers: idem },
      ),
    onSuccess: () => {
      message.success('补报窗口已开通');
      form.resetFields();
      setIdem(idempotencyHeaders());
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fields).length)
        form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as keyof ReopenForm, errors: [msg] })));
      setError(errorMessage(err));
    },
  });

  return (
    <Card title="补报窗口" className="gg-section-card" extra={<span className="gg-muted gg-small">年度截止时间本身不会被修改；补报窗口单独记录并写入审计日志</span>}>
      <Row gutter={[24, 16]}>
        <Col xs={24}>
          {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
          <Table<Reopening>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: '暂无补报窗口' }}
            columns={[
              { title: '窗口', dataIndex: 'window', width: 130, render: (v: string) => WINDOW_LABELS[v as WindowKey]?.replace(/（.*）/, '') ?? v },
              { title: '推荐单位', dataIndex: 'organisationName', render: (v: string | null) => v ?? '—' },
              { title: '补报截止', dataIndex: 'closesAt', width: 150, render: (v: string) => formatBeijing(v) },
              { title: '原因', dataIndex: 'reason', ellipsis: true },
              { title: '开通时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatBeijing(v) },
              { title: '状态', dataIndex: 'revoked', width: 80, render: (v: boolean) => (v ? <Tag>已撤销</Tag> : <Tag color="green">有效</Tag>) },
            ]}
          />
        </Col>
        <Col xs={24}>
          <div className="gg-subform">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              开通补报窗口
            </Typography.Title>
            {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
            <Form<ReopenForm>
              form={form}
              layout="vertical"
              name="reopening"
              initialValues={{ window: 'application' }}
              onFinish={(v) => {
                setError(null);
                create.mutate(v);
              }}
            >
              <Row gutter={16}>
                <Col xs={24} md={12} xl={5}>
              <Form.Item label="窗口" name="window" rules={[{ required: true, message: '请选择窗口' }]}>
                <Select options={WINDOW_KEYS.map((k) => ({ value: k, label: WINDOW_LABELS[k] }))} />
              </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={7}>
              <Form.Item label="推荐单位" name="organisationId" rules={[{ required: true, message: '请选择推荐单位' }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={recommenders.isFetching}
                  placeholder="请选择推荐单位"
                  options={(recommenders.data?.items ?? []).map((o) => ({
                    value: o.id,
                    label: o.subtype && RECOMMENDER_SUBTYPE_LABELS[o.subtype] ? `${o.name}（${RECOMMENDER_SUBTYPE_LABELS[o.subtype]}）` : o.name,
                  }))}
                />
              </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={5}>
              <Form.Item label="补报截止时间（北京时间）" name="closesAt" rules={[{ required: true, message: '请选择补报截止时间' }]}>
                <DatePicker showTime={{ format: 'HH:mm:ss' }} format={DATETIME_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={7}>
              <Form.Item label="开通原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写开通原因' }, lengthRule('开通原因', 500)]}>
                <Input.TextArea count={{ show: true, max: 500 }} autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                开通补报窗口
              </Button>
            </Form>
          </div>
        </Col>
      </Row>
    </Card>
  );
}

