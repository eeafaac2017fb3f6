import { describe, expect, it } from 'vitest';
import { approvalOpensAt, DEFAULT_PROJECT_NO_FORMAT, formatProjectNo, projectNoFormatProblem } from './project-number';

describe('立项编号', () => {
  it('formats the default as TJZLGG-<year>-<4 digits>', () => {
    expect(formatProjectNo(DEFAULT_PROJECT_NO_FORMAT, 2026, 1)).toBe('TJZLGG-2026-0001');
    expect(formatProjectNo(undefined, 2027, 123)).toBe('TJZLGG-2027-0123');
    expect(formatProjectNo(DEFAULT_PROJECT_NO_FORMAT, 2026, 12345)).toBe('TJZLGG-2026-12345');
  });

  it('follows a campaign format: the n count is the padding', () => {
    expect(formatProjectNo('GG{year}-{nnn}', 2026, 7)).toBe('GG2026-007');
    expect(formatProjectNo('津质攻〔{year}〕{nn}号', 2026, 3)).toBe('津质攻〔2026〕03号');
  });

  it('refuses formats without exactly one sequence or with unknown placeholders, in Chinese', () => {
    expect(projectNoFormatProblem('GG{year}')).toContain('序号占位符');
    expect(projectNoFormatProblem('GG{nnn}-{nn}')).toContain('只包含一个');
    expect(projectNoFormatProblem('GG{month}-{nnnn}')).toContain('{year}');
    expect(projectNoFormatProblem('GG {nnnn}')).toContain('空格');
    expect(projectNoFormatProblem('GG-{nnnn}')).toContain('{year}');
    expect(projectNoFormatProblem(DEFAULT_PROJECT_NO_FORMAT)).toBeNull();
    // A broken stored format falls back to the default rather than minting odd numbers.
    expect(formatProjectNo('GG{year}', 2026, 5)).toBe('TJZLGG-2026-0005');
  });

  it('decisions open the second after the application deadline unless the campaign says otherwise', () => {
    const windows = { application: { closesAt: '2026-04-20T23:59:59+08:00' } };
    expect(approvalOpensAt({ windows }).toISOString()).toBe('2026-04-20T16:00:00.000Z');
    expect(approvalOpensAt({ windows, approvalOpensAt: '2026-04-25T09:00:00+08:00' }).toISOString()).toBe('2026-04-25T01:00:00.000Z');
  });
});
