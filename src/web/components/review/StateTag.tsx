import { Tag } from 'antd';
import { STATE_COLORS } from '../application/state-info';

/** Project states share the applicant side's colours; batch states are added here. */
const COLORS: Record<string, string> = {
  ...STATE_COLORS,
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
