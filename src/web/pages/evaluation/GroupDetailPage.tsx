/**
 * One evaluation group (commission): the draw (seed shown once, its hash kept), redraw / replace
 * an expert with a reason / commit; then per project the experts' tasks and scores, the aggregate
 * and the conclusion (opinion, 推荐认定为优秀成果); finally adoption of the whole group.
 */
import { CheckOutlined, ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../../domain/project-workflow';
import type { GroupDetail } from '../../../shared/evaluation';
import { ApiError, api, errorMessage } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { GroupStateTag, LevelTag, TaskStateTag } from './common';

type Project = GroupDetail['projects'][number];

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks a written-down seed against the stored hash, in the browser. */
function SeedCheck({ hash }: { hash: string }) {
  const [seed, setSeed] = useState('');
  const [result, setResult] = useState<boolean | null>(null);
  return (
    <Space wrap>
      <Input aria-label="复核抽取种子" placeholder="输入记录的抽取种子" value={seed} onChange={(e) => { setSeed(e.target.value); setResult(null); }} style={{ width: 240 }} />
      <Button onClick={() => void sha256Hex(seed.trim()).then((h) => setResult(h === hash))} disabled={!seed.trim()}>
        复核
      </Button>
      {result !== null && <span role="status">{result ? '与本组抽取种子一致' : '与本组抽取种子不一致'}</span>}
    </Space>
  );
}

function ReplaceDialog({ group, out, onClose, onDone }: { group: GroupDetail; out: string | null; onClose: () => void; onDone: (g: GroupDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ in: string; reason: string }>();
  const replace = useMutation({
    mutationFn: (v: { in: string; reason: string }) => api.post<GroupDetail>(`/api/commission/evaluation/groups/${group.id}/replace`, { ...v, out, version: group.version }),
    onSuccess: (g) => {
      message.success('已替换专家');
      form.resetFields();
      onDone(g);
    },
    onError: (err) => {
      if (err instanceof ApiError) form.setFields(Object.entries(err.fields).filter(([k]) => k === 'in' || k === 'reason').map(([name, e]) => ({ name: name as 'in', errors: [e] })));
      message.error(errorMessage(err));
    },
  });
  const name = group.members.find((m) => m.userId === out)?.name ?? '';
  return (
    <Modal open={!!out} title={`替换专家：${name}`} okText="确认替换" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={replace.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => replace.mutate(v)}>
        <Form.Item name="in" label="替换为" rules={[{ required: true, message: '请选择替换专家' }]}>
          <Select showSearch optionFilterProp="label" options={group.candidates.map((c) => ({ value: c.userId, label: `${c.name}（${c.employer}；${c.fields.join('、')}）` }))} notFoundContent="没有可替换的专家（须在库、专业对口且无回避）" />
        </Form.Item>
        <Form.Item name="reason" label="替换原因" rules={[{ required: true, message: '请填写替换原因' }, { min: 4, message: '替换原因至少4个字' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：专家申报回避 / 专家因公出差无法参加" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ConcludeForm({ group, project, onDone }: { group: GroupDetail; project: Project; onDone: (g: GroupDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: string; proposed: boolean }>();
  const conclude = useMutation({
    mutationFn: (v: { opinion: string; proposed: boolean }) => api.post<GroupDetail>(`/api/commission/evaluation/groups/${group.id}/projects/${project.id}/conclude`, { opinion: v.opinion, proposed: !!v.proposed, version: project.version }),
    onSuccess: (g) => {
      message.success(`“${project.name}”已得出评定结论`);
      onDone(g);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.opinion) form.setFields([{ name: 'opinion', errors: [err.fields.opinion] }]);
      message.error(errorMessage(err));
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => conclude.mutate(v)} initialValues={{ proposed: project.aggregate?.level === 'excellent' }} aria-label={`评定结论：${project.name}`}>
      <Form.Item name="opinion" label="评定组意见" rules={[{ required: true, message: '请填写评定组意见' }, { min: 10, message: '评定组意见至少10个字' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="proposed" valuePropName="checked">
        <Checkbox disabled={project.aggregate?.level === 'unqualified'}>推荐认定为优秀成果</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={conclude.isPending}>
        得出评定结论
      </Button>
    </Form>
  );
}

function ProjectCard({ group, project, onDone }: { group: GroupDetail; project: Project; onDone: (g: GroupDetail) => void }) {
  return (
    <Card size="small" title={`${project.projectNo ?? ''} ${project.name}`} extra={<span className="gg-muted">{project.applicantName} · {PROJECT_STATE_LABELS[project.state as ProjectState] ?? project.state}</span>} style={{ marginBottom: 16 }} data-testid="evaluation-project">
      {project.tasks.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={project.tasks}
          columns={[
            { title: '专家', dataIndex: 'expertName', width: 120 },
            { title: '状态', dataIndex: 'state', width: 120, render: (s: Project['tasks'][number]['state']) => <TaskStateTag state={s} /> },
            { title: '总分', dataIndex: 'total', width: 80, render: (v: number | null) => v ?? '—' },
            { title: '否决项', key: 'v', width: 80, render: (_, t) => (t.sheet ? t.sheet.vetoes.length || '无' : '—') },
            { title: '意见 / 说明', key: 'o', render: (_, t) => t.sheet?.opinion ?? t.declineReason ?? (t.conflict ? `申报回避：${t.conflict.description}` : '') },
          ]}
        />
      )}
      {project.aggregate && !project.outcome && (
        <Space size={32} style={{ marginTop: 12 }}>
          <Statistic title={project.aggregate.trimmed ? '汇总得分（去掉最高最低分）' : '汇总得分（平均）'} value={project.aggregate.score} precision={2} />
          <div>
            <div className="gg-muted gg-small">拟定等级</div>
            <LevelTag level={project.aggregate.level} />
            {project.aggregate.vetoed && <span className="gg-small">（触及否决项）</span>}
          </div>
        </Space>
      )}
      {project.outcome ? (
        <Descriptions size="small" column={2} style={{ marginTop: 12 }} bordered>
          <Descriptions.Item label="评定得分">{project.outcome.score ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="评定等级">
            <LevelTag level={project.outcome.level} />
          </Descriptions.Item>
          <Descriptions.Item label="推荐认定为优秀成果">{project.outcome.proposed ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="采纳">{project.outcome.adoptedAt ? formatBeijing(project.outcome.adoptedAt) : '待采纳'}</Descriptions.Item>
          <Descriptions.Item label="评定组意见" span={2}>
            {project.outcome.opinion}
          </Descriptions.Item>
        </Descriptions>
      ) : project.blocker ? (
        group.state !== 'proposed' && <Alert style={{ marginTop: 12 }} type="info" showIcon title={project.blocker} />
      ) : (
        <div style={{ marginTop: 12 }}>
          <ConcludeForm group={group} project={project} onDone={onDone} />
        </div>
      )}
    </Card>
  );
}

export default function GroupDetailPage() {
  const { id } = useParams();
  const location = useLocation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [seed, setSeed] = useState<string | undefined>((location.state as { seed?: string } | null)?.seed);
  const [replacing, setReplacing] = useState<string | null>(null);
  const key = ['commission', 'evaluation', 'group', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<GroupDetail>(`/api/commission/evaluation/groups/${id}`) });
  usePageTitle(q.data ? `${q.data.field}评定组` : '评定组');
  const done = (g: GroupDetail) => {
    if (g.seed) setSeed(g.seed);
    qc.setQueryData(key, g);
    void qc.invalidateQueries({ queryKey: ['commission', 'evaluation', 'groups'] });
    setReplacing(null);
  };
  const act = useMutation({
    mutationFn: (a: 'redraw' | 'commit' | 'adopt') => api.post<GroupDetail>(`/api/commission/evaluation/groups/${id}/${a}`, { version: q.data!.version }),
    onSuccess: (g, a) => {
      message.success(a === 'redraw' ? '已重新抽取' : a === 'commit' ? '评定组已确认，已通知专家' : '评定结论已采纳');
      done(g);
    },
    onError: (err) => {
      message.error(errorMessage(err));
      void q.refetch();
    },
  });
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const g = q.data;
  const replaceable = (userId: string) => g.state === 'proposed' || g.projects.some((p) => p.tasks.some((t) => t.expertUserId === userId && ['declined', 'recused', 'no_response'].includes(t.state)));
  return (
    <>
      <PageHeader
        title={`${g.field}评定组`}
        subtitle={<Link to="/commission/evaluation">返回评定组列表</Link>}
        extra={
          <Space>
            <GroupStateTag state={g.state} />
            {g.state === 'proposed' && (
              <>
                <Button icon={<ReloadOutlined />} onClick={() => act.mutate('redraw')} loading={act.isPending && act.variables === 'redraw'}>
                  重新抽取
                </Button>
                <Button type="primary" icon={<CheckOutlined />} loading={act.isPending && act.variables === 'commit'} onClick={() => modal.confirm({ title: '确认评定组？', content: `将向 ${g.members.length} 位专家发出评定任务邀请，${g.projectCount} 个项目进入评定中。确认后不能重新抽取。`, okText: '确认', cancelText: '取消', onOk: () => act.mutateAsync('commit').catch(() => undefined) })}>
                  确认评定组
                </Button>
              </>
            )}
            {g.state === 'concluded' && (
              <Button type="primary" icon={<CheckOutlined />} loading={act.isPending} onClick={() => modal.confirm({ title: '采纳评定结论？', content: '采纳后各项目的评定等级通知项目单位和推荐单位，推荐认定的成果进入公示环节。', okText: '采纳', cancelText: '取消', onOk: () => act.mutateAsync('adopt').catch(() => undefined) })}>
                采纳评定结论
              </Button>
            )}
          </Space>
        }
      />
      {seed && <Alert type="warning" showIcon closable style={{ marginBottom: 16 }} title={`本次抽取种子：${seed}`} description="系统只保存种子的哈希值。请记录此种子，凭同一种子可复核抽取结果；离开本页后不再显示。" data-testid="draw-seed" />}
      <Card title="评定组信息" style={{ marginBottom: 20 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="年度">{g.year}</Descriptions.Item>
          <Descriptions.Item label="评分截止">{g.deadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="评分进度">{g.tasks ? `${g.submitted}/${g.tasks}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="抽取种子哈希" span={3}>
            <Typography.Text code copyable className="gg-small">
              {g.drawSeedHash ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
          {g.drawSeedHash && (
            <Descriptions.Item label="复核种子" span={3}>
              <SeedCheck hash={g.drawSeedHash} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={`评定专家（${g.members.length}人）`} style={{ marginBottom: 20 }}>
        <Table
          size="small"
          rowKey="userId"
          pagination={false}
          dataSource={g.members}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '工作单位', dataIndex: 'employer' },
            { title: '职称', dataIndex: 'title', width: 130 },
            { title: '专业领域', dataIndex: 'fields', render: (f: string[]) => f.join('、') },
            {
              title: '操作',
              key: 'op',
              width: 100,
              render: (_, m) =>
                replaceable(m.userId) && g.state !== 'concluded' && g.state !== 'adopted' ? (
                  <Button size="small" type="link" icon={<SwapOutlined />} onClick={() => setReplacing(m.userId)} aria-label={`替换专家 ${m.name}`}>
                    替换
                  </Button>
                ) : null,
            },
          ]}
        />
        {g.replacements.length > 0 && (
          <ul className="gg-small gg-muted" style={{ marginTop: 12 }}>
            {g.replacements.map((r, i) => (
              <li key={i}>
                {formatBeijing(r.at)}：{r.outName} → {r.inName}（{r.reason}）
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`评定项目（${g.projectCount}项，已出结论 ${g.concluded} 项）`}>
        {g.projects.length ? g.projects.map((p) => <ProjectCard key={p.id} group={g} project={p} onDone={done} />) : <Empty description="没有项目" />}
      </Card>
      <ReplaceDialog group={g} out={replacing} onClose={() => setReplacing(null)} onDone={done} />
    </>
  );
}
