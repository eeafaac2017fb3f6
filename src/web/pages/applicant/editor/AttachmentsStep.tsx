/** 附件: upload with progress (POST /api/files?purpose=attachment), kind per file, remove. */
import { CheckCircleFilled, CloseCircleFilled, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Select, Space, Table } from 'antd';
import { useRef, useState } from 'react';
import { DEFAULT_REQUIRED_ATTACHMENTS } from '../../../../domain/eligibility';
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, type ApplicationForm, type AttachmentKind } from '../../../../domain/application-form';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../../api';
import { ListNotes, useFormKit } from '../../../components/application/FieldKit';
import { fieldId } from '../../../components/application/form-paths';
import type { PublicCampaign } from '../../../types';

type Attachment = ApplicationForm['attachments'][number];

interface Uploading {
  key: number;
  name: string;
  percent: number;
  error?: string;
}

const MIME_OF: Record<string, string> = {
  pdf: '.pdf,application/pdf',
  jpg: '.jpg,.jpeg,image/jpeg',
  png: '.png,image/png',
  docx: '.docx',
  xlsx: '.xlsx',
  zip: '.zip',
};

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** XHR (fetch has no upload progress) with the CSRF header; resolves with the file DTO. */
function uploadWithProgress(file: File, onProgress: (p: number) => void): Promise<{ id: string; name: string; size: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files?purpose=attachment');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { id?: string; name?: string; size?: number; message?: string; code?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.id) resolve({ id: body.id, name: body.name ?? file.name, size: body.size ?? file.size });
      else if (xhr.status === 401) reject(new Error('登录已超时，请刷新页面重新登录后再上传（已填写的内容已保存）'));
      else reject(new Error(body.message ?? `上传失败（${xhr.status}），请稍后重试`));
    };
    xhr.onerror = () => reject(new Error('网络连接失败，请检查网络后重试'));
    const data = new FormData();
    data.append('file', file, file.name);
    xhr.send(data);
  });
}

