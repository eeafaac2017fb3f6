/**
 * The URL form of a list page's state (filters, tab, page, page size, sort): pure functions, so
 * they are tested without a browser. `useListState` (./useListState) binds them to the router.
 *
 * A value equal to its default is left out of the URL, so a plain list has a plain address and a
 * reload or the back button restores exactly what was on screen.
 */

export type SortOrder = 'asc' | 'desc';

export interface ListSpec<F extends Record<string, string>> {
  /** Filter names (also their URL names) with their defaults ('' = no filter). */
  filters: F;
  /** Default tab key; absent → the page has no tabs. */
  tab?: string;
  /** Default sort column and order; absent → the server's fixed order. */
  sort?: { key: string; order: SortOrder };
  /** Default page size (20). */
  pageSize?: number;
}

export interface ListValues<F extends Record<string, string>> {
  filters: F;
  tab: string;
  page: number;
  pageSize: number;
  sort: string;
  order: SortOrder;
}

/** URL names of the non-filter parts. */
export const LIST_PARAMS = { tab: 'tab', page: 'page', pageSize: 'size', sort: 'sort', order: 'order' } as const;

export const DEFAULT_PAGE_SIZE = 20;
/** The largest page the server lists (pageQuerySchema: pageSize ≤ 200). */
export const MAX_PAGE_SIZE = 200;

function positiveInt(raw: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

export function readListState<F extends Record<string, string>>(params: URLSearchParams, spec: ListSpec<F>): ListValues<F> {
  const filters = { ...spec.filters };
  for (const key of Object.keys(spec.filters) as (keyof F & string)[]) {
    const v = params.get(key);
    if (v !== null) filters[key] = v as F[keyof F & string];
  }
  const order = params.get(LIST_PARAMS.order);
  return {
    filters,
    tab: params.get(LIST_PARAMS.tab) ?? spec.tab ?? '',
    page: positiveInt(params.get(LIST_PARAMS.page), 1),
    pageSize: positiveInt(params.get(LIST_PARAMS.pageSize), spec.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    sort: params.get(LIST_PARAMS.sort) ?? spec.sort?.key ?? '',
    order: order === 'asc' || order === 'desc' ? order : (spec.sort?.order ?? 'asc'),
  };
}

/** Defaults of every URL name the spec knows: a value equal to its default is dropped. */
function defaultsOf(spec: ListSpec<Record<string, string>>): Record<string, string> {
  return {
    ...spec.filters,
    [LIST_PARAMS.tab]: spec.tab ?? '',
    [LIST_PARAMS.page]: '1',
    [LIST_PARAMS.pageSize]: String(spec.pageSize ?? DEFAULT_PAGE_SIZE),
    [LIST_PARAMS.sort]: spec.sort?.key ?? '',
    [LIST_PARAMS.order]: spec.sort?.order ?? '',
  };
}

/**
 * The next URL parameters: `patch` maps URL names to values; null, '' or the default removes the
 * name. Parameters the spec does not know (another widget's) are kept.
 */
export function writeListPatch<F extends Record<string, string>>(params: URLSearchParams, spec: ListSpec<F>, patch: Record<string, string | number | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  const defaults = defaultsOf(spec);
  for (const [k, raw] of Object.entries(patch)) {
    const v = raw === null ? '' : String(raw);
    if (v === '' || v === defaults[k]) next.delete(k);
    else next.set(k, v);
  }
  return next;
}

/** Trimmed filter values, ready for the URL. */
export function cleanFilters<F extends Record<string, string>>(filters: F): F {
  return Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.trim()])) as F;
}

/** True when any filter differs from its default (an empty list then says 没有符合条件的…). */
export function isFiltered<F extends Record<string, string>>(filters: F, spec: ListSpec<F>): boolean {
  return Object.keys(spec.filters).some((k) => filters[k] !== spec.filters[k]);
}
