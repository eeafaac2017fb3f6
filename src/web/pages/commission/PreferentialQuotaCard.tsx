/**
 * 倾斜支持 on the 立项审核 screen: per direction, the approved projects against the reserve (or the
 * places left to the others), and a warning when a further approval would use a reserved place.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Progress, Row, Tag } from 'antd';
import type { PreferentialStatus } from '../../../shared/preferential';
import { api } from '../../api';
import { useSelectedYear } from '../../components/list';

export const PREFERENTIAL_KEY = ['commission', 'approvals', 'preferential'] as const;

export function PreferentialQuotaCard() {
  const year = useSelectedYear();
  const q = useQuery({ queryKey: [...PREFERENTIAL_KEY, year], queryFn: () => api.get<PreferentialStatus>('/api/commission/approvals/preferential', { year }), staleTime: 10_000 });
  const s = q.data;
  if (!s) return null;
  const rule = [
    s.reservedShare !== null ? `预留 ${Math.round(s.reservedShare * 100)}% 的立项名额（${s.plannedApprovals !== null ? `计划立项 ${s.plannedApprovals} 项` : `按已立项 ${s.base} 项计`}，共 ${s.reserved} 项）` : null,
    s.priorityOrdering ? '审核列表优先排列' : null,
  ].filter(Boolean);
  return (
    <Card size="small" title="倾斜支持" style={{ marginBottom: 16 }} data-testid="preferential-quota">
      <p className="gg-muted gg-small" style={{ marginTop: 0 }}>
        {s.directions.filter((d) => d.preferred).map((d) => d.label).join('、')}：{rule.length ? rule.join('；') : '未设置预留名额'}
      </p>
      <Row gutter={[16, 12]}>
        {s.directions.map((d) => (
          <Col xs={24} md={12} key={d.direction}>
            <div data-testid={`quota-${d.direction}`}>
              <strong>{d.label}</strong> {d.preferred && <Tag color="red">倾斜支持</Tag>}
              <span className="gg-small">
                已立项 {d.approved} 项{d.quota !== null ? ` / ${d.preferred ? '预留' : '可用'} ${d.quota} 项` : ''} · 待审核 {d.underReview} 项
              </span>
              {d.quota !== null && <Progress percent={d.quota ? Math.min(100, Math.round((d.approved / d.quota) * 100)) : 100} size="small" status={d.status === 'met' ? 'success' : d.status === 'reserve_at_risk' ? 'exception' : 'normal'} />}
            </div>
          </Col>
        ))}
      </Row>
      {s.directions.some((d) => d.status === 'reserve_at_risk') && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title="倾斜支持方向的预留名额尚未用满：继续为其他方向立项将占用预留名额" />
      )}
    </Card>
  );
}
