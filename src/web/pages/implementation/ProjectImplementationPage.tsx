/**
 * 项目实施 page of one project — the unit (/applicant/implementation/:id), its recommender
 * (/recommender/tracking/:id) and the commission (/commission/tracking/:id) see the same page;
 * the actions shown follow the role (the server decides).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tabs, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PDCA_LABELS, PDCA_PHASES, REPORT_STATUS_LABELS } from '../../../shared/implementation';
import { errorMessage } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { applyFieldErrors } from '../../components/review/errors';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { useOptionalMe } from '../../session/session';
import { formatBeijing } from '../../time';
import { IndicatorChart } from './IndicatorChart';
import { PlanEditor } from './PlanEditor';
import { api } from '../../api';
import { ReportModal } from './ReportModal';
import { TrackingPanel } from './TrackingPanel';
import { uploadFile, useProjectMutation, useProjectView, type ProjectView } from './queries';
import './implementation.css';

const STATUS_COLORS = { upcoming: 'default', due_soon: 'gold', late: 'red', submitted: 'green', submitted_late: 'orange' } as const;

function PlanPanel({ view, canEdit, onEdit }: { view: ProjectView; canEdit: boolean; onEdit(): void }) {
  const plan = view.plan?.content;
  if (!plan)
    return (
      <Empty description="尚未制定实施方案">
        {canEdit && (
          <Button type="primary" onClick={onEdit}>
            制定实施方案
          </Button>
        )}
      </Empty>
    );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space>
        {view.plan!.submitted ? <Tag color="green">已提交（第{view.plan!.revisionNo}版）</Tag> : <Tag>草稿</Tag>}
        {canEdit && <Button onClick={onEdit}>{view.plan!.submitted ? '策略调整' : '编辑实施方案'}</Button>}
      </Space>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="攻关目标" span={2}>
          {plan.goal}
        </Descriptions.Item>
        <Descriptions.Item label="实施周期">
          {plan.startOn} 至 {plan.endOn}
        </Descriptions.Item>
        <Descriptions.Item label="质量工具">{plan.qualityTools.length ? plan.qualityTools.map((t) => <Tag key={t}>{t}</Tag>) : '—'}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]}>
        {PDCA_PHASES.map((p) => (
          <Col xs={24} md={12} xl={6} key={p}>
            <Card size="small" title={PDCA_LABELS[p]} className="gg-impl-phase">
              {plan.stages.filter((s) => s.phase === p).map((s) => (
                <div key={s.id}>
                  <strong>{s.title}</strong>
                  {s.description && <div className="gg-muted gg-small">{s.description}</div>}
                </div>
              ))}
              {plan.milestones.filter((m) => m.phase === p).map((m) => (
                <div key={m.id} className="gg-small">
                  ◆ {m.title}（{m.dueOn}，{m.owner}）{m.doneOn ? <Tag color="green">已完成</Tag> : null}
                </div>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plan.indicators}
        columns={[
          { title: '攻关指标', dataIndex: 'name' },
          { title: '单位', dataIndex: 'unit' },
          { title: '基线值', dataIndex: 'baseline' },
          { title: '目标值', dataIndex: 'target' },
        ]}
      />
      {view.revisions.length > 0 && (
        <Card size="small" title="方案版本与策略调整">
          <Timeline
            items={view.revisions.map((r) => ({
              color: r.kind === 'initial' ? 'blue' : 'orange',
              children: (
                <div>
                  第{r.revisionNo}版 {r.kind === 'initial' ? '首次提交' : '策略调整'} · {formatBeijing(r.createdAt)} · {r.authorName}
                  {r.reason && <div className="gg-muted">调整原因：{r.reason}</div>}
                </div>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}

function ReportsPanel({ view, canReport, onReport }: { view: ProjectView; canReport: boolean; onReport(period?: string): void }) {
  const indicatorName = new Map((view.plan?.content.indicators ?? []).map((i) => [i.id, `${i.name}`]));
  const rows = [...view.slots.map((s) => ({ key: s.period, label: s.label, dueOn: s.dueOn, status: s.status as keyof typeof STATUS_COLORS | null, report: s.report })), ...view.milestoneReports.map((r) => ({ key: r.period, label: `里程碑报告`, dueOn: '—', status: null, report: r }))];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div className="gg-muted gg-small">
        报送要求：{view.schedule.frequency === 'monthly' ? '每月' : '每季度'}一次，于下{view.schedule.frequency === 'monthly' ? '月' : '季度首月'}{view.schedule.dayOfMonth}日前报送；到达里程碑时可随时报送里程碑报告。
      </div>
      {canReport && view.plan?.submitted && (
        <Button type="primary" onClick={() => onReport()}>
          报送进展报告
        </Button>
      )}
      {canReport && !view.plan?.submitted && <Alert type="info" showIcon message="请先提交实施方案，再报送进展报告。" />}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        aria-label="进展报告"
        columns={[
          { title: '报告期', dataIndex: 'label' },
          { title: '截止日期', dataIndex: 'dueOn' },
          { title: '状态', render: (_, r) => (r.status ? <Tag color={STATUS_COLORS[r.status]}>{REPORT_STATUS_LABELS[r.status]}</Tag> : <Tag color="green">已报送</Tag>) },
          { title: '报送时间', render: (_, r) => (r.report ? formatBeijing(r.report.submittedAt) : '—') },
          {
            title: '内容',
            render: (_, r) =>
              r.report ? (
                <div className="gg-small">
                  <div>已完成：{r.report.done}</div>
                  {r.report.measurements.length > 0 && <div>测量值：{r.report.measurements.map((m) => `${indicatorName.get(m.indicatorId) ?? m.indicatorId} ${m.value}`).join('；')}</div>}
                  {r.report.problems && <div>问题：{r.report.problems}</div>}
                  <div>下一步：{r.report.nextSteps}</div>
                </div>
              ) : canReport && view.plan?.submitted ? (
                <Button size="small" onClick={() => onReport(r.key)}>
                  报送
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}

function MaterialsPanel({ view, canUpload }: { view: ProjectView; canUpload: boolean }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const add = useProjectMutation(view.project.id, async (v: { phase: string; milestoneId?: string; title: string; supersedesId?: string }) => {
    if (!file) throw new Error('请选择要上传的文件');
    const up = await uploadFile(file);
    return api.post(`/api/implementation/projects/${view.project.id}/materials`, { ...v, milestoneId: v.milestoneId || null, supersedesId: v.supersedesId || null, fileId: up.id });
  });
  const milestones = view.plan?.content.milestones ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        {canUpload && (
          <Button type="primary" onClick={() => setOpen(true)}>
            上传过程性材料
          </Button>
        )}
        <a className="gg-link-btn" href={`/api/implementation/projects/${view.project.id}/materials.zip`} download>
          <DownloadOutlined aria-hidden /> 打包下载（ZIP）
        </a>
      </Space>
      {PDCA_PHASES.map((p) => {
        const list = view.materials.filter((m) => m.phase === p);
        return (
          <Card key={p} size="small" title={PDCA_LABELS[p]}>
            {list.length === 0 ? (
              <span className="gg-muted">暂无材料</span>
            ) : (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={list}
                columns={[
                  { title: '材料', render: (_, m) => <a href={`/api/implementation/projects/${view.project.id}/files/${m.fileId}`}>{m.title}</a> },
                  { title: '文件', dataIndex: 'fileName' },
                  { title: '里程碑', render: (_, m) => milestones.find((x) => x.id === m.milestoneId)?.title ?? '—' },
                  { title: '版本', render: (_, m) => <>v{m.versionNo} {m.superseded && <Tag>已替换</Tag>}</> },
                  { title: '上传', render: (_, m) => `${m.uploadedByName} ${formatBeijing(m.createdAt)}` },
                ]}
              />
            )}
          </Card>
        );
      })}
      {open && (
        <Modal open title="上传过程性材料" okText="上传" cancelText="取消" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
          {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} role="alert" />}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ phase: 'plan' }}
            aria-label="过程性材料"
            onFinish={(v) =>
              add.mutate(v, {
                onSuccess: () => {
                  message.success('材料已上传');
                  setOpen(false);
                },
                onError: (err) => setErrors(applyFieldErrors(form, err, ['title']).length ? applyFieldErrors(form, err, ['title']) : [errorMessage(err)]),
              })
            }
          >
            <Form.Item name="phase" label="PDCA阶段">
              <Select options={PDCA_PHASES.map((p) => ({ value: p, label: PDCA_LABELS[p] }))} aria-label="PDCA阶段" />
            </Form.Item>
            <Form.Item name="milestoneId" label="里程碑">
              <Select allowClear options={milestones.map((m) => ({ value: m.id, label: m.title }))} aria-label="里程碑" />
            </Form.Item>
            <Form.Item name="title" label="材料名称" rules={[{ required: true, message: '请填写材料名称' }]}>
              <Input aria-label="材料名称" />
            </Form.Item>
            <Form.Item name="supersedesId" label="替换已有材料（新版本）">
              <Select allowClear options={view.materials.filter((m) => !m.superseded).map((m) => ({ value: m.id, label: `${m.title} v${m.versionNo}` }))} aria-label="替换已有材料" />
            </Form.Item>
            <Form.Item label="文件" required>
              <input type="file" aria-label="材料文件" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Space>
  );
}

function OverviewPanel({ view }: { view: ProjectView }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={8}>
          <Statistic title="逾期报告" value={view.counts.reportsLate} suffix="份" valueStyle={view.counts.reportsLate ? { color: '#cf1322' } : undefined} />
        </Col>
        <Col xs={8}>
          <Statistic title="风险里程碑" value={view.counts.milestonesAtRisk} suffix="个" />
        </Col>
        <Col xs={8}>
          <Statistic title="未关闭事项" value={view.counts.openItems} suffix="项" />
        </Col>
      </Row>
      <Card size="small" title="指标趋势">
        {view.chart.length === 0 ? (
          <Empty description="实施方案提交后显示指标趋势" />
        ) : (
          <Row gutter={[16, 16]}>
            {view.chart.map((c) => (
              <Col xs={24} xl={12} key={c.id}>
                <IndicatorChart indicator={c} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card size="small" title="项目时间线">
        {view.timeline.length === 0 ? (
          <Empty description="暂无记录" />
        ) : (
          <Timeline
            items={view.timeline.map((e) => ({
              color: e.kind === 'adjustment' ? 'orange' : e.kind === 'visit' || e.kind === 'guidance' ? 'purple' : 'blue',
              children: (
                <div data-testid={`timeline-${e.kind}`}>
                  <strong>{e.title}</strong> <span className="gg-muted gg-small">{formatBeijing(e.at)}</span>
                  {e.detail && <div className="gg-muted gg-small">{e.detail}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </Space>
  );
}

export default function ProjectImplementationPage({ back }: { back: string }) {
  const { id = '' } = useParams();
  const me = useOptionalMe();
  const q = useProjectView(id);
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState<{ period?: string } | null>(null);
  usePageTitle(q.data ? `项目实施：${q.data.project.name}` : '项目实施');
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} action={<Link to={back}>返回列表</Link>} />;
  const view = q.data;
  const role = me?.role ?? '';
  const isUnit = role === 'applicant' && view.project.writable;
  return (
    <>
      <PageHeader
        title={view.project.name}
        subtitle={
          <Space wrap>
            {view.project.projectNo && <span>立项编号 {view.project.projectNo}</span>}
            <span>{view.project.applicantName}</span>
            {view.project.recommenderName && <span>推荐单位：{view.project.recommenderName}</span>}
            <span>立项日期 {view.project.approvedOn}</span>
          </Space>
        }
        extra={<Link to={back}>返回列表</Link>}
      />
      <Tabs
        items={[
          { key: 'overview', label: '概况', children: <OverviewPanel view={view} /> },
          { key: 'plan', label: '实施方案', children: <PlanPanel view={view} canEdit={isUnit} onEdit={() => setEditing(true)} /> },
          { key: 'reports', label: `进展报告${view.counts.reportsLate ? `（逾期${view.counts.reportsLate}）` : ''}`, children: <ReportsPanel view={view} canReport={isUnit} onReport={(period) => setReporting({ period })} /> },
          { key: 'materials', label: '过程性材料', children: <MaterialsPanel view={view} canUpload={isUnit} /> },
          { key: 'tracking', label: `跟踪服务${view.counts.openItems ? `（${view.counts.openItems}）` : ''}`, children: <TrackingPanel view={view} role={role} /> },
        ]}
      />
      {editing && <PlanEditor view={view} onClose={() => setEditing(false)} />}
      {reporting && <ReportModal view={view} period={reporting.period} onClose={() => setReporting(null)} />}
    </>
  );
}
