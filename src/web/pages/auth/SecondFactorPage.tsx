/**
 * Two-factor enrolment (issue 13.10): scan the QR code with an authenticator app, confirm with the
 * first 6-digit code, note the recovery codes (shown once). Required for the commission and
 * administrators before anything else; optional for everyone else.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import type { Me } from '../../../shared/auth';
import { api, ApiError, errorMessage } from '../../api';
import { Panel } from '../../components/Panel';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { ROLE_HOME, useSession } from '../../session/session';

interface Setup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export default function SecondFactorPage() {
  usePageTitle('两步验证');
  const { me, loading, refresh } = useSession();
  const navigate = useNavigate();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ totpCode: string }>();

  if (loading) return null;
  if (!me) return <Navigate to="/login" replace />;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSetup(await api.post<Setup>('/api/auth/second-factor/setup', {}));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (values: { totpCode: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ recoveryCodes: string[] }>('/api/auth/second-factor/enable', { totpCode: values.totpCode.trim() });
      setCodes(res.recoveryCodes);
    } catch (err) {
      if (err instanceof ApiError && err.fields.totpCode) form.setFields([{ name: 'totpCode', errors: [err.fields.totpCode] }]);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const done = async () => {
    await refresh();
    navigate(ROLE_HOME[(me as Me).role], { replace: true });
  };

  const enabled = me.secondFactor?.enabled && !codes;
  return (
    <PublicShell>
      <Panel className="gg-login-card" bodyClassName="gg-login-body">
        <h1 className="gg-login-title">
          <SafetyCertificateOutlined aria-hidden /> 两步验证（身份验证器）
        </h1>
        {me.secondFactor?.required && !me.secondFactor.enabled && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="按等保三级身份鉴别要求，市市场监管委及管理员账户须绑定身份验证器后才能使用平台。" />
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="second-factor-error" />}
        {enabled && <Alert type="success" showIcon title={`两步验证已启用，剩余恢复码 ${me.secondFactor?.recoveryCodesLeft ?? 0} 个。`} />}
        {!enabled && !setup && !codes && (
          <>
            <p>登录时除密码外还需输入手机身份验证器（如腾讯身份验证器、Microsoft Authenticator、Google Authenticator）显示的6位动态验证码。</p>
            <Button type="primary" block loading={busy} onClick={start}>
              开始绑定
            </Button>
          </>
        )}
        {setup && !codes && (
          <>
            <p>1. 用身份验证器扫描下方二维码（或手动输入密钥）：</p>
            <p style={{ textAlign: 'center' }}>
              <img src={setup.qrDataUrl} alt="两步验证二维码" width={240} height={240} data-testid="second-factor-qr" />
            </p>
            <p>
              密钥：<Typography.Text code copyable data-testid="second-factor-secret">{setup.secret}</Typography.Text>
            </p>
            <p>2. 输入身份验证器显示的6位动态验证码完成绑定：</p>
            <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false} name="second-factor-enable">
              <Form.Item label="动态验证码" name="totpCode" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字动态验证码' }]}>
                <Input autoComplete="one-time-code" inputMode="numeric" placeholder="6位数字" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                完成绑定
              </Button>
            </Form>
          </>
        )}
        {codes && (
          <>
            <Alert type="success" showIcon style={{ marginBottom: 16 }} title="绑定成功。请抄写或打印以下恢复码并妥善保管：手机丢失时，每个恢复码可代替动态验证码登录一次。恢复码只显示这一次。" />
            <ol data-testid="recovery-codes">
              {codes.map((c) => (
                <li key={c}>
                  <Typography.Text code>{c}</Typography.Text>
                </li>
              ))}
            </ol>
            <Button type="primary" block onClick={done}>
              我已保存恢复码，进入平台
            </Button>
          </>
        )}
      </Panel>
    </PublicShell>
  );
}
