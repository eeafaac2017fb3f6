/** 培训资料 (applicant): lecturers and materials of the sessions the unit signed up for, downloadable. */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Space, Tag } from 'antd';
import type { SessionResourcesDto } from '../../../shared/training-materials';
import { api, errorMessage } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { formatSize, lecturerText } from './SessionResourcesCard';

export function MyMaterialsCard() {
  const q = useQuery({ queryKey: ['applicant', 'training', 'resources'], queryFn: () => api.get<{ items: SessionResourcesDto[] }>('/api/applicant/training/resources'), staleTime: 0 });
  const items = q.data?.items ?? [];
  return (
    <Card title="培训资料" style={{ marginTop: 16 }} loading={q.isPending} data-testid="my-materials">
      {q.isError && <Alert type="error" showIcon message={errorMessage(q.error)} />}
      {q.isSuccess && items.length === 0 && <EmptyState text="报名培训后可在此查看授课老师并下载培训资料" />}
      {items.map((s) => (
        <section key={s.sessionId} style={{ marginBottom: 16 }} aria-label={`“${s.sessionTitle}”的培训资料`}>
          <div style={{ fontWeight: 600 }}>
            {s.sessionTitle} <span className="gg-muted gg-small">{s.startsAtText}</span>
          </div>
          <div className="gg-small" style={{ margin: '4px 0 8px' }}>
            授课老师：{s.lecturers.length ? s.lecturers.map(lecturerText).join('；') : '待定'}
          </div>
          <List
            size="small"
            bordered
            dataSource={s.materials}
            locale={{ emptyText: '培训机构尚未上传资料' }}
            renderItem={(m) => (
              <List.Item
                actions={[
                  <a key="d" href={`/api/applicant/training/materials/${m.id}/file`} download aria-label={`下载“${m.title}”`}>
                    <DownloadOutlined aria-hidden /> 下载
                  </a>,
                ]}
              >
                <Space wrap>
                  <Tag>{m.categoryLabel}</Tag>
                  <span>{m.title}</span>
                  <span className="gg-muted gg-small">
                    {m.fileName}，{formatSize(m.size)}
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </section>
      ))}
    </Card>
  );
}
