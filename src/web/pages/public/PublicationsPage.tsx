/** 信息公开: the commission's publications of a year (every version; corrected ones marked). */
import { Alert, Segmented } from 'antd';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { Panel } from '../../components/Panel';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PublicationLine } from './PublicationLine';
import { usePublications } from './publications-api';

export default function PublicationsPage() {
  usePageTitle('信息公开');
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const all = usePublications();
  const years = all.data?.years ?? [];
  const shown = year ?? years[0];
  const items = (all.data?.items ?? []).filter((p) => p.year === shown);
  return (
    <PublicShell>
      <div className="gg-container gg-section">
        <h1 className="gg-page-title">信息公开</h1>
        {all.error && <Alert type="error" showIcon title="公开信息加载失败" description={errorMessage(all.error)} />}
        {years.length > 1 && (
          <Segmented
            aria-label="年度"
            value={shown}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(v) => setParams({ year: String(v) })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Panel title={shown ? `${shown}年度公开信息` : '公开信息'}>
          {all.isPending ? <p className="gg-muted">正在加载…</p> : items.length === 0 ? <EmptyState text="暂无公开信息" /> : (
            <ul className="gg-pub-list">
              {items.map((p) => (
                <PublicationLine key={p.id} p={p} />
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </PublicShell>
  );
}
