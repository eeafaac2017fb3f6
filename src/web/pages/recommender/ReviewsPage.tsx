/** 申报审核 inbox: search, filters, sorting, per-state tabs, bulk actions, Excel export of the filtered rows. */
import { DownloadOutlined, ReloadOutlined, SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Form, Input, Modal, Result, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DIRECTION_LABELS, DIRECTIONS, type Direction } from '../../../shared/application-form';
import { INBOX_SORTS, MIN_OPINION_LENGTH, MIN_REASON_LENGTH, type InboxItem } from '../../../shared/recommendations';
import { api, ApiError, errorMessage, withQuery } from '../../api';
import { applyFieldErrors, isStale, STALE_MESSAGE } from '../../components/review/errors';
import { StateTag } from '../../components/review/StateTag';
import { pct } from '../../components/review/DuplicateMatches';
import { usePageTitle } from '../../hooks/usePageTitle';
import { usePublicCampaign } from '../../hooks/usePublicCampaign';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { INBOX_KEY, INBOX_TABS, useInbox, type ActionResult } from './queries';
import '../../components/review/review.css';

type Sort = (typeof INBOX_SORTS)[number];
type BulkAction = 'return' | 'decline' | 'recommend';

const BULK: Record<BulkAction, { label: string; field: 'reason' | 'opinion'; fieldLabel: string; min: number; danger?: boolean; placeholder: string }> = {
  return: { label: '退回补正', field: 'reason', fieldLabel: '退回原因', min: MIN_REASON_LENGTH, placeholder: '请写明需要申报单位补正的内容（将发送给所选全部申报单位）' },
  decline: { label: '不予推荐', field: 'reason', fieldLabel: '不予推荐的原因', min: MIN_REASON_LENGTH, danger: true, placeholder: '请写明不予推荐的原因（申报单位可见）' },
  recommend: { label: '推荐', field: 'opinion', fieldLabel: '推荐意见', min: MIN_OPINION_LENGTH, placeholder: `推荐意见（不少于${MIN_OPINION_LENGTH}字），将作为所选全部项目的推荐意见` },
};

