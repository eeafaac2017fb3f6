import { describe, expect, it } from 'vitest';
import { cnOrdinal, formatDateCn, formatDateRangeCn, formatDateUpper, maskIdNumber, maskPhone, resolveLabels } from './format';

describe('format helpers', () => {
  it('masks ID numbers keeping the first and last 4 characters', () => {
    expect(maskIdNumber('120116198503122318')).toBe('1201**********2318');
    expect(maskIdNumber('12011619850312231X')).toBe('1201**********231X');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(undefined)).toBe('');
    expect(maskIdNumber('1234567')).toBe('*****67');
    expect(maskIdNumber('12')).toBe('**');
  });

  it('masks mobile numbers only', () => {
    expect(maskPhone('13820061234')).toBe('138****1234');
    expect(maskPhone('022-66235801')).toBe('022-66235801');
  });

  it('formats dates in Chinese', () => {
    expect(formatDateCn('2026-04-20')).toBe('2026年4月20日');
    expect(formatDateCn('2026-04-20T08:00:00+08:00')).toBe('2026年4月20日');
    expect(formatDateCn('')).toBe('');
    expect(formatDateUpper('2026-11-20')).toBe('二〇二六年十一月二十日');
    expect(formatDateUpper('2030-01-01')).toBe('二〇三〇年一月一日');
    expect(formatDateUpper('2026-10-31')).toBe('二〇二六年十月三十一日');
    expect(formatDateRangeCn('2025-03-01', '2026-08-31')).toBe('2025年3月1日至2026年8月31日');
  });

  it('numbers sub-sections', () => {
    expect(cnOrdinal(1)).toBe('（一）');
    expect(cnOrdinal(10)).toBe('（十）');
    expect(cnOrdinal(12)).toBe('（十二）');
  });

  it('merges label overrides with the shared label maps', () => {
    const l = resolveLabels({ directions: { common: '共性技术' }, vetoItems: { a: '声明A' } });
    expect(l.directions.common).toBe('共性技术');
    expect(l.directions.precise).toBe('质量精准提升攻关');
    expect(l.fields['unit.name']).toBe('单位名称');
    expect(l.vetoItems.a).toBe('声明A');
  });
});
