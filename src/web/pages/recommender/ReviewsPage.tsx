/** 申报审核 inbox: search, filters, sorting, per-state tabs (all in the URL), bulk actions with one shared reason, Excel export of the filtered rows. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card } from 'antd';
import { useState } from 'react';
import { INBOX_SORTS, MIN_OPINION_LENGTH, MIN_REASON_LENGTH, type InboxItem } from '../../../shared/recommendations';
import { api, ApiError, errorMessage } from '../../api';
import { BulkBar, ConfirmDialog, CountTabs, DIRECTION_OPTIONS, ExportButton, FilterBar, ListTable, useCampaignYearField, useChainOptions } from '../../components/list';
import { applyFieldErrors, isStale, STALE_MESSAGE } from '../../components/review/errors';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useListState } from '../../hooks/useListState';
import { PageHeader } from '../../layout/RoleLayout';
import { INBOX_KEY, INBOX_TABS, useInbox, type ActionResult } from './queries';
import { inboxColumns } from './reviews/columns';
import '../../components/review/review.css';

type BulkAction = 'return' | 'decline' | 'recommend';

const BULK: Record<BulkAction, { label: string; fieldLabel: string; min: number; danger?: boolean; primary?: boolean; placeholder: string }> = {
  return: { label: '退回补正', fieldLabel: '退回原因', min: MIN_REASON_LENGTH, placeholder: '请写明需要申报单位补正的内容（将发送给所选全部申报单位）' },
  decline: { label: '不予推荐', fieldLabel: '不予推荐的原因', min: MIN_REASON_LENGTH, danger: true, placeholder: '请写明不予推荐的原因（申报单位可见）' },
  recommend: { label: '推荐', fieldLabel: '推荐意见', min: MIN_OPINION_LENGTH, primary: true, placeholder: `推荐意见（不少于${MIN_OPINION_LENGTH}字），将作为所选全部项目的推荐意见` },
};

const INBOX_SORT_DEFAULT: { key: (typeof INBOX_SORTS)[number]; order: 'desc' } = { key: 'submittedAt', order: 'desc' };

export default function ReviewsPage() {
  usePageTitle('申报审核');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListState({ filters: { year: '', q: '', direction: '', chain: '', duplicateFlag: '' }, tab: 'submitted', sort: INBOX_SORT_DEFAULT });
  const states = INBOX_TABS.find((t) => t.key === list.tab)?.states ?? [];
  const filterQuery = { ...list.filterQuery, state: states.join(',') };
  const inbox = useInbox({ ...filterQuery, page: list.page, pageSize: list.pageSize });
  const chains = useChainOptions();
  const yearField = useCampaignYearField<typeof list.filters>();

  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const [bulkErrors, setBulkErrors] = useState<string[]>([]);
  const [textError, setTextError] = useState<string | null>(null);

  const counts = inbox.data?.counts ?? {};
  const countOf = (s: string[]) => (s.length ? s.reduce((n, x) => n + (counts[x] ?? 0), 0) : Object.values(counts).reduce((a, b) => a + b, 0));

  const bulkRun = useMutation({
    mutationFn: (v: { action: BulkAction; text: string }) =>
      api.post<{ items: ActionResult[] }>('/api/recommender/applications/bulk', {
        action: v.action,
        ids: selected,
        ...(v.action === 'recommend' ? { opinion: v.text } : { reason: v.text }),
        versions: Object.fromEntries((inbox.data?.items ?? []).filter((i) => selected.includes(i.id)).map((i) => [i.id, i.version])),
      }),
    onSuccess: (res, v) => {
      message.success(`已${BULK[v.action].label} ${res.items.length} 个项目`);
      setBulk(null);
      setSelected([]);
      void qc.invalidateQueries({ queryKey: INBOX_KEY });
      void qc.invalidateQueries({ queryKey: ['recommender'] });
    },
    onError: (err) => {
      if (isStale(err)) {
        message.warning(STALE_MESSAGE);
        void qc.invalidateQueries({ queryKey: INBOX_KEY });
      }
      const fields = err instanceof ApiError ? err.fields : {};
      const text = fields.reason ?? fields.opinion;
      setTextError(text ?? null);
      const perProject = applyFieldErrors(null, err).filter((m) => m !== text && !m.endsWith(text ?? '\u0000'));
      setBulkErrors(text && perProject.length === 0 ? [] : perProject.length ? perProject : [errorMessage(err)]);
    },
  });

  const openBulk = (a: BulkAction) => {
    setBulkErrors([]);
    setTextError(null);
    setBulk(a);
  };
  const b = bulk ? BULK[bulk] : null;

  return (
    <>
      <PageHeader
        title="申报审核"
        subtitle="审核本单位负责的申报材料的完整性与真实性，出具推荐意见"
        extra={<ExportButton href="/api/recommender/applications/export.xlsx" query={filterQuery} testId="inbox-export" />}
      />
      <Card>
        <FilterBar
          list={list}
          label="申报筛选"
          onRefresh={() => void inbox.refetch()}
          fields={[
            yearField,
            { key: 'q', kind: 'text', label: '关键词', placeholder: '项目名称、申报单位或申报编号', width: 260 },
            { key: 'direction', kind: 'select', label: '申报方向', width: 170, options: DIRECTION_OPTIONS },
            { key: 'chain', kind: 'select', label: '产业链/领域', width: 150, search: true, options: chains },
            {
              key: 'duplicateFlag',
              kind: 'select',
              label: '雷同提示',
              width: 120,
              options: [
                { value: 'true', label: '有雷同提示' },
                { value: 'false', label: '无雷同提示' },
              ],
            },
          ]}
        />
        <CountTabs
          label="审核状态"
          active={list.tab}
          urgent="submitted"
          onChange={(k) => {
            setSelected([]);
            list.setTab(k);
          }}
          tabs={INBOX_TABS.map((t) => ({ key: t.key, label: t.label, count: countOf(t.states) }))}
        />
        <BulkBar
          count={selected.length}
          hint="可勾选“待审核”的项目进行批量处理"
          actions={(Object.keys(BULK) as BulkAction[]).map((a) => ({ key: a, label: `批量${BULK[a].label}`, danger: BULK[a].danger, primary: BULK[a].primary, onClick: () => openBulk(a) }))}
        />
        <ListTable<InboxItem>
          list={list}
          result={inbox}
          what="申报列表"
          empty={list.tab === 'submitted' ? '暂无待审核的申报' : '暂无申报'}
          noMatch="没有符合条件的申报"
          columns={inboxColumns(list)}
          scroll={{ x: 1450 }}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (r) => ({ disabled: r.state !== 'submitted', 'aria-label': `选择《${r.name}》` }),
          }}
        />
      </Card>

      <ConfirmDialog
        open={!!bulk}
        title={b ? `批量${b.label}（${selected.length} 个项目）` : ''}
        okText={b ? `确认${b.label}` : '确认'}
        danger={b?.danger}
        loading={bulkRun.isPending}
        errors={bulkErrors}
        fieldError={textError}
        onCancel={() => setBulk(null)}
        onConfirm={(text) => bulk && bulkRun.mutate({ action: bulk, text })}
        notice={
          b
            ? {
                type: bulk === 'recommend' ? 'info' : 'warning',
                title: `将对所选 ${selected.length} 个项目统一执行“${b.label}”，共用下面的${b.fieldLabel}。`,
                description:
                  bulk === 'recommend' ? '批量推荐使用各项目已保存的真实性核查记录；任一项目不符合条件时，全部不执行。' : '任一项目不符合条件时，全部不执行。操作将通知相关申报单位。',
              }
            : undefined
        }
        reason={b ? { label: b.fieldLabel, min: b.min, placeholder: b.placeholder } : undefined}
      />
    </>
  );
}
