/** 成果批次详情 (commission): contact, the 汇总表 and stamped letter, the projects; 签收 / 整批退回 with confirmation. */
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Skeleton, Space, Table } from 'antd';
import { useParams } from 'react-router';
import type { CommissionResultBatchDetail, ResultSummary } from '../../../shared/results';
import { api } from '../../api';
import { BatchDecisionHeader, BatchLoadFailed, BatchReturnDialog, useBatchDecision } from '../../components/review/batch-decision';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatBeijing } from '../../time';
import { ExportButtons, ResultStateTag } from './common';
import { FileLink, RESULT_BATCHES_KEY } from './CommissionResultsPage';

export default function ResultBatchDetailPage() {
  const { id = '' } = useParams();
  const key = ['commission', 'result-batch', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<CommissionResultBatchDetail>(`/api/commission/result-batches/${id}`), staleTime: 0 });
  usePageTitle(q.data ? `成果批次：${q.data.recommenderName}` : '成果批次');
  const decision = useBatchDecision({
    detailKey: key,
    invalidate: [RESULT_BATCHES_KEY, ['commission', 'results']],
    url: `/api/commission/result-batches/${id}`,
    receivedText: '已签收该成果批次',
    returnedText: '已将该成果批次退回推荐单位',
  });

  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError || !q.data) return <BatchLoadFailed error={q.error} what="成果批次" notFoundText="该成果批次不存在。" back="/commission/results" backLabel="返回成果接收" />;
  const b = q.data;
  return (
    <>
      <BatchDecisionHeader
        title={`成果批次：${b.recommenderName}`}
        batch={b}
        countText="项成果"
        back="/commission/results"
        receiveLabel="签收"
        confirm={{ title: '确认签收该成果批次', content: `确认签收${b.recommenderName}报送的 ${b.projectCount} 项成果？签收后进入成果评定，推荐单位将收到通知。` }}
        decision={decision}
      />
      <Card title="批次信息" style={{ marginBottom: 20 }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'rec', label: '推荐单位', children: b.recommenderName },
            { key: 'contact', label: '联系人', children: `${b.contactName}（${b.contactPhone}）` },
            { key: 'sent', label: '报送时间', children: formatBeijing(b.sentAt, 'seconds') },
            { key: 'received', label: b.state === 'returned' ? '退回时间' : '签收时间', children: formatBeijing(b.state === 'returned' ? b.returnedAt : b.receivedAt, 'seconds') },
            {
              key: 'summary',
              label: '成果汇总表',
              children: (
                <Space>
                  <FileLink file={b.summaryDocx} label="Word" />
                  <FileLink file={b.summaryXlsx} label="Excel" />
                </Space>
              ),
            },
            { key: 'stamped', label: '盖章版报送函', children: <FileLink file={b.stampedPdf} label="下载 PDF" /> },
          ]}
        />
      </Card>
      <Card title={`报送成果（${b.projects.length}）`}>
        <Table<ResultSummary>
          rowKey="projectId"
          size="middle"
          pagination={false}
          dataSource={b.projects}
          scroll={{ x: 900 }}
          data-testid="result-batch-projects"
          columns={[
            { title: '立项编号', dataIndex: 'projectNo', width: 150, render: (v: string | null) => <span className="gg-mono gg-small">{v ?? '—'}</span> },
            { title: '项目名称', dataIndex: 'name' },
            { title: '承担单位', dataIndex: 'applicantName', width: 240 },
            { title: '状态', key: 's', width: 200, render: (_, r) => <ResultStateTag state={r.state} reviewState={r.reviewState} /> },
            { title: '成果报告', key: 'e', width: 330, render: (_, r) => <ExportButtons side="commission" projectId={r.projectId} /> },
          ]}
        />
      </Card>
      <BatchReturnDialog decision={decision} recommenderName={b.recommenderName} version={b.version} notice={`退回后，批次中的 ${b.projectCount} 项成果回到推荐单位待审核，推荐单位须在成果报送截止时间（或补报期限）前重新报送；已进入评定的批次不能退回。`} placeholder="如：经济效益测算缺少财务部门盖章说明，请核实后重新报送" />
    </>
  );
}
