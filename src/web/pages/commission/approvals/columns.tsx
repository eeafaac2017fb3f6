/** Columns of the 立项审核 table (sortable ones keyed by the server's sort names). */
import { CheckOutlined, CloseOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import type { ApprovalItem } from '../../../../shared/approvals';
import { pct } from '../../../components/review/DuplicateMatches';
import { StateTag } from '../../../components/review/StateTag';
import type { ListState } from '../../../hooks/useListState';
import { formatBeijing } from '../../../time';

export function approvalColumns({
  list,
  decisionsOpen,
  onView,
  onApprove,
  onReject,
  onCompareDuplicate,
}: {
  list: Pick<ListState<Record<string, string>>, 'sortOrderOf'>;
  decisionsOpen: boolean;
  onView(item: ApprovalItem): void;
  onApprove(item: ApprovalItem): void;
  onReject(item: ApprovalItem): void;
  /** 雷同 flag: compare the project with the application it resembles most. */
  onCompareDuplicate(item: ApprovalItem): void;
}): ColumnsType<ApprovalItem> {
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return [
    { title: '申报编号', dataIndex: 'applicationNo', width: 150, ...sortable('applicationNo'), render: (v: string | null) => <span className="gg-mono gg-small">{v ?? '—'}</span> },
    {
      title: '项目名称',
      dataIndex: 'name',
      width: 280,
      ...sortable('name'),
      render: (v: string, r) => (
        <div>
          <Button type="link" onClick={() => onView(r)} aria-label={`查看《${v}》详情`} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
            {v || '（未命名项目）'}
          </Button>
          {r.preferred && (
            <Tag className="gg-preferred-tag" data-testid="preferred-tag" title="倾斜支持：质量共性技术攻关项目" style={{ marginLeft: 6, color: '#135200', background: '#f6ffed', borderColor: '#95de64' }}>
              共性技术·倾斜支持
            </Tag>
          )}
          {r.eligibilityProblems.length > 0 && (
            <div>
              <Tag data-testid="eligibility-tag" title={r.eligibilityProblems.join('；')} style={{ color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' }}>
                申报条件存疑
              </Tag>
            </div>
          )}
          {r.rejectReason && (
            <div className="gg-muted gg-small">
              <Typography.Text type="secondary" ellipsis={{ tooltip: r.rejectReason }} style={{ maxWidth: 300 }}>
                原因：{r.rejectReason}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '申报单位', dataIndex: 'applicantName', width: 200 },
    { title: '推荐单位', dataIndex: 'recommenderName', width: 190, ...sortable('recommender'), render: (v: string | null) => v ?? '—' },
    { title: '申报方向', dataIndex: 'directionLabel', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '产业链/领域', dataIndex: 'chain', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '推荐排序', dataIndex: 'recommendOrder', width: 90, render: (v: number | null) => v ?? '—' },
    {
      title: '雷同',
      dataIndex: 'duplicateScore',
      width: 110,
      render: (v: number | null, r) =>
        r.duplicateFlag ? (
          <Button size="small" type="link" style={{ padding: 0 }} aria-label={`雷同 ${pct(v)}：对比《${r.name}》与雷同项目`} data-testid="compare-duplicate" onClick={() => onCompareDuplicate(r)}>
            <Tag icon={<WarningOutlined />} style={{ color: '#873800', background: '#fff7e6', borderColor: '#ffc069' }}>
              雷同 {pct(v)}
            </Tag>
          </Button>
        ) : (
          <span className="gg-muted">{pct(v)}</span>
        ),
    },
    { title: '状态', dataIndex: 'state', width: 130, render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
    {
      title: '立项编号',
      dataIndex: 'projectNo',
      width: 160,
      ...sortable('projectNo'),
      render: (v: string | null) => (v ? <span className="gg-mono" data-testid="project-no">{v}</span> : '—'),
    },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, ...sortable('submittedAt'), render: (v: string | null) => formatBeijing(v) },
    {
      title: '操作',
      key: 'ops',
      width: 170,
      fixed: 'right',
      render: (_, r) =>
        r.state === 'under_review' ? (
          <Space size={4}>
            <Button size="small" type="link" icon={<CheckOutlined />} disabled={!decisionsOpen} aria-label={`立项《${r.name}》`} onClick={() => onApprove(r)}>
              立项
            </Button>
            <Button size="small" type="link" danger icon={<CloseOutlined />} disabled={!decisionsOpen} aria-label={`不予立项《${r.name}》`} onClick={() => onReject(r)}>
              不予立项
            </Button>
          </Space>
        ) : (
          <Button size="small" type="link" onClick={() => onView(r)} aria-label={`查看《${r.name}》`}>
            查看
          </Button>
        ),
    },
  ];
}
