/** The bar above a selectable table: how many rows are selected and the bulk actions. */
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';

export interface BulkAction {
  key: string;
  label: string;
  primary?: boolean;
  danger?: boolean;
  icon?: ReactNode;
  /** Disabled although rows are selected (e.g. the decision window is closed). */
  disabled?: boolean;
  onClick(): void;
}

export function BulkBar({ count, hint, actions }: { count: number; /** Shown while nothing is selected. */ hint: string; actions: BulkAction[] }) {
  return (
    <div className="gg-filter-bar" role="toolbar" aria-label="批量操作" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
      <span aria-live="polite">{count > 0 ? `已选择 ${count} 项` : hint}</span>
      <Space wrap>
        {actions.map((a) => (
          <Button key={a.key} type={a.primary ? 'primary' : 'default'} danger={a.danger} icon={a.icon} disabled={count === 0 || a.disabled} onClick={a.onClick}>
            {a.label}
          </Button>
        ))}
      </Space>
    </div>
  );
}
