/** 我的申报: the organisation's applications, searchable and filterable, with 新建申报. */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PROJECT_STATE_LABELS, PROJECT_STATES, type ProjectState } from '../../../domain/project-workflow';
import type { ApplicationListItem } from '../../../shared/applications';
import { errorMessage } from '../../api';
import { StateBadge } from '../../components/application/StateBadge';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { CertificatesCard } from './CertificatesCard';
import { applicationsApi, applicationsKey, useApplicationList } from './queries';
import { charCount } from '../../../domain/application-format';
import { OverLimitNote } from '../../components/list/LimitedSearch';

/** States an applicant's application can be in during 程序一 (others are filterable too, listed after). */
const FILTER_STATES: ProjectState[] = ['draft', 'submitted', 'returned', 'withdrawn', 'recommended', 'not_recommended', 'under_review', 'approved', 'rejected'];

/** "新建申报": creates a draft on the server and opens it. */
export function useCreateApplication() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      const detail = await applicationsApi.create();
      await qc.invalidateQueries({ queryKey: applicationsKey });
      message.success('已新建申报书草稿');
      navigate(`/applicant/applications/${detail.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { create, busy };
}

export function applicationColumns(): ColumnsType<ApplicationListItem> {
  return [
    {
      title: '项目名称',
      dataIndex: 'name',
      minWidth: 220,
      render: (name: string, r) => (
        <Link to={`/applicant/applications/${r.id}`} className="gg-table-link">
          {name || <span className="gg-muted">（未命名申报书）</span>}
        </Link>
      ),
    },
    {
      title: '申报编号',
      dataIndex: 'applicationNo',
      width: 150,
      render: (v: string | null, r) => (
        <>
          {v ?? <span className="gg-muted">提交后生成</span>}
          {r.projectNo && <div className="gg-small">立项编号 {r.projectNo}</div>}
        </>
      ),
    },
    { title: '申报方向', dataIndex: 'directionLabel', width: 150, render: (v: string | null) => v ?? <span className="gg-muted">未选择</span> },
    { title: '推荐单位', dataIndex: 'recommenderName', width: 190, render: (v: string | null) => v ?? <span className="gg-muted">未选择</span> },
    {
      title: '状态',
      dataIndex: 'state',
      width: 150,
      render: (s: ProjectState, r) => (
        <Space size={4} wrap>
          <StateBadge state={s} label={r.stateLabel} />
          {r.duplicateFlag && <Tag color="orange">雷同提示</Tag>}
        </Space>
      ),
    },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatBeijing(v) },
  ];
}

export default function ApplicationsPage() {
  usePageTitle('我的申报');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const state = (params.get('state') as ProjectState | null) ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '10') || 10;
  const [text, setText] = useState(q);
  const textOver = charCount(text) > 50;
  const { data, isFetching, error } = useApplicationList({ q: q || undefined, state, page, pageSize });
  const { create, busy } = useCreateApplication();

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="我的申报"
        subtitle="本单位的全部质量攻关项目申报书；草稿自动保存，提交后由推荐单位审核"
        extra={
          <Button type="primary" icon={<PlusOutlined />} loading={busy} onClick={create}>
            新建申报
          </Button>
        }
      />
      <CertificatesCard />
      <Card>
        <form
          role="search"
          aria-label="查询申报书"
          onSubmit={(e) => {
            e.preventDefault();
            // Past the server's 50 characters the field says so (below) and nothing is sent or cut.
            if (textOver) return;
            update({ q: text.trim(), page: undefined });
          }}
          style={{ marginBottom: 16 }}
        >
          <Space wrap>
            <Input
              aria-label="搜索关键词"
              placeholder="项目名称或申报编号"
              value={text}
              onChange={(e) => setText(e.target.value)}
              allowClear
              status={textOver ? 'error' : undefined}
              aria-invalid={textOver || undefined}
              aria-describedby={textOver ? 'applications-q-error' : undefined}
              style={{ width: 260 }}
              prefix={<SearchOutlined aria-hidden />}
            />
            {textOver && <OverLimitNote id="applications-q-error" label="搜索关键词" max={50} count={charCount(text)} />}
            <Select
              aria-label="状态"
              placeholder="全部状态"
              allowClear
              style={{ width: 180 }}
              value={state}
              onChange={(v?: ProjectState) => update({ state: v, page: undefined })}
              options={[...FILTER_STATES, ...PROJECT_STATES.filter((s) => !FILTER_STATES.includes(s))].map((s) => ({ value: s, label: PROJECT_STATE_LABELS[s] }))}
            />
            <Button htmlType="submit" type="primary" ghost>
              查询
            </Button>
            {(q || state) && (
              <Button
                onClick={() => {
                  setText('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                重置
              </Button>
            )}
          </Space>
        </form>
        {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
        <Table<ApplicationListItem>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          columns={applicationColumns()}
          locale={{ emptyText: q || state ? '没有符合条件的申报书' : '暂无申报书，点击“新建申报”开始填写' }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, ps) => update({ page: p === 1 ? undefined : String(p), pageSize: ps === 10 ? undefined : String(ps) }),
          }}
        />
      </Card>
    </>
  );
}
