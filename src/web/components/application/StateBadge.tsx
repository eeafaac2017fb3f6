import { Tag } from 'antd';
import type { ProjectState } from '../../../domain/project-workflow';
import { STATE_COLORS } from './state-info';

/** The state of an application as a coloured tag (label from the server). */
export function StateBadge({ state, label }: { state: ProjectState; label: string }) {
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-state={state} data-testid="application-state">
      {label}
    </Tag>
  );
}
