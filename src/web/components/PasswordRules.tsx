/**
 * Live password rules (the server's rules, issue 3): at least 10 characters, 3 of the 4 classes,
 * not containing the username, no spaces.
 */
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';

export const PASSWORD_MIN_LENGTH = 10;

export interface PasswordCheck {
  key: string;
  text: string;
  ok: boolean;
}

export function passwordChecks(password: string, username: string): { checks: PasswordCheck[]; classes: PasswordCheck[]; ok: boolean } {
  const classes: PasswordCheck[] = [
    { key: 'upper', text: '大写字母', ok: /[A-Z]/.test(password) },
    { key: 'lower', text: '小写字母', ok: /[a-z]/.test(password) },
    { key: 'digit', text: '数字', ok: /[0-9]/.test(password) },
    { key: 'special', text: '特殊字符', ok: /[^A-Za-z0-9\s]/.test(password) },
  ];
  const classCount = classes.filter((c) => c.ok).length;
  const u = username.trim().toLowerCase();
  const checks: PasswordCheck[] = [
    { key: 'length', text: `长度至少 ${PASSWORD_MIN_LENGTH} 位（当前 ${password.length} 位）`, ok: password.length >= PASSWORD_MIN_LENGTH },
    { key: 'classes', text: `包含大写字母、小写字母、数字、特殊字符中的至少三类（当前 ${classCount} 类）`, ok: classCount >= 3 },
    { key: 'username', text: '不包含用户名', ok: password.length > 0 && !(u.length >= 3 && password.toLowerCase().includes(u)) },
    { key: 'space', text: '不包含空格', ok: password.length > 0 && !/\s/.test(password) },
  ];
  return { checks, classes, ok: checks.every((c) => c.ok) };
}

export function PasswordRules({ password, username }: { password: string; username: string }) {
  const { checks, classes } = passwordChecks(password, username);
  return (
    <div className="gg-pw-rules" aria-live="polite" data-testid="password-rules">
      <div className="gg-pw-rules-title">密码要求</div>
      <ul>
        {checks.map((c) => (
          <li key={c.key} className={c.ok ? 'gg-ok' : 'gg-todo'}>
            {c.ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}
            <span>{c.text}</span>
            <span className="gg-sr-only">{c.ok ? '（已满足）' : '（未满足）'}</span>
            {c.key === 'classes' && (
              <span className="gg-pw-classes">
                {classes.map((k) => (
                  <span key={k.key} className={k.ok ? 'gg-pw-class gg-pw-class-ok' : 'gg-pw-class'}>
                    {k.text}
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