export default function ReviewsPage() {
  usePageTitle('申报审核');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const campaign = usePublicCampaign();
  const tab = params.get('tab') ?? 'submitted';
  const filters = {
    q: params.get('q') ?? '',
    direction: params.get('direction') ?? '',
    chain: params.get('chain') ?? '',
    duplicateFlag: params.get('dup') ?? '',
  };
  const sort = (params.get('sort') as Sort | null) ?? 'submittedAt';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('size') ?? '20') || 20;
  const states = INBOX_TABS.find((t) => t.key === tab)?.states ?? [];
  const filterQuery = { ...filters, state: states.join(','), sort, order };
  const list = useInbox({ ...filterQuery, page, pageSize });

  const [draft, setDraft] = useState(filters);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const [bulkErrors, setBulkErrors] = useState<string[]>([]);
  const [form] = Form.useForm<{ text: string }>();

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const applyFilters = () => update({ q: draft.q.trim(), direction: draft.direction, chain: draft.chain, dup: draft.duplicateFlag, page: null });
  const reset = () => {
    setDraft({ q: '', direction: '', chain: '', duplicateFlag: '' });
    update({ q: null, direction: null, chain: null, dup: null, page: null });
  };

  const chains = useMemo(() => {
    const c = campaign.data;
    return c ? [...c.focusChains, ...c.livelihoodIndustries, '其他'] : [];
  }, [campaign.data]);

  const counts = list.data?.counts ?? {};
  const countOf = (s: string[]) => (s.length ? s.reduce((n, x) => n + (counts[x] ?? 0), 0) : Object.values(counts).reduce((a, b) => a + b, 0));

  const bulkRun = useMutation({
    mutationFn: (v: { action: BulkAction; text: string }) =>
      api.post<{ items: ActionResult[] }>('/api/recommender/applications/bulk', {
        action: v.action,
        ids: selected,
        ...(v.action === 'recommend' ? { opinion: v.text } : { reason: v.text }),
        versions: Object.fromEntries((list.data?.items ?? []).filter((i) => selected.includes(i.id)).map((i) => [i.id, i.version])),
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
      const textError = fields.reason ?? fields.opinion;
      if (textError) form.setFields([{ name: 'text', errors: [textError] }]);
      const perProject = applyFieldErrors(null, err).filter((m) => m !== textError && !m.endsWith(textError ?? '\u0000'));
      setBulkErrors(textError && perProject.length === 0 ? [] : perProject.length ? perProject : [errorMessage(err)]);
    },
  });

  const openBulk = (a: BulkAction) => {
    form.resetFields();
    setBulkErrors([]);
    setBulk(a);
  };

  const sortOrderOf = (key: Sort) => (sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: ColumnsType<InboxItem> = [
    { title: '申报编号', dataIndex: 'applicationNo', width: 150, render: (v: string | null) => <span className="gg-mono gg-small">{v ?? '—'}</span> },
    {
      title: '项目名称',
      dataIndex: 'name',
      key: 'name',
      width: 300,
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (v: string, r) => (
        <div>
          <Link to={`/recommender/reviews/${r.id}`}>{v || '（未命名项目）'}</Link>
          {r.lastReason && (r.state === 'returned' || r.state === 'not_recommended' || r.state === 'rejected') && (
            <div className="gg-muted gg-small">
              <Typography.Text type="secondary" ellipsis={{ tooltip: r.lastReason }} style={{ maxWidth: 320 }}>
                原因：{r.lastReason}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '申报单位', dataIndex: 'applicantName', width: 200 },
    { title: '申报方向', dataIndex: 'direction', width: 150, render: (v: string | null) => (v ? DIRECTION_LABELS[v as Direction] ?? v : '—') },
    { title: '产业链/领域', dataIndex: 'chain', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'state', width: 140, render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', width: 150, sorter: true, sortOrder: sortOrderOf('submittedAt'), render: (v: string | null) => formatBeijing(v) },
    { title: '推荐排序', dataIndex: 'recommendOrder', key: 'recommendOrder', width: 100, sorter: true, sortOrder: sortOrderOf('recommendOrder'), render: (v: number | null) => v ?? '—' },
    {
      title: '雷同',
      dataIndex: 'duplicateScore',
      key: 'duplicateScore',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('duplicateScore'),
      render: (v: number | null, r) =>
        r.duplicateFlag ? (
          <Tag color="orange" icon={<WarningOutlined />}>
            {pct(v)}
          </Tag>
        ) : (
          <span className="gg-muted">{pct(v)}</span>
        ),
    },
    {
      title: '操作',
      key: 'ops',
      width: 90,
      fixed: 'right',
      render: (_, r) => (
        <Link to={`/recommender/reviews/${r.id}`} aria-label={`${r.state === 'submitted' ? '审核' : '查看'}《${r.name}》`}>
          {r.state === 'submitted' ? '审核' : '查看'}
        </Link>
      ),
    },
  ];

  const exportHref = withQuery('/api/recommender/applications/export.xlsx', filterQuery);
  const b = bulk ? BULK[bulk] : null;

  return (
    <>
      <PageHeader
        title="申报审核"
        subtitle="审核本单位负责的申报材料的完整性与真实性，出具推荐意见"
        extra={
          <a className="gg-link-btn gg-link-btn-primary" href={exportHref} download data-testid="inbox-export">
            <DownloadOutlined aria-hidden /> 导出 Excel
          </a>
        }
      />
      <Card>
        <form
          className="gg-filter-bar"
          role="search"
          aria-label="申报筛选"
          onSubmit={(e) => {
            e.preventDefault();
            applyFilters();
          }}
        >
          <label className="gg-filter-field">
            <span>关键词</span>
            <Input
              value={draft.q}
              onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
              placeholder="项目名称、申报单位或申报编号"
              style={{ width: 260 }}
              allowClear
              maxLength={100}
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
          <label className="gg-filter-field">
            <span>雷同提示</span>
            <Select
              aria-label="雷同提示"
              style={{ width: 120 }}
              value={draft.duplicateFlag}
              onChange={(duplicateFlag) => setDraft((d) => ({ ...d, duplicateFlag }))}
              options={[
                { value: '', label: '全部' },
                { value: 'true', label: '有雷同提示' },
                { value: 'false', label: '无雷同提示' },
              ]}
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
            update({ tab: k === 'submitted' ? null : k, page: null });
          }}
          items={INBOX_TABS.map((t) => ({
            key: t.key,
            label: (
              <span>
                {t.label}
                <Badge className="gg-rv-tabs-count" count={countOf(t.states)} showZero overflowCount={9999} color={t.key === 'submitted' && countOf(t.states) > 0 ? '#cf1322' : '#8a94a6'} />
              </span>
            ),
          }))}
        />

        <div className="gg-filter-bar" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <span aria-live="polite">{selected.length > 0 ? `已选择 ${selected.length} 项` : '可勾选“待审核”的项目进行批量处理'}</span>
          <Space wrap>
            <Button disabled={!selected.length} onClick={() => openBulk('return')}>
              批量退回补正
            </Button>
            <Button danger disabled={!selected.length} onClick={() => openBulk('decline')}>
              批量不予推荐
            </Button>
            <Button type="primary" disabled={!selected.length} onClick={() => openBulk('recommend')}>
              批量推荐
            </Button>
          </Space>
        </div>

        {list.isError ? (
          <Result status="warning" title="申报列表加载失败" subTitle={errorMessage(list.error)} extra={<Button onClick={() => void list.refetch()}>重试</Button>} />
        ) : (
          <Table<InboxItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1450 }}
            locale={{ emptyText: '没有符合条件的申报' }}
            rowSelection={{
              selectedRowKeys: selected,
              preserveSelectedRowKeys: true,
              onChange: (keys) => setSelected(keys as string[]),
              getCheckboxProps: (r) => ({ disabled: r.state !== 'submitted', 'aria-label': `选择《${r.name}》` }),
            }}
            onChange={(p, _f, s) => {
              const sorter = (Array.isArray(s) ? s[0] : s) as SorterResult<InboxItem>;
              const key = sorter?.order ? (sorter.columnKey as Sort) : null;
              update({
                page: p.current && p.current > 1 ? String(p.current) : null,
                size: p.pageSize && p.pageSize !== 20 ? String(p.pageSize) : null,
                sort: key && key !== 'submittedAt' ? key : null,
                order: key ? (sorter.order === 'ascend' ? 'asc' : null) : null,
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
        open={!!bulk}
        title={b ? `批量${b.label}（${selected.length} 个项目）` : ''}
        okText={b ? `确认${b.label}` : '确认'}
        okButtonProps={{ danger: b?.danger, loading: bulkRun.isPending }}
        cancelText="取消"
        onCancel={() => setBulk(null)}
        onOk={() => form.validateFields().then((v) => bulkRun.mutate({ action: bulk!, text: v.text.trim() }), () => undefined)}
        destroyOnHidden
      >
        {b && (
          <>
            <Alert
              type={bulk === 'recommend' ? 'info' : 'warning'}
              showIcon
              style={{ marginBottom: 16 }}
              title={`将对所选 ${selected.length} 个项目统一执行“${b.label}”，共用下面的${b.fieldLabel}。`}
              description={
                bulk === 'recommend'
                  ? '批量推荐使用各项目已保存的真实性核查记录；任一项目不符合条件时，全部不执行。'
                  : '任一项目不符合条件时，全部不执行。操作将通知相关申报单位。'
              }
            />
            <Form form={form} layout="vertical" requiredMark>
              <Form.Item
                name="text"
                label={b.fieldLabel}
                rules={[
                  { required: true, whitespace: true, message: `请填写${b.fieldLabel}` },
                  { validator: (_, v: string | undefined) => (Array.from((v ?? '').trim()).length >= b.min || !v?.trim() ? Promise.resolve() : Promise.reject(new Error(`${b.fieldLabel}至少${b.min}个字`))) },
                ]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount placeholder={b.placeholder} />
              </Form.Item>
            </Form>
            {bulkErrors.length > 0 && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title="批量操作未执行"
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {bulkErrors.map((e, i) => (
                      <li key={i}>{e}</li>
                    ))}
                  </ul>
                }
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
