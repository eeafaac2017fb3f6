/** The portal's 公示 and 优秀成果 panels: open 公示 windows (to the list and objection form), approved showcase entries. */
import { Link } from 'react-router';
import type { PublicShowcase } from '../../../shared/publicity';
import { EmptyState } from '../../components/EmptyState';
import { useExcellent, usePublicityList } from './publicity-api';

export function PublicityPanel() {
  const { data } = usePublicityList();
  const open = (data?.items ?? []).filter((w) => w.state === 'open').slice(0, 3);
  if (open.length === 0) return <EmptyState text="暂无公开信息" />;
  return (
    <ul className="gg-pub-list">
      {open.map((w) => (
        <li key={w.id} className="gg-pub-item" data-testid="publicity-item">
          <Link to={`/publicity/${w.id}`} className="gg-pub-title">
            {w.title}
          </Link>
          <div className="gg-muted gg-small">
            公示期 {w.opensOn} 至 {w.closesOn} · 共 {w.projectCount} 项 · {w.accepting ? '受理异议中' : w.stateLabel}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** One 优秀成果 in a list (portal panel and the 优秀成果 page, which adds the highlights). */
export function ExcellentLine({ e, detailed = false }: { e: PublicShowcase; detailed?: boolean }) {
  return (
    <li className="gg-pub-item" data-testid="excellent-item">
      <Link to={`/excellent/${e.id}`} className="gg-pub-title">
        {e.title}
      </Link>
      <div className="gg-muted gg-small">
        {e.year}年度 · {e.unit}
        {detailed && ` · ${e.district}`}
      </div>
      {detailed && e.highlights.length > 0 && <div className="gg-small">{e.highlights.join('；')}</div>}
    </li>
  );
}

export function ExcellentPanel() {
  const { data } = useExcellent();
  const items = (data?.items ?? []).slice(0, 4);
  if (items.length === 0) return <EmptyState text="暂无公开信息" />;
  return (
    <>
      <ul className="gg-pub-list">
        {items.map((e) => (
          <ExcellentLine key={e.id} e={e} />
        ))}
      </ul>
      <Link to="/excellent" className="gg-small">
        查看全部优秀成果
      </Link>
    </>
  );
}
