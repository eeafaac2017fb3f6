/**
 * 立项审核 (program step 2, commission): projects sent by the recommenders, search / filters /
 * tabs with counts (all in the URL), 立项 (single or bulk, all-or-nothing) with a 立项编号, 不予立项
 * with a reason the applicant and its recommender see, Excel export of exactly the filtered rows.
 */
import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { MIN_REJECT_REASON_LENGTH, type ApprovalItem, type ApprovalList, type DecisionResult } from '../../../shared/approvals';
import type { recommenderStatusListSchema } from '../../../shared/recommendations';
import { api, ApiError, errorMessage, idempotencyHeaders } from '../../api';
import { BulkBar, ConfirmDialog, CountTabs, DIRECTION_OPTIONS, ExportButton, FilterBar, ListTable, useCampaignYearField, useChainOptions } from '../../components/list';
import { isStale, STALE_MESSAGE } from '../../components/review/errors';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useListState } from '../../hooks/useListState';
import { PageHeader } from '../../layout/RoleLayout';
import { approvalColumns } from './approvals/columns';
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

/** One confirmation at a time: approve one, approve the selection, or reject one. */
type Pending = { kind: 'approve'; items: ApprovalItem[]; idem: Record<string, string> } | { kind: 'reject'; item: ApprovalItem; idem: Record<string, string> };

export default function ApprovalsPage() {
  usePageTitle('立项审核');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListState({ filters: { year: '', q: '', recommenderOrgId: '', direction: '', chain: '' }, tab: 'under_review', sort: { key: 'submittedAt', order: 'asc' } });
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
  });
  const busy = approve.isPending || reject.isPending;

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
          hint="可勾选“立项审核中”的项目批量立项"
          actions={[{ key: 'approve', label: '批量立项', primary: true, icon: <CheckOutlined />, disabled: !decisionsOpen, onClick: () => open({ kind: 'approve', items: selected, idem: idempotencyHeaders() }) }]}
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
        {pending?.kind === 'approve' && (
          <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 240, overflow: 'auto' }}>
            {pending.items.map((i) => (
              <li key={i.id}>
                《{i.name}》— {i.applicantName}
              </li>
            ))}
          </ul>
        )}
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

      <ProjectDrawer item={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
