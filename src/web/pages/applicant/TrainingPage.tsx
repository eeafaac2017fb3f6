/**
 * 宣贯培训 (applicant): open sessions with seats left and a sign-up form for the unit's own
 * 已立项 projects; the unit's sign-ups with attendance, cancellable (confirmed) before the start.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ATTENDEE_ROLE_LABELS, ATTENDEE_ROLES, type MySignupDto, type OpenSessionDto, signupInputSchema, type SignupInput, type TrainingSignupDto } from '../../../shared/training';
import { api, errorMessage, idempotencyHeaders, newIdempotencyKey } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { schemaRule } from '../../components/schema-rule';
import { applyFieldErrors } from '../../components/review/errors';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { MyMaterialsCard } from '../training/MyMaterialsCard';

const KEY = ['applicant', 'training'] as const;
const PHASE_COLORS: Record<string, string> = { upcoming: 'blue', in_progress: 'green', ended: 'default', cancelled: 'red' };

function useOpenSessions() {
  return useQuery({ queryKey: [...KEY, 'sessions'], queryFn: () => api.get<{ items: OpenSessionDto[]; attendeesPerProject: number }>('/api/applicant/training/sessions'), staleTime: 0 });
}
function useProjects() {
  return useQuery({ queryKey: [...KEY, 'projects'], queryFn: () => api.get<{ items: { id: string; name: string; projectNo: string | null }[] }>('/api/applicant/training/projects') });
}
function useMySignups() {
  return useQuery({ queryKey: [...KEY, 'signups'], queryFn: () => api.get<{ items: MySignupDto[] }>('/api/applicant/training/signups'), staleTime: 0 });
}

function SignupModal({ session, projects, onClose }: { session: OpenSessionDto; projects: { id: string; name: string; projectNo: string | null }[]; onClose(): void }) {
  const [form] = Form.useForm<SignupInput>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<string[]>([]);
  const signUp = useMutation({
    mutationFn: (v: SignupInput) => api.post<TrainingSignupDto>(`/api/applicant/training/sessions/${session.id}/signups`, v, { headers: idempotencyHeaders(key) }),
    onSuccess: (r) => {
      message.success(`已为${r.attendeeName}报名“${session.title}”`);
      void qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (err) => {
      // A refused sign-up changed nothing: the next attempt is a new submit.
      setKey(newIdempotencyKey());
      setErrors(applyFieldErrors(form, err, ['projectId', 'attendeeName', 'attendeeRole', 'attendeePhone']));
      void qc.invalidateQueries({ queryKey: [...KEY, 'sessions'] });
    },
  });
  return (
    <Modal open title={`报名：${session.title}`} okText="提交报名" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={signUp.isPending} destroyOnHidden>
      <div className="gg-muted gg-small" style={{ marginBottom: 12 }}>
        {session.startsAtText} 至 {session.endsAtText}（北京时间），{session.venue}。剩余名额 {session.remaining} 个。
      </div>
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => signUp.mutate(v)} initialValues={{ projectId: projects.length === 1 ? projects[0].id : undefined }} aria-label="报名信息">
        <Form.Item name="projectId" label="参训项目" rules={[{ required: true, message: '请选择参训项目' }]}>
          <Select aria-label="参训项目" placeholder="选择本单位已立项的项目" options={projects.map((p) => ({ value: p.id, label: p.projectNo ? `${p.name}（${p.projectNo}）` : p.name }))} />
        </Form.Item>
        <Form.Item name="attendeeName" label="参训人员姓名" rules={[{ required: true, message: '请填写参训人员姓名' }, schemaRule(signupInputSchema.shape.attendeeName, 'attendeeName')]}>
          <Input aria-label="参训人员姓名" />
        </Form.Item>
        <Form.Item name="attendeeRole" label="参训人员角色" rules={[{ required: true, message: '请选择参训人员角色' }]}>
          <Select aria-label="参训人员角色" options={ATTENDEE_ROLES.map((r) => ({ value: r, label: ATTENDEE_ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="attendeePhone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }, schemaRule(signupInputSchema.shape.attendeePhone, 'attendeePhone')]} extra="仅培训机构用于通知参训事宜，列表中脱敏显示。">
          <Input inputMode="tel" aria-label="手机号码" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TrainingPage() {
  usePageTitle('宣贯培训');
  const sessions = useOpenSessions();
  const projects = useProjects();
  const signups = useMySignups();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [signingUp, setSigningUp] = useState<OpenSessionDto | null>(null);
  const limit = sessions.data?.attendeesPerProject ?? 3;
  const eligible = projects.data?.items ?? [];

  const cancel = useMutation({
    mutationFn: (s: MySignupDto) => api.post<{ id: string }>(`/api/applicant/training/signups/${s.id}/cancel`, {}),
    onSuccess: () => {
      message.success('已取消报名');
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const sessionColumns: ColumnsType<OpenSessionDto> = [
    { title: '培训主题', dataIndex: 'title' },
    { title: '时间（北京时间）', key: 'time', width: 230, render: (_, s) => `${s.startsAtText} 至 ${s.endsAtText}` },
    { title: '地点', dataIndex: 'venue', ellipsis: true },
    { title: '剩余名额', key: 'remaining', width: 110, render: (_, s) => (s.remaining > 0 ? `${s.remaining} / ${s.capacity}` : <Tag color="red">名额已满</Tag>) },
    { title: '本单位已报', dataIndex: 'mySignedUp', width: 100, render: (n: number) => `${n} 人` },
    {
      title: '操作',
      key: 'a',
      width: 90,
      render: (_, s) => (
        <Button type="link" size="small" disabled={s.remaining <= 0 || eligible.length === 0} onClick={() => setSigningUp(s)} aria-label={`报名“${s.title}”`}>
          报名
        </Button>
      ),
    },
  ];
  const signupColumns: ColumnsType<MySignupDto> = [
    { title: '培训主题', dataIndex: 'sessionTitle' },
    { title: '时间（北京时间）', dataIndex: 'startsAtText', width: 150 },
    { title: '项目', dataIndex: 'projectName', ellipsis: true },
    { title: '参训人员', dataIndex: 'attendeeName', width: 100 },
    { title: '角色', dataIndex: 'attendeeRoleLabel', width: 100 },
    { title: '手机号码', dataIndex: 'attendeePhone', width: 120 },
    { title: '场次状态', key: 'phase', width: 100, render: (_, s) => <Tag color={PHASE_COLORS[s.phase]} title={s.cancelReason ?? undefined}>{s.phaseLabel}</Tag> },
    { title: '出勤', dataIndex: 'attended', width: 80, render: (a: boolean | null) => (a === true ? <Tag color="green">出勤</Tag> : a === false ? <Tag>缺勤</Tag> : '—') },
    {
      title: '操作',
      key: 'a',
      width: 100,
      render: (_, s) =>
        s.canCancel ? (
          <Button
            type="link"
            size="small"
            danger
            aria-label={`取消${s.attendeeName}的报名`}
            onClick={() =>
              modal.confirm({
                title: '取消报名',
                content: `确定取消${s.attendeeName}参加“${s.sessionTitle}”的报名吗？名额将释放给其他单位。`,
                okText: '确定取消',
                okButtonProps: { danger: true },
                cancelText: '返回',
                onOk: () => cancel.mutateAsync(s),
              })
            }
          >
            取消报名
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title="宣贯培训" subtitle={`立项项目的质量负责人、项目负责人和技术骨干参加；每个项目每场最多报名 ${limit} 人`} />
      {projects.isSuccess && eligible.length === 0 && <Alert type="info" showIcon message="本单位暂无已立项的项目，项目立项后可报名宣贯培训。" style={{ marginBottom: 16 }} />}
      <Card title="可报名场次" style={{ marginBottom: 16 }}>
        {sessions.isError && <Alert type="error" showIcon message={errorMessage(sessions.error)} style={{ marginBottom: 12 }} />}
        <Table rowKey="id" scroll={{ x: 'max-content' }} columns={sessionColumns} dataSource={sessions.data?.items ?? []} loading={sessions.isPending} locale={{ emptyText: <EmptyState text="暂无可报名的培训场次" /> }} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
      </Card>
      <Card title="本单位报名与出勤">
        {signups.isError && <Alert type="error" showIcon message={errorMessage(signups.error)} style={{ marginBottom: 12 }} />}
        <Table rowKey="id" scroll={{ x: 'max-content' }} columns={signupColumns} dataSource={signups.data?.items ?? []} loading={signups.isPending} locale={{ emptyText: <EmptyState text="暂无报名记录" /> }} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </Card>
      <MyMaterialsCard />
      {signingUp && <SignupModal session={signingUp} projects={eligible} onClose={() => setSigningUp(null)} />}
    </>
  );
}
