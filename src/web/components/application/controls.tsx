/**
 * Small controls of the 申报书 editor: text, long text and numbers that keep exactly what was
 * typed (limits are shown by `Field` and enforced by the shared schema, never by cutting input),
 * dates as strings, masked ID numbers, editable row lists.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { numberFromText } from '../../../domain/application-format';
import { fieldId, maskId } from './form-paths';
import { ListNotes, useFormKit, type ControlProps } from './FieldKit';
import { getAt } from './form-paths';

type TextExtras = { placeholder?: string; className?: string; autoComplete?: string; inputMode?: 'tel' | 'email' | 'text' | 'decimal' | 'numeric' };

/** One line of text, kept as typed (no maxLength: an overlong value is reported at the field). */
export function TextIn({ value, onChange, upper, ...rest }: ControlProps<string> & TextExtras & { upper?: boolean }) {
  return <Input {...rest} value={value} onChange={(e) => onChange(upper ? e.target.value.toUpperCase() : e.target.value)} />;
}

/** Long text, kept as typed; `Field` shows the counter against the schema's limit. */
export function TextBox({ value, onChange, minRows = 2, maxRows = 8, ...rest }: ControlProps<string> & TextExtras & { minRows?: number; maxRows?: number }) {
  return <Input.TextArea {...rest} value={value} onChange={(e) => onChange(e.target.value)} autoSize={{ minRows, maxRows }} />;
}

/**
 * A number typed as text: "12" and "12.5" become numbers, anything else ("abc", "-") is kept as the
 * text so the schema reports it at the field — never turned into 0, empty or the nearest limit.
 */
export function NumberText({ value, onChange, suffix, ...rest }: ControlProps<number | undefined> & { suffix?: string; placeholder?: string; style?: CSSProperties }) {
  const shown = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    // Follow outside changes (restore, merge) but not our own echo of the typed text.
    if (numberFromText(text) !== (value ?? undefined) && String(numberFromText(text) ?? '') !== shown) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={text}
      suffix={suffix}
      onChange={(e) => {
        setText(e.target.value);
        onChange(numberFromText(e.target.value) as number | undefined);
      }}
    />
  );
}

/** A labelled group of checkboxes bound to a string list. */
export function CheckGroup<T extends string>({ id, value, onChange, disabled, label, options, ...rest }: ControlProps<T[]> & { label: string; options: { value: T; label: string }[] }) {
  return (
    <div id={id} role="group" aria-label={label} aria-describedby={rest['aria-describedby']}>
      <Checkbox.Group disabled={disabled} value={value} onChange={(v) => onChange(v as T[])} options={options} />
    </div>
  );
}

/** A day as 'YYYY-MM-DD' (Beijing calendar day; no time, no zone). */
export function DateInput({ value, onChange, allowEmptyString, ...rest }: ControlProps<string | undefined> & { allowEmptyString?: boolean }) {
  const d = value ? dayjs(value, 'YYYY-MM-DD') : null;
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%' }}
      value={d && d.isValid() ? d : null}
      format="YYYY-MM-DD"
      placeholder="选择日期"
      onChange={(v) => onChange(v ? v.format('YYYY-MM-DD') : allowEmptyString ? '' : undefined)}
    />
  );
}

/** An 18-character ID number shown masked (1201**********1234) unless the control has focus. */
export function MaskedIdInput({ value, onChange, ...rest }: ControlProps<string>) {
  const [focused, setFocused] = useState(false);
  const shown = focused ? value : maskId(value);
  return (
    <Input
      {...rest}
      value={shown}
      autoComplete="off"
      placeholder="18位身份证号（选填）"
      className="gg-mono"
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => onChange(e.target.value.replace(/\s/g, '').toUpperCase())}
    />
  );
}

/**
 * An editable list at `path` (goals, milestones, team, …). Each row is rendered by `row(prefix, i)`
 * where prefix is `path.i`; rows can be added and removed with the keyboard.
 */
export function RowList<T>({
  path,
  itemName,
  newItem,
  row,
  max = 50,
  addLabel,
}: {
  path: string;
  /** What one row is called, e.g. "指标", "成员". */
  itemName: string;
  newItem: () => T;
  row: (prefix: string, index: number) => ReactNode;
  max?: number;
  addLabel?: string;
}) {
  const kit = useFormKit();
  const items = (getAt(kit.form, path) as T[] | undefined) ?? [];
  return (
    <div id={fieldId(path)} tabIndex={-1} role="group" aria-label={`${itemName}列表`}>
      <ListNotes path={path} />
      {items.length === 0 && <div className="gg-muted" style={{ margin: '8px 0 12px' }}>尚未添加{itemName}</div>}
      {items.map((_, i) => (
        <div className="gg-app-row" key={i} role="group" aria-label={`第${i + 1}个${itemName}`}>
          <div className="gg-app-row-head">
            <span>
              {itemName} {i + 1}
            </span>
            {!kit.readOnly && (
              <Button
                type="text"
                danger
                size="small"
                icon={<DeleteOutlined />}
                aria-label={`删除第${i + 1}个${itemName}`}
                onClick={() =>
                  kit.set(
                    path,
                    items.filter((__, j) => j !== i),
                  )
                }
              >
                删除
              </Button>
            )}
          </div>
          {row(`${path}.${i}`, i)}
        </div>
      ))}
      {!kit.readOnly && (
        <Button icon={<PlusOutlined />} type="dashed" disabled={items.length >= max} onClick={() => kit.set(path, [...items, newItem()])}>
          {addLabel ?? `添加${itemName}`}
        </Button>
      )}
    </div>
  );
}
