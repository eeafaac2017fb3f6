/**
 * 培训计划: the provider's (or the commission's) sessions with sign-up counts and seats left, a
 * create/edit modal (Beijing time, optimistic version), cancelling with a reason (irreversible,
 * confirmed; sign-ups are notified) and the way to each roster. Status, keyword and page are in the URL.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Segmented, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { sessionInputSchema, type TrainingSessionDto } from '../../../shared/training';
import { api, ApiError, errorMessage, idempotencyHeaders, newIdempotencyKey } from '../../api';
import { ConfirmDialog, FilterBar, ListTable } from '../../components/list';
import { schemaRule } from '../../components/schema-rule';
import { applyFieldErrors, isStale, STALE_MESSAGE } from '../../components/review/errors';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { IncompleteCard } from './IncompleteCard';
import { PHASE_COLORS, SESSIONS_KEY, useSessions } from './queries';

const WALL = 'YYYY-MM-DD HH:mm';
const FORM_FIELDS = ['title', 'venue', 'startsAt', 'endsAt', 'capacity'];

interface FormValues {
  title: string;
  venue: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  capacity: number;
}

const rule = (field: 'title' | 'venue' | 'capacity') => schemaRule(sessionInputSchema.shape[field], field);

function SessionModal({ base, editing, onClose }: { base: string; editing: TrainingSessionDto | null | 'new'; onClose(): void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [errors, setErrors] = useState<string[]>([]);
  const [key] = useState(newIdempotencyKey);
  const current = editing && editing !== 'new' ? editing : null;
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = { title: v.title, venue: v.venue, startsAt: v.startsAt.format(WALL), endsAt: v.endsAt.format(WALL), capacity: v.capacity };
      return current
        ? api.put<TrainingSessionDto>(`/api/training/sessions/${current.id}`, { ...body, version: current.version })
        : api.post<TrainingSessionDto>('/api/training/sessions', body, { headers: idempotencyHeaders(key) });
    },
    onSuccess: (s) => {
      message.success(current ? `已保存“${s.title}”` : `已新建培训场次“${s.title}”`);
      void qc.invalidateQueries({ queryKey: ['training'] });
      onClose();
    },
    onError: (err) => {
      if (isStale(err)) {
        setErrors([STALE_MESSAGE]);
        void qc.invalidateQueries({ queryKey: SESSIONS_KEY });
        return;
      }
      setErrors(applyFieldErrors(form, err, FORM_FIELDS));
    },
  });
  const initial: Partial<FormValues> = current
    ? { title: current.title, venue: current.venue, capacity: current.capacity, startsAt: dayjs(current.startsAtText), endsAt: dayjs(current.endsAtText) }
    : { capacity: 50 };
  return (
    <Modal
      open={!!editing}
      title={current ? '修改培训场次' : '新建培训场次'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} aria-label="培训场次" preserve={false}>
        {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
        <Form.Item name="title" label="培训主题" rules={[{ required: true, message: '请填写培训主题' }, rule('title')]}>
          <Input showCount placeholder="如：2026年质量攻关宣贯培训（第一期）" />
        </Form.Item>
        <Form.Item name="venue" label="培训地点" rules={[{ required: true, message: '请填写培训地点' }, rule('venue')]}>
          <Input showCount placeholder="如：天津市市场监督管理委员会二楼报告厅" />
        </Form.Item>
        <Form.Item name="startsAt" label="开始时间（北京时间）" rules={[{ required: true, message: '请选择开始时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format={WALL} style={{ width: '100%' }} placeholder="开始时间" />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label="结束时间（北京时间）"
          dependencies={['startsAt']}
          rules={[
            { required: true, message: '请选择结束时间' },
            ({ getFieldValue }) => ({
              validator: async (_: unknown, v?: Dayjs) => {
                const start = getFieldValue('startsAt') as Dayjs | undefined;
                if (v && start && !v.isAfter(start)) throw new Error('结束时间应晚于开始时间');
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format={WALL} style={{ width: '100%' }} placeholder="结束时间" />
        </Form.Item>
        <Form.Item name="capacity" label="容量（人数）" rules={[{ required: true, message: '请填写容量（1至2000的整数）' }, rule('capacity')]} extra={current ? `已报名 ${current.signedUp} 人，容量不能少于已报名人数` : undefined}>
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelModal({ session, onClose }: { session: TrainingSessionDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const cancel = useMutation({
    mutationFn: (reason: string) => api.post<TrainingSessionDto>(`/api/training/sessions/${session!.id}/cancel`, { version: session!.version, reason }, { headers: idempotencyHeaders(key) }),
    onSuccess: (s) => {
      message.success(`已取消“${s.title}”，已通知报名单位`);
      void qc.invalidateQueries({ queryKey: ['training'] });
      onClose();
    },
    onError: (err) => {
      const fields = err instanceof ApiError ? err.fields : {};
      setReasonError(fields.reason ?? null);
      setError(isStale(err) ? STALE_MESSAGE : applyFieldErrors(null, err).filter((m) => !fields.reason || !m.endsWith(fields.reason)).join('；') || null);
    },
  });
  return (
    <ConfirmDialog
      open={!!session}
      title={`取消培训场次：${session?.title ?? ''}`}
      okText="确认取消场次"
      cancelText="返回"
      danger
      loading={cancel.isPending}
      fieldError={reasonError}
      errors={error ? [error] : []}
      onCancel={onClose}
      onConfirm={(reason) => cancel.mutate(reason)}
      notice={{ title: `取消后不可恢复，已报名的 ${session?.signedUp ?? 0} 人所在单位将收到通知。` }}
      reason={{ label: '取消原因', min: 4, rows: 3, maxLength: 500, placeholder: '如：场地临时检修，改期举办' }}
    />
  );
}

export default function SessionsPage({ base = '/training' }: { base?: string }) {
  usePageTitle('培训计划');
  const list = useListState({ filters: { status: 'all', q: '' } });
  const [editing, setEditing] = useState<TrainingSessionDto | null | 'new'>(null);
  const [cancelling, setCancelling] = useState<TrainingSessionDto | null>(null);
  const sessions = useSessions(list.query);

  const columns: ColumnsType<TrainingSessionDto> = [
    { title: '培训主题', dataIndex: 'title', render: (v: string, s) => <Link to={`${base}/sessions/${s.id}`}>{v}</Link> },
    { title: '时间（北京时间）', key: 'time', width: 220, render: (_, s) => `${s.startsAtText} 至 ${s.endsAtText.slice(s.startsAtText.slice(0, 10) === s.endsAtText.slice(0, 10) ? 11 : 0)}` },
    { title: '地点', dataIndex: 'venue', ellipsis: true },
    { title: '报名 / 容量', key: 'seats', width: 110, render: (_, s) => `${s.signedUp} / ${s.capacity}` },
    { title: '剩余名额', dataIndex: 'remaining', width: 90 },
    { title: '状态', dataIndex: 'phaseLabel', width: 90, render: (v: string, s) => <Tag color={PHASE_COLORS[s.phase]}>{v}</Tag> },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, s) => (
        <Space size="small">
          <Link to={`${base}/sessions/${s.id}`} aria-label={`查看“${s.title}”报名名单`}>
            名单
          </Link>
          {s.phase === 'upcoming' && (
            <>
              <Button type="link" size="small" onClick={() => setEditing(s)} aria-label={`修改“${s.title}”`}>
                修改
              </Button>
              <Button type="link" size="small" danger onClick={() => setCancelling(s)} aria-label={`取消场次：${s.title}`}>
                取消场次
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="培训计划"
        subtitle="宣贯培训场次、报名情况与剩余名额（时间均为北京时间）"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建培训场次
          </Button>
        }
      />
      <Card>
        <FilterBar
          list={list}
          label="培训场次筛选"
          onRefresh={() => void sessions.refetch()}
          fields={[
            {
              kind: 'custom',
              label: '状态',
              render: () => (
                <Segmented
                  aria-label="状态筛选"
                  value={list.filters.status}
                  onChange={(v) => list.apply({ status: String(v) })}
                  options={[
                    { label: '全部', value: 'all' },
                    { label: '未取消', value: 'open' },
                    { label: '已取消', value: 'cancelled' },
                  ]}
                />
              ),
            },
            { key: 'q', kind: 'text', label: '关键词', ariaLabel: '搜索培训主题或地点', placeholder: '培训主题或地点', width: 260 },
          ]}
        />
        <ListTable<TrainingSessionDto> list={list} result={sessions} what="培训场次" empty="暂无培训场次，请点击“新建培训场次”" noMatch="没有符合条件的培训场次" unit="场" columns={columns} />
      </Card>
      {base === '/commission/training' && (
        <div style={{ marginTop: 16 }}>
          <IncompleteCard url="/api/commission/training/incomplete" showRecommender />
        </div>
      )}
      {editing && <SessionModal base={base} editing={editing} onClose={() => setEditing(null)} />}
      {cancelling && <CancelModal session={cancelling} onClose={() => setCancelling(null)} />}
    </>
  );
}
