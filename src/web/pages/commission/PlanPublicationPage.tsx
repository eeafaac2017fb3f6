/**
 * 立项计划公布 (commission): the rows a new version would list (the approved projects), the
 * published versions, and publishing — version 1, or a correction with its 更正说明 — after an
 * explicit confirmation. A published version never changes; the public sees every version.
 */
import { NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { CORRECTION_NOTE_MAX, CORRECTION_NOTE_MIN, DOCUMENT_NO_MAX, TITLE_MAX, type PlanRow, type PlanStatus, type PublicationSummary } from '../../../shared/publications';
import { ApiError, api, errorMessage, newIdempotencyKey } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';

const KEY = ['commission', 'publications', 'plan'] as const;

interface FormValues {
  title: string;
  documentNo: string;
  publishedOn: Dayjs;
  correctionNote?: string;
}

export default function PlanPublicationPage() {
  usePageTitle('立项计划公布');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const key = useRef<string | null>(null);
  const status = useQuery({ queryKey: KEY, queryFn: () => api.get<PlanStatus>('/api/commission/publications/plan') });
  const s = status.data;
  const correcting = (s?.latestVersion ?? 0) > 0;

  const publish = useMutation({
    mutationFn: (v: FormValues) =>
      api.post<PublicationSummary>(
        '/api/commission/publications/plan',
        { title: v.title, documentNo: v.documentNo, publishedOn: v.publishedOn.format('YYYY-MM-DD'), expectedVersion: s?.latestVersion ?? 0, correctionNote: v.correctionNote || undefined },
        { headers: { 'Idempotency-Key': (key.current ??= newIdempotencyKey()) } },
      ),
    onSuccess: (p) => {
      key.current = null;
      setOpen(false);
      message.success(p.version > 1 ? `已发布更正版本（第${p.version}版），原版本已标注“已更正”` : '立项计划已公布，已通知相关申报单位和推荐单位');
      void qc.invalidateQueries({ queryKey: KEY });
      void qc.invalidateQueries({ queryKey: ['public'] });
    },
    onError: (err) => {
      if (!(err instanceof ApiError) || err.status < 500) key.current = null;
      if (err instanceof ApiError && Object.keys(err.fields).length) form.setFields(Object.entries(err.fields).map(([name, e]) => ({ name: name as keyof FormValues, errors: [e] })));
      else message.error(errorMessage(err));
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: KEY });
    },
  });

  const startPublish = () => {
    const latest = s?.versions.find((v) => !v.correctedBy);
    form.setFieldsValue({ title: latest?.title ?? s?.suggestedTitle ?? '', documentNo: '', publishedOn: dayjs(), correctionNote: '' });
    setOpen(true);
  };

  const confirm = async () => {
    const v = await form.validateFields();
    modal.confirm({
      title: correcting ? `发布更正版本（第${(s?.latestVersion ?? 0) + 1}版）？` : '公布立项计划？',
      content: correcting
        ? `将以 ${s?.preview.length ?? 0} 个已立项项目发布新版本，原第${s?.latestVersion}版仍保留公开并标注“已更正”。发布后不可修改或撤回。`
        : `将向社会公开 ${s?.preview.length ?? 0} 个已立项项目（立项编号、项目名称、承担单位、推荐单位、攻关方向、产业链），并通知相关申报单位和推荐单位。发布后不可修改或撤回。`,
      okText: '确认发布',
      cancelText: '取消',
      onOk: () => publish.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <>
      <PageHeader title="立项计划公布" subtitle="将已立项项目列入年度质量攻关项目计划，在门户网站公开发布；更正以新版本发布，原版本保留并标注已更正" />
      {status.error && <Alert type="error" showIcon title="加载失败" description={errorMessage(status.error)} />}
      <Card
        title={`${s?.year ?? ''}年度立项计划`}
        extra={
          <Button type="primary" icon={<NotificationOutlined />} onClick={startPublish} disabled={!s || s.preview.length === 0}>
            {correcting ? '发布更正版本' : '公布立项计划'}
          </Button>
        }
        style={{ marginBottom: 20 }}
      >
        <Table<PublicationSummary>
          rowKey="id"
          size="small"
          pagination={false}
          loading={status.isPending}
          dataSource={s?.versions ?? []}
          locale={{ emptyText: '尚未公布' }}
          data-testid="plan-versions"
          columns={[
            { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第${v}版` },
            { title: '标题', dataIndex: 'title' },
            { title: '文号', dataIndex: 'documentNo', width: 220 },
            { title: '发布日期', dataIndex: 'publishedOn', width: 130 },
            { title: '项目数', dataIndex: 'rowCount', width: 80 },
            { title: '状态', key: 'state', width: 100, render: (_, p) => (p.correctedBy ? <Tag>已更正</Tag> : <Tag color="success">现行</Tag>) },
            { title: '更正说明', dataIndex: 'correctionNote', render: (v: string | null) => v ?? '—' },
            {
              title: '公开页面',
              key: 'link',
              width: 100,
              render: (_, p) => (
                <a href={`/publications/${p.id}`} target="_blank" rel="noreferrer">
                  查看
                </a>
              ),
            },
          ]}
        />
        {s && s.versions[0] && <p className="gg-muted gg-small" style={{ marginTop: 12, marginBottom: 0 }}>最近发布：{formatBeijing(s.versions[0].publishedAt)}</p>}
      </Card>
      <Card title={`待发布名单（当前已立项 ${s?.preview.length ?? 0} 项）`}>
        <Table<PlanRow>
          rowKey="seq"
          size="small"
          loading={status.isPending}
          dataSource={s?.preview ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
          locale={{ emptyText: '本年度尚无已立项项目' }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 60 },
            { title: '立项编号', dataIndex: 'projectNo', width: 150 },
            { title: '项目名称', dataIndex: 'name' },
            { title: '承担单位', dataIndex: 'unit' },
            { title: '推荐单位', dataIndex: 'recommender' },
            { title: '攻关方向', dataIndex: 'direction', width: 130 },
            { title: '产业链', dataIndex: 'chain', width: 110 },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={correcting ? '发布更正版本' : '公布立项计划'}
        okText="下一步"
        cancelText="取消"
        onOk={() => void confirm().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        confirmLoading={publish.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: TITLE_MAX, message: `标题不能超过${TITLE_MAX}个字` }]}>
            <Input />
          </Form.Item>
          <Form.Item name="documentNo" label="文号" rules={[{ required: true, whitespace: true, message: '请填写文号' }, { max: DOCUMENT_NO_MAX, message: `文号不能超过${DOCUMENT_NO_MAX}个字` }]}>
            <Input placeholder="如：津市场监管质发〔2026〕9号" />
          </Form.Item>
          <Form.Item name="publishedOn" label="发布日期" rules={[{ required: true, message: '请选择发布日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {correcting && (
            <Form.Item
              name="correctionNote"
              label="更正说明"
              rules={[
                { required: true, whitespace: true, message: '请填写更正说明' },
                { min: CORRECTION_NOTE_MIN, message: `更正说明至少${CORRECTION_NOTE_MIN}个字` },
                { max: CORRECTION_NOTE_MAX, message: `更正说明不能超过${CORRECTION_NOTE_MAX}个字` },
              ]}
            >
              <Input.TextArea rows={3} placeholder="说明本次更正的内容，如：补充列入经复核立项的项目" />
            </Form.Item>
          )}
          <Space direction="vertical" size={4}>
            <span className="gg-muted gg-small">发布后内容不可修改或撤回；如需更正，请发布新版本。</span>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
