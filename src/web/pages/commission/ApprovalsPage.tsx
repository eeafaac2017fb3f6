/**
 * 立项审核 (program step 2, commission): projects sent by the recommenders, search / filters /
 * tabs with counts (all in the URL), 立项 (single or bulk, all-or-nothing) with a 立项编号, 不予立项
 * with a reason the applicant and its recommender see, Excel export of exactly the filtered rows.
 */
import { CheckOutlined, CloseOutlined, DiffOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { TIANJIN_DISTRICTS } from '../../../domain/uscc';
import type { ApplicationDetail } from '../../../shared/applications';
import { MAX_REJECT_REASON_LENGTH, MIN_REJECT_REASON_LENGTH, type ApprovalItem, type ApprovalList, type DecisionResult } from '../../../shared/approvals';
import type { recommenderStatusListSchema } from '../../../shared/recommendations';
import { api, ApiError, errorMessage, idempotencyHeaders } from '../../api';
import { BulkBar, ConfirmDialog, CountTabs, DIRECTION_OPTIONS, ExportButton, FilterBar, ListTable, useCampaignYearField, useChainOptions } from '../../components/list';
import { isStale, STALE_MESSAGE } from '../../components/review/errors';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useListState } from '../../hooks/useListState';
import { PageHeader } from '../../layout/RoleLayout';
import { approvalColumns } from './approvals/columns';
import { CompareDrawer } from './approvals/CompareDrawer';
import { ProjectDrawer } from './approvals/ProjectDrawer';
import { PreferentialQuotaCard } from './PreferentialQuotaCard';
import '../../components/review/review.css';

type RecommenderStatusList = z.infer<typeof recommenderStatusListSchema>;

export const APPROVALS_KEY = ['commission', 'approvals'] as const;

const TABS = [
  { key: 'under_review', label: '待审核' },
  { key: 'approved', label: '已立项' },
  { key: 'rejected', label: '未立项' },
  { key: 'all', label: '全部' },
] as const;

const DISTRICT_OPTIONS = TIANJIN_DISTRICTS.map((d) => ({ value: d.name, label: d.name }));
const DUPLICATE_OPTIONS = [
  { value: 'flagged', label: '有雷同提示' },
  { value: 'clear', label: '无雷同提示' },
];
const ELIGIBILITY_OPTIONS = [
  { value: 'problems', label: '申报条件存疑' },
  { value: 'ok', label: '申报条件无问题' },
];
const PRIORITY_OPTIONS = [{ value: 'preferred', label: '共性技术优先（倾斜支持）' }];

/** One confirmation at a time: approve one, approve the selection, reject one, or reject the selection with one reason. */
type Pending =
  | { kind: 'approve'; items: ApprovalItem[]; idem: Record<string, string> }
  | { kind: 'reject'; item: ApprovalItem; idem: Record<string, string> }
  | { kind: 'bulkReject'; items: ApprovalItem[]; idem: Record<string, string> };

/** The projects a bulk confirmation acts on. */
function SelectedProjects({ items }: { items: ApprovalItem[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 240, overflow: 'auto' }}>
      {items.map((i) => (
        <li key={i.id}>
          《{i.name}》— {i.applicantName}
        </li>
      ))}
    </ul>
  );
}

