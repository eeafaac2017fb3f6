/**
 * 年度活动配置: view and edit a year's campaign (optimistic version), copy it to the next year,
 * import its holiday calendar, edit the 雷同检查 synonym table, the progress-report schedule and the
 * 成果评定指标 (locked once an evaluation group is committed), and grant 补报窗口 (window reopenings) to recommenders.
 * The parts live in ./campaign/.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Result, Select, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import type { CampaignDto } from '../../types';
import { CAMPAIGNS_KEY } from './campaign/campaign-form';
import { CampaignEditor } from './campaign/CampaignEditor';
import { Reopenings } from './campaign/Reopenings';
import { CAMPAIGN_STATUS_LABELS } from './labels';

export default function CampaignConfigPage() {
  usePageTitle('年度活动配置');
  const qc = useQueryClient();
  const list = useQuery({ queryKey: CAMPAIGNS_KEY, queryFn: () => api.get<{ items: CampaignDto[] }>('/api/campaigns') });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const selected = items.find((c) => c.id === selectedId) ?? items.find((c) => c.status === 'active') ?? items[0];

  const reload = async () => {
    await qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    await list.refetch();
  };

  return (
    <>
      <PageHeader
        title="年度活动配置"
        subtitle="每一年度的申报方向、重点产业链、时间窗口、规则和阈值均为配置数据，调整后即时生效"
        extra={
          <Space wrap>
            <label className="gg-inline-field">
              <span>年度</span>
              <Select
                aria-label="选择年度"
                style={{ width: 200 }}
                value={selected?.id}
                onChange={setSelectedId}
                options={items.map((c) => ({ value: c.id, label: `${c.year} 年度（${CAMPAIGN_STATUS_LABELS[c.status]}）` }))}
              />
            </label>
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void reload()} />
          </Space>
        }
      />
      {list.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      )}
      {list.isError && <Result status="warning" title="年度活动加载失败" subTitle={errorMessage(list.error)} />}
      {!list.isPending && !list.isError && !selected && <Empty description="暂无年度活动" />}
      {selected && (
        <>
          <CampaignEditor
            key={selected.id}
            campaign={selected}
            onReload={reload}
            onSaved={(c) => {
              qc.setQueryData<{ items: CampaignDto[] }>(CAMPAIGNS_KEY, (old) => {
                const rest = (old?.items ?? []).filter((x) => x.id !== c.id);
                return { items: [...rest, c].sort((a, b) => b.year - a.year) };
              });
              setSelectedId(c.id);
              void qc.invalidateQueries({ queryKey: ['public', 'campaign'] });
            }}
          />
          <Reopenings campaign={selected} />
        </>
      )}
    </>
  );
}

