/** Upload of the stamped 汇总表 (PDF) onto the batch. */
import { CloudUploadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Upload } from 'antd';
import { useState } from 'react';
import type { RecommenderBatch } from '../../../../shared/recommendations';
import { api, errorMessage } from '../../../api';
import { fileUrl, formatSize } from '../../../components/review/AttachmentList';
import { isStale, STALE_MESSAGE } from '../../../components/review/errors';
import { formatBeijing } from '../../../time';
import { BATCH_KEY } from '../queries';

export function StampedUpload({ batch, disabled }: { batch: RecommenderBatch; disabled: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const data = new FormData();
      data.append('file', file, file.name);
      const uploaded = await api.post<{ id: string; name: string }>('/api/files?purpose=stamped_summary', data);
      return api.post<RecommenderBatch>('/api/recommender/batch/stamped', { version: batch.version, fileId: uploaded.id });
    },
    onSuccess: (b) => {
      setError(null);
      message.success('盖章版汇总表已上传');
      qc.setQueryData(BATCH_KEY, b);
    },
    onError: (err) => {
      if (isStale(err)) void qc.invalidateQueries({ queryKey: BATCH_KEY });
      setError(isStale(err) ? STALE_MESSAGE : errorMessage(err));
    },
  });
  const s = batch.stampedPdf;
  return (
    <div data-testid="stamped-upload">
      {s ? (
        <p>
          <FilePdfOutlined aria-hidden style={{ color: '#cf1322' }} />{' '}
          <a href={fileUrl(s.fileId)} download={s.name}>
            {s.name}
          </a>
          <span className="gg-muted gg-small">
            {' '}
            · {formatSize(s.size)} · 上传于 {formatBeijing(s.uploadedAt)}
          </span>
        </p>
      ) : (
        <p className="gg-muted">尚未上传。请下载汇总表、打印盖章后扫描为 PDF 上传。</p>
      )}
      <Upload
        accept="application/pdf,.pdf"
        showUploadList={false}
        disabled={disabled || upload.isPending}
        beforeUpload={(file) => {
          if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') {
            setError('盖章版汇总表须为 PDF 文件');
            return Upload.LIST_IGNORE;
          }
          upload.mutate(file);
          return false;
        }}
      >
        <Button icon={<CloudUploadOutlined />} loading={upload.isPending} disabled={disabled}>
          {s ? '重新上传盖章版汇总表（PDF）' : '上传盖章版汇总表（PDF）'}
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />}
    </div>
  );
}
