/**
 * Small formatting helpers shared by the document renderers (申报书, 汇总表, 证书, 公示名单).
 * Everything returned here is text that ends up inside a document, so it is Chinese.
 */
import {
  APPLICATION_FIELD_LABELS,
  ATTACHMENT_KIND_LABELS,
  BENEFIT_AREA_LABELS,
  DIRECTION_LABELS,
  INFRASTRUCTURE_LABELS,
  PARTNER_TYPE_LABELS,
  STANDARD_LEVEL_LABELS,
  UNIT_NATURE_LABELS,
  type AttachmentKind,
  type BenefitArea,
  type Direction,
  type InfrastructureKind,
  type PartnerType,
  type UnitNature,
} from '../../domain/application-form';

/** Checked / unchecked boxes. The vendored font has □ and ■ but not ☐/☑. */
export const BOX_CHECKED = '■';
export const BOX_UNCHECKED = '□';

/**
 * Masks an identity-card number for display: keeps the first 4 and last 4 characters
 * (`120116198503121234` → `1201**********1234`). Shorter values are masked completely except
 * the last 2 characters, so no full ID number ever leaves the server inside a document.
 */
export function maskIdNumber(id: string | undefined | null): string {
  const v = (id ?? '').trim();
  if (!v) return '';
  if (v.length >= 9) return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
  if (v.length <= 2) return '*'.repeat(v.length);
  return '*'.repeat(v.length - 2) + v.slice(-2);
}

/** Masks an 11-digit mobile number (`13812345678` → `138****5678`); other values unchanged. */
export function maskPhone(phone: string | undefined | null): string {
  const v = (phone ?? '').trim();
  return /^1\d{10}$/.test(v) ? `${v.slice(0, 3)}****${v.slice(-4)}` : v;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** `2026-04-20` (or an ISO timestamp) → `2026年4月20日`. Unparseable input is returned as is. */
export function formatDateCn(date: string | undefined | null): string {
  const v = (date ?? '').trim();
  const m = ISO_DATE.exec(v);
  if (!m) return v;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2026-04-20` → `2026.04.20` (compact form for narrow table cells). */
export function formatDateDot(date: string | undefined | null): string {
  const v = (date ?? '').trim();
  const m = ISO_DATE.exec(v);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : v;
}

const UPPER_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function upperNumber(n: number): string {
  // 1..31 as used in month/day: 十, 十一, 二十, 二十一, 三十一
  if (n < 10) return UPPER_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : UPPER_DIGITS[tens]}十${ones ? UPPER_DIGITS[ones] : ''}`;
}

/** `2026-11-20` → `二〇二六年十一月二十日` (the style used on certificates and official seals). */
export function formatDateUpper(date: string | undefined | null): string {
  const v = (date ?? '').trim();
  const m = ISO_DATE.exec(v);
  if (!m) return v;
  const year = m[1]
    .split('')
    .map((d) => UPPER_DIGITS[Number(d)])
    .join('');
  return `${year}年${upperNumber(Number(m[2]))}月${upperNumber(Number(m[3]))}日`;
}

/** A date range `2024-03-01`..`2026-12-31` → `2024年3月1日至2026年12月31日`. */
export function formatDateRangeCn(from?: string, to?: string): string {
  if (!from && !to) return '';
  return `${formatDateCn(from) || '    年  月  日'}至${formatDateCn(to) || '    年  月  日'}`;
}

/** Blank date line for signatures: `    年    月    日`. */
export const BLANK_DATE = '        年    月    日';

export function formatNumber(n: number | undefined | null, fractionDigits = 2): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '';
  const rounded = Number(n.toFixed(fractionDigits));
  return rounded.toLocaleString('zh-CN', { maximumFractionDigits: fractionDigits });
}

/** Label maps used by the documents. Callers may override any entry (e.g. campaign-specific wording). */
export interface DocumentLabels {
  directions: Record<Direction, string>;
  benefitAreas: Record<BenefitArea, string>;
  unitNatures: Record<UnitNature, string>;
  partnerTypes: Record<PartnerType, string>;
  infrastructure: Record<InfrastructureKind, string>;
  standardLevels: Record<string, string>;
  attachmentKinds: Record<AttachmentKind, string>;
  /** Field labels by path, as in APPLICATION_FIELD_LABELS. */
  fields: Record<string, string>;
  /** Campaign veto checklist: item id → statement (e.g. `近两年未发生重大质量安全事故`). */
  vetoItems: Record<string, string>;
}

export type DocumentLabelOverrides = { [K in keyof DocumentLabels]?: Partial<DocumentLabels[K]> };

export function resolveLabels(overrides?: DocumentLabelOverrides): DocumentLabels {
  const o = overrides ?? {};
  return {
    directions: { ...DIRECTION_LABELS, ...(o.directions as Partial<Record<Direction, string>>) },
    benefitAreas: { ...BENEFIT_AREA_LABELS, ...(o.benefitAreas as Partial<Record<BenefitArea, string>>) },
    unitNatures: { ...UNIT_NATURE_LABELS, ...(o.unitNatures as Partial<Record<UnitNature, string>>) },
    partnerTypes: { ...PARTNER_TYPE_LABELS, ...(o.partnerTypes as Partial<Record<PartnerType, string>>) },
    infrastructure: { ...INFRASTRUCTURE_LABELS, ...(o.infrastructure as Partial<Record<InfrastructureKind, string>>) },
    standardLevels: { ...STANDARD_LEVEL_LABELS, ...(o.standardLevels as Record<string, string>) },
    attachmentKinds: { ...ATTACHMENT_KIND_LABELS, ...(o.attachmentKinds as Partial<Record<AttachmentKind, string>>) },
    fields: { ...APPLICATION_FIELD_LABELS, ...(o.fields as Record<string, string>) },
    vetoItems: { ...(o.vetoItems as Record<string, string>) },
  };
}

/** Human-readable file size: 1536 → `1.5 KB`. */
export function formatFileSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Chinese ordinal prefix for sub-sections: 1 → `（一）`. Supports 1..99. */
export function cnOrdinal(n: number): string {
  return `（${upperNumber(n).replace('〇', '零')}）`;
}
