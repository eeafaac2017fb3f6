/**
 * 立项审核 (program step 2, commission): projects sent by the recommenders, search / filters /
 * tabs with counts, 立项 (single or bulk, all-or-nothing) with a 立项编号, 不予立项 with a reason
 * the applicant and its recommender see, Excel export of exactly the filtered rows.
 */
import { CheckOutlined, CloseOutlined, DownloadOutlined, FilePdfOutlined, FileWordOutlined, ReloadOutlined, SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Descriptions, Drawer, Form, Input, Modal, Result, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { DIRECTION_LABELS, DIRECTIONS } from '../../../shared/application-form';
import { APPROVAL_SORTS, MIN_REJECT_REASON_LENGTH, type ApprovalItem, type ApprovalList, type DecisionResult } from '../../../shared/approvals';
import type { recommenderStatusListSchema } from '../../../shared/recommendations';
import { api, ApiError, errorMessage, idempotencyHeaders, withQuery } from '../../api';
import { pct } from '../../components/review/DuplicateMatches';
import { isStale, STALE_MESSAGE } from '../../components/review/errors';
import { StateTag } from '../../components/review/StateTag';
import { usePageTitle } from '../../hooks/usePageTitle';
import { usePublicCampaign } from '../../hooks/usePublicCampaign';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { PreferentialQuotaCard } from './PreferentialQuotaCard';
import '../../components/review/review.css';

type Sort = (typeof APPROVAL_SORTS)[number];
type RecommenderStatusList = z.infer<typeof recommenderStatusListSchema>;

export const APPROVALS_KEY = ['commission', 'approvals'] as const;

const TABS = [
  { key: 'under_review', label: '待审核' },
  { key: 'approved', label: '已立项' },
  { key: 'rejected', label: '未立项' },
  { key: 'all', label: '全部' },
] as const;

/** One confirmation at a time: approve one, approve the selection, or reject one. */
type Pending = { kind: 'approve'; items: ApprovalItem[]; idem: Record<string, string> } | { kind: 'reject'; item: ApprovalItem; idem: Record<string, string> };

function ProjectDrawer({ item, onClose }: { item: ApprovalItem | null; onClose: () => void }) {
  return (
    <Drawer title={item ? `《${item.name}》` : ''} open={!!item} onClose={onClose} size="large" destroyOnHidden>
      {item && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'state', label: '状态', children: <StateTag state={item.state} label={item.stateLabel} /> },
              { key: 'no', label: '申报编号', children: item.applicationNo ?? '—' },
              { key: 'pno', label: '立项编号', children: item.projectNo ? <strong data-testid="drawer-project-no">{item.projectNo}</strong> : '—' },
              { key: 'applicant', label: '申报单位', children: item.applicantName },
              { key: 'recommender', label: '推荐单位', children: item.recommenderName ?? '—' },
              { key: 'direction', label: '申报方向', children: item.directionLabel ?? '—' },
              { key: 'chain', label: '产业链/领域', children: item.chain ?? '—' },
              { key: 'order', label: '推荐排序', children: item.recommendOrder ?? '—' },
              { key: 'dup', label: '雷同分值', children: item.duplicateFlag ? <Tag color="orange">{pct(item.duplicateScore)}（有雷同提示）</Tag> : pct(item.duplicateScore) },
              { key: 'submitted', label: '提交时间', children: formatBeijing(item.submittedAt) },
              { key: 'opinion', label: '推荐意见', children: item.recommendationOpinion ?? '—' },
              ...(item.rejectReason ? [{ key: 'reason', label: '不予立项原因', children: item.rejectReason }] : []),
              ...(item.decidedAt ? [{ key: 'decided', label: '审核时间', children: formatBeijing(item.decidedAt) }] : []),
            ]}
          />
          <Space style={{ marginTop: 16 }}>
            <a className="gg-link-btn" href={`/api/applications/${item.id}/export.pdf`} download aria-label={`下载《${item.name}》申报书 PDF`}>
              <FilePdfOutlined aria-hidden /> 申报书 PDF
            </a>
            <a className="gg-link-btn" href={`/api/applications/${item.id}/export.docx`} download aria-label={`下载《${item.name}》申报书 Word`}>
              <FileWordOutlined aria-hidden /> 申报书 Word
            </a>
          </Space>
        </>
      )}
    </Drawer>
  );
}

