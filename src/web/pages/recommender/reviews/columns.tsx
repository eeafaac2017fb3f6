/** Columns of the 申报审核 inbox (sortable ones keyed by the server's sort names). */
import { WarningOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { DIRECTION_LABELS, type Direction } from '../../../../domain/application-form';
import type { InboxItem } from '../../../../shared/recommendations';
import { pct } from '../../../components/review/DuplicateMatches';
import { StateTag } from '../../../components/review/StateTag';
import type { ListState } from '../../../hooks/useListState';
import { formatBeijing } from '../../../time';

export function inboxColumns(list: Pick<ListState<Record<string, string>>, 'sortOrderOf'>): ColumnsType<InboxItem> {
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return [
    { title: '申报编号', dataIndex: 'applicationNo', width: 150, render: (v: string | null) => <span className="gg-mono gg-small">{v ?? '—'}</span> },
    {
      title: '项目名称',
      dataIndex: 'name',
      width: 300,
      ...sortable('name'),
      render: (v: string, r) => (
        <div>
          <Link to={`/recommender/reviews/${r.id}`}>{v || '（未命名项目）'}</Link>
          {r.lastReason && (r.state === 'returned' || r.state === 'not_recommended' || r.state === 'rejected') && (
            <div className="gg-muted gg-small">
              <Typography.Text type="secondary" ellipsis={{ tooltip: r.lastReason }} style={{ maxWidth: 320 }}>
                原因：{r.lastReason}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '申报单位', dataIndex: 'applicantName', width: 200 },
    { title: '申报方向', dataIndex: 'direction', width: 150, render: (v: string | null) => (v ? DIRECTION_LABELS[v as Direction] ?? v : '—') },
    { title: '产业链/领域', dataIndex: 'chain', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'state', width: 140, render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, ...sortable('submittedAt'), render: (v: string | null) => formatBeijing(v) },
    { title: '推荐排序', dataIndex: 'recommendOrder', width: 100, ...sortable('recommendOrder'), render: (v: number | null) => v ?? '—' },
    {
      title: '雷同',
      dataIndex: 'duplicateScore',
      width: 110,
      ...sortable('duplicateScore'),
      render: (v: number | null, r) => (r.duplicateFlag ? <Tag color="orange" icon={<WarningOutlined />}>{pct(v)}</Tag> : <span className="gg-muted">{pct(v)}</span>),
    },
    {
      title: '操作',
      key: 'ops',
      width: 90,
      fixed: 'right',
      render: (_, r) => (
        <Link to={`/recommender/reviews/${r.id}`} aria-label={`${r.state === 'submitted' ? '审核' : '查看'}《${r.name}》`}>
          {r.state === 'submitted' ? '审核' : '查看'}
        </Link>
      ),
    },
  ];
}
