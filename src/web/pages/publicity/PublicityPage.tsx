/**
 * 公示公布 and 宣传推广 (commission, /commission/publicity): pick the list from the evaluated and
 * adopted projects (the groups' proposals preselected; a change needs a reason) and open the 公示;
 * handle each objection (objector identity shown here only); 公布 the 认定结果 once the period is
 * over and every objection concluded; approve the showcase entries for the portal.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ObjectionDto, PublicityCandidate, PublicityOverview, PublicityWindowDto, ShowcaseEntryDto } from '../../../shared/publicity';
import { ApiError, api, errorMessage, newIdempotencyKey } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';

const KEY = ['commission', 'publicity'] as const;

function useRefresh() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: KEY });
    void qc.invalidateQueries({ queryKey: ['public'] });
  };
}

type ReasonTarget = { kind: 'revoke' | 'decline'; projectId: string; name: string; version: number };

function OpenPublicityCard({ o, onReason }: { o: PublicityOverview; onReason: (t: ReasonTarget) => void }) {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ title: string; documentNo: string; opensOn: string }>();
  const [selected, setSelected] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const key = useRef<string | null>(null);
  useEffect(() => setSelected(o.candidates.filter((c) => c.proposed).map((c) => c.projectId)), [o.candidates]);
  const changed = (c: PublicityCandidate) => selected.includes(c.projectId) !== c.proposed;
  const open = useMutation({
    mutationFn: (v: { title: string; documentNo: string; opensOn: string }) =>
      api.post<PublicityWindowDto>('/api/commission/publicity/windows', { ...v, projectIds: selected, reasons: Object.fromEntries(Object.entries(reasons).filter(([id]) => changed(o.candidates.find((c) => c.projectId === id)!))) }, { headers: { 'Idempotency-Key': (key.current ??= newIdempotencyKey()) } }),
    onSuccess: (w) => {
      key.current = null;
      message.success(`公示已发布：${w.opensOn} 至 ${w.closesOn}（${o.workingDays}个工作日）${w.state === 'scheduled' ? '，将于开始日期起公开' : ''}，已通知相关单位`);
      refresh();
    },
    onError: (err) => {
      key.current = null;
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        form.setFields(Object.entries(err.fields).filter(([k]) => ['title', 'documentNo', 'opensOn'].includes(k)).map(([name, e]) => ({ name: name as 'title', errors: [e] })));
        message.error(Object.values(err.fields).join('；'));
      } else message.error(errorMessage(err));
    },
  });
  return (
    <Card title={`可列入公示的项目（已评定且评定结论已采纳，${o.candidates.length} 项）`} style={{ marginBottom: 20 }} data-testid="publicity-candidates">
      <Table<PublicityCandidate>
        rowKey="projectId"
        size="small"
        pagination={false}
        dataSource={o.candidates}
        locale={{ emptyText: '暂无可列入公示的项目' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: '立项编号', dataIndex: 'projectNo', width: 150 },
          { title: '项目名称', dataIndex: 'name' },
          { title: '承担单位', dataIndex: 'unit' },
          { title: '技术评定等级', dataIndex: 'levelLabel', width: 110 },
          { title: '得分', dataIndex: 'score', width: 80 },
          { title: '评定组建议', dataIndex: 'proposed', width: 110, render: (v: boolean) => (v ? <Tag color="success">建议认定</Tag> : <Tag>未建议</Tag>) },
          {
            title: '调整理由',
            key: 'reason',
            width: 240,
            render: (_, c) =>
              changed(c) ? <Input size="small" aria-label={`调整理由：${c.name}`} placeholder="与评定组建议不一致，须填写理由" value={reasons[c.projectId] ?? ''} onChange={(e) => setReasons((r) => ({ ...r, [c.projectId]: e.target.value }))} /> : '—',
          },
          { title: '操作', key: 'decline', width: 100, render: (_, c) => <Button size="small" onClick={() => onReason({ kind: 'decline', projectId: c.projectId, name: c.name, version: c.version })}>不予认定</Button> },
        ]}
      />
      <Form form={form} name="open-publicity" layout="inline" style={{ marginTop: 16, rowGap: 8 }} onFinish={(v) => open.mutate(v)} initialValues={{ title: `${o.year}年度天津市质量攻关优秀成果公示`, opensOn: o.suggestedOpensOn ?? '' }}>
        <Form.Item name="title" label="公示标题" rules={[{ required: true, message: '请填写公示标题' }]}>
          <Input style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="documentNo" label="文号" rules={[{ required: true, message: '请填写文号' }]}>
          <Input style={{ width: 220 }} placeholder="如 津市场监管质发〔2026〕31号" />
        </Form.Item>
        <Form.Item name="opensOn" label="公示开始日期" rules={[{ required: true, message: '请填写公示开始日期' }]}>
          <Input type="date" style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={open.isPending} disabled={selected.length === 0}>
          发布公示（{selected.length} 项，{o.workingDays}个工作日）
        </Button>
      </Form>
    </Card>
  );
}

function PublishModal({ w, onClose }: { w: PublicityWindowDto | null; onClose: () => void }) {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ title: string; documentNo: string }>();
  const key = useRef<string | null>(null);
  const publish = useMutation({
    mutationFn: (v: { title: string; documentNo: string }) => api.post<PublicityWindowDto>(`/api/commission/publicity/windows/${w!.id}/publish`, { ...v, version: w!.version }, { headers: { 'Idempotency-Key': (key.current ??= newIdempotencyKey()) } }),
    onSuccess: () => {
      key.current = null;
      message.success('认定结果已公布，相关项目已认定为优秀成果');
      onClose();
      refresh();
    },
    onError: (err) => {
      key.current = null;
      message.error(errorMessage(err));
    },
  });
  return (
    <Modal open={!!w} title="公布认定结果" okText="确认公布" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={publish.isPending} destroyOnHidden>
      <Form form={form} name="publish-recognition" layout="vertical" onFinish={(v) => publish.mutate(v)} initialValues={{ title: `${w?.year ?? ''}年度天津市质量攻关优秀成果认定结果` }}>
        <Form.Item name="title" label="认定结果标题" rules={[{ required: true, message: '请填写认定结果标题' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="documentNo" label="文号" rules={[{ required: true, message: '请填写文号' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ObjectionModal({ o, mode, onClose }: { o: ObjectionDto | null; mode: 'assign' | 'conclude'; onClose: () => void }) {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const act = useMutation({
    mutationFn: (v: Record<string, string>) => api.post<ObjectionDto>(`/api/commission/publicity/objections/${o!.id}/${mode}`, { ...v, version: o!.version }),
    onSuccess: () => {
      message.success(mode === 'assign' ? '已指派调查核实' : '异议已办结');
      onClose();
      refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fields).length) form.setFields(Object.entries(err.fields).map(([name, e]) => ({ name, errors: [e] })));
      else message.error(errorMessage(err));
    },
  });
  return (
    <Modal open={!!o} title={mode === 'assign' ? '指派调查核实' : '异议处理结论'} okText="确定" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden>
      <Form form={form} name={`objection-${mode}`} layout="vertical" onFinish={(v) => act.mutate(v)}>
        {mode === 'assign' ? (
          <Form.Item name="assignee" label="调查核实人员" rules={[{ required: true, message: '请填写调查核实人员' }]}>
            <Input />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="outcome" label="处理结论" rules={[{ required: true, message: '请选择处理结论' }]}>
              <Radio.Group options={[{ value: 'not_upheld', label: '异议不成立' }, { value: 'upheld', label: '异议成立（项目退出公示）' }]} />
            </Form.Item>
            <Form.Item name="reply" label="答复意见" rules={[{ required: true, message: '请填写答复意见' }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 撤销认定 (a recognised project) or 不予认定 (an evaluated candidate), with a reason. */
