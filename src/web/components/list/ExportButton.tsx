/** Excel export of exactly the rows the filters select (the same query the list sends, without paging). */
import { DownloadOutlined } from '@ant-design/icons';
import { withQuery, type Query } from '../../api';

export function ExportButton({ href, query, testId, label = '导出 Excel' }: { href: string; query: Query; testId?: string; label?: string }) {
  return (
    <a className="gg-link-btn gg-link-btn-primary" href={withQuery(href, query)} download data-testid={testId} title="按当前筛选条件导出全部记录">
      <DownloadOutlined aria-hidden /> {label}
      <span className="gg-sr-only">（当前筛选结果）</span>
    </a>
  );
}
