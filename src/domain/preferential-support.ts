/**
 * 倾斜支持 in 立项审核: the campaign may reserve a share of the year's approvals for the preferred
 * directions (2026: 质量共性技术攻关), order the review list with them first, or both. Pure rules;
 * the share, the planned total and the directions are campaign data.
 *
 * Quota of a preferred direction = ceil(share × base), where base is the planned number of
 * approvals when the campaign sets one, else the approvals made so far (the reserve then grows
 * with the plan as it is filled). The other directions share what is left: base − reserved.
 */

export interface PreferentialSupportRule {
  /** Direction codes that get 倾斜支持 (e.g. ['common']). */
  directions: readonly string[];
  /** Share of approvals reserved for the preferred directions together, 0–1; null: no reserve. */
  reservedShare: number | null;
  /** The year's planned number of approvals (the base of the reserve); null: the approvals so far. */
  plannedApprovals: number | null;
  /** Show the preferred directions first in the review list. */
  priorityOrdering: boolean;
}

export interface DirectionQuota {
  direction: string;
  preferred: boolean;
  approved: number;
  /** Reserved places (preferred) or places left to the others (non-preferred); null when no limit applies. */
  quota: number | null;
  /** Places still open under the quota (never negative); null when no limit applies. */
  remaining: number | null;
  /** Preferred: the reserve is filled. Non-preferred: approving another one would use a reserved place. */
  status: 'open' | 'met' | 'reserve_at_risk';
}

export interface QuotaSummary {
  base: number;
  reserved: number;
  preferredApproved: number;
  directions: DirectionQuota[];
}

/** Problems of a rule, in Chinese naming the field; empty when valid. */
export function preferentialRuleProblems(rule: PreferentialSupportRule): Record<string, string> {
  const p: Record<string, string> = {};
  if (rule.directions.length === 0) p.directions = '倾斜支持方向至少选择1个';
  if (rule.reservedShare !== null && !(rule.reservedShare > 0 && rule.reservedShare < 1)) p.reservedShare = '预留比例须大于0且小于1（如 0.3 表示30%）';
  if (rule.plannedApprovals !== null && !(Number.isInteger(rule.plannedApprovals) && rule.plannedApprovals >= 1)) p.plannedApprovals = '计划立项数须为不小于1的整数';
  return p;
}

/**
 * The quota of every direction given the approvals per direction so far. `directions` lists every
 * direction of the campaign (in display order); missing counts are 0.
 */
export function preferentialQuota(rule: PreferentialSupportRule, directions: readonly string[], approved: Readonly<Record<string, number>>): QuotaSummary {
  const count = (d: string) => approved[d] ?? 0;
  const total = directions.reduce((n, d) => n + count(d), 0);
  const preferred = new Set(rule.directions);
  const preferredApproved = directions.filter((d) => preferred.has(d)).reduce((n, d) => n + count(d), 0);
  const base = rule.plannedApprovals ?? total;
  const reserved = rule.reservedShare === null ? 0 : Math.ceil(rule.reservedShare * base - 1e-9);
  const reserveOpen = Math.max(0, reserved - preferredApproved);
  const othersApproved = total - preferredApproved;
  const othersQuota = rule.plannedApprovals === null ? null : Math.max(0, base - reserved);
  return {
    base,
    reserved,
    preferredApproved,
    directions: directions.map((d) => {
      if (preferred.has(d)) {
        const quota = rule.reservedShare === null ? null : reserved;
        return { direction: d, preferred: true, approved: count(d), quota, remaining: quota === null ? null : reserveOpen, status: quota !== null && reserveOpen === 0 ? 'met' : 'open' };
      }
      // Without a planned total the others have no fixed limit, but while the reserve is unfilled
      // each further approval of theirs raises the reserve it leaves unfilled.
      const remaining = othersQuota === null ? null : Math.max(0, othersQuota - othersApproved);
      const atRisk = rule.reservedShare !== null && (othersQuota === null ? reserveOpen > 0 : remaining === 0);
      return { direction: d, preferred: false, approved: count(d), quota: othersQuota, remaining, status: atRisk ? 'reserve_at_risk' : 'open' };
    }),
  };
}

/** Review order with 倾斜支持 first (stable: the given order within each group). */
export function preferentialOrder<T extends { direction: string | null }>(rule: PreferentialSupportRule, items: readonly T[]): T[] {
  if (!rule.priorityOrdering) return [...items];
  const preferred = new Set(rule.directions);
  return [...items.filter((i) => i.direction !== null && preferred.has(i.direction)), ...items.filter((i) => i.direction === null || !preferred.has(i.direction))];
}
