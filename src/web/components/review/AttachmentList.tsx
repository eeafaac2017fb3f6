/**
 * 附件材料 with preview and download. PDFs are previewed in an iframe, images inline.
 * The file route answers with `X-Frame-Options: DENY`, so a PDF is fetched and framed from a
 * `blob:` URL (allowed by the platform's CSP `frame-src 'self' blob:`).
 */
import { DownloadOutlined, EyeOutlined, FileImageOutlined, FilePdfOutlined, FileOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import './review.css';

export interface AttachmentItem {
  kind: string;
  kindLabel: string;
  fileId: string;
  fileName: string;
  size: number | null;
  available: boolean;
  mime: string | null;
}

export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const fileUrl = (id: string, inline = false) => `/api/files/${id}${inline ? '?inline=1' : ''}`;

const isPdf = (a: AttachmentItem) => a.mime === 'application/pdf' || (!a.mime && /\.pdf$/i.test(a.fileName));
const isImage = (a: AttachmentItem) => (a.mime ?? '').startsWith('image/') || (!a.mime && /\.(png|jpe?g|gif|webp)$/i.test(a.fileName));

function PdfFrame({ item }: { item: AttachmentItem }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    fetch(fileUrl(item.fileId, true), { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 ? '文件不存在或无权访问' : `文件读取失败（${res.status}）`);
        const blob = await res.blob();
        if (revoked) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        setUrl(objectUrl);
      })
      .catch((e: Error) => !revoked && setError(e.message || '文件读取失败'));
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [item.fileId]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!url) return <Spin description="正在加载文件…" />;
  return <iframe className="gg-rv-preview-frame" src={url} title={`${item.kindLabel}：${item.fileName}`} />;
}

export function AttachmentList({ items }: { items: AttachmentItem[] }) {
  const [preview, setPreview] = useState<AttachmentItem | null>(null);
  return (
    <>
      <Table<AttachmentItem>
        size="small"
        bordered
        pagination={false}
        rowKey={(a) => `${a.kind}-${a.fileId}`}
        dataSource={items}
        locale={{ emptyText: '未上传附件' }}
        columns={[
          { title: '材料类别', dataIndex: 'kindLabel', width: 220 },
          {
            title: '文件名',
            dataIndex: 'fileName',
            render: (v: string, a) => (
              <Space>
                {isPdf(a) ? <FilePdfOutlined aria-hidden style={{ color: '#cf1322' }} /> : isImage(a) ? <FileImageOutlined aria-hidden /> : <FileOutlined aria-hidden />}
                <span>{v}</span>
              </Space>
            ),
          },
          { title: '大小', dataIndex: 'size', width: 100, render: (v: number | null) => formatSize(v) },
          {
            title: '状态',
            dataIndex: 'available',
            width: 110,
            render: (ok: boolean) => (ok ? <Tag color="green">可查阅</Tag> : <Tag color="red">文件缺失</Tag>),
          },
          {
            title: '操作',
            key: 'ops',
            width: 170,
            render: (_, a) =>
              a.available ? (
                <Space size={4}>
                  {(isPdf(a) || isImage(a)) && (
                    <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setPreview(a)} aria-label={`预览${a.kindLabel}“${a.fileName}”`}>
                      预览
                    </Button>
                  )}
                  <a href={fileUrl(a.fileId)} download={a.fileName} aria-label={`下载${a.kindLabel}“${a.fileName}”`}>
                    <DownloadOutlined aria-hidden /> 下载
                  </a>
                </Space>
              ) : (
                <span className="gg-muted gg-small">请申报单位重新上传</span>
              ),
          },
        ]}
      />
      <Modal
        open={!!preview}
        title={preview ? `${preview.kindLabel}：${preview.fileName}` : ''}
        onCancel={() => setPreview(null)}
        width={960}
        destroyOnHidden
        footer={
          preview && (
            <Space>
              <a className="gg-link-btn" href={fileUrl(preview.fileId)} download={preview.fileName}>
                <DownloadOutlined aria-hidden /> 下载
              </a>
              <Button type="primary" onClick={() => setPreview(null)}>
                关闭
              </Button>
            </Space>
          )
        }
      >
        {preview && isPdf(preview) && <PdfFrame item={preview} />}
        {preview && isImage(preview) && <img className="gg-rv-preview-img" src={fileUrl(preview.fileId, true)} alt={`${preview.kindLabel}：${preview.fileName}`} />}
      </Modal>
    </>
  );
}