export function AttachmentsStep({ campaign }: { campaign: PublicCampaign | undefined }) {
  const kit = useFormKit();
  const list: Attachment[] = kit.form.attachments ?? [];
  const have = new Set(list.map((a) => a.kind));
  const missing = DEFAULT_REQUIRED_ATTACHMENTS.filter((k) => !have.has(k));
  const [kind, setKind] = useState<AttachmentKind | undefined>(undefined);
  const chosenKind: AttachmentKind = kind ?? missing[0] ?? 'other';
  const [uploads, setUploads] = useState<Uploading[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  // The latest list, for uploads finishing after other edits.
  const latest = useRef(list);
  latest.current = list;

  const maxBytes = campaign?.files.maxBytes ?? 20 * 1024 * 1024;
  const types = (campaign?.files.allowedTypes ?? ['pdf', 'jpg', 'png', 'docx', 'xlsx']).filter((t) => t !== 'zip');

  const onFiles = async (files: FileList | null) => {
    if (!files) return;
    const forKind = chosenKind;
    for (const file of Array.from(files)) {
      const key = ++seq.current;
      if (file.size > maxBytes) {
        setUploads((u) => [...u, { key, name: file.name, percent: 0, error: `文件超过 ${formatSize(maxBytes)} 的大小限制` }]);
        continue;
      }
      setUploads((u) => [...u, { key, name: file.name, percent: 0 }]);
      try {
        const dto = await uploadWithProgress(file, (p) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, percent: p } : x))));
        kit.set('attachments', [...latest.current, { kind: forKind, fileId: dto.id, fileName: dto.name, size: dto.size }]);
        setUploads((u) => u.filter((x) => x.key !== key));
        setKind(undefined);
      } catch (err) {
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, error: (err as Error).message } : x)));
      }
    }
    if (input.current) input.current.value = '';
  };

  return (
    <>
      <section aria-labelledby="req-h" style={{ marginBottom: 16 }}>
        <h3 id="req-h" className="gg-app-section-title">
          必传材料
        </h3>
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="required-attachments">
          {DEFAULT_REQUIRED_ATTACHMENTS.map((k) => (
            <li key={k} style={{ marginBottom: 4 }}>
              {have.has(k) ? <CheckCircleFilled style={{ color: '#389e0d' }} aria-hidden /> : <CloseCircleFilled style={{ color: '#c62828' }} aria-hidden />} {ATTACHMENT_KIND_LABELS[k]}
              <span className="gg-sr-only">{have.has(k) ? '（已上传）' : '（未上传）'}</span>
            </li>
          ))}
        </ul>
        <p className="gg-muted gg-small" style={{ marginTop: 8 }}>
          承诺书请下载导出的申报书，经法定代表人签字并加盖单位公章后扫描上传。支持 {types.map((t) => t.toUpperCase()).join('、')} 格式，单个文件不超过 {formatSize(maxBytes)}。
        </p>
      </section>

      {!kit.readOnly && (
        <div className="gg-app-row" style={{ paddingBottom: 12 }}>
          <Space wrap align="center">
            <label htmlFor="attachment-kind">附件类型</label>
            <Select<AttachmentKind>
              id="attachment-kind"
              style={{ width: 280 }}
              value={chosenKind}
              onChange={setKind}
              options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: ATTACHMENT_KIND_LABELS[k] }))}
            />
            <input
              ref={input}
              id="attachment-file"
              type="file"
              className="gg-sr-only"
              aria-label="选择附件文件"
              multiple
              accept={types.map((t) => MIME_OF[t]).join(',')}
              onChange={(e) => void onFiles(e.target.files)}
            />
            <Button type="primary" icon={<UploadOutlined />} onClick={() => input.current?.click()}>
              选择文件上传
            </Button>
          </Space>
          {uploads.length > 0 && (
            <ul style={{ listStyle: 'none', padding: 0, margin: '12px 0 0' }} aria-live="polite" aria-label="上传进度">
              {uploads.map((u) => (
                <li key={u.key} className="gg-app-upload-progress" data-testid="upload-progress">
                  <span>{u.name}</span>
                  {u.error ? (
                    <div role="alert" className="gg-app-err">
                      {u.error}{' '}
                      <Button size="small" type="link" onClick={() => setUploads((x) => x.filter((y) => y.key !== u.key))}>
                        知道了
                      </Button>
                    </div>
                  ) : (
                    <Progress percent={u.percent} size="small" aria-label={`${u.name} 上传进度`} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div id={fieldId('attachments')} tabIndex={-1}>
        <ListNotes path="attachments" />
        {list.map((_, i) => (
          <ListNotes key={i} path={`attachments.${i}`} />
        ))}
        {missing.length > 0 && !kit.readOnly && (
          <Alert type="warning" showIcon style={{ margin: '12px 0' }} title={`尚未上传：${missing.map((k) => ATTACHMENT_KIND_LABELS[k]).join('、')}`} />
        )}
        <Table<Attachment>
          size="middle"
          rowKey={(a) => a.fileId}
          dataSource={list}
          pagination={false}
          aria-label="已上传附件"
          locale={{ emptyText: '尚未上传附件' }}
          columns={[
            { title: '序号', width: 64, render: (_, __, i) => i + 1 },
            {
              title: '文件',
              dataIndex: 'fileName',
              render: (name: string, a) => (
                <a href={`/api/files/${a.fileId}`} target="_blank" rel="noreferrer">
                  <PaperClipOutlined aria-hidden /> {name}
                </a>
              ),
            },
            { title: '大小', dataIndex: 'size', width: 100, render: (s?: number) => formatSize(s) },
            {
              title: '附件类型',
              dataIndex: 'kind',
              width: 300,
              render: (k: AttachmentKind, a, i) =>
                kit.readOnly ? (
                  ATTACHMENT_KIND_LABELS[k]
                ) : (
                  <Select<AttachmentKind>
                    aria-label={`第${i + 1}个附件“${a.fileName}”的类型`}
                    style={{ width: '100%' }}
                    value={k}
                    onChange={(v) => kit.set(`attachments.${i}.kind`, v)}
                    options={ATTACHMENT_KINDS.map((x) => ({ value: x, label: ATTACHMENT_KIND_LABELS[x] }))}
                  />
                ),
            },
            ...(kit.readOnly
              ? []
              : [
                  {
                    title: '操作',
                    width: 90,
                    render: (_: unknown, a: Attachment, i: number) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`移除附件“${a.fileName}”`}
                        onClick={() => kit.set('attachments', list.filter((__, j) => j !== i))}
                      >
                        移除
                      </Button>
                    ),
                  },
                ]),
          ]}
        />
      </div>
    </>
  );
}
