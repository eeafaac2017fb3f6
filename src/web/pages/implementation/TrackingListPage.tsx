/**
 * The list of projects in implementation: the unit's 项目实施 (its projects), the recommender's
 * 跟踪服务 dashboard (its projects: plan, late reports, milestones at risk, open items; filters and
 * export), and the commission's overview (by district and chain, late projects, drill-down).
 */
import { Card, Col, Input, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TrackingListQuery, TrackingRow } from '../../../shared/implementation';
import { ExportButton } from '../../components/list';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { useOverview, useTrackingList } from './queries';

const PLAN_STATUS = { none: { text: '未制定', color: 'red' }, draft: { text: '草稿', color: 'gold' }, submitted: { text: '已提交', color: 'green' } } as const;

function Overview({ q, onPick }: { q: TrackingListQuery; onPick(f: Partial<TrackingListQuery>): void }) {
  const o = useOverview(q);
  const cols = (title: string, field: 'district' | 'chain') => [
    { title, dataIndex: 'key', render: (k: string) => <a onClick={() => onPick({ [field]: k })}>{k}</a> },
    { title: '项目数', dataIndex: 'projects' },
    { title: '有逾期的项目', dataIndex: 'lateProjects' },
    { title: '逾期报告', dataIndex: 'lateReports' },
    { title: '未提交方案', dataIndex: 'noPlan' },
    { title: '未关闭事项', dataIndex: 'openItems' },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={12}>
        <Card size="small" title="按区">
          <Table size="small" rowKey="key" loading={o.isPending} pagination={false} dataSource={o.data?.byDistrict ?? []} columns={cols('所在区', 'district')} aria-label="按区统计" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="按产业链">
          <Table size="small" rowKey="key" loading={o.isPending} pagination={false} dataSource={o.data?.byChain ?? []} columns={cols('产业链', 'chain')} aria-label="按产业链统计" />
        </Card>
      </Col>
    </Row>
  );
}

export default function TrackingListPage({ role, base }: { role: 'applicant' | 'recommender' | 'commission'; base: string }) {
  const title = role === 'applicant' ? '项目实施' : role === 'recommender' ? '跟踪服务' : '项目实施跟踪';
  usePageTitle(title);
  const [q, setQ] = useState<TrackingListQuery>({});
  const list = useTrackingList(q);
  const rows = list.data?.items ?? [];
  const columns: ColumnsType<TrackingRow> = [
    { title: '项目名称', render: (_, r) => <Link to={`${base}/${r.id}`}>{r.name}</Link> },
    { title: '立项编号', dataIndex: 'projectNo', render: (v) => v ?? '—' },
    ...(role !== 'applicant' ? [{ title: '项目单位', dataIndex: 'applicantName' }] : []),
    ...(role === 'commission' ? [{ title: '推荐单位', dataIndex: 'recommenderName' }, { title: '所在区', dataIndex: 'district' }] : []),
    { title: '实施方案', render: (_, r) => <Tag color={PLAN_STATUS[r.planStatus].color}>{PLAN_STATUS[r.planStatus].text}</Tag> },
    { title: '策略调整', dataIndex: 'adjustments' },
    { title: '逾期报告', render: (_, r) => (r.reportsLate ? <Tag color="red">{r.reportsLate} 份</Tag> : '—') },
    { title: '即将到期', render: (_, r) => (r.reportsDue ? <Tag color="gold">{r.reportsDue} 份</Tag> : '—') },
    { title: '风险里程碑', dataIndex: 'milestonesAtRisk' },
    { title: '未关闭事项', dataIndex: 'openItems' },
    { title: '最近报告', render: (_, r) => (r.lastReportAt ? formatBeijing(r.lastReportAt, 'date') : '—') },
  ];
  const late = rows.filter((r) => r.reportsLate > 0).length;
  return (
    <>
      <PageHeader
        title={title}
        subtitle={role === 'applicant' ? '按PDCA制定实施方案，定期报送进展报告，留存过程性材料' : role === 'recommender' ? '指导、检查和督促项目进度，协调解决项目中遇到的问题' : '各推荐单位项目实施与跟踪服务情况'}
        extra={role !== 'applicant' && <ExportButton href="/api/tracking/projects.xlsx" query={q as Record<string, string | undefined>} />}
      />
      {role !== 'applicant' && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={8}>
            <Statistic title="实施中项目" value={rows.length} suffix="项" loading={list.isPending} />
          </Col>
          <Col xs={8}>
            <Statistic title="有逾期报告的项目" value={late} suffix="项" loading={list.isPending} valueStyle={late ? { color: '#cf1322' } : undefined} />
          </Col>
          <Col xs={8}>
            <Statistic title="未关闭事项" value={rows.reduce((s, r) => s + r.openItems, 0)} suffix="项" loading={list.isPending} />
          </Col>
        </Row>
      )}
      {role === 'commission' && <Overview q={{}} onPick={(f) => setQ((x) => ({ ...x, ...f }))} />}
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder="搜索项目名称" aria-label="搜索项目名称" onSearch={(v) => setQ((x) => ({ ...x, q: v || undefined }))} style={{ width: 260 }} />
          <Select
            allowClear
            placeholder="报告情况"
            aria-label="报告情况"
            style={{ width: 160 }}
            value={q.late}
            onChange={(v) => setQ((x) => ({ ...x, late: v }))}
            options={[
              { value: 'yes', label: '有逾期报告' },
              { value: 'no', label: '无逾期报告' },
            ]}
          />
          {q.district && <Tag closable onClose={() => setQ((x) => ({ ...x, district: undefined }))}>区：{q.district}</Tag>}
          {q.chain && <Tag closable onClose={() => setQ((x) => ({ ...x, chain: undefined }))}>产业链：{q.chain}</Tag>}
        </Space>
        <Table rowKey="id" loading={list.isPending} dataSource={rows} columns={columns} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 项` }} aria-label={title} locale={{ emptyText: role === 'applicant' ? '本单位暂无已立项的项目' : '暂无实施中的项目' }} />
      </Card>
    </>
  );
}