function ReasonModal({ target, onClose }: { target: { kind: 'revoke' | 'decline'; projectId: string; name: string; version: number } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ reason: string }>();
  const label = target?.kind === 'revoke' ? '撤销认定' : '不予认定';
  const act = useMutation({
    mutationFn: (v: { reason: string }) => api.post(`/api/commission/publicity/projects/${target!.projectId}/${target!.kind}`, { version: target!.version, reason: v.reason }),
    onSuccess: () => {
      message.success(`已${label}，已通知相关单位`);
      onClose();
      refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.reason) form.setFields([{ name: 'reason', errors: [err.fields.reason] }]);
      else message.error(errorMessage(err));
    },
  });
  return (
    <Modal open={!!target} title={`${label}：${target?.name ?? ''}`} okText={`确认${label}`} cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden>
      <Form form={form} name="recognition-reason" layout="vertical" onFinish={(v) => act.mutate(v)}>
        <Form.Item name="reason" label={`${label}理由`} rules={[{ required: true, message: `请填写${label}理由` }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ShowcaseCard() {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const q = useQuery({ queryKey: [...KEY, 'showcase'], queryFn: () => api.get<{ items: ShowcaseEntryDto[] }>('/api/commission/showcase') });
  const approve = useMutation({
    mutationFn: (e: ShowcaseEntryDto) => api.post(`/api/commission/showcase/${e.id}/approve`, { version: e.version }),
    onSuccess: () => {
      message.success('已审核通过，在门户“优秀成果”栏目公开展示');
      refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Card title="宣传推广：优秀成果展示" data-testid="showcase-entries">
      <Table<ShowcaseEntryDto>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 10, showSizeChanger: false }}
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '公布认定结果后，每个优秀成果生成一条展示内容' }}
        columns={[
          { title: '展示标题', dataIndex: 'title' },
          { title: '承担单位', dataIndex: 'unit' },
          { title: '成果简介', dataIndex: 'summary', ellipsis: true },
          { title: '状态', dataIndex: 'stateLabel', width: 120 },
          { title: '操作', key: 'a', width: 120, render: (_, e) => (e.state === 'approved' ? '—' : <Button size="small" onClick={() => approve.mutate(e)}>审核公开</Button>) },
        ]}
      />
    </Card>
  );
}

function ConferenceCard() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ title: string; heldOn: string; place: string }>();
  const key = useRef<string | null>(null);
  const create = useMutation({
    mutationFn: (v: { title: string; heldOn: string; place: string }) => api.post('/api/commission/conferences', v, { headers: { 'Idempotency-Key': (key.current ??= newIdempotencyKey()) } }),
    onSuccess: () => {
      key.current = null;
      message.success('经验交流会已登记，在门户“优秀成果”页公布');
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['public'] });
    },
    onError: (err) => {
      key.current = null;
      if (err instanceof ApiError && Object.keys(err.fields).length) form.setFields(Object.entries(err.fields).map(([name, e]) => ({ name: name as 'title', errors: [e] })));
      else message.error(errorMessage(err));
    },
  });
  return (
    <Card title="宣传推广：经验交流会" style={{ marginTop: 20 }}>
      <Form form={form} name="conference" layout="inline" style={{ rowGap: 8 }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="title" label="交流会名称" rules={[{ required: true, message: '请填写交流会名称' }]}>
          <Input style={{ width: 300 }} />
        </Form.Item>
        <Form.Item name="heldOn" label="举办日期" rules={[{ required: true, message: '请填写举办日期' }]}>
          <Input type="date" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="place" label="举办地点" rules={[{ required: true, message: '请填写举办地点' }]}>
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Button htmlType="submit" loading={create.isPending}>
          登记
        </Button>
      </Form>
    </Card>
  );
}

