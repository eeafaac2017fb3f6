/**
 * Controlled editing of the 申报书: one form object in React state, each control bound to a path.
 * `<Field path label>` renders the label (htmlFor → the control's id), the server's problems for
 * that path (check results / refusals) and the recommender's comment of the last 退回补正 beside it.
 */
import { CommentOutlined } from '@ant-design/icons';
import { Form } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { applicationFormSchema, type ApplicationForm } from '../../../domain/application-form';
import { charCount } from '../../../domain/application-format';
import { textLimitAt } from '../../../shared/form-rules';
import { fieldId, getAt, type Path } from './form-paths';
import './application.css';

export interface Issue {
  message: string;
  severity: 'error' | 'warning';
}

export interface FormKit {
  form: ApplicationForm;
  set(path: Path, value: unknown): void;
  /** path → problems (from the last check, a refused submit or a refused save). */
  issues: Record<string, Issue[]>;
  /** path → the recommender's comment of the last return. */
  comments: Record<string, string>;
  readOnly: boolean;
}

const Ctx = createContext<FormKit | null>(null);

export function FormKitProvider({ value, children }: { value: FormKit; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useFormKit(): FormKit {
  const v = useContext(Ctx);
  if (!v) throw new Error('useFormKit outside FormKitProvider');
  return v;
}

export interface ControlProps<V> {
  id: string;
  value: V;
  onChange(v: V): void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
  disabled?: boolean;
}

/** Problems and comment for a path, rendered under a control. */
export function FieldNotes({ path, id }: { path: Path; id: string }) {
  const { issues, comments } = useFormKit();
  const list = issues[path] ?? [];
  const comment = comments[path];
  if (list.length === 0 && !comment) return null;
  return (
    <div id={`${id}-notes`} className="gg-app-notes">
      {list.map((i, n) => (
        <div key={n} className={i.severity === 'error' ? 'gg-app-err' : 'gg-app-warn'} role={i.severity === 'error' ? 'alert' : undefined}>
          {i.message}
        </div>
      ))}
      {comment && (
        <div className="gg-app-comment" data-testid="review-comment">
          <CommentOutlined aria-hidden /> 推荐单位意见：{comment}
        </div>
      )}
    </div>
  );
}

export function Field<V>({
  path,
  label,
  required,
  extra,
  children,
  empty,
  limit,
}: {
  path: Path;
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  /** Length limit shown with a counter (default: the schema's limit for text fields). */
  limit?: number;
  /** The value shown to the control when the path holds nothing (default ''). */
  empty?: V;
  children: (p: ControlProps<V>) => ReactNode;
}) {
  const kit = useFormKit();
  const id = fieldId(path);
  const list = kit.issues[path] ?? [];
  const hasErr = list.some((i) => i.severity === 'error');
  const hasNotes = list.length > 0 || !!kit.comments[path];
  const raw = getAt(kit.form, path);
  const value = (raw === undefined || raw === null ? (empty ?? '') : raw) as V;
  const max = limit ?? textLimitAt(applicationFormSchema, path);
  const n = typeof raw === 'string' ? charCount(raw) : 0;
  // Counters where the user types: always for long texts, near the limit for short ones.
  const counter =
    max && !kit.readOnly && (max >= 200 || n > max * 0.8) ? (
      <span className={n > max ? 'gg-count gg-count-over' : 'gg-count'} data-testid="char-count">
        {n} / {max} 字{n > max ? `，超出${n - max}字` : ''}
      </span>
    ) : null;
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      validateStatus={hasErr ? 'error' : list.length ? 'warning' : undefined}
      extra={
        counter && extra ? (
          <>
            {extra}
            {counter}
          </>
        ) : (
          (counter ?? extra)
        )
      }
      className={kit.comments[path] ? 'gg-app-commented' : undefined}
      help={hasNotes ? <FieldNotes path={path} id={id} /> : undefined}
    >
      {children({
        id,
        value,
        onChange: (v) => kit.set(path, v),
        'aria-invalid': hasErr || undefined,
        'aria-describedby': hasNotes ? `${id}-notes` : undefined,
        'aria-required': required || undefined,
        disabled: kit.readOnly,
      })}
    </Form.Item>
  );
}

/** Problems/comment attached to a whole list or section (e.g. `team`, `content.goals`). */
export function ListNotes({ path }: { path: Path }) {
  return <FieldNotes path={path} id={fieldId(path)} />;
}
