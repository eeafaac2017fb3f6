/** 宣贯培训 (recommender, read-only): who from the projects it recommended signed up and attended. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { MySignupDto } from '../../../shared/training';
import { api, errorMessage } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';

const PHASE_COLORS: Record<string, string> = { upcoming: 'blue', in_progress: 'green', ended: 'default', cancelled: 'red' };

export default function TrainingSignupsPage() {
  usePageTitle('宣贯培训报名');
  const list = useQuery({ queryKey: ['recommender', 'training'], queryFn: () => api.get<{ items: MySignupDto[] }>('/api/recommender/training/signups'), staleTime: 0 });
  const [q, setQ] = useState('');
  const items = useMemo(() => {
    const all = list.data?.items ?? [];
    const k = q.trim();
    return k ? all.filter((i) => [i.applicantName, i.projectName, i.attendeeName, i.sessionTitle].some((v) => v.includes(k))) : all;
  }, [list.data, q]);
  const columns: ColumnsType<MySignupDto> = [
    { title: '申报单位', dataIndex: 'applicantName', ellipsis: true },
    { title: '项目', dataIndex: 'projectName', ellipsis: true },
    { title: '培训主题', dataIndex: 'sessionTitle', ellipsis: true },
    { title: '时间（北京时间）', dataIndex: 'startsAtText', width: 150 },
    { title: '参训人员', dataIndex: 'attendeeName', width: 100 },
    { title: '角色', dataIndex: 'attendeeRoleLabel', width: 100 },
    { title: '场次状态', key: 'phase', width: 100, render: (_, s) => <Tag color={PHASE_COLORS[s.phase]}>{s.phaseLabel}</Tag> },
    { title: '出勤', dataIndex: 'attended', width: 80, render: (a: boolean | null) => (a === true ? <Tag color="green">出勤</Tag> : a === false ? <Tag>缺勤</Tag> : '—') },
  ];
  return (
    <>
      <PageHeader title="宣贯培训报名" subtitle="本单位推荐的已立项项目的参训人员与出勤情况（只读）" />
      <Card>
        <Input.Search allowClear placeholder="搜索申报单位、项目、参训人员或培训主题" aria-label="搜索报名记录" style={{ width: 340, marginBottom: 16 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} />
        {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
        <Table rowKey="id" columns={columns} dataSource={items} loading={list.isPending} locale={{ emptyText: <EmptyState text={q ? '没有符合条件的报名记录' : '暂无报名记录'} /> }} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 条` }} />
      </Card>
    </>
  );
}
