/**
 * One evaluation task (expert): accept or decline; the 回避 declaration (a signed no-conflict
 * statement, or a conflict with its type and description); then the result's materials and the
 * score form (per-item limits shown, nothing clamped: the server names any value out of range).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CONFLICT_TYPES } from '../../../domain/conflicts';
import { expertTotal } from '../../../domain/evaluation';
import type { ExpertTaskDetail } from '../../../shared/evaluation';
import { CONFLICT_TYPE_LABELS } from '../../../shared/experts';
import { ApiError, api, errorMessage } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { ResultView } from '../results/common';
import { TaskStateTag } from '../evaluation/common';

type Sheet = { items: Record<string, number | null>; vetoes: string[]; opinion: string };

function Declaration({ task, onDone }: { task: ExpertTaskDetail; onDone: (t: ExpertTaskDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'none' | 'conflict'; statement?: boolean; type?: string; description?: string }>();
  const kind = Form.useWatch('kind', form);
  const declare = useMutation({
    mutationFn: (v: { kind: 'none' | 'conflict'; statement?: boolean; type?: string; description?: string }) =>
      api.post<ExpertTaskDetail>(`/api/expert/tasks/${task.id}/declaration`, v.kind === 'none' ? { kind: 'none', statement: !!v.statement, version: task.version } : { kind: 'conflict', type: v.type, description: v.description, version: task.version }),
    onSuccess: (t) => {
      message.success(t.state === 'recused' ? '已申报回避，市市场监管委将另行安排专家' : '已声明无利害关系，可查阅成果材料');
      onDone(t);
    },
    onError: (err) => {
      if (err instanceof ApiError) form.setFields(Object.entries(err.fields).filter(([k]) => ['statement', 'type', 'description'].includes(k)).map(([name, e]) => ({ name: name as 'type', errors: [e] })));
      message.error(errorMessage(err));
    },
  });
  return (
    <Card title="回避声明" style={{ marginBottom: 20 }}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'none' }} onFinish={(v) => declare.mutate(v)}>
        <Form.Item name="kind" label={`您与本项目（${task.applicantName}）是否存在利害关系？`}>
          <Radio.Group>
            <Radio value="none">不存在利害关系</Radio>
            <Radio value="conflict">存在，申请回避</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'conflict' ? (
          <>
            <Form.Item name="type" label="回避类型" rules={[{ required: true, message: '请选择回避类型' }]}>
              <Select style={{ maxWidth: 320 }} options={CONFLICT_TYPES.map((t) => ({ value: t, label: CONFLICT_TYPE_LABELS[t] }))} />
            </Form.Item>
            <Form.Item name="description" label="回避说明" rules={[{ required: true, message: '请填写回避说明' }, { min: 4, message: '回避说明至少4个字' }]}>
              <Input.TextArea rows={3} maxLength={150} showCount placeholder="如：近三年曾为该公司提供技术咨询" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="statement" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请勾选无利害关系声明'))) }]}>
            <Checkbox>{task.statement}</Checkbox>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={declare.isPending}>
          提交回避声明
        </Button>
      </Form>
    </Card>
  );
}

function ScoreForm({ task, onDone }: { task: ExpertTaskDetail; onDone: (t: ExpertTaskDetail) => void }) {
  const { message, modal } = App.useApp();
  const [sheet, setSheet] = useState<Sheet>(task.sheet ?? { items: {}, vetoes: [], opinion: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = task.state === 'submitted';
  const c = task.criteria;
  const save = useMutation({
    mutationFn: (final: boolean) => (final ? api.post<ExpertTaskDetail>(`/api/expert/tasks/${task.id}/submit`, { ...sheet, version: task.version }) : api.put<ExpertTaskDetail>(`/api/expert/tasks/${task.id}/scores`, { ...sheet, version: task.version })),
    onSuccess: (t, final) => {
      setErrors({});
      message.success(final ? '评分已提交' : '草稿已保存');
      onDone(t);
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fields);
      message.error(errorMessage(err));
    },
  });
  const opinionLength = [...sheet.opinion.trim()].length;
  return (
    <Card title={`评分（满分100分，当前合计 ${expertTotal(c, sheet)} 分）`} data-testid="score-form">
      {c.sections.map((s) => (
        <div key={s.id} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{s.label}</Typography.Title>
          {s.items.map((i) => (
            <Form.Item key={i.id} label={`${i.label}（0–${i.max}分）`} validateStatus={errors[`items.${i.id}`] ? 'error' : undefined} help={errors[`items.${i.id}`]} style={{ marginBottom: 8 }}>
              <InputNumber
                aria-label={`${i.label}得分（0至${i.max}分）`}
                value={sheet.items[i.id] ?? null}
                step={0.5}
                disabled={readOnly}
                onChange={(v) => setSheet((x) => ({ ...x, items: { ...x.items, [i.id]: v === null || v === undefined ? null : Number(v) } }))}
                addonAfter={`/ ${i.max}`}
              />
            </Form.Item>
          ))}
        </div>
      ))}
      <Form.Item label="否决项（触及任一项，成果评定为不合格）" validateStatus={errors.vetoes ? 'error' : undefined} help={errors.vetoes}>
        <Checkbox.Group disabled={readOnly} value={sheet.vetoes} onChange={(v) => setSheet((x) => ({ ...x, vetoes: v as string[] }))} options={c.vetoItems.map((v) => ({ value: v.id, label: v.text }))} />
      </Form.Item>
      <Form.Item label={`评定意见（${c.opinion.min}–${c.opinion.max}字，当前${opinionLength}字）`} validateStatus={errors.opinion ? 'error' : undefined} help={errors.opinion} required>
        <Input.TextArea aria-label="评定意见" rows={5} disabled={readOnly} value={sheet.opinion} onChange={(e) => setSheet((x) => ({ ...x, opinion: e.target.value }))} />
      </Form.Item>
      {readOnly ? (
        <Alert type="success" showIcon title={`评分已于${task.submittedAt ? formatBeijing(task.submittedAt) : ''}提交，不能修改。`} />
      ) : (
        <Space>
          <Button onClick={() => save.mutate(false)} loading={save.isPending && save.variables === false}>
            保存草稿
          </Button>
          <Button type="primary" loading={save.isPending && save.variables === true} onClick={() => modal.confirm({ title: '提交评分？', content: '提交后不能修改。', okText: '提交', cancelText: '取消', onOk: () => save.mutateAsync(true).catch(() => undefined) })}>
            提交评分
          </Button>
        </Space>
      )}
    </Card>
  );
}

export default function TaskPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['expert', 'task', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<ExpertTaskDetail>(`/api/expert/tasks/${id}`) });
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  usePageTitle(q.data ? `评定任务：${q.data.projectName}` : '评定任务');
  const done = (t: ExpertTaskDetail) => {
    qc.setQueryData(key, t);
    void qc.invalidateQueries({ queryKey: ['expert', 'tasks'] });
  };
  const respond = useMutation({
    mutationFn: (a: 'accept' | 'decline') => api.post<ExpertTaskDetail>(`/api/expert/tasks/${id}/${a}`, a === 'accept' ? { version: q.data!.version } : { reason, version: q.data!.version }),
    onSuccess: (t, a) => {
      message.success(a === 'accept' ? '已接受评定任务，请作出回避声明' : '已谢绝评定任务');
      setDeclining(false);
      done(t);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.reason) setReasonError(err.fields.reason);
      message.error(errorMessage(err));
    },
  });
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const t = q.data;
  return (
    <>
      <PageHeader title={t.projectName} subtitle={<Link to="/expert/tasks">返回我的评定任务</Link>} extra={<TaskStateTag state={t.state} />} />
      <Card style={{ marginBottom: 20 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="项目单位">{t.applicantName}</Descriptions.Item>
          <Descriptions.Item label="评定领域">{t.field}</Descriptions.Item>
          <Descriptions.Item label="项目编号">{t.projectNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="评分截止">{t.deadline ?? '—'}</Descriptions.Item>
          {t.declaration && <Descriptions.Item label="回避声明">{t.declaration.kind === 'none' ? `已声明无利害关系（${formatBeijing(t.declaration.at)}）` : `已申报回避：${t.declaration.description}`}</Descriptions.Item>}
          {t.declineReason && <Descriptions.Item label="谢绝原因">{t.declineReason}</Descriptions.Item>}
        </Descriptions>
        {t.state === 'invited' && (
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => respond.mutate('accept')} loading={respond.isPending && respond.variables === 'accept'}>
              接受任务
            </Button>
            <Button onClick={() => setDeclining(true)}>谢绝</Button>
          </Space>
        )}
      </Card>
      {t.state === 'accepted' && <Declaration task={t} onDone={done} />}
      {t.materials && (
        <Card title="成果材料（保密）" style={{ marginBottom: 20 }}>
          <ResultView detail={t.materials} />
          <Space wrap style={{ marginTop: 12 }}>
            {[...(t.materials.reportFile ? [t.materials.reportFile] : []), ...t.materials.processFiles].map((f) => (
              <a key={f.fileId} href={`/api/expert/tasks/${t.id}/files/${f.fileId}`}>
                下载：{f.name}
              </a>
            ))}
          </Space>
        </Card>
      )}
      {(t.state === 'scoring' || t.state === 'submitted') && <ScoreForm task={t} onDone={done} />}
      <Modal open={declining} title="谢绝评定任务" okText="确认谢绝" cancelText="取消" onCancel={() => setDeclining(false)} onOk={() => respond.mutate('decline')} confirmLoading={respond.isPending}>
        <Form.Item label="谢绝原因" validateStatus={reasonError ? 'error' : undefined} help={reasonError} required>
          <Input.TextArea aria-label="谢绝原因" rows={3} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Modal>
    </>
  );
}
