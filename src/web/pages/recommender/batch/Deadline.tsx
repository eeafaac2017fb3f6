/** The 报送 deadline of the recommender's batch with a countdown on the server's clock. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd';
import type { RecommenderBatch } from '../../../../shared/recommendations';
import { usePublicCampaign } from '../../../hooks/usePublicCampaign';
import { useServerClock } from '../../../hooks/useServerClock';
import { formatBeijing, remaining } from '../../../time';

export function Deadline({ batch }: { batch: RecommenderBatch }) {
  const campaign = usePublicCampaign();
  const now = useServerClock(campaign.data?.serverTime);
  const closes = Date.parse(batch.window.closesAt) + 1000;
  const r = now === null ? null : remaining(closes, now);
  const open = batch.window.open && (r === null || r.totalMs > 0);
  return (
    <Card size="small" title={<span><ClockCircleOutlined aria-hidden /> 报送截止时间</span>} data-testid="batch-deadline">
      <div style={{ fontSize: 16, fontWeight: 600 }}>
        {formatBeijing(batch.window.closesAt, 'datetimeCn')}（北京时间）
        {batch.window.viaReopening && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            补报窗口
          </Tag>
        )}
      </div>
      {open && r ? (
        <div className={`gg-rv-countdown${r.days < 2 ? ' gg-rv-countdown-urgent' : ''}`} role="timer" aria-live="off">
          剩余 {r.days} 天 {String(r.hours).padStart(2, '0')}:{String(r.minutes).padStart(2, '0')}:{String(r.seconds).padStart(2, '0')}
        </div>
      ) : (
        <div className="gg-rv-countdown gg-rv-countdown-urgent">{open ? '—' : '已截止'}</div>
      )}
      <div className="gg-muted gg-small">
        {batch.window.viaReopening ? '市市场监管委已为本单位开通补报窗口。' : '推荐单位须在截止前将推荐材料及汇总表报送市市场监管委。'}
        {now !== null && <> 服务器时间：{formatBeijing(now, 'seconds')}</>}
      </div>
    </Card>
  );
}
