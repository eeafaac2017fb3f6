/**
 * 成果评定 (commission, 程序七): the evaluation groups of a campaign (list kit: year, field, state,
 * paging in the URL) and forming a new group for a field: the experts are drawn at random from the
 * pool (specialists of the field, no 回避), reproducibly from a seed that is shown once.
 */
import { TeamOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { EVALUATION_GROUP_STATE_LABELS, type FieldOption, type GroupDetail, type GroupSummary } from '../../../shared/evaluation';
import { ApiError, api, errorMessage, newIdempotencyKey } from '../../api';
import { FilterBar, ListTable, optionsOf, useCampaignYearField } from '../../components/list';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { GroupStateTag } from './common';

const KEY = ['commission', 'evaluation'] as const;

function NewGroupCard({ year }: { year: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ field: string; deadline: string; seed?: string }>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const key = useRef<string | null>(null);
  const fields = useQuery({ queryKey: [...KEY, 'fields', year], queryFn: () => api.get<{ items: FieldOption[] }>('/api/commission/evaluation/fields', { year }) });
  const create = useMutation({
    mutationFn: (v: { field: string; deadline: string; seed?: string }) =>
      api.post<GroupDetail>('/api/commission/evaluation/groups', { ...v, seed: v.seed || undefined, ...(year ? { year: Number(year) } : {}) }, { headers: { 'Idempotency-Key': (key.current ??= newIdempotencyKey()) } }),
    onSuccess: (g) => {
      key.current = null;
      message.success(`已抽取 ${g.members.length} 位专家，请核对后确认`);
      void qc.invalidateQueries({ queryKey: KEY });
      void navigate(`/commission/evaluation/${g.id}`, { state: { seed: g.seed } });
    },
    onError: (err) => {
      if (!(err instanceof ApiError) || err.status < 500) key.current = null;
      if (err instanceof ApiError && Object.keys(err.fields).length) form.setFields(Object.entries(err.fields).filter(([k]) => ['field', 'deadline', 'seed'].includes(k)).map(([name, e]) => ({ name: name as 'field', errors: [e] })));
      message.error(errorMessage(err));
    },
  });
  const options = (fields.data?.items ?? []).map((f) => ({ value: f.field, label: `${f.field}（待评定 ${f.waiting} 项，专业对口专家 ${f.specialists} 人）` }));
  return (
    <Card title="组建评定组" style={{ marginBottom: 20 }}>
      <p className="gg-muted gg-small">
        按产业链领域，从专家库中随机抽取专业对口、在库且与本组项目无回避情形（已确认或待处理）的专家；专业对口专家不足时由质量管理、计量检测、标准化专家补足。抽取种子只显示一次，系统仅保存其哈希值，凭种子可复核抽取结果。
      </p>
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)} requiredMark={false}>
        <Form.Item name="field" label="评定领域" rules={[{ required: true, message: '请选择评定领域' }]}>
          <Select style={{ width: 360 }} options={options} loading={fields.isLoading} placeholder={options.length ? '请选择' : '暂无待评定的成果'} notFoundContent="暂无待评定的成果" />
        </Form.Item>
        <Form.Item name="deadline" label="评分截止日期" rules={[{ required: true, message: '请选择评分截止日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item
          name="seed"
          label="抽取种子（可选）"
          tooltip="留空由系统随机生成；填写则可按同一种子复现抽取结果"
          rules={[{ pattern: /^[0-9A-Za-z_-]{6,64}$/, message: '抽取种子应为6-64位字母、数字、下划线或短横线' }]}
        >
          <Input style={{ width: 200 }} placeholder="6-64位字母或数字" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<TeamOutlined />} loading={create.isPending}>
            抽取专家
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

export default function GroupsPage() {
  usePageTitle('成果评定');
  const list = useListState({ filters: { year: '', q: '', state: '' } });
  const yearField = useCampaignYearField<typeof list.filters>();
  const groups = useQuery({ queryKey: [...KEY, 'groups', list.query], queryFn: () => api.get<{ items: GroupSummary[]; total: number }>('/api/commission/evaluation/groups', list.query), placeholderData: keepPreviousData });
  const columns: ColumnsType<GroupSummary> = [
    { title: '评定领域', dataIndex: 'field', render: (f: string, g) => <Link to={`/commission/evaluation/${g.id}`}>{f}评定组</Link> },
    { title: '状态', dataIndex: 'state', width: 130, render: (s: GroupSummary['state']) => <GroupStateTag state={s} /> },
    { title: '项目数', dataIndex: 'projectCount', width: 80 },
    { title: '专家数', dataIndex: 'memberCount', width: 80 },
    { title: '评分进度', key: 'progress', width: 110, render: (_, g) => (g.tasks ? `${g.submitted}/${g.tasks}` : '—') },
    { title: '已出结论', key: 'concluded', width: 100, render: (_, g) => `${g.concluded}/${g.projectCount}` },
    { title: '评分截止', dataIndex: 'deadline', width: 120, render: (d: string | null) => d ?? '—' },
    { title: '组建时间', dataIndex: 'createdAt', width: 150, render: (d: string) => formatBeijing(d) },
  ];
  return (
    <>
      <PageHeader title="成果评定" subtitle="组建评定组、跟踪专家评分、形成评定结论（评定专家姓名仅市市场监管委可见）" />
      <NewGroupCard year={list.filters.year} />
      <Card title="评定组">
        <FilterBar
          list={list}
          label="评定组筛选"
          onRefresh={() => void groups.refetch()}
          fields={[
            yearField,
            { key: 'q', kind: 'text', label: '领域', placeholder: '评定领域', width: 180, maxLength: 30 },
            { key: 'state', kind: 'select', label: '状态', width: 140, allLabel: '全部状态', options: optionsOf(EVALUATION_GROUP_STATE_LABELS) },
          ]}
        />
        <ListTable<GroupSummary> list={list} result={groups} what="评定组列表" empty="尚未组建评定组" noMatch="没有符合条件的评定组" unit="个" rowKey="id" columns={columns} data-testid="evaluation-groups" />
      </Card>
    </>
  );
}
