/**
 * The confirmation of a (bulk) action, optionally with one reason shared by every selected row:
 * a notice of what will happen, the reason (required, minimum length named), the server's
 * refusal beside the reason or as a list (one line per refused row).
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, type ReactNode } from 'react';

export interface ReasonSpec {
  /** The field's label, e.g. 不予立项的原因; also the messages' subject. */
  label: string;
  /** Minimum length in characters (after trimming). */
  min: number;
  placeholder?: string;
  /** Length limit (default 2000): shown as a counter and refused by name — typing is never cut. */
  maxLength?: number;
  rows?: number;
  /** false: the reason may be left empty. */
  required?: boolean;
  extra?: ReactNode;
}

export function ErrorList({ errors, title = '操作未执行' }: { errors: string[]; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginTop: 12 }}
      title={errors.length === 1 ? errors[0] : title}
      description={
        errors.length > 1 ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** Form rules of a reason: required (unless said otherwise) and at least `min` characters. */
export function reasonRules({ label, min, required = true, maxLength = 2000 }: Pick<ReasonSpec, 'label' | 'min' | 'required' | 'maxLength'>) {
  return [
    ...(required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
    {
      validator: (_: unknown, v: string | undefined) => (!v?.trim() || Array.from(v.trim()).length >= min ? Promise.resolve() : Promise.reject(new Error(`${label}至少${min}个字`))),
    },
    {
      validator: (_: unknown, v: string | undefined) => {
        const n = Array.from((v ?? '').trim()).length;
        return n <= maxLength ? Promise.resolve() : Promise.reject(new Error(`${label}不能超过${maxLength}个字（现为${n}个字）`));
      },
    },
  ];
}

export function ConfirmDialog({
  open,
  title,
  okText,
  danger,
  loading,
  notice,
  reason,
  fieldError,
  errors = [],
  onCancel,
  onConfirm,
  children,
  width,
  cancelText = '取消',
}: {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  loading?: boolean;
  notice?: { type?: 'info' | 'warning'; title: ReactNode; description?: ReactNode };
  reason?: ReasonSpec;
  /** The server's message for the reason (shown beside it). */
  fieldError?: string | null;
  /** Other refusals, one line each. */
  errors?: string[];
  onCancel(): void;
  onConfirm(reason: string): void;
  children?: ReactNode;
  width?: number;
  /** The dismiss button (返回 where the action itself is a 取消…). */
  cancelText?: string;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (open && fieldError) form.setFields([{ name: 'reason', errors: [fieldError] }]);
  }, [open, fieldError, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading }}
      cancelText={cancelText}
      onCancel={onCancel}
      onOk={() => (reason ? form.validateFields().then((v) => onConfirm((v.reason ?? '').trim()), () => undefined) : onConfirm(''))}
      width={width}
      destroyOnHidden
    >
      {notice && <Alert type={notice.type ?? (danger ? 'warning' : 'info')} showIcon style={{ marginBottom: 16 }} title={notice.title} description={notice.description} />}
      {children}
      {reason && (
        <Form form={form} layout="vertical" requiredMark preserve={false}>
          <Form.Item name="reason" label={reason.label} rules={reasonRules(reason)} extra={reason.extra}>
            <Input.TextArea rows={reason.rows ?? 4} count={{ show: true, max: reason.maxLength ?? 2000 }} placeholder={reason.placeholder} aria-label={reason.label} />
          </Form.Item>
        </Form>
      )}
      <ErrorList errors={errors} />
    </Modal>
  );
}
