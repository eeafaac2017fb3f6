/**
 * 授课老师与培训资料 of one session (provider / commission): edit the lecturers (name, title,
 * employer) and upload materials (title, category, file; type and size checked by the server).
 */
import { DeleteOutlined, DownloadOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useRef, useState } from 'react';
import { lecturerSchema, MATERIAL_CATEGORIES, MATERIAL_CATEGORY_LABELS, MAX_LECTURERS, type LecturerDto, type MaterialCategory, type MaterialDto, type SessionResourcesDto } from '../../../shared/training-materials';
import { api, errorMessage } from '../../api';
import { schemaRule } from '../../components/schema-rule';

const MATERIAL_TITLE_MAX = 100;
import { EmptyState } from '../../components/EmptyState';

export const formatSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function lecturerText(l: LecturerDto) {
  return `${l.name}（${l.title}，${l.employer}）`;
}

function LecturersModal({ sessionId, version, initial, onClose }: { sessionId: string; version: number; initial: LecturerDto[]; onClose(): void }) {
  const [form] = Form.useForm<{ items: LecturerDto[] }>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { items: LecturerDto[] }) => api.put<SessionResourcesDto>(`/api/training/sessions/${sessionId}/lecturers`, { version, items: v.items ?? [] }),
    onSuccess: () => {
      message.success('授课老师已保存');
      void qc.invalidateQueries({ queryKey: ['training'] });
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const required = (label: string) => [{ required: true, message: `请填写${label}` }, { min: 2, message: `${label}至少2个字` }];
  return (
    <Modal open title="授课老师" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden width={720}>
      <Form form={form} onFinish={(v) => save.mutate(v)} initialValues={{ items: initial.length ? initial : [{ name: '', title: '', employer: '' }] }} aria-label="授课老师">
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[...required('姓名'), schemaRule(lecturerSchema.shape.name, { label: `第${i + 1}位老师姓名` })]}>
                    <Input placeholder="姓名" aria-label={`第${i + 1}位老师姓名`} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[...required('职称'), schemaRule(lecturerSchema.shape.title, { label: `第${i + 1}位老师职称` })]}>
                    <Input placeholder="职称" aria-label={`第${i + 1}位老师职称`} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'employer']} rules={[...required('工作单位'), schemaRule(lecturerSchema.shape.employer, { label: `第${i + 1}位老师工作单位` })]}>
                    <Input placeholder="工作单位" aria-label={`第${i + 1}位老师工作单位`} style={{ width: 260 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除第${i + 1}位老师`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= MAX_LECTURERS} onClick={() => add({ name: '', title: '', employer: '' })}>
                添加授课老师
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function SessionResourcesCard({ sessionId, version, cancelled }: { sessionId: string; version: number; cancelled: boolean }) {
  const res = useQuery({ queryKey: ['training', 'resources', sessionId], queryFn: () => api.get<SessionResourcesDto>(`/api/training/sessions/${sessionId}/resources`), staleTime: 0 });
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<MaterialCategory>('slides');
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const data = new FormData();
      data.append('file', file, file.name);
      return api.post<MaterialDto>(`/api/training/sessions/${sessionId}/materials?title=${encodeURIComponent(title.trim())}&materialCategory=${category}`, data);
    },
    onSuccess: (m) => {
      message.success(`已上传培训资料“${m.title}”`);
      setTitle('');
      setError(null);
      if (fileInput.current) fileInput.current.value = '';
      void qc.invalidateQueries({ queryKey: ['training', 'resources', sessionId] });
    },
    onError: (err) => setError(errorMessage(err)),
  });
  const remove = useMutation({
    mutationFn: (m: MaterialDto) => api.delete(`/api/training/materials/${m.id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['training', 'resources', sessionId] }),
    onError: (err) => message.error(errorMessage(err)),
  });
  const lecturers = res.data?.lecturers ?? [];
  const submit = () => {
    const file = fileInput.current?.files?.[0];
    if (title.trim().length < 2) return setError('资料标题至少2个字');
    const n = Array.from(title.trim()).length;
    if (n > MATERIAL_TITLE_MAX) return setError(`资料标题不能超过${MATERIAL_TITLE_MAX}个字（现为${n}个字）`);
    if (!file) return setError('请选择要上传的培训资料文件');
    upload.mutate(file);
  };
  return (
    <Card title="授课老师与培训资料" style={{ marginBottom: 16 }} extra={!cancelled && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑授课老师</Button>}>
      <div style={{ marginBottom: 12 }} data-testid="lecturers">
        授课老师：{lecturers.length ? lecturers.map(lecturerText).join('；') : <span className="gg-muted">尚未设置</span>}
      </div>
      <Table<MaterialDto>
        rowKey="id"
        size="small"
        pagination={false}
        loading={res.isPending}
        dataSource={res.data?.materials ?? []}
        locale={{ emptyText: <EmptyState text="暂无培训资料" /> }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '资料标题', dataIndex: 'title' },
          { title: '类别', dataIndex: 'categoryLabel', width: 160 },
          { title: '文件', dataIndex: 'fileName', ellipsis: true },
          { title: '大小', dataIndex: 'size', width: 90, render: (n: number) => formatSize(n) },
          {
            title: '操作',
            key: 'a',
            width: 150,
            render: (_, m) => (
              <Space>
                <a href={`/api/training/materials/${m.id}/file`} download aria-label={`下载“${m.title}”`}>
                  <DownloadOutlined aria-hidden /> 下载
                </a>
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除“${m.title}”`}
                  onClick={() => modal.confirm({ title: '删除培训资料', content: `确定删除“${m.title}”吗？已报名单位将不能再下载。`, okText: '删除', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => remove.mutateAsync(m) })}
                />
              </Space>
            ),
          },
        ]}
      />
      {!cancelled && (
        <div style={{ marginTop: 12 }} aria-label="上传培训资料" role="group">
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
          <Space wrap>
            <Input aria-label="资料标题" placeholder="资料标题，如：质量攻关项目评价程序解读" value={title} onChange={(e) => setTitle(e.target.value)} count={{ show: true, max: MATERIAL_TITLE_MAX }} status={Array.from(title.trim()).length > MATERIAL_TITLE_MAX ? 'error' : undefined} style={{ width: 300 }} />
            <Select<MaterialCategory> aria-label="资料类别" value={category} onChange={setCategory} style={{ width: 180 }} options={MATERIAL_CATEGORIES.map((c) => ({ value: c, label: MATERIAL_CATEGORY_LABELS[c] }))} />
            <input ref={fileInput} type="file" aria-label="选择资料文件" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" />
            <Button icon={<UploadOutlined />} type="primary" loading={upload.isPending} onClick={submit}>
              上传资料
            </Button>
          </Space>
          <div className="gg-muted gg-small" style={{ marginTop: 4 }}>支持 PDF、Word、Excel 和图片；已报名本场次的单位可下载。</div>
        </div>
      )}
      {editing && <LecturersModal sessionId={sessionId} version={version} initial={lecturers} onClose={() => setEditing(false)} />}
    </Card>
  );
}