export default function ApprovalsPage() {
  usePageTitle('立项审核');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListState({ filters: { year: '', q: '', recommenderOrgId: '', direction: '', chain: '', district: '', duplicate: '', eligibility: '', priority: '' }, tab: 'under_review', sort: { key: 'submittedAt', order: 'asc' } });
  const filterQuery = { ...list.filterQuery, state: list.tab === 'all' ? '' : list.tab };
  const approvals = useQuery({
    queryKey: [...APPROVALS_KEY, filterQuery, list.page, list.pageSize],
    queryFn: () => api.get<ApprovalList>('/api/commission/approvals', { ...filterQuery, page: list.page, pageSize: list.pageSize }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const recommenders = useQuery({
    queryKey: ['commission', 'recommenders', ''],
    queryFn: () => api.get<RecommenderStatusList>('/api/commission/recommenders'),
    staleTime: 5 * 60_000,
  });
  const recommenderOptions = (recommenders.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
  const chains = useChainOptions();
  const yearField = useCampaignYearField<typeof list.filters>();

  const [selected, setSelected] = useState<ApprovalItem[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<ApprovalItem | null>(null);
  const [comparing, setComparing] = useState<[string, string] | null>(null);
  /** 雷同 flag → the same-year application it resembles most (from the stored duplicate check). */
  const compareDuplicate = async (r: ApprovalItem) => {
    try {
      const d = await api.get<ApplicationDetail>(`/api/applications/${r.id}`);
      const other = d.duplicates.matches.find((m) => m.source === 'application' && m.id && m.id !== r.id);
      if (other?.id) setComparing([r.id, other.id]);
      else message.info('该项目的雷同来源为历年成果，没有可对比的本年度申报书');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const decisions = approvals.data?.decisions;
  const decisionsOpen = decisions?.open ?? false;
  const counts = approvals.data?.counts;
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
    setReasonError(err.fields.reason ?? null);
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
  const bulkReject = useMutation({
    mutationFn: (v: { items: ApprovalItem[]; reason: string; idem: Record<string, string> }) =>
      api.post<{ items: DecisionResult[] }>('/api/commission/approvals/bulk-reject', { items: v.items.map((i) => ({ id: i.id, version: i.version })), reason: v.reason }, { headers: v.idem }),
    onSuccess: (r) => {
      message.success(`已将 ${r.items.length} 个项目列为未立项，原因已通知申报单位和推荐单位`);
      done();
    },
    onError: failed,
  });

  const open = (p: Pending) => {
    setErrors([]);
    setReasonError(null);
    setPending(p);
  };
  const columns = approvalColumns({
    list,
    decisionsOpen,
    onView: setViewing,
    onApprove: (r) => open({ kind: 'approve', items: [r], idem: idempotencyHeaders() }),
    onReject: (r) => open({ kind: 'reject', item: r, idem: idempotencyHeaders() }),
    onCompareDuplicate: (r) => void compareDuplicate(r),
  });
  const busy = approve.isPending || reject.isPending || bulkReject.isPending;

  return (
    <>
      <PageHeader
        title="立项审核"
        subtitle="审核各推荐单位报送的项目；通过审核的项目获得立项编号，列入年度天津市质量攻关项目计划"
        extra={<ExportButton href="/api/commission/approvals/export.xlsx" query={filterQuery} testId="approvals-export" />}
      />
      <PreferentialQuotaCard />
      <Card>
        {decisions && !decisions.open && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={decisions.message} data-testid="decisions-closed" />}
        <FilterBar
          list={list}
          label="立项审核筛选"
          onRefresh={() => void approvals.refetch()}
          fields={[
            yearField,
            { key: 'q', kind: 'text', label: '关键词', placeholder: '项目名称、申报单位、申报编号或立项编号', width: 280 },
            { key: 'recommenderOrgId', kind: 'select', label: '推荐单位', width: 230, search: true, allLabel: '全部推荐单位', loading: recommenders.isLoading, options: recommenderOptions },
            { key: 'direction', kind: 'select', label: '申报方向', width: 170, options: DIRECTION_OPTIONS },
            { key: 'chain', kind: 'select', label: '产业链/领域', width: 150, search: true, options: chains },
            { key: 'district', kind: 'select', label: '所在区', width: 140, search: true, allLabel: '全部区', options: DISTRICT_OPTIONS },
            { key: 'duplicate', kind: 'select', label: '雷同提示', width: 140, options: DUPLICATE_OPTIONS },
            { key: 'eligibility', kind: 'select', label: '申报条件', width: 150, options: ELIGIBILITY_OPTIONS },
            { key: 'priority', kind: 'select', label: '排序方式', width: 210, instant: true, allLabel: '默认排序', options: PRIORITY_OPTIONS },
          ]}
        />
        <CountTabs
          label="审核状态"
          active={list.tab}
          urgent="under_review"
          onChange={(k) => {
            setSelected([]);
            list.setTab(k);
          }}
          tabs={TABS.map((t) => ({ ...t, count: countOf(t.key) }))}
        />
        <BulkBar
          count={selected.length}
          hint="可勾选“立项审核中”的项目批量立项或批量不予立项；勾选两个项目可对比申报书"
          actions={[
            { key: 'approve', label: '批量立项', primary: true, icon: <CheckOutlined />, disabled: !decisionsOpen, onClick: () => open({ kind: 'approve', items: selected, idem: idempotencyHeaders() }) },
            { key: 'reject', label: '批量不予立项', danger: true, icon: <CloseOutlined />, disabled: !decisionsOpen, onClick: () => open({ kind: 'bulkReject', items: selected, idem: idempotencyHeaders() }) },
            { key: 'compare', label: '对比申报书', icon: <DiffOutlined />, disabled: selected.length !== 2, onClick: () => setComparing([selected[0].id, selected[1].id]) },
          ]}
        />
        <ListTable<ApprovalItem>
          list={list}
          result={approvals}
          what="立项审核列表"
          empty={list.tab === 'under_review' ? '暂无待立项审核的项目' : '暂无项目'}
          noMatch="没有符合条件的项目"
          columns={columns}
          scroll={{ x: 1900 }}
          data-testid="approvals-table"
          rowSelection={{
            selectedRowKeys: selected.map((s) => s.id),
            preserveSelectedRowKeys: true,
            onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
            getCheckboxProps: (r) => ({ disabled: r.state !== 'under_review' || !decisionsOpen, 'aria-label': `选择《${r.name}》` }),
          }}
        />
      </Card>

      <ConfirmDialog
        open={pending?.kind === 'approve'}
        title={pending?.kind === 'approve' && pending.items.length > 1 ? `确认批量立项（${pending.items.length} 个项目）` : '确认立项'}
        okText="确认立项"
        loading={busy}
        errors={errors}
        onCancel={() => setPending(null)}
        onConfirm={() => pending?.kind === 'approve' && approve.mutate(pending)}
        notice={{
          title: '立项后将按顺序分配立项编号，列入年度质量攻关项目计划，并通知申报单位和推荐单位。此操作不可撤销。',
          description: pending?.kind === 'approve' && pending.items.length > 1 ? '任一项目不符合条件时，全部不执行，也不占用立项编号。' : undefined,
        }}
      >
        {pending?.kind === 'approve' && <SelectedProjects items={pending.items} />}
      </ConfirmDialog>

      <ConfirmDialog
        open={pending?.kind === 'reject'}
        title="不予立项"
        okText="确认不予立项"
        danger
        loading={busy}
        errors={errors}
        fieldError={reasonError}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => pending?.kind === 'reject' && reject.mutate({ item: pending.item, reason, idem: pending.idem })}
        notice={pending?.kind === 'reject' ? { title: `《${pending.item.name}》将列为“未立项”，本年度不再受理。原因将告知申报单位和推荐单位，此操作不可撤销。` } : undefined}
        reason={{ label: '不予立项的原因', min: MIN_REJECT_REASON_LENGTH, placeholder: '请写明不予立项的原因（申报单位和推荐单位可见）' }}
      />

      <ConfirmDialog
        open={pending?.kind === 'bulkReject'}
        title={pending?.kind === 'bulkReject' ? `批量不予立项（${pending.items.length} 个项目）` : '批量不予立项'}
        okText="确认不予立项"
        danger
        loading={busy}
        errors={errors}
        fieldError={reasonError}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => pending?.kind === 'bulkReject' && bulkReject.mutate({ items: pending.items, reason, idem: pending.idem })}
        notice={{ title: '所选项目将全部列为“未立项”，本年度不再受理。同一原因将告知各申报单位和推荐单位，此操作不可撤销。', description: '任一项目不符合条件时，全部不执行。' }}
        reason={{ label: '不予立项的原因', min: MIN_REJECT_REASON_LENGTH, maxLength: MAX_REJECT_REASON_LENGTH, placeholder: '请写明不予立项的原因（适用于所选全部项目；申报单位和推荐单位可见）' }}
      >
        {pending?.kind === 'bulkReject' && <SelectedProjects items={pending.items} />}
      </ConfirmDialog>

      <ProjectDrawer item={viewing} onClose={() => setViewing(null)} />
      <CompareDrawer ids={comparing} onClose={() => setComparing(null)} />
    </>
  );
}
