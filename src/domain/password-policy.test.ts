import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it.each([
    ['Tianjin@2026', 'zhangsan', []],
    ['tianjin2026!', 'zhangsan', []],
    ['Short1!', 'zhangsan', ['密码长度至少为10位']],
    ['abcdefghijkl', 'zhangsan', ['密码需包含大写字母、小写字母、数字、特殊字符中的至少三类']],
    ['Zhangsan2026', 'zhangsan', ['密码不能包含用户名']],
    ['Tian jin@2026', 'x', ['密码不能包含空格']],
  ])('%s', (pw, user, expected) => {
    expect(passwordProblems(pw, user)).toEqual(expected);
  });
});
