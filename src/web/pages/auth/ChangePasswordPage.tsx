/** Change password: forced after an administrator created or reset the account, or voluntary. */
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import type { Me } from '../../../shared/auth';
import { ApiError, api, errorMessage } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { PasswordRules, passwordChecks } from '../../components/PasswordRules';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { homeFor, useSession } from '../../session/session';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  return (
    <App component={false}>
      <ChangePasswordContent />
    </App>
  );
}

function ChangePasswordContent() {
  usePageTitle('修改密码');
  const { me, loading, setMe, logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeForm>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (loading) return <PageLoading />;
  if (!me) return <Navigate to="/login" replace />;
  const forced = me.mustChangePassword;

  const onFinish = async (values: ChangeForm) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ user: Me }>('/api/auth/change-password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      setMe(res.user);
      message.success('密码已修改');
      navigate(homeFor(res.user), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        form.setFields(
          Object.entries(err.fields)
            .filter(([name]) => name === 'currentPassword' || name === 'newPassword')
            .map(([name, msg]) => ({ name: name as keyof ChangeForm, errors: [msg] })),
        );
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const onLogout = async () => {
    await logout(false, () => navigate('/login', { replace: true }));
  };

  return (
    <PublicShell>
      <div className="gg-narrow">
        <Card className="gg-form-card">
          <h1 className="gg-login-title">{forced ? '首次登录请修改密码' : '修改密码'}</h1>
          {forced && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="为保障账户安全，首次登录或密码被重置后须设置新密码，修改完成后方可使用平台功能。"
            />
          )}
          <p className="gg-muted">
            当前账户：{me.displayName}（{me.username}）· {me.organisation.name}
          </p>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="change-password-error" />}
          <Form<ChangeForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="change-password">
            <Form.Item label={forced ? '当前密码（临时密码）' : '当前密码'} name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
              <Input.Password autoComplete="current-password" autoFocus />
            </Form.Item>
            <Form.Item
              label="新密码"
              name="newPassword"
              rules={[
                { required: true, message: '请输入新密码' },
                {
                  validator: (_, v: string | undefined) =>
                    !v || passwordChecks(v, me.username).ok ? Promise.resolve() : Promise.reject(new Error('新密码不符合下方的密码要求')),
                },
              ]}
            >
              <Input.Password autoComplete="new-password" aria-describedby="password-rules" />
            </Form.Item>
            <div id="password-rules">
              <PasswordRules password={newPassword} username={me.username} />
            </div>
            <Form.Item
              label="确认新密码"
              name="confirmPassword"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) =>
                    !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              {forced ? (
                <Button onClick={onLogout}>退出登录</Button>
              ) : (
                <Link to={homeFor(me)}>返回工作台</Link>
              )}
              <Button type="primary" htmlType="submit" loading={busy}>
                确认修改
              </Button>
            </Space>
          </Form>
        </Card>
      </div>
    </PublicShell>
  );
}
