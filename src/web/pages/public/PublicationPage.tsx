/**
 * One version of a publication: its header, the 已更正 mark and the versions of its series, the
 * rows with search, filters (所在区, 产业链, 攻关方向, 推荐单位) and pages, and the official files.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Input, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanRow } from '../../../shared/publications';
import { errorMessage } from '../../api';
import { Panel } from '../../components/Panel';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatBeijing } from '../../time';
import { publicationFileUrl, usePublication } from './publications-api';

type FilterKey = 'district' | 'chain' | 'direction' | 'recommender';
const FILTERS: { key: FilterKey; label: string }[] = [
  { key: 'district', label: '所在区' },
  { key: 'chain', label: '产业链' },
  { key: 'direction', label: '攻关方向' },
  { key: 'recommender', label: '推荐单位' },
];

const dateCn = (d: string) => formatBeijing(`${d}T00:00:00+08:00`, 'dateCn');

/** Each version is its own page: search and filters start afresh when moving between versions. */
export default function PublicationPage() {
  const { id } = useParams();
  return <PublicationView key={id} id={id} />;
}

function PublicationView({ id }: { id: string | undefined }) {
  const pub = usePublication(id);
  usePageTitle(pub.data?.title ?? '信息公开');
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Partial<Record<FilterKey, string>>>({});
  const [page, setPage] = useState(1);
  const rows = pub.data?.rows ?? [];
  const options = useMemo(() => {
    const o = {} as Record<FilterKey, string[]>;
    for (const f of FILTERS) o[f.key] = [...new Set(rows.map((r) => r[f.key]).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    return o;
  }, [rows]);
  const shown = useMemo(() => {
    const term = q.trim();
    return rows.filter(
      (r) => FILTERS.every((f) => !filters[f.key] || r[f.key] === filters[f.key]) && (!term || r.name.includes(term) || r.unit.includes(term) || r.projectNo.includes(term)),
    );
  }, [rows, q, filters]);

  if (pub.error) {
    return (
      <PublicShell>
        <div className="gg-container gg-section">
          <Alert type="error" showIcon title="公开信息加载失败" description={errorMessage(pub.error)} />
        </div>
      </PublicShell>
    );
  }
  const p = pub.data;
  return (
    <PublicShell>
      <div className="gg-container gg-section">
        <nav className="gg-small gg-muted" aria-label="位置">
          <Link to="/">首页</Link> / <Link to={p ? `/publications?year=${p.year}` : '/publications'}>信息公开</Link>
        </nav>
        <h1 className="gg-page-title">
          {p ? p.title : '正在加载…'}
          {p && p.version > 1 && `（第${p.version}版）`}
        </h1>
        {p && (
          <>
            <p className="gg-muted" data-testid="publication-meta">
              {p.kindLabel} · {p.documentNo} · 发布日期 {dateCn(p.publishedOn)} · 共 {p.rowCount} 项
            </p>
            {p.correctedBy && (
              <Alert
                type="warning"
                showIcon
                data-testid="corrected-notice"
                title={
                  <>
                    本版本已更正，请以<Link to={`/publications/${p.correctedBy.id}`}>第{p.correctedBy.version}版</Link>为准。
                  </>
                }
                style={{ marginBottom: 16 }}
              />
            )}
            {p.corrects && p.correctionNote && (
              <Alert
                type="info"
                showIcon
                title={
                  <>
                    本版本更正了<Link to={`/publications/${p.corrects.id}`}>第{p.corrects.version}版</Link>。更正说明：{p.correctionNote}
                  </>
                }
                style={{ marginBottom: 16 }}
              />
            )}
            <div className="gg-pub-actions">
              <a className="gg-link-btn gg-link-btn-primary" href={publicationFileUrl(p.id, 'pdf')} download>
                <DownloadOutlined aria-hidden /> 下载 PDF
              </a>
              <a className="gg-link-btn gg-link-btn-outline-blue" href={publicationFileUrl(p.id, 'xlsx')} download>
                <DownloadOutlined aria-hidden /> 下载 Excel
              </a>
              {p.versions.length > 1 && (
                <span className="gg-small gg-muted" data-testid="version-list">
                  全部版本：
                  {p.versions.map((v, i) => (
                    <span key={v.id}>
                      {i > 0 && '、'}
                      {v.id === p.id ? `第${v.version}版（当前）` : <Link to={`/publications/${v.id}`}>第{v.version}版</Link>}
                    </span>
                  ))}
                </span>
              )}
            </div>
          </>
        )}
        <Panel>
          <div className="gg-pub-filters">
            <Input.Search
              allowClear
              aria-label="搜索项目名称、承担单位或立项编号"
              placeholder="搜索项目名称、承担单位或立项编号"
              onSearch={(v) => {
                setQ(v);
                setPage(1);
              }}
              onChange={(e) => {
                if (!e.target.value) setQ('');
              }}
            />
            {FILTERS.map((f) => (
              <Select
                key={f.key}
                allowClear
                aria-label={f.label}
                placeholder={`全部${f.label}`}
                value={filters[f.key]}
                options={options[f.key].map((v) => ({ value: v, label: v }))}
                onChange={(v: string | undefined) => {
                  setFilters((old) => ({ ...old, [f.key]: v }));
                  setPage(1);
                }}
                data-testid={`filter-${f.key}`}
              />
            ))}
          </div>
          <Table<PlanRow>
            rowKey="seq"
            size="middle"
            loading={pub.isPending}
            dataSource={shown}
            scroll={{ x: 960 }}
            pagination={{ current: page, pageSize: 20, onChange: setPage, showTotal: (n) => `共 ${n} 项`, showSizeChanger: false }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 64 },
              { title: '立项编号', dataIndex: 'projectNo', width: 150 },
              { title: '项目名称', dataIndex: 'name' },
              { title: '承担单位', dataIndex: 'unit' },
              { title: '所在区', dataIndex: 'district', width: 96 },
              { title: '推荐单位', dataIndex: 'recommender' },
              // 公示名单 / 认定结果 list the 技术评定等级 instead of direction and chain.
              ...(shown.some((r) => r.level !== undefined)
                ? [{ title: '技术评定等级', dataIndex: 'level', width: 120 }]
                : [
                    { title: '攻关方向', dataIndex: 'direction', width: 130 },
                    { title: '产业链', dataIndex: 'chain', width: 110 },
                  ]),
            ]}
            locale={{ emptyText: '没有符合条件的项目' }}
          />
        </Panel>
      </div>
    </PublicShell>
  );
}
