import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { Me } from '../../shared/auth';
import { ApiError, api, errorMessage } from '../api';

interface ReloginForm {
  username: string;
  password: string;
}

interface SecondStepForm {
  code: string;
}

/**
 * The "登录已超时，请重新登录" dialog with an inline login form. Accounts with a second factor
 * (commission and administrators, issue 13.10) answer the authenticator code in the same dialog,
 * so the page underneath and its typed content stay as they were.
 */
export default function ReloginDialog(props: { username?: string; onLoggedIn(user: Me): void; onGoToLogin(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<ReloginForm | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [codeForm] = Form.useForm<SecondStepForm>();

  const submit = async (credentials: ReloginForm, secondFactor?: { totpCode?: string; recoveryCode?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ user: Me }>('/api/auth/login', { ...credentials, ...secondFactor }, { noSessionFlow: true });
      props.onLoggedIn(res.user);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'second_factor_required' && !secondFactor) {
        setPending(credentials);
        setUseRecovery(false);
        return;
      }
      // A refused code keeps the second step; anything else (locked, wrong password) goes back.
      if (secondFactor && !(err instanceof ApiError && err.code === 'second_factor_required')) setPending(null);
      codeForm.setFieldValue('code', '');
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const onFinish = (values: ReloginForm) => submit({ username: values.username.trim(), password: values.password });
  const onSecondStep = (values: SecondStepForm) => {
    if (!pending) return;
    const code = values.code.trim();
    return submit(pending, useRecovery ? { recoveryCode: code } : { totpCode: code });
  };

  return (
    <Modal
      open
      title="登录已超时，请重新登录"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      width={420}
      zIndex={2000}
    >
      <p className="gg-muted" style={{ marginTop: 0, marginBottom: 16 }}>
        为保障账户安全，长时间无操作后需要重新验证身份。重新登录后将继续刚才的操作，本页面已填写的内容不会丢失。
      </p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {pending ? (
        <Form<SecondStepForm> form={codeForm} layout="vertical" onFinish={onSecondStep} requiredMark={false} name="relogin-second-factor">
          <p>两步验证：请输入账户 {pending.username} 在身份验证器中当前显示的6位动态验证码。</p>
          <Form.Item
            label={useRecovery ? '恢复码' : '动态验证码'}
            name="code"
            rules={[useRecovery ? { required: true, whitespace: true, message: '请输入恢复码' } : { required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字动态验证码' }]}
          >
            <Input prefix={<SafetyCertificateOutlined aria-hidden />} autoComplete="one-time-code" inputMode={useRecovery ? 'text' : 'numeric'} autoFocus placeholder={useRecovery ? '如 7KQ4-M2XP-9DHT' : '6位数字'} />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Button type="link" size="small" onClick={() => setUseRecovery(!useRecovery)}>
              {useRecovery ? '改用动态验证码' : '使用恢复码'}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy}>
              验证并继续
            </Button>
          </Space>
        </Form>
      ) : (
      <Form<ReloginForm> layout="vertical" onFinish={onFinish} requiredMark={false} name="relogin" initialValues={{ username: props.username ?? '', password: '' }}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" readOnly={!!props.username} />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" autoFocus />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button onClick={props.onGoToLogin}>前往登录页</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            重新登录并继续
          </Button>
        </Space>
      </Form>
      )}
    </Modal>
  );
}
