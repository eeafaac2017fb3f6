/** The platform's mark: a simple seal-like square with 质 (not an official emblem). */
export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="38" height="38" rx="8" fill="#ffffff" />
      <rect x="4" y="4" width="32" height="32" rx="6" fill="#c8102e" />
      <text x="20" y="27.5" textAnchor="middle" fontSize="19" fontWeight="700" fill="#ffffff" fontFamily="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif">
        质
      </text>
    </svg>
  );
}
