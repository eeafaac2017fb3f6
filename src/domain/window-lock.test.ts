import { describe, expect, it } from 'vitest';
import { lockedWindowChanges } from './window-lock';

const labels = { application: '项目申报（推荐单位报送）', results: '成果提交（推荐单位报送）' };
const before = {
  application: { opensAt: '2026-03-23T00:00:00+08:00', closesAt: '2026-04-20T23:59:59+08:00' },
  results: { opensAt: '2026-05-01T00:00:00+08:00', closesAt: '2026-09-30T23:59:59+08:00' },
};

describe('lockedWindowChanges', () => {
  it('allows every change before the window opens, to the second', () => {
    const after = { ...before, results: { ...before.results, closesAt: '2026-10-09T23:59:59+08:00' } };
    expect(lockedWindowChanges(before, after, new Date('2026-04-30T15:59:59Z'), labels)).toEqual([]);
  });

  it('refuses a change from the opening second on, naming the window and the field', () => {
    const after = { ...before, results: { ...before.results, closesAt: '2026-10-09T23:59:59+08:00' } };
    const problems = lockedWindowChanges(before, after, new Date('2026-04-30T16:00:00Z'), labels);
    expect(problems).toEqual([{ path: 'config.windows.results.closesAt', message: expect.stringContaining('“成果提交（推荐单位报送）”窗口已于2026年5月1日 00:00:00（北京时间）开始，推荐单位报送截止不能再修改') }]);
    expect(problems[0].message).toContain('补报窗口');
  });

  it('treats the same instant written differently as unchanged, and an added applicant deadline as a change', () => {
    const same = { ...before, application: { opensAt: '2026-03-22T16:00:00.000Z', closesAt: '2026-04-20T15:59:59Z' } };
    expect(lockedWindowChanges(before, same, new Date('2026-04-10T02:00:00Z'), labels)).toEqual([]);
    const added = { ...before, application: { ...before.application, applicantClosesAt: '2026-04-15T23:59:59+08:00' } };
    expect(lockedWindowChanges(before, added, new Date('2026-04-10T02:00:00Z'), labels).map((p) => p.path)).toEqual(['config.windows.application.applicantClosesAt']);
  });
});
