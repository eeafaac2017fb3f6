/**
 * 专家库 (commission, issue 18): the pool with status and rating, Excel import with a row-by-row
 * error report (all or nothing), and the 回避 records with their reasons ("同单位：…"); a decision
 * (确认回避 / 不需回避) is pinned and survives 重新识别.
 */
import { DownloadOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Select, Space, Table, Tabs, Tag, Upload } from 'antd';
import { useState } from 'react';
import { CONFLICT_DECISION_LABELS, CONFLICT_SOURCE_LABELS, CONFLICT_TYPE_LABELS, EXPERT_STATUS_LABELS, type ConflictDto, type ExpertDto, type ExpertImportResult } from '../../../shared/experts';
import type { ExpertStatus } from '../../../domain/vocabularies';
import { api, errorMessage } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { ImportErrorTable } from '../../components/ImportErrorTable';

const EXPERTS = ['commission', 'experts'];
const CONFLICTS = ['commission', 'conflicts'];
const STATUS_COLOR: Record<ExpertStatus, string> = { active: 'green', paused: 'orange', removed: 'default' };

function StatusModal({ expert, onClose }: { expert: ExpertDto | null; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<ExpertStatus>('paused');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => api.post<ExpertDto>(`/api/commission/experts/${expert!.id}/status`, { status, reason, version: expert!.version }),
    onSuccess: () => {
      message.success('专家状态已变更');
      void qc.invalidateQueries({ queryKey: EXPERTS });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal open={!!expert} title={`变更专家状态：${expert?.name ?? ''}`} okText="确定" cancelText="取消" onOk={() => save.mutate()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select aria-label="新状态" value={status} onChange={setStatus} options={(['active', 'paused', 'removed'] as const).filter((s) => s !== expert?.status).map((s) => ({ value: s, label: EXPERT_STATUS_LABELS[s] }))} style={{ width: 200 }} />
        {/* A counter against the limit, never a hard maxLength: an overlong reason stays and the server names the limit. */}
        <Input.TextArea aria-label="变更原因" placeholder="变更原因（4-200个字，记入状态变更记录）" value={reason} onChange={(e) => setReason(e.target.value)} count={{ show: true, max: 200 }} status={Array.from(reason.trim()).length > 200 ? 'error' : undefined} />
        {save.error && <Alert type="error" showIcon role="alert" message={errorMessage(save.error)} />}
      </Space>
    </Modal>
  );
}

type HistoryItem = { fromStatus: ExpertStatus | null; toStatus: ExpertStatus; reason: string; actorName: string; at: string };

function HistoryModal({ expert, onClose }: { expert: ExpertDto | null; onClose: () => void }) {
  const q = useQuery({ queryKey: [...EXPERTS, 'history', expert?.id], enabled: !!expert, queryFn: () => api.get<{ items: HistoryItem[] }>(`/api/commission/experts/${expert!.id}/history`) });
  return (
    <Modal open={!!expert} title={`状态变更记录：${expert?.name ?? ''}`} footer={null} onCancel={onClose} destroyOnHidden width={640}>
      <Table<HistoryItem>
        size="small"
        rowKey={(h) => `${h.at}-${h.toStatus}`}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (a: string) => formatBeijing(a) },
          { title: '变更', key: 'c', width: 140, render: (_, h) => `${h.fromStatus ? EXPERT_STATUS_LABELS[h.fromStatus] : '—'} → ${EXPERT_STATUS_LABELS[h.toStatus]}` },
          { title: '原因', dataIndex: 'reason' },
          { title: '操作人', dataIndex: 'actorName', width: 100 },
        ]}
      />
    </Modal>
  );
}

