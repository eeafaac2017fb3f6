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
      {over && (
        <span id={errorId} role="alert" className="gg-filter-error">
          {label}不能超过{max}个字（现为{n}个字）
        </span>
      )}
    </>
  );
}