export default function PublicityPage() {
  usePageTitle('公示公布');
  const overview = useQuery({ queryKey: KEY, queryFn: () => api.get<PublicityOverview>('/api/commission/publicity') });
  const objections = useQuery({ queryKey: [...KEY, 'objections'], queryFn: () => api.get<{ items: ObjectionDto[] }>('/api/commission/publicity/objections') });
  const [publishing, setPublishing] = useState<PublicityWindowDto | null>(null);
  const [handling, setHandling] = useState<{ o: ObjectionDto; mode: 'assign' | 'conclude' } | null>(null);
  const [reason, setReason] = useState<ReasonTarget | null>(null);
  const o = overview.data;
  const byWindow = useMemo(() => new Map((o?.windows ?? []).map((w) => [w.id, w])), [o]);
  return (
    <>
      <PageHeader title="公示公布" subtitle="确定公示名单 → 公示（按工作日计算，发布之日为第1个工作日）→ 异议处理 → 公布认定结果 → 宣传推广" />
      {overview.error && <Alert type="error" showIcon title="加载失败" description={errorMessage(overview.error)} />}
      {o && <OpenPublicityCard o={o} onReason={setReason} />}
      <Card title="各次公示" style={{ marginBottom: 20 }} data-testid="publicity-windows">
        <Table<PublicityWindowDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={o?.windows ?? []}
          locale={{ emptyText: '尚未发布公示' }}
          expandable={{
            expandedRowRender: (w) => (
              <ul className="gg-pub-list">
                {w.projects.map((p) => (
                  <li key={p.projectId}>
                    {p.name}（{p.unit}，{p.levelLabel}）<Tag>{p.stateLabel}</Tag>
                    {p.state === 'recognised' && (
                      <Button size="small" danger onClick={() => setReason({ kind: 'revoke', projectId: p.projectId, name: p.name, version: p.version })}>
                        撤销认定
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            { title: '公示', dataIndex: 'title', render: (t: string, w) => (w.listPublicationId ? <a href={`/publicity/${w.id}`} target="_blank" rel="noreferrer">{t}</a> : t) },
            { title: '文号', dataIndex: 'documentNo', width: 200 },
            { title: '公示期', key: 'period', width: 210, render: (_, w) => `${w.opensOn} 至 ${w.closesOn}` },
            { title: '项目数', key: 'n', width: 80, render: (_, w) => w.projects.length },
            { title: '异议', key: 'obj', width: 150, render: (_, w) => `共${w.objections.total}件，未办结${w.objections.open}件` },
            { title: '状态', dataIndex: 'stateLabel', width: 100, render: (v: string) => <Tag>{v}</Tag> },
            {
              title: '操作',
              key: 'a',
              width: 140,
              render: (_, w) =>
                w.state === 'closed' ? (
                  <Button size="small" type="primary" onClick={() => setPublishing(w)}>
                    公布认定结果
                  </Button>
                ) : w.resultPublicationId ? (
                  <a href={`/publications/${w.resultPublicationId}`} target="_blank" rel="noreferrer">认定结果</a>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      <Card title="异议处理（异议人身份保密，仅本页可见）" style={{ marginBottom: 20 }} data-testid="objections">
        <Table<ObjectionDto>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10, showSizeChanger: false }}
          loading={objections.isPending}
          dataSource={objections.data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '暂无异议' }}
          columns={[
            { title: '受理编号', dataIndex: 'receiptNo', width: 170 },
            { title: '项目', dataIndex: 'projectName' },
            { title: '异议人', key: 'who', width: 200, render: (_, x) => `${x.objectorName}（${x.objectorKindLabel}）${x.contact}` },
            { title: '异议内容', dataIndex: 'content', ellipsis: true },
            { title: '佐证', key: 'ev', width: 80, render: (_, x) => (x.evidence ? <a href={`/api/commission/publicity/objections/${x.id}/evidence`}>下载</a> : '—') },
            { title: '受理时间', dataIndex: 'receivedAt', width: 150, render: (v: string) => formatBeijing(v) },
            { title: '状态', key: 's', width: 140, render: (_, x) => x.outcomeLabel ?? x.stateLabel },
            {
              title: '操作',
              key: 'a',
              width: 150,
              render: (_, x) =>
                x.state === 'concluded' || byWindow.get(x.publicityId)?.state === 'published' ? (
                  '—'
                ) : (
                  <Space size={4}>
                    {x.state === 'received' && <Button size="small" onClick={() => setHandling({ o: x, mode: 'assign' })}>指派</Button>}
                    <Button size="small" onClick={() => setHandling({ o: x, mode: 'conclude' })}>办结</Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <ShowcaseCard />
      <ConferenceCard />
      <PublishModal w={publishing} onClose={() => setPublishing(null)} />
      <ObjectionModal o={handling?.o ?? null} mode={handling?.mode ?? 'assign'} onClose={() => setHandling(null)} />
      <ReasonModal target={reason} onClose={() => setReason(null)} />
    </>
  );
}
