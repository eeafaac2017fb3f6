/** What every paged list query shares: the LIKE pattern of a search box, the page window. */

/** `%q%` for ILIKE with the wildcard characters of `q` escaped (a search for "100%" finds "100%"). */
export function likePattern(q: string): string {
  return `%${escapeLike(q)}%`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** LIMIT/OFFSET of a 1-based page. */
export function pageWindow(q: { page: number; pageSize: number }): { limit: number; offset: number } {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/** The paged answer shape (`pagedSchema` in src/shared/auth.ts). */
export function paged<T>(items: T[], total: number | string | bigint, q: { page: number; pageSize: number }) {
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}

/**
 * One page of a list query: the rows of the page window and the total, fetched together, in the
 * paged answer shape. `rows` receives LIMIT/OFFSET; `total` is a `select({ n: count() })` query.
 */
export async function pageOf<T>(
  q: { page: number; pageSize: number },
  rows: (w: { limit: number; offset: number }) => PromiseLike<T[]>,
  total: PromiseLike<{ n: number | string | bigint }[]>,
) {
  const [items, [{ n }]] = await Promise.all([rows(pageWindow(q)), total]);
  return paged(items, n, q);
}
