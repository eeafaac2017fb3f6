/**
 * The table of a list page: rows of the current page, paging and sort through the list state
 * (so in the URL), a retry when loading failed and an empty state that says whether nothing
 * exists yet or nothing matches the filters.
 */
import { Button, Result, Table, type TableProps } from 'antd';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../api';
import type { ListState } from '../../hooks/useListState';
import { EmptyState } from '../EmptyState';

export interface ListResult<T> {
  data?: { items: T[]; total?: number };
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch(): unknown;
}

export interface ListTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange' | 'loading' | 'locale'> {
  list: ListState<any>;
  result: ListResult<T>;
  /** What is listed, for the failure title (…加载失败). */
  what: string;
  /** Empty and not filtered, e.g. 暂无培训场次. */
  empty: string;
  /** Empty because of the filters (default 没有符合条件的记录). */
  noMatch?: string;
  unit?: string;
  pageSizeOptions?: number[];
  /** false: every row on one page (a short list). */
  paged?: boolean;
}

/**
 * antd renders an invisible measuring row (aria-hidden) that repeats the column titles, so a
 * select-all checkbox appears twice and the hidden copy takes keyboard focus. `inert` takes the
 * copy out of the tab order and out of the accessibility tree.
 */
function useInertMeasureRows(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => root.querySelectorAll<HTMLElement>('.ant-table-measure-row:not([inert])').forEach((row) => row.setAttribute('inert', ''));
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [shown]);
  return ref;
}

export function ListTable<T extends object>({ list, result, what, empty, noMatch, unit, pageSizeOptions, paged = true, ...table }: ListTableProps<T>) {
  const ref = useInertMeasureRows(!result.isError);
  if (result.isError) {
    return <Result status="warning" title={`${what}加载失败`} subTitle={errorMessage(result.error)} extra={<Button onClick={() => void result.refetch()}>重试</Button>} />;
  }
  const items = result.data?.items ?? [];
  return (
    <div ref={ref}>
    <Table<T>
      rowKey="id"
      size="middle"
      {...table}
      dataSource={items}
      loading={result.isFetching}
      locale={{ emptyText: <EmptyState text={list.filtered ? (noMatch ?? '没有符合条件的记录') : empty} /> }}
      pagination={paged ? list.pagination(result.data?.total ?? items.length, { unit, pageSizeOptions }) : false}
      onChange={list.onTableChange}
    />
    </div>
  );
}

/** Rows of a list filtered in the browser (a short list the server sends whole) by a keyword. */
export function matchRows<T>(rows: T[], keyword: string, text: (row: T) => (string | null | undefined)[]): T[] {
  const k = keyword.trim();
  return k ? rows.filter((r) => text(r).some((v) => v?.includes(k))) : rows;
}
