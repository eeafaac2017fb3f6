import { describe, expect, it } from 'vitest';
import { isFiltered, readListState, writeListPatch, type ListSpec } from './list-state';

const spec: ListSpec<{ q: string; direction: string; status: string }> = {
  filters: { q: '', direction: '', status: 'all' },
  tab: 'submitted',
  sort: { key: 'submittedAt', order: 'desc' },
};

describe('list state in the URL', () => {
  it('reads filters, tab, page, size and sort back from the address', () => {
    const v = readListState(new URLSearchParams('q=协作机器人&direction=quality_improvement&tab=returned&page=3&size=50&sort=name&order=asc'), spec);
    expect(v).toEqual({
      filters: { q: '协作机器人', direction: 'quality_improvement', status: 'all' },
      tab: 'returned',
      page: 3,
      pageSize: 50,
      sort: 'name',
      order: 'asc',
    });
  });

  it('falls back to the defaults for absent or malformed values (never a page 0 or a size above 200)', () => {
    const v = readListState(new URLSearchParams('page=0&size=5000&order=sideways'), spec);
    expect(v).toMatchObject({ tab: 'submitted', page: 1, pageSize: 20, sort: 'submittedAt', order: 'desc', filters: spec.filters });
    expect(readListState(new URLSearchParams('page=-2&size=abc'), spec)).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('writes only what differs from the default and keeps parameters it does not know', () => {
    const next = writeListPatch(new URLSearchParams('page=4&other=x'), spec, { q: '线控制动', status: 'all', tab: 'submitted', page: 1, size: 20, sort: 'submittedAt', order: 'asc' });
    expect(next.toString()).toBe('other=x&q=%E7%BA%BF%E6%8E%A7%E5%88%B6%E5%8A%A8&order=asc');
    expect(writeListPatch(next, spec, { q: null, order: 'desc' }).toString()).toBe('other=x');
  });

  it('round-trips: what is written is what is read after a reload', () => {
    const written = writeListPatch(new URLSearchParams(), spec, { q: '泄漏', status: 'cancelled', tab: 'all', page: 2, size: 10 });
    const back = readListState(new URLSearchParams(written.toString()), spec);
    expect(back).toMatchObject({ filters: { q: '泄漏', direction: '', status: 'cancelled' }, tab: 'all', page: 2, pageSize: 10 });
    expect(isFiltered(back.filters, spec)).toBe(true);
    expect(isFiltered(spec.filters, spec)).toBe(false);
  });
});
