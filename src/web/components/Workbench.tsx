/** Building blocks of the role workbenches. */
import { Alert, Card, Empty, Skeleton, Steps } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../api';
import { usePublicCampaign } from '../hooks/usePublicCampaign';
import { PROCEDURES } from '../procedures';
import { useSession } from '../session/session';
import { formatBeijing } from '../time';
import { KeyDates } from './KeyDates';
import { personName } from './person-name';

export function WelcomeBanner({ description }: { description: ReactNode }) {
  const { me } = useSession();
  const { data } = usePublicCampaign();
  if (!me) return null;
  const hour = Number(formatBeijing(data?.serverTime ?? Date.now(), 'seconds').slice(11, 13));
  const greeting = hour < 6 ? '您好' : hour < 12 ? '上午好' : hour < 18 ? '下午好' : '晚上好';
  return (
    <div className="gg-welcome">
      <div className="gg-welcome-text">
        <div className="gg-welcome-hello">
          {greeting}，{personName(me.displayName, me.organisation.name)}
        </div>
        <div className="gg-welcome-org">{me.organisation.name}</div>
        <div className="gg-welcome-desc">{description}</div>
      </div>
      {data && (
        <div className="gg-welcome-campaign">
          <div className="gg-welcome-campaign-label">当前年度活动</div>
          <div className="gg-welcome-campaign-title">{data.title}</div>
          {data.documentNo && <div className="gg-welcome-campaign-no">{data.documentNo}</div>}
        </div>
      )}
    </div>
  );
}

export function KeyDatesCard() {
  const { data, isPending, error } = usePublicCampaign();
  return (
    <Card title="关键时间节点" className="gg-fill">
      {isPending && <Skeleton active />}
      {error && <Alert type="warning" showIcon title={errorMessage(error)} />}
      {data && <KeyDates campaign={data} compact />}
    </Card>
  );
}

export function ProcedureCard({ highlight }: { highlight: string[] }) {
  return (
    <Card title="工作流程" className="gg-fill">
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={PROCEDURES.map((p, i) => ({
          key: p.key,
          title: `${i + 1}. ${p.title}`,
          content: highlight.includes(p.key) ? <span className="gg-step-mine">本单位参与 · {p.actor}</span> : <span className="gg-muted">{p.actor}</span>,
          status: highlight.includes(p.key) ? 'process' : 'wait',
        }))}
      />
    </Card>
  );
}

export function TodoCard({ title = '待办事项', empty = '暂无待办事项', children }: { title?: string; empty?: string; children?: ReactNode }) {
  return (
    <Card title={title} className="gg-fill">
      {children ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />}
    </Card>
  );
}
