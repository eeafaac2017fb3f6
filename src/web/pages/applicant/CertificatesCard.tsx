/** 优秀成果证书 of the applicant's own recognised projects (issued ones only), with download links. */
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, List } from 'antd';
import type { CertificateList } from '../../../shared/certificates';
import { api } from '../../api';
import { formatBeijing } from '../../time';

export function CertificatesCard() {
  const q = useQuery({
    queryKey: ['applicant', 'certificates'],
    queryFn: () => api.get<CertificateList>('/api/applicant/certificates', { pageSize: 50 }),
    staleTime: 60_000,
  });
  const items = q.data?.items ?? [];
  // Most units have none: the card only appears once a certificate is issued.
  if (!items.length) return null;
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden style={{ color: '#b8860b', marginRight: 8 }} />
          优秀成果证书
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="applicant-certificates"
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(c) => (
          <List.Item
            actions={[
              <a key="dl" href={`/api/applicant/certificates/${c.id}/download`} download aria-label={`下载“${c.projectName}”的证书`}>
                <FilePdfOutlined aria-hidden /> 下载证书
              </a>,
            ]}
          >
            <List.Item.Meta title={c.projectName} description={`证书编号 ${c.certificateNo} · 发放时间 ${formatBeijing(c.issuedAt, 'date')}${c.level ? ` · ${c.level}` : ''}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}
