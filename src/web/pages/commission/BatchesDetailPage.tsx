/** 推荐批次详情 (commission): contact, files, completeness, projects; 接收 / 退回 with confirmation. */
import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { DIRECTION_LABELS, type Direction } from '../../../domain/application-form';
import { RECOMMENDER_KIND_LABELS, type CommissionBatchDetail } from '../../../shared/recommendations';
import { api } from '../../api';
import { BatchDecisionHeader, BatchLoadFailed, BatchReturnDialog, useBatchDecision } from '../../components/review/batch-decision';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatBeijing } from '../../time';
import { COMMISSION_BATCHES_KEY, CompletenessTags } from './BatchesPage';
import '../../components/review/review.css';

type Project = CommissionBatchDetail['projects'][number];

export default function BatchesDetailPage() {
  const { id = '' } = useParams();
  const key = ['commission', 'batch', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<CommissionBatchDetail>(`/api/commission/batches/${id}`), staleTime: 0 });
  usePageTitle(q.data ? `推荐批次：${q.data.recommenderName}` : '推荐批次');
  const decision = useBatchDecision({
    detailKey: key,
    invalidate: [COMMISSION_BATCHES_KEY, ['commission', 'recommenders']],
    url: `/api/commission/batches/${id}`,
    receivedText: '已接收该推荐批次',
    returnedText: '已将该推荐批次退回推荐单位',
  });

  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError || !q.data) return <BatchLoadFailed error={q.error} what="推荐批次" notFoundText="该推荐批次不存在或尚未报送。" back="/commission/batches" backLabel="返回推荐批次列表" />;
  const b = q.data;
  const fileLink = (fileId: string | null, icon: React.ReactNode, label: string) =>
    fileId ? (
      <a href={`/api/files/${fileId}`} download>
        {icon} {label}
      </a>
    ) : (
      <span className="gg-rv-bad">缺失</span>
    );

  return (
    <>
      <BatchDecisionHeader
        title={`推荐批次：${b.recommenderName}`}
        batch={b}
        countText="个项目"
        back="/commission/batches"
        links={
          <a className="gg-link-btn" href={`/api/commission/batches/${b.id}/download.zip`} download>
            <DownloadOutlined aria-hidden /> 下载全部材料（zip）
          </a>
        }
        receiveLabel="接收"
        confirm={{ title: '确认接收该推荐批次', content: `确认接收${b.recommenderName}报送的 ${b.projectCount} 个推荐项目？接收后项目进入立项审核，推荐单位将收到通知。` }}
        decision={decision}
      />
      <Card title="批次信息" style={{ marginBottom: 20 }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'rec', label: '推荐单位', children: b.recommenderName },
            { key: 'kind', label: '推荐单位类别', children: RECOMMENDER_KIND_LABELS[b.recommenderKind ?? ''] ?? '—' },
            { key: 'contact', label: '联系人', children: b.contactName ?? '—' },
            { key: 'phone', label: '联系电话', children: b.contactPhone ?? '—' },
            { key: 'sent', label: '报送时间', children: formatBeijing(b.sentAt, 'seconds') },
            { key: 'received', label: '接收时间', children: formatBeijing(b.receivedAt, 'seconds') },
            { key: 'stamped', label: '盖章版汇总表', children: fileLink(b.stampedPdfFileId, <FilePdfOutlined aria-hidden />, '下载 PDF') },
            {
              key: 'summary',
              label: '汇总表',
              children: (
                <Space>
                  {fileLink(b.summaryDocxFileId, <FileWordOutlined aria-hidden />, 'Word')}
                  {fileLink(b.summaryXlsxFileId, <FileExcelOutlined aria-hidden />, 'Excel')}
                </Space>
              ),
            },
            { key: 'complete', label: '材料完整性', span: 2, children: <CompletenessTags c={b.completeness} /> },
          ]}
        />
      </Card>
      <Card title={`推荐项目（${b.projects.length}）`}>
        <Table<Project>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={b.projects}
          scroll={{ x: 1100 }}
          locale={{ emptyText: b.state === 'returned' ? '批次已退回，项目已回到推荐单位的推荐名单' : '暂无项目' }}
          columns={[
            { title: '排序', dataIndex: 'recommendOrder', width: 70, render: (v: number | null) => v ?? '—' },
            { title: '申报编号', dataIndex: 'applicationNo', width: 150, render: (v: string | null) => <span className="gg-mono gg-small">{v ?? '—'}</span> },
            {
              title: '项目名称',
              dataIndex: 'name',
              render: (v: string, r) => (
                <span>
                  {v}
                  {r.duplicateFlag && (
                    <Tag color="orange" icon={<WarningOutlined />} style={{ marginLeft: 6 }}>
                      雷同提示
                    </Tag>
                  )}
                </span>
              ),
            },
            { title: '申报单位', dataIndex: 'applicantName', width: 220 },
            { title: '申报方向', dataIndex: 'direction', width: 150, render: (v: string | null) => (v ? DIRECTION_LABELS[v as Direction] ?? v : '—') },
            {
              title: '推荐意见',
              dataIndex: 'recommendationOpinion',
              width: 320,
              render: (v: string | null) => (v ? <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph> : '—'),
            },
          ]}
        />
      </Card>
      <BatchReturnDialog decision={decision} recommenderName={b.recommenderName} version={b.version} notice={`退回后，批次中的 ${b.projectCount} 个项目回到推荐单位的推荐名单，推荐单位须修改后重新报送。`} placeholder="如：盖章版汇总表与推荐名单不一致，请核对后重新报送" />
    </>
  );
}