function ExpertList() {
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<ExpertDto | null>(null);
  const [history, setHistory] = useState<ExpertDto | null>(null);
  const list = useQuery({ queryKey: [...EXPERTS, q], queryFn: () => api.get<{ items: ExpertDto[] }>('/api/commission/experts', { q: q || undefined }) });
  return (
    <>
      <Input.Search placeholder="按姓名、工作单位、职称查找" allowClear onSearch={setQ} style={{ maxWidth: 360, marginBottom: 12 }} />
      <Table<ExpertDto>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 位专家` }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '工作单位', dataIndex: 'employer' },
          { title: '职称', dataIndex: 'title', width: 120 },
          { title: '专业领域', dataIndex: 'fields', render: (f: string[]) => f.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: '所在区', dataIndex: 'district', width: 90 },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: ExpertStatus) => <Tag color={STATUS_COLOR[s]}>{EXPERT_STATUS_LABELS[s]}</Tag> },
          { title: '评价', dataIndex: 'rating', width: 130, render: (r: number | null) =>
              r ? (
                // Read-only stars as text: a disabled Rate is a radio group without a name for screen readers.
                <span className="gg-stars" role="img" aria-label={`评价${r}星（满分5星）`} title={`${r}星`}>
                  <span aria-hidden>{'★'.repeat(r) + '☆'.repeat(5 - r)}</span>
                </span>
              ) : (
                '—'
              ),
          },
          { title: '回避', dataIndex: 'conflictCount', width: 70 },
          {
            title: '操作',
            key: 'op',
            width: 170,
            render: (_, e) => (
              <Space size={4}>
                {e.status !== 'removed' && (
                  <Button size="small" onClick={() => setEditing(e)}>
                    变更状态
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setHistory(e)}>
                  变更记录
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <StatusModal expert={editing} onClose={() => setEditing(null)} />
      <HistoryModal expert={history} onClose={() => setHistory(null)} />
    </>
  );
}

function ImportCard() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [result, setResult] = useState<ExpertImportResult | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<ExpertImportResult>('/api/commission/experts/import', body);
    },
    onSuccess: (r) => {
      setResult(r);
      if (r.imported) {
        message.success(`导入成功：新增专家${r.experts.length}位`);
        void qc.invalidateQueries({ queryKey: EXPERTS });
        void qc.invalidateQueries({ queryKey: CONFLICTS });
      } else message.error(`导入未生效：${r.errors.length}处错误`);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Card>
      <p className="gg-muted">
        每行一位专家。<strong>任一行有误则整份文件不导入</strong>，下方逐行列出错误，改正后重新上传；导入成功后临时密码只显示这一次。
      </p>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href="/api/commission/experts/import-template">
          下载导入模板
        </Button>
        <span data-testid="expert-import">
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (upload.mutate(file), false)}>
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              选择 Excel 文件导入
            </Button>
          </Upload>
        </span>
      </Space>
      {result && !result.imported && <ImportErrorTable errors={result.errors} />}
      {result?.imported && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="username"
          title={() => <strong>已导入的专家及临时密码（只显示这一次，请转交本人；首次登录须修改密码）</strong>}
          dataSource={result.experts}
          pagination={false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 80 },
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'name' },
            { title: '临时密码', dataIndex: 'temporaryPassword', render: (p: string) => <code>{p}</code> },
          ]}
        />
      )}
    </Card>
  );
}

function ConflictList() {
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const list = useQuery({ queryKey: CONFLICTS, queryFn: () => api.get<{ items: ConflictDto[] }>('/api/commission/conflicts') });
  const recompute = useMutation({
    mutationFn: () => api.post<{ detected: number; removed: number; pinned: number }>('/api/commission/conflicts/recompute'),
    onSuccess: (r) => {
      message.success(`重新识别完成：新增${r.detected}条，移除${r.removed}条，已处理的${r.pinned}条保持不变`);
      void qc.invalidateQueries({ queryKey: CONFLICTS });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const decide = (c: ConflictDto, decision: 'confirmed' | 'dismissed') => {
    let reason = '';
    modal.confirm({
      title: `${CONFLICT_DECISION_LABELS[decision]}：${c.expertName} / ${c.projectName}`,
      content: <Input.TextArea aria-label="处理说明" placeholder="处理说明（必填，不超过200个字）" count={{ show: true, max: 200 }} onChange={(e) => (reason = e.target.value)} />,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.post(`/api/commission/conflicts/${c.id}/decision`, { decision, reason, version: c.version });
          message.success('已处理，该记录不再随重新识别改变');
          void qc.invalidateQueries({ queryKey: CONFLICTS });
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });
  };
  return (
    <>
      <Button icon={<ReloadOutlined />} onClick={() => recompute.mutate()} loading={recompute.isPending} style={{ marginBottom: 12 }}>
        重新识别回避关系
      </Button>
      <Table<ConflictDto>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '专家', dataIndex: 'expertName', width: 90 },
          { title: '项目', dataIndex: 'projectName' },
          { title: '申报单位', dataIndex: 'applicantName' },
          { title: '类型', dataIndex: 'type', width: 150, render: (t: ConflictDto['type']) => CONFLICT_TYPE_LABELS[t] },
          { title: '识别依据', dataIndex: 'evidence' },
          { title: '来源', dataIndex: 'source', width: 100, render: (s: ConflictDto['source']) => CONFLICT_SOURCE_LABELS[s] },
          {
            title: '处理',
            key: 'decision',
            width: 190,
            render: (_, c) =>
              c.decision ? (
                <Tag color={c.decision === 'confirmed' ? 'red' : 'default'}>{CONFLICT_DECISION_LABELS[c.decision]}</Tag>
              ) : (
                <Space>
                  <Button size="small" danger onClick={() => decide(c, 'confirmed')}>
                    确认回避
                  </Button>
                  <Button size="small" onClick={() => decide(c, 'dismissed')}>
                    不需回避
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}

export default function ExpertsPage() {
  usePageTitle('专家库');
  return (
    <>
      <PageHeader title="专家库" subtitle="质量攻关技术评定专家：入库、状态、评价与回避关系。专家身份对申报单位和推荐单位保密。" />
      <Card>
        <Tabs
          items={[
            { key: 'list', label: '专家名单', children: <ExpertList /> },
            { key: 'import', label: '批量导入', children: <ImportCard /> },
            { key: 'conflicts', label: '回避记录', children: <ConflictList /> },
          ]}
        />
      </Card>
    </>
  );
}
