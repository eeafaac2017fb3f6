/**
 * 报名名单 of one session: who signed up for which project, attendance check-boxes (enabled once
 * the session has started, saved in one request) and the Excel export; keyword and page in the URL.
 */
import { ArrowLeftOutlined, FileExcelOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TrainingSignupDto } from '../../../shared/training';
import { api, errorMessage } from '../../api';
import { FilterBar, ListTable, matchRows } from '../../components/list';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { CheckinPanel } from './CheckinPanel';
import { SessionResourcesCard } from './SessionResourcesCard';
import { PHASE_COLORS, useRoster } from './queries';

export default function RosterPage({ base = '/training' }: { base?: string }) {
  const { id = '' } = useParams();
  const roster = useRoster(id);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const session = roster.data?.session;
  usePageTitle(session ? `报名名单 - ${session.title}` : '报名名单');
  const list = useListState({ filters: { q: '' }, pageSize: 50 });
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (roster.data) setMarks(Object.fromEntries(roster.data.items.map((i) => [i.id, i.attended === true])));
  }, [roster.data]);
  const canMark = session ? session.phase === 'in_progress' || session.phase === 'ended' : false;
  const dirty = useMemo(() => (roster.data?.items ?? []).some((i) => (i.attended === true) !== marks[i.id] || i.attended === null), [roster.data, marks]);
  const save = useMutation({
    mutationFn: () => api.put<{ updated: number; attendedCount: number }>(`/api/training/sessions/${id}/attendance`, { items: Object.entries(marks).map(([sid, attended]) => ({ id: sid, attended })) }),
    onSuccess: (r) => {
      message.success(`出勤已保存：出勤 ${r.attendedCount} 人`);
      void qc.invalidateQueries({ queryKey: ['training'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  if (roster.isPending) return <Skeleton active />;
  if (roster.isError || !session) {
    return <Result status="404" title="培训场次不存在或无权访问" subTitle={errorMessage(roster.error)} extra={<Link to={`${base}/sessions`}>返回培训计划</Link>} />;
  }
  const items = roster.data.items;
  const rows = matchRows(items, list.filters.q, (i) => [i.applicantName, i.projectName, i.attendeeName]);
  const columns: ColumnsType<TrainingSignupDto> = [
    { title: '序号', key: 'seq', width: 64, render: (_, r) => items.indexOf(r) + 1 },
    { title: '申报单位', dataIndex: 'applicantName', ellipsis: true },
    { title: '项目名称', dataIndex: 'projectName', ellipsis: true },
    { title: '参训人员', dataIndex: 'attendeeName', width: 100 },
    { title: '角色', dataIndex: 'attendeeRoleLabel', width: 100 },
    { title: '手机号码', dataIndex: 'attendeePhone', width: 130 },
    {
      title: '出勤',
      key: 'attended',
      width: 90,
      render: (_, r) => (
        <Checkbox
          checked={!!marks[r.id]}
          disabled={!canMark}
          onChange={(e) => setMarks((m) => ({ ...m, [r.id]: e.target.checked }))}
          aria-label={`${r.attendeeName}出勤`}
        />
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="报名名单"
        subtitle={session.title}
        extra={
          <Space>
            <Link to={`${base}/sessions`}>
              <ArrowLeftOutlined aria-hidden /> 返回培训计划
            </Link>
            <a className="gg-link-btn" href={`/api/training/sessions/${id}/roster.xlsx`} download data-testid="roster-export">
              <FileExcelOutlined aria-hidden /> 导出名单（Excel）
            </a>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="时间（北京时间）">
            {session.startsAtText} 至 {session.endsAtText}
          </Descriptions.Item>
          <Descriptions.Item label="地点">{session.venue}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={PHASE_COLORS[session.phase]}>{session.phaseLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="报名 / 容量">
            {session.signedUp} / {session.capacity}（剩余 {session.remaining}）
          </Descriptions.Item>
          <Descriptions.Item label="出勤">{session.attendedCount} 人</Descriptions.Item>
          {session.cancelReason && <Descriptions.Item label="取消原因">{session.cancelReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <CheckinPanel sessionId={id} cancelled={session.phase === 'cancelled'} />
      <SessionResourcesCard sessionId={id} version={session.version} cancelled={session.phase === 'cancelled'} />
      <Card
        title="参训人员"
        extra={
          <Space>
            <Button size="small" disabled={!canMark || items.length === 0} onClick={() => setMarks(Object.fromEntries(items.map((i) => [i.id, true])))}>
              全部出勤
            </Button>
            <Button type="primary" icon={<SaveOutlined />} disabled={!canMark || items.length === 0 || !dirty} loading={save.isPending} onClick={() => save.mutate()}>
              保存出勤
            </Button>
          </Space>
        }
      >
        {!canMark && session.phase === 'upcoming' && <Alert type="info" showIcon message="培训开始后才能登记出勤。" style={{ marginBottom: 12 }} />}
        {session.phase === 'cancelled' && <Alert type="warning" showIcon message="该场次已取消，报名单位已收到通知。" style={{ marginBottom: 12 }} />}
        {roster.data.phoneMasked && <div className="gg-muted gg-small" style={{ marginBottom: 8 }}>手机号码已脱敏显示。</div>}
        <FilterBar list={list} label="报名名单筛选" fields={[{ key: 'q', kind: 'text', label: '关键词', ariaLabel: '搜索申报单位、项目名称或参训人员', placeholder: '申报单位、项目名称或参训人员', width: 280 }]} />
        <ListTable<TrainingSignupDto> list={list} result={{ ...roster, data: { items: rows } }} what="报名名单" empty="暂无报名" noMatch="没有符合条件的报名" unit="人" pageSizeOptions={[50, 100, 200]} columns={columns} />
      </Card>
    </>
  );
}
