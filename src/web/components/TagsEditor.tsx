/** A keyboard-usable tag list editor for string arrays (a Form control: value/onChange). */
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag } from 'antd';
import { useId, useState } from 'react';

export function TagsEditor({
  value = [],
  onChange,
  label,
  placeholder = '输入后按回车添加',
  color = 'blue',
  id,
  maxItemLength = 50,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  /** What one item is called, for the accessible names (e.g. "产业链"). */
  label: string;
  placeholder?: string;
  color?: string;
  id?: string;
  /** Longest item accepted (characters); a longer one is refused with a message, not cut. */
  maxItemLength?: number;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errId = useId();
  const add = () => {
    const t = text.trim();
    if (!t) return;
    if (Array.from(t).length > maxItemLength) {
      setError(`每个${label}不能超过${maxItemLength}个字符（当前${Array.from(t).length}个）`);
      return;
    }
    if (value.includes(t)) {
      setError(`“${t}”已存在`);
      return;
    }
    onChange?.([...value, t]);
    setText('');
    setError(null);
  };
  return (
    <div className="gg-tags-editor">
      <div className="gg-tags" role="list" aria-label={`${label}列表`}>
        {value.length === 0 && <span className="gg-muted gg-small">暂无{label}</span>}
        {value.map((v) => (
          <span role="listitem" key={v}>
            <Tag color={color} className="gg-chain-tag gg-editable-tag">
              {v}
              <button
                type="button"
                className="gg-tag-close"
                aria-label={`删除${label}“${v}”`}
                onClick={() => onChange?.(value.filter((x) => x !== v))}
              >
                <CloseOutlined aria-hidden />
              </button>
            </Tag>
          </span>
        ))}
      </div>
      <Space.Compact style={{ marginTop: 8, maxWidth: 360, width: '100%' }}>
        <Input
          id={id}
          value={text}
          aria-label={`新增${label}`}
          aria-describedby={error ? errId : undefined}
          placeholder={placeholder}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onPressEnter={(e) => {
            e.preventDefault();
            add();
          }}
        />
        <Button icon={<PlusOutlined />} onClick={add} aria-label={`添加${label}`}>
          添加
        </Button>
      </Space.Compact>
      {error && (
        <div id={errId} className="gg-field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
