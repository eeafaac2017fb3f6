/** Password rules (issue 3): at least 10 characters and 3 of the 4 classes; not the username. */
export const PASSWORD_MIN_LENGTH = 10;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码长度至少为${PASSWORD_MIN_LENGTH}位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('密码需包含大写字母、小写字母、数字、特殊字符中的至少三类');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (/\s/.test(password)) problems.push('密码不能包含空格');
  return problems;
}
