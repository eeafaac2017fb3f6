import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { formatBeijing } from '../time';

/** The prompt shown when a form finds unsaved content from an earlier visit. */
export function DraftRestorePrompt(props: { savedAt: number; onRestore(): void; onDiscard(): void }) {
  return (
    <Alert
      type="info"
      showIcon
      icon={<HistoryOutlined />}
      role="status"
      data-testid="draft-restore-prompt"
      title="检测到未保存的内容，是否恢复？"
      description={`保存于 ${formatBeijing(props.savedAt, 'seconds')}（仅保存在本机浏览器中）`}
      action={
        <Space>
          <Button size="small" type="primary" onClick={props.onRestore}>
            恢复
          </Button>
          <Button size="small" onClick={props.onDiscard}>
            放弃
          </Button>
        </Space>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
