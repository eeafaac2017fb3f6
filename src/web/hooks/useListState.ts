/**
 * One list page's filters, tab, page, page size and sort, kept in the URL search parameters:
 * a reload, a shared link or the way back from a detail page shows the same rows.
 *
 * Filters are typed into a draft and applied with 查询 (or at once, `apply({ key: value })`);
 * applying a filter or changing the tab goes back to page 1.
 */
import type { TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder as AntSortOrder } from 'antd/es/table/interface';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { cleanFilters, isFiltered, LIST_PARAMS, readListState, writeListPatch, type ListSpec, type SortOrder } from './list-state';

export type { ListSpec, SortOrder } from './list-state';

export interface ListState<F extends Record<string, string>> {
  /** Applied filters (from the URL). */
  filters: F;
  /** What the filter bar shows (not applied yet). */
  draft: F;
  setDraft(patch: Partial<F>): void;
  /** Applies the draft (with `patch` on top) and goes to page 1. */
  apply(patch?: Partial<F>): void;
  /** Back to the default filters, page 1 (tab and sort kept). */
  reset(): void;
  /** Any filter differs from its default. */
  filtered: boolean;
  tab: string;
  setTab(key: string): void;
  page: number;
  pageSize: number;
  sort: string;
  order: SortOrder;
  /** Filters + sort: what the list and its export send (the tab is mapped by the page). */
  filterQuery: F & { sort?: string; order?: SortOrder };
  /** `filterQuery` + page and page size. */
  query: F & { sort?: string; order?: SortOrder; page: number; pageSize: number };
  /** The antd sortOrder of a sortable column. */
  sortOrderOf(key: string): AntSortOrder;
  /** Pagination for an antd Table (page, size and total; changes go through `onTableChange`). */
  pagination(total: number, opts?: { unit?: string; pageSizeOptions?: number[] }): TablePaginationConfig;
  /** antd Table onChange: page, page size and sort into the URL. */
  onTableChange<T>(p: TablePaginationConfig, filters: unknown, sorter: SorterResult<T> | SorterResult<T>[]): void;
}

export function useListState<F extends Record<string, string>>(spec: ListSpec<F>): ListState<F> {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // The spec is a literal: the URL is what changes.
  const values = useMemo(() => readListState(new URLSearchParams(search), spec), [search]);
  const filtersKey = JSON.stringify(values.filters);
  const [draft, setDraftState] = useState<F>(values.filters);
  // The filters this page applied itself: their arrival in the URL must not overwrite what the
  // user typed meanwhile (the navigation renders in a transition, later than the click).
  const applied = useRef(filtersKey);
  useEffect(() => {
    // The URL changed from outside (back/forward, a link): the bar shows what is applied.
    if (filtersKey !== applied.current) setDraftState(values.filters);
    applied.current = filtersKey;
  }, [filtersKey]);

  // The address as it is now, not as the last render saw it: navigations run in a transition, so
  // a click right after 查询 would otherwise write over the filter it applied.
  const update = useCallback(
    (patch: Record<string, string | number | null>) => setParams(writeListPatch(new URLSearchParams(window.location.search), spec, patch), { replace: true }),
    [setParams],
  );
  const apply = (patch?: Partial<F>) => {
    const next = cleanFilters({ ...draft, ...patch } as F);
    applied.current = JSON.stringify(readListState(writeListPatch(new URLSearchParams(), spec, next), spec).filters);
    setDraftState(next);
    update({ ...next, [LIST_PARAMS.page]: null });
  };
  const reset = () => {
    applied.current = JSON.stringify(spec.filters);
    setDraftState(spec.filters);
    update({ ...spec.filters, [LIST_PARAMS.page]: null });
  };

  const sortPart = spec.sort ? { sort: values.sort, order: values.order } : {};
  const filterQuery = { ...values.filters, ...sortPart };

  return {
    filters: values.filters,
    draft,
    setDraft: (patch) => setDraftState((d) => ({ ...d, ...patch })),
    apply,
    reset,
    filtered: isFiltered(values.filters, spec),
    tab: values.tab,
    setTab: (key) => update({ [LIST_PARAMS.tab]: key, [LIST_PARAMS.page]: null }),
    page: values.page,
    pageSize: values.pageSize,
    sort: values.sort,
    order: values.order,
    filterQuery,
    query: { ...filterQuery, page: values.page, pageSize: values.pageSize },
    sortOrderOf: (key) => (values.sort === key ? (values.order === 'asc' ? 'ascend' : 'descend') : null),
    pagination: (total, opts) => ({
      current: values.page,
      pageSize: values.pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: opts?.pageSizeOptions ?? [10, 20, 50, 100],
      showTotal: (n: number) => `共 ${n} ${opts?.unit ?? '条'}`,
    }),
    onTableChange: (p, _filters, s) => {
      // Compared with the address as it is now (a sort render may still be pending).
      const now = readListState(new URLSearchParams(window.location.search), spec);
      const patch: Record<string, string | number | null> = {};
      const size = p.pageSize ?? now.pageSize;
      let page = size !== now.pageSize ? 1 : (p.current ?? now.page);
      if (spec.sort) {
        const sorter = Array.isArray(s) ? s[0] : s;
        const key = sorter?.order && sorter.columnKey !== undefined ? String(sorter.columnKey) : spec.sort.key;
        const order: SortOrder = sorter?.order ? (sorter.order === 'ascend' ? 'asc' : 'desc') : spec.sort.order;
        if (key !== now.sort || order !== now.order) page = 1;
        patch[LIST_PARAMS.sort] = key;
        patch[LIST_PARAMS.order] = order;
      }
      patch[LIST_PARAMS.page] = page;
      patch[LIST_PARAMS.pageSize] = size;
      update(patch);
    },
  };
}
