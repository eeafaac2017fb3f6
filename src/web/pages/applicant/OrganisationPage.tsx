/**
 * 单位信息: the applicant's registration data, its default recommender, and — for an industry
 * quality-management organisation registered outside Tianjin — the recognition evidence upload,
 * its status and what the recommender decided (the decision notice, with the reason).
 */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Tag, Upload } from 'antd';
import type { ApplicantOrganisation } from '../../../shared/applications';
import { UNIT_NATURE_LABELS, type UnitNature } from '../../../domain/application-form';
import type { NotificationList } from '../../../shared/notifications';
import { api, errorMessage } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';

const STATUS_COLOR: Record<string, string> = { not_needed: 'default', pending: 'processing', recognised: 'success', rejected: 'error' };

export default function OrganisationPage() {
  usePageTitle('单位信息');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const org = useQuery({ queryKey: ['applicant', 'organisation'], queryFn: () => api.get<ApplicantOrganisation>('/api/applicant/organisation') });
  const decisions = useQuery({
    queryKey: ['notifications', 'list', 'recognition'],
    queryFn: () => api.get<NotificationList>('/api/notifications', { q: '行业组织认可', pageSize: 5 }),
    enabled: org.data?.nature === 'industry_org',
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      const uploaded = await api.post<{ id: string }>('/api/files?purpose=org_recognition', body);
      return api.post<ApplicantOrganisation>('/api/applicant/organisation/recognition', { fileId: uploaded.id });
    },
    onSuccess: (o) => {
      qc.setQueryData(['applicant', 'organisation'], o);
      message.success('认可证明已上传，待推荐单位确认');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (org.isLoading) return <PageLoading />;
  if (org.isError || !org.data) return <Alert type="error" showIcon message="单位信息加载失败" description={errorMessage(org.error)} />;
  const o = org.data;
  const industryOrg = o.nature === 'industry_org';
  const latest = decisions.data?.items[0];
  return (
    <>
      <PageHeader title="单位信息" subtitle="注册信息、推荐单位与行业组织认可状态" />
      <Card title="注册信息" style={{ marginBottom: 20 }}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="单位名称">{o.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{o.uscc ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="单位性质">{o.nature ? (UNIT_NATURE_LABELS[o.nature as UnitNature] ?? o.nature) : '—'}</Descriptions.Item>
          <Descriptions.Item label="所属区">{o.district ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="地址">{o.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系人">{[o.contactName, o.contactPhone].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
          <Descriptions.Item label="推荐单位">{o.defaultRecommender?.name ?? '未指定（申报时选择）'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {industryOrg && (
        <Card title="行业组织认可" data-testid="recognition-card">
          <p>
            认可状态：<Tag color={STATUS_COLOR[o.recognitionStatus]}>{o.recognitionStatusLabel}</Tag>
            {o.recognitionFileId && (
              <a href={`/api/files/${o.recognitionFileId}`} target="_blank" rel="noreferrer">
                查看已上传的认可证明
              </a>
            )}
          </p>
          {o.recognitionStatus === 'pending' && !o.recognitionFileId && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="请上传行业主管部门出具的认可证明（PDF 或图片），经推荐单位确认后方可提交申报。" />
          )}
          {latest && (
            <Alert
              type={o.recognitionStatus === 'recognised' ? 'success' : o.recognitionStatus === 'rejected' ? 'error' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              message={`${latest.title}（${formatBeijing(latest.createdAt)}）`}
              description={latest.body}
            />
          )}
          {o.recognitionStatus !== 'recognised' && (
            <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={(file) => (upload.mutate(file), false)}>
              <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
                {o.recognitionFileId ? '重新上传认可证明' : '上传认可证明'}
              </Button>
            </Upload>
          )}
        </Card>
      )}
    </>
  );
}
