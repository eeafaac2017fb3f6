import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../../shared/auth';
import { ROLE_LABELS } from '../../labels';
import { ApiError, errorMessage } from '../../api';
import { Panel } from '../../components/Panel';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { ROLE_HOME, ROLE_WORKBENCH_TITLES, homeFor, useSession } from '../../session/session';

interface LoginForm {
  username: string;
  password: string;
}

interface SecondStepForm {
  code: string;
}

/** Only same-site paths inside the person's own area are honoured as `next`. */
function safeNext(next: string | null, me: Me): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return null;
  return next.startsWith(ROLE_HOME[me.role]) ? next : null;
}

export default function LoginPage() {
  usePageTitle('登录');
  const { me, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<{ title: string; code: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** Second step (issue 13.10): the password was right, the authenticator code is asked for. */
  const [pending, setPending] = useState<LoginForm | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [codeForm] = Form.useForm<SecondStepForm>();

  const enter = (user: Me) => navigate(user.mustChangePassword ? '/change-password' : (safeNext(params.get('next'), user) ?? homeFor(user)), { replace: true });

  const onSecondStep = async (values: SecondStepForm) => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const code = values.code.trim();
      enter(await login(pending.username, pending.password, useRecovery ? { recoveryCode: code } : { totpCode: code }));
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'network';
      // Locked or otherwise refused: back to the first step.
      if (code !== 'second_factor_required') setPending(null);
      setError({ title: errorMessage(err), code });
      codeForm.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  };

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      enter(await login(values.username.trim(), values.password));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'second_factor_required') {
        setPending({ username: values.username.trim(), password: values.password });
        setUseRecovery(false);
        return;
      }
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        form.setFields(
          Object.entries(err.fields)
            .filter(([name]) => name === 'username' || name === 'password')
            .map(([name, msg]) => ({ name: name as keyof LoginForm, errors: [msg] })),
        );
      }
      setError({ title: errorMessage(err), code: err instanceof ApiError ? err.code : 'network' });
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell>
      <div className="gg-login-wrap">
        <div className="gg-login-intro">
          <h2>统一身份认证</h2>
          <p>本平台面向以下用户开放：</p>
          <ul>
            {Object.entries(ROLE_LABELS).map(([code, label]) => (
              <li key={code}>{label}</li>
            ))}
          </ul>
          <p className="gg-small">
            申报单位首次使用请先 <Link to="/register">注册账户</Link>；推荐单位、评定专家及培训机构账户由市市场监管委统一开通。
          </p>
          <p className="gg-small">
            <SafetyCertificateOutlined aria-hidden /> 连续输错密码 5 次账户将被锁定 15 分钟；30 分钟无操作将自动退出登录。
          </p>
        </div>
        <Panel className="gg-login-card" bodyClassName="gg-login-body">
          <h1 className="gg-login-title">用户登录</h1>
          {me && !me.mustChangePassword && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`您已登录为 ${me.displayName}（${me.organisation.name}）`}
              action={
                <Link className="gg-link-btn gg-link-btn-primary gg-link-btn-sm" to={homeFor(me)}>
                  进入{ROLE_WORKBENCH_TITLES[me.role]}
                </Link>
              }
            />
          )}
          {error && (
            <Alert
              type={error.code === 'account_locked' ? 'warning' : 'error'}
              showIcon
              role="alert"
              title={error.title}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          {pending ? (
            <Form<SecondStepForm> form={codeForm} layout="vertical" onFinish={onSecondStep} requiredMark={false} name="second-factor" size="large">
              <p>两步验证：请打开手机上的身份验证器，输入账户 {pending.username} 当前显示的6位动态验证码。</p>
              <Form.Item
                label={useRecovery ? '恢复码' : '动态验证码'}
                name="code"
                rules={[useRecovery ? { required: true, whitespace: true, message: '请输入恢复码' } : { required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字动态验证码' }]}
              >
                <Input prefix={<SafetyCertificateOutlined aria-hidden />} autoComplete="one-time-code" inputMode={useRecovery ? 'text' : 'numeric'} autoFocus placeholder={useRecovery ? '如 7KQ4-M2XP-9DHT' : '6位数字'} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                验证并登录
              </Button>
              <p className="gg-small" style={{ marginTop: 12 }}>
                <Button type="link" size="small" onClick={() => setUseRecovery(!useRecovery)}>
                  {useRecovery ? '改用动态验证码' : '手机不在身边？使用恢复码'}
                </Button>
                <Button type="link" size="small" onClick={() => setPending(null)}>
                  返回重新输入密码
                </Button>
              </p>
            </Form>
          ) : (
          <Form<LoginForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="login" size="large">
            <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus placeholder="请输入用户名" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" placeholder="请输入密码" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
          )}
          <p className="gg-muted gg-small" style={{ marginTop: 16, marginBottom: 0 }}>
            忘记密码请联系所属推荐单位或市市场监管委质量发展处重置。
          </p>
        </Panel>
      </div>
    </PublicShell>
  );
}
