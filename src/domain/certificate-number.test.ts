import { describe, expect, it } from 'vitest';
import { certificateNoFormatProblem, certificateSeq, DEFAULT_CERTIFICATE_NO_FORMAT, formatCertificateNo } from './certificate-number';

describe('证书编号 format', () => {
  it('formats the default and a campaign format, zero-padded to the placeholder', () => {
    expect(formatCertificateNo(undefined, 2026, 7)).toBe('TJZLGG-2026-YX-007');
    expect(formatCertificateNo(DEFAULT_CERTIFICATE_NO_FORMAT, 2026, 1234)).toBe('TJZLGG-2026-YX-1234');
    expect(formatCertificateNo('津质攻证{year}第{nnnn}号', 2027, 12)).toBe('津质攻证2027第0012号');
  });

  it('falls back to the default for an unusable format and names the problem', () => {
    expect(certificateNoFormatProblem('TJZLGG-{year}')).toContain('序号占位符');
    expect(certificateNoFormatProblem('A{nn}B{nnn}')).toContain('只包含一个');
    expect(certificateNoFormatProblem('ZS-{nnn}')).toContain('{year}');
    expect(certificateNoFormatProblem('ZS-{year}-{nnn}')).toBeNull();
    expect(formatCertificateNo('TJZLGG-{year}', 2026, 3)).toBe('TJZLGG-2026-YX-003');
  });

  it('reads the sequence back from a number', () => {
    expect(certificateSeq(undefined, 2026, 'TJZLGG-2026-YX-042')).toBe(42);
    expect(certificateSeq('津质攻证{year}第{nnnn}号', 2027, '津质攻证2027第0012号')).toBe(12);
    expect(certificateSeq(undefined, 2026, 'TJZLGG-2025-YX-042')).toBeNull();
  });
});
