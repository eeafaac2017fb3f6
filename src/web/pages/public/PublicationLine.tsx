/** One publication in a list: title (version), 已更正 mark, kind, 文号, date, number of rows. */
import { Link } from 'react-router';
import type { PublicationSummary } from '../../../shared/publications';
import { formatBeijing } from '../../time';

export function PublicationLine({ p }: { p: PublicationSummary }) {
  return (
    <li className="gg-pub-item" data-testid="publication-item">
      <Link to={`/publications/${p.id}`} className="gg-pub-title">
        {p.title}
        {p.version > 1 && `（第${p.version}版）`}
      </Link>
      {p.correctedBy && (
        <span className="gg-pub-corrected" data-testid="corrected-mark">
          已更正
        </span>
      )}
      <div className="gg-muted gg-small">
        <span className="gg-pub-kind">{p.kindLabel}</span> {p.documentNo} · {formatBeijing(`${p.publishedOn}T00:00:00+08:00`, 'dateCn')} · 共 {p.rowCount} 项
      </div>
    </li>
  );
}
