/**
 * 跟踪服务 on the project page: visits (走访/检查) with their guidance, problems and support
 * requests with answers. The recommender records visits, raises guidance / problems, arranges
 * support and closes; the unit answers guidance, reports problems and asks for support.
 */
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { itemAnswerSchema, itemInputSchema, SUPPORT_CATEGORIES, SUPPORT_CATEGORY_LABELS, TRACKING_ITEM_KIND_LABELS, TRACKING_ITEM_STATE_LABELS, VISIT_KIND_LABELS, visitInputSchema } from '../../../shared/implementation';
import { schemaRule } from '../../components/schema-rule';
import { api } from '../../api';
import { applyFieldErrors } from '../../components/review/errors';
import { formatBeijing } from '../../time';
import { post, uploadFile, useProjectMutation, type ItemDto, type ProjectView } from './queries';

const STATE_COLORS = { open: 'orange', answered: 'blue', closed: 'default' } as const;

/** 指导意见, one per line: every line within the schema's limits, named by its line number. */
const GUIDANCE_RULE = {
  validator: async (_: unknown, v?: string) => {
    const lines = String(v ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    if (lines.length > 10) throw new Error(`指导意见最多10条（现为${lines.length}条）`);
    lines.forEach((line, i) => {
      const r = visitInputSchema.shape.guidance.unwrap().element.safeParse(line);
      if (!r.success) throw new Error(`指导意见第${i + 1}条${r.error.issues[0].message}（现为${Array.from(line).length}个字）`);
    });
  },
};

function VisitModal({ view, onClose }: { view: ProjectView; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<string[]>([]);
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const save = useProjectMutation(view.project.id, (body: unknown) => post(`/api/tracking/projects/${view.project.id}/visits`, body));
  return (
    <Modal open title="登记走访 / 检查" okText="保存" cancelText="取消" width={680} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'visit' }}
        aria-label="走访记录"
        onFinish={(v) =>
          save.mutate(
            { ...v, fileIds: files.map((f) => f.id), guidance: String(v.guidance ?? '').split('\n').map((s: string) => s.trim()).filter(Boolean) },
            {
              onSuccess: () => {
                message.success('走访记录已保存');
                onClose();
              },
              onError: (err) => setErrors(applyFieldErrors(form, err, ['visitedOn', 'participants', 'findings'])),
            },
          )
        }
      >
        <Space wrap>
          <Form.Item name="kind" label="类型">
            <Select style={{ width: 120 }} options={Object.entries(VISIT_KIND_LABELS).map(([value, label]) => ({ value, label }))} aria-label="类型" />
          </Form.Item>
          <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请填写走访日期' }]}>
            <Input type="date" aria-label="走访日期" />
          </Form.Item>
        </Space>
        <Form.Item name="participants" label="参加人员" rules={[{ required: true, whitespace: true, message: '请填写参加人员' }, schemaRule(visitInputSchema.shape.participants, 'participants')]}>
          <Input aria-label="参加人员" count={{ show: true, max: 300 }} />
        </Form.Item>
        <Form.Item name="findings" label="发现情况" rules={[{ required: true, whitespace: true, message: '请填写发现情况' }, schemaRule(visitInputSchema.shape.findings, 'findings')]}>
          <Input.TextArea rows={3} aria-label="发现情况" count={{ show: true, max: 5000 }} />
        </Form.Item>
        <Form.Item name="guidance" label="指导意见" extra="每行一条（每条5-2000字，最多10条），项目单位逐条答复" rules={[GUIDANCE_RULE]}>
          <Input.TextArea rows={3} aria-label="指导意见" />
        </Form.Item>
        <Form.Item label="照片或文件">
          <input
            type="file"
            aria-label="照片或文件"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              try {
                const up = await uploadFile(f);
                setFiles((l) => [...l, up]);
              } catch (err) {
                setErrors([(err as Error).message]);
              }
            }}
          />
          {files.map((f) => (
            <div key={f.id}>{f.name}</div>
          ))}
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ItemModal({ view, kinds, onClose }: { view: ProjectView; kinds: ItemDto['kind'][]; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form);
  const save = useProjectMutation(view.project.id, (body: unknown) => post(`/api/tracking/projects/${view.project.id}/items`, body));
  return (
    <Modal open title={kinds.includes('support') ? '反映问题 / 申请质量基础设施支撑' : '提出指导意见 / 问题'} okText="提交" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0] }}
        aria-label="跟踪事项"
        onFinish={(v) =>
          save.mutate(
            { kind: v.kind, category: v.kind === 'support' ? v.category : null, content: v.content },
            {
              onSuccess: () => {
                message.success('已提交');
                onClose();
              },
              onError: (err) => setErrors(applyFieldErrors(form, err, ['category', 'content'])),
            },
          )
        }
      >
        <Form.Item name="kind" label="类型">
          <Select options={kinds.map((k) => ({ value: k, label: TRACKING_ITEM_KIND_LABELS[k] }))} aria-label="事项类型" />
        </Form.Item>
        {kind === 'support' && (
          <Form.Item name="category" label="支撑类别" rules={[{ required: true, message: '请选择支撑类别' }]}>
            <Select options={SUPPORT_CATEGORIES.map((c) => ({ value: c, label: SUPPORT_CATEGORY_LABELS[c] }))} aria-label="支撑类别" />
          </Form.Item>
        )}
        <Form.Item name="content" label="内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }, schemaRule(itemInputSchema.shape.content, { label: '事项内容' })]}>
          <Input.TextArea rows={4} aria-label="事项内容" count={{ show: true, max: 2000 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AnswerModal({ view, item, onClose }: { view: ProjectView; item: ItemDto; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<string[]>([]);
  const save = useProjectMutation(view.project.id, (answer: string) => api.post(`/api/tracking/items/${item.id}/answer`, { answer, version: item.version }));
  const title = item.kind === 'support' ? '登记支撑安排' : `答复${TRACKING_ITEM_KIND_LABELS[item.kind]}`;
  return (
    <Modal open title={title} okText="提交" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <p className="gg-muted">{item.content}</p>
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        aria-label={title}
        onFinish={(v) =>
          save.mutate(v.answer, {
            onSuccess: () => {
              message.success('已提交');
              onClose();
            },
            onError: (err) => setErrors(applyFieldErrors(form, err, ['answer'])),
          })
        }
      >
        <Form.Item name="answer" label={item.kind === 'support' ? '安排情况' : '答复'} rules={[{ required: true, whitespace: true, message: '请填写答复' }, schemaRule(itemAnswerSchema.shape.answer, 'answer')]}>
          <Input.TextArea rows={4} aria-label="答复内容" count={{ show: true, max: 2000 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TrackingPanel({ view, role }: { view: ProjectView; role: string }) {
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<null | 'visit' | 'item' | { answer: ItemDto }>(null);
  const close = useProjectMutation(view.project.id, (item: ItemDto) => api.post(`/api/tracking/items/${item.id}/close`, { version: item.version }));
  const isUnit = role === 'applicant';
  const isRecommender = role === 'recommender';
  const canWrite = view.project.writable;
  const mayAnswer = (i: ItemDto) => i.state === 'open' && canWrite && (isUnit ? i.kind !== 'support' && !i.raisedByUnit : isRecommender && (i.kind === 'support' || i.raisedByUnit));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {canWrite && (isUnit || isRecommender) && (
        <Space>
          {isRecommender && (
            <Button type="primary" onClick={() => setDialog('visit')}>
              登记走访 / 检查
            </Button>
          )}
          <Button onClick={() => setDialog('item')}>{isUnit ? '反映问题 / 申请支撑' : '提出指导意见 / 问题'}</Button>
        </Space>
      )}
      <Card title="走访 / 检查记录" size="small">
        {view.visits.length === 0 ? (
          <Empty description="暂无走访记录" />
        ) : (
          <List
            dataSource={view.visits}
            renderItem={(v) => (
              <List.Item>
                <List.Item.Meta
                  title={`${VISIT_KIND_LABELS[v.kind]} ${v.visitedOn}（${v.people}）`}
                  description={
                    <>
                      <div>{v.findings}</div>
                      {v.files.map((f) => (
                        <a key={f.id} href={`/api/implementation/projects/${view.project.id}/files/${f.id}`} style={{ marginRight: 12 }}>
                          {f.name}
                        </a>
                      ))}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title="指导意见、问题与支撑" size="small">
        {view.items.length === 0 ? (
          <Empty description="暂无事项" />
        ) : (
          <List
            dataSource={view.items}
            renderItem={(i) => (
              <List.Item
                data-testid={`item-${i.kind}`}
                actions={[
                  mayAnswer(i) && (
                    <Button key="answer" size="small" type="primary" onClick={() => setDialog({ answer: i })}>
                      {i.kind === 'support' ? '登记安排' : '答复'}
                    </Button>
                  ),
                  isRecommender && canWrite && i.state === 'answered' && (
                    <Button
                      key="close"
                      size="small"
                      onClick={() =>
                        modal.confirm({
                          title: '关闭该事项？',
                          okText: '关闭',
                          cancelText: '取消',
                          onOk: () => close.mutateAsync(i).then(() => message.success('已关闭')),
                        })
                      }
                    >
                      关闭
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag>{TRACKING_ITEM_KIND_LABELS[i.kind]}</Tag>
                      {i.category && <Tag color="purple">{SUPPORT_CATEGORY_LABELS[i.category]}</Tag>}
                      <Tag color={STATE_COLORS[i.state]}>{TRACKING_ITEM_STATE_LABELS[i.state]}</Tag>
                      <span className="gg-muted gg-small">
                        {i.raisedByName} {formatBeijing(i.createdAt, 'date')}
                      </span>
                    </Space>
                  }
                  description={
                    <>
                      <div>{i.content}</div>
                      {i.answer && (
                        <div className="gg-impl-answer">
                          {i.kind === 'support' ? '安排：' : '答复：'}
                          {i.answer}（{i.answeredByName}）
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {dialog === 'visit' && <VisitModal view={view} onClose={() => setDialog(null)} />}
      {dialog === 'item' && <ItemModal view={view} kinds={isUnit ? ['problem', 'support'] : ['guidance', 'problem']} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && <AnswerModal view={view} item={dialog.answer} onClose={() => setDialog(null)} />}
    </Space>
  );
}
