/**
 * 扫码签到 on the provider's roster page: opens the session's check-in and shows its QR code and
 * short code on screen for the attendees' phones. The manual ticks below stay for corrections.
 */
import { QrcodeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Space } from 'antd';
import { api, errorMessage } from '../../api';
import { formatBeijing } from '../../time';

interface CheckinScreen {
  code: string;
  url: string;
  svg: string;
  opensAt: string;
  closesAt: string;
}

export function CheckinPanel({ sessionId, cancelled }: { sessionId: string; cancelled: boolean }) {
  const { message } = App.useApp();
  const open = useMutation({
    mutationFn: () => api.post<CheckinScreen>(`/api/training/sessions/${sessionId}/checkin`),
    onError: (err) => message.error(errorMessage(err)),
  });
  const c = open.data;
  return (
    <Card size="small" title="扫码签到" style={{ marginBottom: 16 }} data-testid="checkin-panel">
      {!c ? (
        <Space wrap>
          <Button icon={<QrcodeOutlined />} onClick={() => open.mutate()} loading={open.isPending} disabled={cancelled}>
            显示签到二维码
          </Button>
          <span className="gg-muted gg-small">参训人员用手机扫码，核对姓名和手机号码后即完成签到；签到自开始前30分钟起至培训结束。</span>
        </Space>
      ) : (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'center' }}>
          {/* The SVG is generated on the server by the qrcode library from the check-in link only. */}
          <div style={{ width: 220, height: 220 }} role="img" aria-label="签到二维码" dangerouslySetInnerHTML={{ __html: c.svg }} />
          <div>
            <div className="gg-muted">签到码</div>
            <div style={{ fontSize: 40, fontWeight: 700, letterSpacing: 8 }} data-testid="checkin-code">
              {c.code}
            </div>
            <div className="gg-small" style={{ wordBreak: 'break-all' }}>
              或访问：<a href={c.url} data-testid="checkin-url">{c.url}</a>
            </div>
            <div className="gg-muted gg-small">
              签到时间：{formatBeijing(c.opensAt)} 至 {formatBeijing(c.closesAt)}
            </div>
          </div>
        </div>
      )}
    </Card>
  );
}
