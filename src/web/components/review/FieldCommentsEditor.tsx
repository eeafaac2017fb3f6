/** 逐项意见: pick fields of the 申报书 by their Chinese labels and write a comment for each. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useId, useMemo } from 'react';
import { commentFieldOptions } from './form-sections';
import './review.css';

export interface FieldComment {
  path: string;
  comment: string;
}

export function FieldCommentsEditor({ value = [], onChange }: { value?: FieldComment[]; onChange?: (v: FieldComment[]) => void }) {
  const groups = useMemo(() => commentFieldOptions(), []);
  const id = useId();
  const used = new Set(value.map((v) => v.path));
  const set = (i: number, patch: Partial<FieldComment>) => onChange?.(value.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <div data-testid="field-comments">
      {value.length === 0 && <p className="gg-muted gg-small">可逐项指出需要补正的栏目，申报单位修改时会在相应栏目旁看到意见。</p>}
      {value.map((v, i) => (
        <div className="gg-rv-comment-row" key={i}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={`第${i + 1}条意见的申报书栏目`}
            id={`${id}-field-${i}`}
            placeholder="选择申报书栏目"
            value={v.path || undefined}
            onChange={(path: string) => set(i, { path })}
            options={groups.map((g) => ({ ...g, options: g.options.map((o) => ({ ...o, disabled: used.has(o.value) && o.value !== v.path })) }))}
          />
          <Input.TextArea
            aria-label={`第${i + 1}条意见内容`}
            autoSize={{ minRows: 1, maxRows: 4 }}
            count={{ show: true, max: 500 }}
            status={Array.from(v.comment ?? '').length > 500 ? 'error' : undefined}
            placeholder="该栏目需要补正的具体内容"
            value={v.comment}
            onChange={(e) => set(i, { comment: e.target.value })}
          />
          <Button icon={<DeleteOutlined />} aria-label={`删除第${i + 1}条意见`} onClick={() => onChange?.(value.filter((_, j) => j !== i))} />
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => onChange?.([...value, { path: '', comment: '' }])}>
        添加逐项意见
      </Button>
    </div>
  );
}

/** Validator for the editor as a Form item: every row needs a field and a comment. */
export function validateFieldComments(_: unknown, v: FieldComment[] | undefined): Promise<void> {
  for (const [i, c] of (v ?? []).entries()) {
    if (!c.path) return Promise.reject(new Error(`第${i + 1}条意见请选择申报书栏目`));
    if (!c.comment.trim()) return Promise.reject(new Error(`第${i + 1}条意见请填写意见内容`));
  }
  return Promise.resolve();
}
