/** 宣贯培训 (recommender, read-only): who from the projects it recommended signed up and attended; keyword and page in the URL. */
import { useQuery } from '@tanstack/react-query';
import { Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { MySignupDto } from '../../../shared/training';
import { api } from '../../api';
import { FilterBar, ListTable, matchRows } from '../../components/list';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { IncompleteCard } from '../training/IncompleteCard';

const PHASE_COLORS: Record<string, string> = { upcoming: 'blue', in_progress: 'green', ended: 'default', cancelled: 'red' };

export default function TrainingSignupsPage() {
  usePageTitle('宣贯培训报名');
  const signups = useQuery({ queryKey: ['recommender', 'training'], queryFn: () => api.get<{ items: MySignupDto[] }>('/api/recommender/training/signups'), staleTime: 0 });
  const state = useListState({ filters: { q: '' } });
  const items = useMemo(() => matchRows(signups.data?.items ?? [], state.filters.q, (i) => [i.applicantName, i.projectName, i.attendeeName, i.sessionTitle]), [signups.data, state.filters.q]);
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
      <IncompleteCard url="/api/recommender/training/incomplete" showRecommender={false} />
      <Card>
        <FilterBar list={state} label="报名记录筛选" onRefresh={() => void signups.refetch()} fields={[{ key: 'q', kind: 'text', label: '关键词', ariaLabel: '搜索报名记录', placeholder: '申报单位、项目、参训人员或培训主题', width: 340 }]} />
        <ListTable<MySignupDto> list={state} result={{ ...signups, data: { items } }} what="报名记录" empty="暂无报名记录" noMatch="没有符合条件的报名记录" columns={columns} />
      </Card>
    </>
  );
}
