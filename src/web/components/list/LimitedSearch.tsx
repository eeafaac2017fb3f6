/**
 * A search box with the server's length limit: past it the box says so and Enter sends nothing —
 * what was typed stays, nothing is cut (antd's maxLength would stop typing and cut pasted text).
 */
import { Input } from 'antd';
import { useId, useState } from 'react';
import { charCount } from '../../../domain/application-format';

export function LimitedSearch({ label, placeholder, max, onSearch, width = 260 }: { label: string; placeholder: string; max: number; onSearch: (q: string) => void; width?: number }) {
  const [typed, setTyped] = useState('');
  const errorId = useId();
  const n = charCount(typed);
  const over = n > max;
  return (
    <>
      <Input.Search
        allowClear
        placeholder={placeholder}
        aria-label={label}
        style={{ width }}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        status={over ? 'error' : undefined}
        aria-invalid={over || undefined}
        aria-describedby={over ? errorId : undefined}
        onSearch={(v) => !over && onSearch(v)}
      />
      {over && <OverLimitNote id={errorId} label={label} max={max} count={n} />}
    </>
  );
}

/** The field's message when a search was typed past its limit (the field points at it with aria-describedby). */
export function OverLimitNote({ id, label, max, count }: { id: string; label: string; max: number; count: number }) {
  return (
    <span id={id} role="alert" className="gg-filter-error">
      {label}不能超过{max}个字（现为{count}个字）
    </span>
  );
}