export default function ApprovalsPage() {
  usePageTitle('立项审核');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const campaign = usePublicCampaign();
  const tab = params.get('tab') ?? 'under_review';
  const filters = { q: params.get('q') ?? '', recommenderOrgId: params.get('rec') ?? '', direction: params.get('direction') ?? '', chain: params.get('chain') ?? '' };
  const sort = (params.get('sort') as Sort | null) ?? 'submittedAt';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('size') ?? '20') || 20;
  const filterQuery = { ...filters, state: tab === 'all' ? '' : tab, sort, order };

  const list = useQuery({
    queryKey: [...APPROVALS_KEY, filterQuery, page, pageSize],
    queryFn: () => api.get<ApprovalList>('/api/commission/approvals', { ...filterQuery, page, pageSize }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const recommenders = useQuery({
    queryKey: ['commission', 'recommenders', ''],
    queryFn: () => api.get<RecommenderStatusList>('/api/commission/recommenders'),
    staleTime: 5 * 60_000,
  });

  const [draft, setDraft] = useState(filters);
  const [selected, setSelected] = useState<ApprovalItem[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [viewing, setViewing] = useState<ApprovalItem | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const applyFilters = () => update({ q: draft.q.trim(), rec: draft.recommenderOrgId, direction: draft.direction, chain: draft.chain, page: null });
  const reset = () => {
    setDraft({ q: '', recommenderOrgId: '', direction: '', chain: '' });
    update({ q: null, rec: null, direction: null, chain: null, page: null });
  };

  const chains = useMemo(() => {
    const c = campaign.data;
    return c ? [...c.focusChains, ...c.livelihoodIndustries, '其他'] : [];
  }, [campaign.data]);

  const decisions = list.data?.decisions;
  const decisionsOpen = decisions?.open ?? false;
  const counts = list.data?.counts;
  const countOf = (key: string) => (!counts ? 0 : key === 'all' ? counts.under_review + counts.approved + counts.rejected : counts[key as keyof typeof counts]);

  const done = () => {
    setPending(null);
    setSelected([]);
    setErrors([]);
    void qc.invalidateQueries({ queryKey: APPROVALS_KEY });
  };
  const failed = (err: unknown) => {
    if (isStale(err)) {
      message.warning(STALE_MESSAGE);
      void qc.invalidateQueries({ queryKey: APPROVALS_KEY });
    }
    if (!(err instanceof ApiError)) return setErrors([errorMessage(err)]);
    // The reason goes beside its field; a bulk refusal lists every refused project (items.<i>).
    if (err.fields.reason) form.setFields([{ name: 'reason', errors: [err.fields.reason] }]);
    const perProject = Object.entries(err.fields)
      .filter(([k]) => /^items\.\d+$/.test(k))
      .map(([, v]) => v);
    setErrors(perProject.length ? [err.message, ...perProject] : err.fields.reason ? [] : [err.message]);
  };

  const approve = useMutation({
    mutationFn: (p: Extract<Pending, { kind: 'approve' }>) =>
      p.items.length === 1
        ? api.post<DecisionResult>(`/api/commission/approvals/${p.items[0].id}/approve`, { version: p.items[0].version }, { headers: p.idem }).then((r) => [r])
        : api.post<{ items: DecisionResult[] }>('/api/commission/approvals/bulk-approve', { items: p.items.map((i) => ({ id: i.id, version: i.version })) }, { headers: p.idem }).then((r) => r.items),
    onSuccess: (results) => {
      message.success(results.length === 1 ? `已立项，立项编号：${results[0].projectNo}` : `已批量立项 ${results.length} 个项目，立项编号 ${results[0].projectNo} 至 ${results[results.length - 1].projectNo}`);
      done();
    },
    onError: failed,
  });
  const reject = useMutation({
    mutationFn: (v: { item: ApprovalItem; reason: string; idem: Record<string, string> }) =>
      api.post<DecisionResult>(`/api/commission/approvals/${v.item.id}/reject`, { version: v.item.version, reason: v.reason }, { headers: v.idem }),
    onSuccess: (_r, v) => {
      message.success(`已将《${v.item.name}》列为未立项，原因已通知申报单位和推荐单位`);
      done();
    },
    onError: failed,
  });

  const open = (p: Pending) => {
    form.resetFields();
    setErrors([]);
    setPending(p);
  };

  const sortOrderOf = (key: Sort) => (sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: ColumnsType<ApprovalItem> = [
    { title: '申报编号', dataIndex: 'applicationNo', key: 'applicationNo', width: 150, sorter: true, sortOrder: sortOrderOf('applicationNo'), render: (v: string | null) => <span className="gg-mono gg-small">{v ?? '—'}</span> },
    {
      title: '项目名称',
      dataIndex: 'name',
      key: 'name',
      width: 280,
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (v: string, r) => (
        <div>
          <Button type="link" onClick={() => setViewing(r)} aria-label={`查看《${v}》详情`} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
            {v || '（未命名项目）'}
          </Button>
          {r.rejectReason && (
            <div className="gg-muted gg-small">
              <Typography.Text type="secondary" ellipsis={{ tooltip: r.rejectReason }} style={{ maxWidth: 300 }}>
                原因：{r.rejectReason}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '申报单位', dataIndex: 'applicantName', width: 200 },
    { title: '推荐单位', dataIndex: 'recommenderName', key: 'recommender', width: 190, sorter: true, sortOrder: sortOrderOf('recommender'), render: (v: string | null) => v ?? '—' },
    { title: '申报方向', dataIndex: 'directionLabel', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '产业链/领域', dataIndex: 'chain', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '推荐排序', dataIndex: 'recommendOrder', width: 90, render: (v: number | null) => v ?? '—' },
    {
      title: '雷同',
      dataIndex: 'duplicateScore',
      width: 90,
      render: (v: number | null, r) => (r.duplicateFlag ? <Tag color="orange" icon={<WarningOutlined />}>{pct(v)}</Tag> : <span className="gg-muted">{pct(v)}</span>),
    },
    { title: '状态', dataIndex: 'state', width: 130, render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
    {
      title: '立项编号',
      dataIndex: 'projectNo',
      key: 'projectNo',
      width: 160,
      sorter: true,
      sortOrder: sortOrderOf('projectNo'),
      render: (v: string | null) => (v ? <span className="gg-mono" data-testid="project-no">{v}</span> : '—'),
    },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', width: 150, sorter: true, sortOrder: sortOrderOf('submittedAt'), render: (v: string | null) => formatBeijing(v) },
    {
      title: '操作',
      key: 'ops',
      width: 170,
      fixed: 'right',
      render: (_, r) =>
        r.state === 'under_review' ? (
          <Space size={4}>
            <Button size="small" type="link" icon={<CheckOutlined />} disabled={!decisionsOpen} aria-label={`立项《${r.name}》`} onClick={() => open({ kind: 'approve', items: [r], idem: idempotencyHeaders() })}>
              立项
            </Button>
            <Button size="small" type="link" danger icon={<CloseOutlined />} disabled={!decisionsOpen} aria-label={`不予立项《${r.name}》`} onClick={() => open({ kind: 'reject', item: r, idem: idempotencyHeaders() })}>
              不予立项
            </Button>
          </Space>
        ) : (
          <Button size="small" type="link" onClick={() => setViewing(r)} aria-label={`查看《${r.name}》`}>
            查看
          </Button>
        ),
    },
  ];

  const exportHref = withQuery('/api/commission/approvals/export.xlsx', filterQuery);
  const busy = approve.isPending || reject.isPending;

  return (
    <>
      <PageHeader
        title="立项审核"
        subtitle="审核各推荐单位报送的项目；通过审核的项目获得立项编号，列入年度天津市质量攻关项目计划"
        extra={
          <a className="gg-link-btn gg-link-btn-primary" href={exportHref} download data-testid="approvals-export">
            <DownloadOutlined aria-hidden /> 导出 Excel
          </a>
        }
      />
      <PreferentialQuotaCard />
      <Card>
        {decisions && !decisions.open && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={decisions.message} data-testid="decisions-closed" />}
        <form
          className="gg-filter-bar"
          role="search"
          aria-label="立项审核筛选"
          onSubmit={(e) => {
            e.preventDefault();
            applyFilters();
          }}
        >
          <label className="gg-filter-field">
            <span>关键词</span>
            <Input value={draft.q} onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} placeholder="项目名称、申报单位、申报编号或立项编号" style={{ width: 280 }} allowClear maxLength={100} />
          </label>
          <label className="gg-filter-field">
            <span>推荐单位</span>
            <Select
              aria-label="推荐单位"
              style={{ width: 230 }}
              value={draft.recommenderOrgId}
              showSearch={{ optionFilterProp: 'label' }}
              loading={recommenders.isLoading}
              onChange={(recommenderOrgId) => setDraft((d) => ({ ...d, recommenderOrgId }))}
              options={[{ value: '', label: '全部推荐单位' }, ...(recommenders.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))]}
            />
          </label>
          <label className="gg-filter-field">
            <span>申报方向</span>
            <Select
              aria-label="申报方向"
              style={{ width: 170 }}
              value={draft.direction}
              onChange={(direction) => setDraft((d) => ({ ...d, direction }))}
              options={[{ value: '', label: '全部' }, ...DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))]}
            />
          </label>
          <label className="gg-filter-field">
            <span>产业链/领域</span>
            <Select
              aria-label="产业链/领域"
              style={{ width: 150 }}
              value={draft.chain}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(chain) => setDraft((d) => ({ ...d, chain }))}
              options={[{ value: '', label: '全部' }, ...chains.map((c) => ({ value: c, label: c }))]}
            />
          </label>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button onClick={reset}>重置</Button>
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void list.refetch()} />
          </Space>
        </form>

        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setSelected([]);
            update({ tab: k === 'under_review' ? null : k, page: null });
          }}
          items={TABS.map((t) => ({
            key: t.key,
            label: (
              <span>
                {t.label}
                <Badge className="gg-rv-tabs-count" count={countOf(t.key)} showZero overflowCount={9999} color={t.key === 'under_review' && countOf(t.key) > 0 ? '#cf1322' : '#8a94a6'} />
              </span>
            ),
          }))}
        />

        <div className="gg-filter-bar" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <span aria-live="polite">{selected.length > 0 ? `已选择 ${selected.length} 项` : '可勾选“立项审核中”的项目批量立项'}</span>
          <Button type="primary" icon={<CheckOutlined />} disabled={!selected.length || !decisionsOpen} onClick={() => open({ kind: 'approve', items: selected, idem: idempotencyHeaders() })}>
            批量立项
          </Button>
        </div>

        {list.isError ? (
          <Result status="warning" title="立项审核列表加载失败" subTitle={errorMessage(list.error)} extra={<Button onClick={() => void list.refetch()}>重试</Button>} />
        ) : (
          <Table<ApprovalItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1900 }}
            locale={{ emptyText: tab === 'under_review' ? '暂无待立项审核的项目' : '没有符合条件的项目' }}
            data-testid="approvals-table"
            rowSelection={{
              selectedRowKeys: selected.map((s) => s.id),
              preserveSelectedRowKeys: true,
              onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
              getCheckboxProps: (r) => ({ disabled: r.state !== 'under_review' || !decisionsOpen, 'aria-label': `选择《${r.name}》` }),
            }}
            onChange={(p, _f, s) => {
              const sorter = (Array.isArray(s) ? s[0] : s) as SorterResult<ApprovalItem>;
              const key = sorter?.order ? (sorter.columnKey as Sort) : null;
              update({
                page: p.current && p.current > 1 ? String(p.current) : null,
                size: p.pageSize && p.pageSize !== 20 ? String(p.pageSize) : null,
                sort: key && key !== 'submittedAt' ? key : null,
                order: key && sorter.order === 'descend' ? 'desc' : null,
              });
            }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => `共 ${total} 条`,
            }}
          />
        )}
      </Card>

      <Modal
        open={pending?.kind === 'approve'}
        title={pending?.kind === 'approve' ? (pending.items.length === 1 ? '确认立项' : `确认批量立项（${pending.items.length} 个项目）`) : ''}
        okText="确认立项"
        okButtonProps={{ loading: busy }}
        cancelText="取消"
        onCancel={() => setPending(null)}
        onOk={() => pending?.kind === 'approve' && approve.mutate(pending)}
        destroyOnHidden
      >
        {pending?.kind === 'approve' && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="立项后将按顺序分配立项编号，列入年度质量攻关项目计划，并通知申报单位和推荐单位。此操作不可撤销。"
              description={pending.items.length > 1 ? '任一项目不符合条件时，全部不执行，也不占用立项编号。' : undefined}
            />
            <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 240, overflow: 'auto' }}>
              {pending.items.map((i) => (
                <li key={i.id}>
                  《{i.name}》— {i.applicantName}
                </li>
              ))}
            </ul>
          </>
        )}
        {errors.length > 0 && <ErrorList errors={errors} />}
      </Modal>

      <Modal
        open={pending?.kind === 'reject'}
        title="不予立项"
        okText="确认不予立项"
        okButtonProps={{ danger: true, loading: busy }}
        cancelText="取消"
        onCancel={() => setPending(null)}
        onOk={() =>
          form.validateFields().then(
            (v) => pending?.kind === 'reject' && reject.mutate({ item: pending.item, reason: v.reason.trim(), idem: pending.idem }),
            () => undefined,
          )
        }
        destroyOnHidden
      >
        {pending?.kind === 'reject' && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`《${pending.item.name}》将列为“未立项”，本年度不再受理。原因将告知申报单位和推荐单位，此操作不可撤销。`} />
            <Form form={form} layout="vertical" requiredMark>
              <Form.Item
                name="reason"
                label="不予立项的原因"
                rules={[
                  { required: true, whitespace: true, message: '请填写不予立项的原因' },
                  {
                    validator: (_, v: string | undefined) =>
                      !v?.trim() || Array.from(v.trim()).length >= MIN_REJECT_REASON_LENGTH ? Promise.resolve() : Promise.reject(new Error(`不予立项的原因至少${MIN_REJECT_REASON_LENGTH}个字`)),
                  },
                ]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount placeholder="请写明不予立项的原因（申报单位和推荐单位可见）" />
              </Form.Item>
            </Form>
          </>
        )}
        {errors.length > 0 && <ErrorList errors={errors} />}
      </Modal>

      <ProjectDrawer item={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

function ErrorList({ errors }: { errors: string[] }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginTop: 12 }}
      title="操作未执行"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      }
    />
  );
}
