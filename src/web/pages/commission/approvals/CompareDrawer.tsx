/**
 * 申报书对比: two applications side by side, field by field, differences highlighted (a 不同 tag
 * with text and a tinted row). Reads GET /api/applications/:id, which the commission may read.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApplicationDetail } from '../../../../shared/applications';
import { api, errorMessage } from '../../../api';
import { compareForms, type CompareRow } from './compare-forms';

export function CompareDrawer({ ids, onClose }: { ids: [string, string] | null; onClose: () => void }) {
  const [onlyDiff, setOnlyDiff] = useState(false);
  const left = useQuery({ queryKey: ['applications', ids?.[0]], queryFn: () => api.get<ApplicationDetail>(`/api/applications/${ids![0]}`), enabled: !!ids });
  const right = useQuery({ queryKey: ['applications', ids?.[1]], queryFn: () => api.get<ApplicationDetail>(`/api/applications/${ids![1]}`), enabled: !!ids });
  const rows = left.data && right.data ? compareForms(left.data.form, right.data.form) : [];
  const differing = rows.filter((r) => r.differs).length;
  const shown = onlyDiff ? rows.filter((r) => r.differs) : rows;
  const head = (d?: ApplicationDetail) => (d ? `《${d.name}》${d.applicationNo ? `（${d.applicationNo}）` : ''} — ${d.applicant.name}` : '加载中…');
  const error = left.error ?? right.error;
  return (
    <Drawer title="申报书对比" open={!!ids} onClose={onClose} size="large" width="90vw" destroyOnHidden data-testid="compare-drawer">
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text data-testid="compare-summary">
          共 {rows.length} 项内容，其中 <strong>{differing}</strong> 项不同
        </Typography.Text>
        <Switch checked={onlyDiff} onChange={setOnlyDiff} aria-label="只看不同的内容" /> 只看不同
      </Space>
      <Table<CompareRow>
        size="small"
        rowKey="path"
        loading={left.isLoading || right.isLoading}
        dataSource={shown}
        pagination={false}
        bordered
        rowClassName={(r) => (r.differs ? 'gg-compare-diff' : '')}
        onRow={(r) => ({ style: r.differs ? { background: '#fff7e6' } : undefined, 'data-differs': r.differs ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '栏目', dataIndex: 'label', width: 200, render: (v: string, r) => (<><div>{v}</div><div className="gg-muted gg-small">{r.section}</div>{r.differs && <Tag color="orange">不同</Tag>}</>) },
          { title: <span data-testid="compare-left">{head(left.data)}</span>, dataIndex: 'left', render: (v: string) => <span className="gg-rv-text">{v || '未填写'}</span> },
          { title: <span data-testid="compare-right">{head(right.data)}</span>, dataIndex: 'right', render: (v: string) => <span className="gg-rv-text">{v || '未填写'}</span> },
        ]}
      />
    </Drawer>
  );
}
