/** The detail drawer of one project in 立项审核: what the recommender sent, the decision, the 申报书 downloads. */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Descriptions, Drawer, Space, Tag } from 'antd';
import type { ApprovalItem } from '../../../../shared/approvals';
import { pct } from '../../../components/review/DuplicateMatches';
import { StateTag } from '../../../components/review/StateTag';
import { formatBeijing } from '../../../time';

export function ProjectDrawer({ item, onClose }: { item: ApprovalItem | null; onClose: () => void }) {
  return (
    <Drawer title={item ? `《${item.name}》` : ''} open={!!item} onClose={onClose} size="large" destroyOnHidden>
      {item && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'state', label: '状态', children: <StateTag state={item.state} label={item.stateLabel} /> },
              { key: 'no', label: '申报编号', children: item.applicationNo ?? '—' },
              { key: 'pno', label: '立项编号', children: item.projectNo ? <strong data-testid="drawer-project-no">{item.projectNo}</strong> : '—' },
              { key: 'applicant', label: '申报单位', children: item.applicantName },
              { key: 'recommender', label: '推荐单位', children: item.recommenderName ?? '—' },
              { key: 'direction', label: '申报方向', children: item.directionLabel ?? '—' },
              { key: 'chain', label: '产业链/领域', children: item.chain ?? '—' },
              { key: 'order', label: '推荐排序', children: item.recommendOrder ?? '—' },
              { key: 'dup', label: '雷同分值', children: item.duplicateFlag ? <Tag color="orange">{pct(item.duplicateScore)}（有雷同提示）</Tag> : pct(item.duplicateScore) },
              { key: 'submitted', label: '提交时间', children: formatBeijing(item.submittedAt) },
              { key: 'opinion', label: '推荐意见', children: item.recommendationOpinion ?? '—' },
              ...(item.rejectReason ? [{ key: 'reason', label: '不予立项原因', children: item.rejectReason }] : []),
              ...(item.decidedAt ? [{ key: 'decided', label: '审核时间', children: formatBeijing(item.decidedAt) }] : []),
            ]}
          />
          <Space style={{ marginTop: 16 }}>
            <a className="gg-link-btn" href={`/api/applications/${item.id}/export.pdf`} download aria-label={`下载《${item.name}》申报书 PDF`}>
              <FilePdfOutlined aria-hidden /> 申报书 PDF
            </a>
            <a className="gg-link-btn" href={`/api/applications/${item.id}/export.docx`} download aria-label={`下载《${item.name}》申报书 Word`}>
              <FileWordOutlined aria-hidden /> 申报书 Word
            </a>
          </Space>
        </>
      )}
    </Drawer>
  );
}
