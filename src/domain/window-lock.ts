/**
 * 时间窗口锁定 (issue 12): a window's dates are editable until the window opens. From its opening
 * second on, the only way to change who may still submit is a 补报窗口 (window reopening), which is
 * recorded and audited on its own. A draft campaign is not visible to anyone, so its windows stay editable.
 */
import { formatShanghai } from './deadlines';

export interface EditableWindow {
  opensAt: string;
  closesAt: string;
  applicantClosesAt?: string;
}

export interface WindowLockProblem {
  /** the changed field, e.g. "config.windows.application.closesAt" */
  path: string;
  message: string;
}

const FIELDS = ['opensAt', 'applicantClosesAt', 'closesAt'] as const;
const FIELD_LABELS: Record<(typeof FIELDS)[number], string> = {
  opensAt: '开始时间',
  applicantClosesAt: '申报单位提交截止',
  closesAt: '推荐单位报送截止',
};

const sameInstant = (a: string | undefined, b: string | undefined) =>
  (a == null && b == null) || (a != null && b != null && Date.parse(a) === Date.parse(b));

/**
 * Every change to a window that has already opened at `now` (opensAt <= now, to the millisecond),
 * one problem per changed field, with a Chinese message that names the window and the field.
 */
export function lockedWindowChanges<K extends string>(
  before: Record<K, EditableWindow>,
  after: Record<K, EditableWindow>,
  now: Date,
  labels: Record<K, string>,
): WindowLockProblem[] {
  const problems: WindowLockProblem[] = [];
  for (const key of Object.keys(before) as K[]) {
    const b = before[key];
    const a = after[key];
    if (!b || !a) continue;
    const opensAt = new Date(b.opensAt);
    if (now.getTime() < opensAt.getTime()) continue;
    for (const f of FIELDS) {
      if (sameInstant(b[f], a[f])) continue;
      problems.push({
        path: `config.windows.${key}.${f}`,
        message: `“${labels[key]}”窗口已于${formatShanghai(opensAt)}（北京时间）开始，${FIELD_LABELS[f]}不能再修改；如需延长个别推荐单位的报送时间，请使用下方“补报窗口”开通`,
      });
    }
  }
  return problems;
}
