/** 优秀成果 (public, phone-friendly): the approved showcase entries and one entry's page; 经验交流会. */
import { Alert } from 'antd';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { Panel } from '../../components/Panel';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { ExcellentLine } from './PortalPublicityPanels';
import { useConferences, useExcellent, useExcellentEntry } from './publicity-api';

export function ExcellentListPage() {
  usePageTitle('优秀成果');
  const q = useExcellent();
  const conferences = useConferences();
  const items = q.data?.items ?? [];
  return (
    <PublicShell>
      <div className="gg-container gg-section">
        <h1 className="gg-page-title">优秀成果</h1>
        {q.error && <Alert type="error" showIcon title="优秀成果加载失败" description={errorMessage(q.error)} />}
        <Panel title="天津市质量攻关优秀成果">
          {q.isPending ? <p className="gg-muted">正在加载…</p> : items.length === 0 ? <EmptyState text="暂无公开信息" /> : (
            <ul className="gg-pub-list">
              {items.map((e) => (
                <ExcellentLine key={e.id} e={e} detailed />
              ))}
            </ul>
          )}
        </Panel>
        {(conferences.data?.items.length ?? 0) > 0 && (
          <Panel title="经验交流会" className="gg-section">
            <ul className="gg-pub-list">
              {conferences.data!.items.map((c) => (
                <li key={c.id} className="gg-pub-item">
                  <span className="gg-pub-title">{c.title}</span>
                  <div className="gg-muted gg-small">
                    {c.heldOn} · {c.place}
                  </div>
                </li>
              ))}
            </ul>
          </Panel>
        )}
      </div>
    </PublicShell>
  );
}

export function ExcellentDetailPage() {
  const { id } = useParams();
  const q = useExcellentEntry(id);
  const e = q.data;
  usePageTitle(e?.title ?? '优秀成果');
  return (
    <PublicShell>
      <div className="gg-container gg-section">
        {q.error && <Alert type="error" showIcon title="优秀成果加载失败" description={errorMessage(q.error)} />}
        {e && (
          <article>
            <h1 className="gg-page-title">{e.title}</h1>
            <p className="gg-muted">
              {e.year}年度天津市质量攻关优秀成果 · {e.unit}（{e.district}）{e.levelLabel && ` · 技术评定等级：${e.levelLabel}`}
            </p>
            <Panel title="成果简介">
              <p style={{ whiteSpace: 'pre-wrap' }}>{e.summary}</p>
            </Panel>
            {e.highlights.length > 0 && (
              <Panel title="效益亮点" className="gg-section">
                <ul>
                  {e.highlights.map((h) => (
                    <li key={h}>{h}</li>
                  ))}
                </ul>
              </Panel>
            )}
            <p className="gg-section">
              <Link to="/excellent">返回优秀成果列表</Link>
            </p>
          </article>
        )}
      </div>
    </PublicShell>
  );
}

export default ExcellentListPage;
