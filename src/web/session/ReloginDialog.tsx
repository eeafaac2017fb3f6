import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { Me } from '../../shared/auth';
import { api, errorMessage } from '../api';

interface ReloginForm {
  username: string;
  password: string;
}

/** The "登录已超时，请重新登录" dialog with an inline login form. */
export default function ReloginDialog(props: { username?: string; onLoggedIn(user: Me): void; onGoToLogin(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: ReloginForm) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ user: Me }>('/api/auth/login', { username: values.username.trim(), password: values.password }, { noSessionFlow: true });
      props.onLoggedIn(res.user);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
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
    </Modal>
  );
}
