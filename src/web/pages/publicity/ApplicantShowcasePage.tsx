/**
 * 优秀成果展示 (applicant): for each recognised project of the unit, the showcase text the portal
 * will show; the unit proposes its own title, summary and highlights, the commission approves.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Tag } from 'antd';
import type { ShowcaseEntryDto } from '../../../shared/publicity';
import { ApiError, api, errorMessage } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';

const KEY = ['applicant', 'showcase'] as const;

function EntryCard({ e }: { e: ShowcaseEntryDto }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ title: string; summary: string; highlights: string }>();
  const propose = useMutation({
    mutationFn: (v: { title: string; summary: string; highlights: string }) =>
      api.post<ShowcaseEntryDto>(`/api/applicant/showcase/${e.id}/propose`, { version: e.version, title: v.title, summary: v.summary, highlights: v.highlights.split('\n').map((h) => h.trim()).filter(Boolean) }),
    onSuccess: () => {
      message.success('展示内容已提交，经市市场监管委审核后在门户公开');
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fields).length) form.setFields(Object.entries(err.fields).map(([name, m]) => ({ name: name.startsWith('highlights') ? 'highlights' : (name as 'title'), errors: [m] })));
      else message.error(errorMessage(err));
    },
  });
  return (
    <Card title={e.title} extra={<Tag>{e.stateLabel}</Tag>} style={{ marginBottom: 16 }}>
      {e.state === 'approved' ? (
        <>
          <p>{e.summary}</p>
          <p className="gg-muted gg-small">已在门户“优秀成果”栏目公开展示；如需修改请联系市市场监管委。</p>
        </>
      ) : (
        <Form form={form} name={`showcase-${e.id}`} layout="vertical" initialValues={{ title: e.title, summary: e.summary, highlights: e.highlights.join('\n') }} onFinish={(v) => propose.mutate(v)}>
          <Form.Item name="title" label="展示标题（2–60字）" rules={[{ required: true, message: '请填写展示标题' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="summary" label="成果简介（20–1000字）" rules={[{ required: true, message: '请填写成果简介' }]}>
            <Input.TextArea rows={5} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item name="highlights" label="效益亮点（每行一条，最多5条，每条不超过100字）">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={propose.isPending}>
            提交审核
          </Button>
        </Form>
      )}
    </Card>
  );
}

export default function ApplicantShowcasePage() {
  usePageTitle('优秀成果展示');
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: ShowcaseEntryDto[] }>('/api/applicant/showcase') });
  return (
    <>
      <PageHeader title="优秀成果展示" subtitle="已认定的优秀成果在门户网站展示；可提交本单位撰写的展示内容，经市市场监管委审核后公开" />
      {q.error && <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} />}
      {q.data && q.data.items.length === 0 && <Alert type="info" showIcon title="本单位暂无已认定的优秀成果" />}
      {q.data?.items.map((e) => <EntryCard key={e.id} e={e} />)}
    </>
  );
}
