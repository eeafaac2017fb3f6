/** Shows a temporary password exactly once, with a copy button. */
import { CopyOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Space, Typography } from 'antd';

export interface TemporaryPasswordInfo {
  title: string;
  username: string;
  displayName: string;
  password: string;
}

export function TemporaryPasswordModal({ info, onClose }: { info: TemporaryPasswordInfo | null; onClose(): void }) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!info) return;
    try {
      await navigator.clipboard.writeText(info.password);
      message.success('临时密码已复制');
    } catch {
      message.warning('无法访问剪贴板，请手动选中密码复制');
    }
  };
  return (
    <Modal
      open={!!info}
      title={info?.title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          我已记录，关闭
        </Button>
      }
    >
      {info && (
        <>
          <Alert
            type="warning"
            showIcon
            icon={<WarningOutlined />}
            title="临时密码仅显示这一次，关闭后无法再次查看"
            description="请通过安全渠道告知账户使用人；使用人首次登录时须修改密码。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="用户名">{info.username}</Descriptions.Item>
            <Descriptions.Item label="姓名">{info.displayName}</Descriptions.Item>
            <Descriptions.Item label="临时密码">
              <Space>
                <Typography.Text code className="gg-temp-password" data-testid="temporary-password">
                  {info.password}
                </Typography.Text>
                <Button size="small" icon={<CopyOutlined />} onClick={copy} aria-label="复制临时密码">
                  复制
                </Button>
              </Space>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  );
}
