/** 扫码签到 on the attendee's phone: the session, then name and mobile as signed up → attended. */
import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Result } from 'antd';
import { useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../api';
import { Panel } from '../../components/Panel';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatBeijing } from '../../time';

interface CheckinInfo {
  title: string;
  venue: string | null;
  startsAt: string;
  endsAt: string;
  opensAt: string;
  open: boolean;
  message: string | null;
}

export default function CheckinPage() {
  usePageTitle('培训签到');
  const { code = '' } = useParams();
  const [form] = Form.useForm<{ name: string; phone: string }>();
  const info = useQuery({ queryKey: ['public', 'checkin', code], queryFn: () => api.get<CheckinInfo>(`/api/public/checkin/${code}`, undefined, { noSessionFlow: true }), retry: false });
  const submit = useMutation({
    mutationFn: (v: { name: string; phone: string }) => api.post<{ title: string; attendeeName: string; checkedInAt: string }>(`/api/public/checkin/${code}`, v, { noSessionFlow: true }),
    onError: (err) => {
      if (err instanceof ApiError && err.fields.phone) form.setFields([{ name: 'phone', errors: [err.fields.phone] }]);
    },
  });
  const s = info.data;
  return (
    <PublicShell hideNav>
      <div className="gg-narrow">
        <h1 className="gg-page-title">培训签到</h1>
        {info.error && <Alert type="error" showIcon title="签到码无效" description={errorMessage(info.error)} />}
        {s && (
          <Panel title={s.title}>
            <p className="gg-muted gg-small" style={{ marginTop: 0 }}>
              {s.venue} · {formatBeijing(s.startsAt)} 至 {formatBeijing(s.endsAt)}
            </p>
            {submit.data ? (
              <Result
                icon={<CheckCircleFilled style={{ color: '#389e0d' }} />}
                status="success"
                title="签到成功"
                subTitle={`${submit.data.attendeeName}，签到时间 ${formatBeijing(submit.data.checkedInAt)}`}
              />
            ) : !s.open ? (
              <Alert type="warning" showIcon title={s.message} />
            ) : (
              <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} requiredMark>
                <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写报名时登记的姓名' }]}>
                  <Input autoComplete="name" />
                </Form.Item>
                <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请填写报名时登记的手机号码' }, { pattern: /^1\d{10}$/, message: '手机号码应为11位数字' }]}>
                  <Input inputMode="numeric" autoComplete="tel" />
                </Form.Item>
                {submit.error && !(submit.error instanceof ApiError && submit.error.fields.phone) && <Alert type="error" showIcon title={errorMessage(submit.error)} style={{ marginBottom: 16 }} />}
                <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
                  确认签到
                </Button>
              </Form>
            )}
          </Panel>
        )}
      </div>
    </PublicShell>
  );
}
