import { Tag } from 'antd';

const COLORS: Record<string, string> = {
  submitted: 'processing',
  returned: 'warning',
  withdrawn: 'default',
  not_recommended: 'error',
  recommended: 'success',
  under_review: 'blue',
  approved: 'green',
  rejected: 'red',
  composing: 'processing',
  sent: 'blue',
  received: 'green',
  not_sent: 'default',
};

/** Project or batch state as a coloured tag (label from the server). */
export function StateTag({ state, label }: { state: string; label: string }) {
  return (
    <Tag color={COLORS[state] ?? 'default'} data-state={state}>
      {label}
    </Tag>
  );
}
