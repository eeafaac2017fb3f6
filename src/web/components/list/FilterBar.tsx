/**
 * The filter bar of a list page: labelled fields bound to the list state's draft, 查询 (also
 * Enter in a text field), 重置 and 刷新. Fields are described, not written out, so every list
 * page filters the same way.
 */
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useId, type ReactNode } from 'react';
import { charCount } from '../../../domain/application-format';
import { OverLimitNote } from './LimitedSearch';
import type { ListState } from '../../hooks/useListState';

export interface FilterOption {
  value: string;
  label: string;
}

type Keyed<F> = { key: keyof F & string; label: string; width?: number; /** Applied as soon as it changes. */ instant?: boolean };

export type FilterField<F> =
  | (Keyed<F> & {
      kind: 'text';
      placeholder?: string;
      /** The search's length limit on the server (default 100): past it the field says so and 查询 waits; nothing is cut. */
      maxLength?: number;
      /** A fuller name for screen readers than the visible label. */
      ariaLabel?: string;
    })
  | (Keyed<F> & { kind: 'select'; options: FilterOption[]; /** The no-filter choice ('' value); false: none. */ allLabel?: string | false; search?: boolean; loading?: boolean })
  | (Keyed<F> & { kind: 'number'; min: number; max: number; placeholder?: string })
  | { kind: 'dateRange'; keys: [keyof F & string, keyof F & string]; label: string }
  | { kind: 'custom'; label: string; render: () => ReactNode };

const DAY = 'YYYY-MM-DD';
const DEFAULT_TEXT_LIMIT = 100;

/** A text field typed past its limit (refused at the field, never applied or cut). */
function overLimit<F extends Record<string, string>>(field: FilterField<F>, list: ListState<F>): number | null {
  if (field.kind !== 'text') return null;
  const n = charCount(list.draft[field.key] ?? '');
  return n > (field.maxLength ?? DEFAULT_TEXT_LIMIT) ? n : null;
}

function Field<F extends Record<string, string>>({ field, list }: { field: FilterField<F>; list: ListState<F> }) {
  const errorId = useId();
  const set = (key: keyof F & string, value: string, instant?: boolean) => (instant ? list.apply({ [key]: value } as Partial<F>) : list.setDraft({ [key]: value } as Partial<F>));
  switch (field.kind) {
    case 'text': {
      const limit = field.maxLength ?? DEFAULT_TEXT_LIMIT;
      const over = overLimit(field, list);
      return (
        <>
          <Input
            value={list.draft[field.key]}
            onChange={(e) => {
              const v = e.target.value;
              set(field.key, v, charCount(v) <= limit && (field.instant || (!v && list.filters[field.key] !== '')));
            }}
            placeholder={field.placeholder}
            aria-label={field.ariaLabel ?? field.label}
            aria-invalid={over !== null || undefined}
            aria-describedby={over !== null ? errorId : undefined}
            status={over !== null ? 'error' : undefined}
            style={{ width: field.width ?? 240 }}
            allowClear
          />
          {over !== null && <OverLimitNote id={errorId} label={field.label} max={limit} count={over} />}
        </>
      );
    }
    case 'select':
      return (
        <Select
          aria-label={field.label}
          style={{ width: field.width ?? 150 }}
          value={list.draft[field.key]}
          loading={field.loading}
          showSearch={field.search ? { optionFilterProp: 'label' } : undefined}
          onChange={(v: string) => set(field.key, v ?? '', field.instant)}
          options={field.allLabel === false ? field.options : [{ value: '', label: field.allLabel ?? '全部' }, ...field.options]}
        />
      );
    case 'number':
      return (
        <InputNumber
          aria-label={field.label}
          placeholder={field.placeholder}
          min={field.min}
          max={field.max}
          precision={0}
          style={{ width: field.width ?? 120 }}
          value={list.draft[field.key] === '' ? null : Number(list.draft[field.key])}
          onChange={(v) => set(field.key, v === null || v === undefined ? '' : String(v), field.instant)}
        />
      );
    case 'dateRange': {
      const [fromKey, toKey] = field.keys;
      const from = list.draft[fromKey];
      const to = list.draft[toKey];
      return (
        <DatePicker.RangePicker
          aria-label={field.label}
          allowEmpty={[true, true]}
          value={[from ? dayjs(from, DAY) : null, to ? dayjs(to, DAY) : null]}
          onChange={(v) => list.setDraft({ [fromKey]: v?.[0]?.format(DAY) ?? '', [toKey]: v?.[1]?.format(DAY) ?? '' } as Partial<F>)}
        />
      );
    }
    default:
      return <>{field.render()}</>;
  }
}

function fieldKey<F>(f: FilterField<F>): string {
  return f.kind === 'dateRange' ? f.keys.join('-') : f.kind === 'custom' ? f.label : f.key;
}

export function FilterBar<F extends Record<string, string>>({
  list,
  label,
  fields,
  onRefresh,
  children,
}: {
  list: ListState<F>;
  /** The search region's name, e.g. 立项审核筛选. */
  label: string;
  fields: FilterField<F>[];
  onRefresh?: () => void;
  children?: ReactNode;
}) {
  return (
    <form
      className="gg-filter-bar"
      role="search"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        // A search typed past its limit is refused at its field (the message stays there), not sent.
        if (fields.some((f) => overLimit(f, list) !== null)) return;
        list.apply();
      }}
    >
      {fields.map((f) => (
        <label key={fieldKey(f)} className="gg-filter-field" data-filter={fieldKey(f)}>
          <span>{f.label}</span>
          <Field field={f} list={list} />
        </label>
      ))}
      {children}
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          查询
        </Button>
        <Button onClick={list.reset}>重置</Button>
        {onRefresh && <Button icon={<ReloadOutlined aria-hidden />} aria-label="刷新" title="刷新" onClick={onRefresh} />}
      </Space>
    </form>
  );
}
