/** Key dates of the campaign with live countdowns computed from the server's clock. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { useServerClock } from '../hooks/useServerClock';
import { WINDOW_LABELS } from '../labels';
import { formatBeijing, remaining } from '../time';
import type { PublicCampaign, WindowState } from '../types';

type Phase = 'upcoming' | 'open' | 'closed';

function phaseOf(w: WindowState, now: number): Phase {
  if (now < new Date(w.opensAt).getTime()) return 'upcoming';
  // closesAt is inclusive to the second (23:59:59 still counts).
  if (now < new Date(w.closesAt).getTime() + 1000) return 'open';
  return 'closed';
}

function countdownText(targetMs: number, now: number, verb: string): string {
  const r = remaining(targetMs, now);
  if (r.days > 0) return `距${verb}还有 ${r.days} 天 ${r.hours} 小时`;
  if (r.hours > 0) return `距${verb}还有 ${r.hours} 小时 ${r.minutes} 分`;
  return `距${verb}还有 ${r.minutes} 分 ${r.seconds} 秒`;
}

const PHASE_TEXT: Record<Phase, string> = { upcoming: '未开始', open: '进行中', closed: '已截止' };

const DEADLINE_NOTES: Record<WindowState['key'], string> = {
  application: '推荐单位须在截止前将推荐材料及汇总表报送市市场监管委',
  results: '推荐单位须在截止前报送成果材料，逾期不再接收',
};

export function KeyDates({ campaign, compact = false }: { campaign: PublicCampaign; compact?: boolean }) {
  const now = useServerClock(campaign.serverTime) ?? new Date(campaign.serverTime).getTime();
  return (
    <div>
      <ul className="gg-keydates">
        {campaign.windows.map((w) => {
          const phase = phaseOf(w, now);
          const closes = new Date(w.closesAt).getTime() + 1000;
          return (
            <li key={w.key} className={`gg-keydate gg-keydate-${phase}`} data-testid={`keydate-${w.key}`}>
              <div className="gg-keydate-head">
                <strong>{WINDOW_LABELS[w.key]}</strong>
                <span className={`gg-phase gg-phase-${phase}`}>{PHASE_TEXT[phase]}</span>
              </div>
              <div className="gg-keydate-range">
                {formatBeijing(w.opensAt, 'datetimeCn')} 至 {formatBeijing(w.closesAt, 'datetimeCn')}
              </div>
              {!compact && <div className="gg-keydate-note">{DEADLINE_NOTES[w.key]}</div>}
              {phase !== 'closed' && (
                <div className={`gg-countdown gg-countdown-${phase}`}>
                  <ClockCircleOutlined aria-hidden /> {phase === 'upcoming' ? countdownText(new Date(w.opensAt).getTime(), now, '开始') : countdownText(closes, now, '截止')}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="gg-muted gg-small">
        服务器时间（北京时间）：<span data-testid="server-time">{formatBeijing(now, 'seconds')}</span>
      </div>
    </div>
  );
}
