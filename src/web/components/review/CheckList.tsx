/** A checklist (材料完整性, 申报条件, 报送准备) with icons, text status for screen readers and details. */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import './review.css';

export type CheckStatus = 'ok' | 'bad' | 'warn' | 'pending';

export interface CheckItem {
  key: string;
  label: string;
  status: CheckStatus;
  detail?: string;
}

const ICONS = {
  ok: <CheckCircleFilled className="gg-rv-check-icon gg-rv-ok" aria-hidden />,
  bad: <CloseCircleFilled className="gg-rv-check-icon gg-rv-bad" aria-hidden />,
  warn: <ExclamationCircleFilled className="gg-rv-check-icon gg-rv-warn" aria-hidden />,
  pending: <MinusCircleOutlined className="gg-rv-check-icon gg-rv-pending" aria-hidden />,
};
const SR = { ok: '（通过）', bad: '（未通过）', warn: '（提示）', pending: '（待核查）' };

export function CheckList({ items, label, testId }: { items: CheckItem[]; label: string; testId?: string }) {
  return (
    <ul className="gg-rv-check" aria-label={label} data-testid={testId}>
      {items.map((i) => (
        <li key={i.key} data-key={i.key} data-status={i.status}>
          {ICONS[i.status]}
          <span>
            {i.label}
            <span className="gg-sr-only">{SR[i.status]}</span>
            {i.detail && <span className="gg-rv-detail">{i.detail}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
