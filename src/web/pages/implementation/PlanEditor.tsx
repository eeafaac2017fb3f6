/**
 * 实施方案 editor (PDCA): goal and dates, stages, milestones (date, owner), indicators (unit,
 * baseline → target), quality tools. Before the first submission: save a draft or submit; after it
 * every change is a 策略调整 with its reason (a new dated revision; the earlier ones stay).
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { PDCA_LABELS, PDCA_PHASES, planSaveSchema, planSchema, QUALITY_TOOLS, type ImplementationPlan } from '../../../shared/implementation';
import { NumberText } from '../../components/application/controls';
import { numberRule, schemaRule } from '../../components/schema-rule';
import { api } from '../../api';
import { applyFieldErrors } from '../../components/review/errors';
import { useProjectMutation, type ProjectView } from './queries';

const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const phaseOptions = PDCA_PHASES.map((p) => ({ value: p, label: PDCA_LABELS[p] }));

// The schema of one row of each list: the client checks the same limits as the server, at the field.
const STAGE = planSchema.shape.stages.element.shape;
const MILESTONE = planSchema.shape.milestones.unwrap().element.shape;
const INDICATOR = planSchema.shape.indicators.element.shape;

const EMPTY: ImplementationPlan = {
  goal: '',
  startOn: '',
  endOn: '',
  stages: PDCA_PHASES.map((p, i) => ({ id: `s${i + 1}`, phase: p, title: '', description: '' })),
  milestones: [],
  indicators: [{ id: 'i1', name: '', unit: '', baseline: 0, target: 0 }],
  qualityTools: [],
};

export function PlanEditor({ view, onClose }: { view: ProjectView; onClose(): void }) {
  const [form] = Form.useForm<ImplementationPlan & { reason?: string }>();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<string[]>([]);
  const submitted = !!view.plan?.submitted;
  const save = useProjectMutation(view.project.id, (v: { plan: ImplementationPlan; submit: boolean; reason?: string }) =>
    api.put<{ kind: string }>(`/api/implementation/projects/${view.project.id}/plan`, { ...v, version: view.plan?.version ?? 0 }),
  );
  const run = async (submit: boolean) => {
    setErrors([]);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason, ...plan } = values;
    save.mutate(
      { plan: { ...plan, milestones: (plan.milestones ?? []).map((m) => ({ ...m, doneOn: m.doneOn || null })), qualityTools: plan.qualityTools ?? [] }, submit, reason },
      {
        onSuccess: (r) => {
          message.success(r.kind === 'draft' ? '实施方案草稿已保存' : r.kind === 'initial' ? '实施方案已提交' : '策略调整已提交');
          onClose();
        },
        onError: (err) => setErrors(applyFieldErrors(form, err, ['reason'])),
      },
    );
  };
  return (
    <Drawer
      open
      size="large"
      width={860}
      title={submitted ? '策略调整：修改实施方案' : '制定实施方案（PDCA）'}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          {!submitted && (
            <Button onClick={() => run(false)} loading={save.isPending}>
              保存草稿
            </Button>
          )}
          <Button type="primary" onClick={() => run(true)} loading={save.isPending}>
            {submitted ? '提交策略调整' : '提交实施方案'}
          </Button>
        </Space>
      }
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={view.plan ? { ...view.plan.content, milestones: view.plan.content.milestones.map((m) => ({ ...m, doneOn: m.doneOn ?? undefined })) } : EMPTY} aria-label="实施方案">
        {submitted && (
          <Form.Item name="reason" label="调整原因" rules={[{ required: true, whitespace: true, message: '请填写调整原因' }, { min: 5, message: '调整原因至少5个字' }, schemaRule(planSaveSchema.shape.reason, { label: '调整原因' })]} extra="提交后形成新的方案版本，原版本保留。">
            <Input.TextArea rows={2} aria-label="调整原因" count={{ show: true, max: 1000 }} />
          </Form.Item>
        )}
        <Form.Item name="goal" label="攻关目标" rules={[{ required: true, whitespace: true, message: '请填写攻关目标' }, schemaRule(planSchema.shape.goal, 'goal')]}>
          <Input.TextArea rows={2} aria-label="攻关目标" count={{ show: true, max: 1000 }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startOn" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}>
            <Input type="date" aria-label="开始日期" />
          </Form.Item>
          <Form.Item
            name="endOn"
            label="结束日期"
            dependencies={['startOn']}
            rules={[
              { required: true, message: '请填写结束日期' },
              ({ getFieldValue }) => ({
                validator: async (_: unknown, v?: string) => {
                  const start = getFieldValue('startOn') as string | undefined;
                  if (v && start && v < start) throw new Error('结束日期不能早于开始日期');
                },
              }),
            ]}
          >
            <Input type="date" aria-label="结束日期" />
          </Form.Item>
        </Space>

        <h3>实施阶段</h3>
        <Form.List name="stages">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phase']} rules={[{ required: true, message: '请选择阶段' }]}>
                    <Select options={phaseOptions} style={{ width: 120 }} aria-label={`阶段${i + 1} PDCA`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写阶段名称' }, schemaRule(STAGE.title, { label: `阶段${i + 1}名称` })]}>
                    <Input placeholder="阶段名称" aria-label={`阶段${i + 1}名称`} count={{ show: true, max: 100 }} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} rules={[schemaRule(STAGE.description, { label: `阶段${i + 1}主要工作` })]}>
                    <Input placeholder="主要工作" aria-label={`阶段${i + 1}主要工作`} count={{ show: true, max: 2000 }} style={{ width: 320 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除阶段${i + 1}`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: newId('s'), phase: 'do', title: '', description: '' })}>
                添加阶段
              </Button>
            </>
          )}
        </Form.List>

        <h3 style={{ marginTop: 20 }}>里程碑</h3>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phase']} rules={[{ required: true, message: '请选择阶段' }]}>
                    <Select options={phaseOptions} style={{ width: 120 }} aria-label={`里程碑${i + 1} PDCA`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写里程碑' }, schemaRule(MILESTONE.title, { label: `里程碑${i + 1}名称` })]}>
                    <Input placeholder="里程碑" aria-label={`里程碑${i + 1}名称`} count={{ show: true, max: 100 }} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请填写计划日期' }]}>
                    <Input type="date" aria-label={`里程碑${i + 1}计划日期`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'owner']} rules={[{ required: true, whitespace: true, message: '请填写责任人' }, schemaRule(MILESTONE.owner, { label: `里程碑${i + 1}责任人` })]}>
                    <Input placeholder="责任人" aria-label={`里程碑${i + 1}责任人`} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'doneOn']}>
                    <Input type="date" aria-label={`里程碑${i + 1}完成日期`} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除里程碑${i + 1}`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: newId('m'), phase: 'do', title: '', dueOn: '', owner: '', doneOn: null })}>
                添加里程碑
              </Button>
            </>
          )}
        </Form.List>

        <h3 style={{ marginTop: 20 }}>攻关指标</h3>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写指标名称' }, schemaRule(INDICATOR.name, { label: `指标${i + 1}名称` })]}>
                    <Input placeholder="指标名称" aria-label={`指标${i + 1}名称`} count={{ show: true, max: 60 }} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[{ required: true, whitespace: true, message: '请填写单位' }, schemaRule(INDICATOR.unit, { label: `指标${i + 1}单位` })]}>
                    <Input placeholder="单位" aria-label={`指标${i + 1}单位`} style={{ width: 80 }} />
                  </Form.Item>
                  {/* Numbers typed as text: "abc" stays in the field and is refused, never reset to the last number. */}
                  <Form.Item name={[f.name, 'baseline']} label="基线" rules={[numberRule(INDICATOR.baseline, `指标${i + 1}基线值`, { required: true })]}>
                    <NumberText id={`plan-indicator-${f.name}-baseline`} aria-label={`指标${i + 1}基线值`} style={{ width: 120 }} value={undefined} onChange={() => undefined} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'target']} label="目标" rules={[numberRule(INDICATOR.target, `指标${i + 1}目标值`, { required: true })]}>
                    <NumberText id={`plan-indicator-${f.name}-target`} aria-label={`指标${i + 1}目标值`} style={{ width: 120 }} value={undefined} onChange={() => undefined} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除指标${i + 1}`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: newId('i'), name: '', unit: '', baseline: 0, target: 0 })}>
                添加指标
              </Button>
            </>
          )}
        </Form.List>

        <Form.Item name="qualityTools" label="使用的质量工具" style={{ marginTop: 20 }} extra="可选择或输入其他工具">
          <Select mode="tags" options={QUALITY_TOOLS.map((t) => ({ value: t, label: t }))} aria-label="使用的质量工具" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
