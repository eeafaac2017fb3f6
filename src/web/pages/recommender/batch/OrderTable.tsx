/** The recommended projects in 推荐排序: drag or 上移/下移 (keyboard), saved at once. */
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { DIRECTION_LABELS, type Direction } from '../../../../domain/application-form';
import type { RecommenderBatch } from '../../../../shared/recommendations';
import { api, errorMessage } from '../../../api';
import { BATCH_KEY, INBOX_KEY } from '../queries';

type BatchProject = RecommenderBatch['projects'][number];

export function OrderTable({ batch, disabled }: { batch: RecommenderBatch; disabled: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [rows, setRows] = useState<BatchProject[]>(batch.projects);
  const [drag, setDrag] = useState<{ from: number; over: number | null } | null>(null);
  useEffect(() => setRows(batch.projects), [batch.projects]);
  const save = useMutation({
    mutationFn: (ids: string[]) => api.put<{ items: { id: string; recommendOrder: number }[] }>('/api/recommender/order', { ids }),
    onSuccess: () => {
      message.success('推荐排序已保存');
      void qc.invalidateQueries({ queryKey: BATCH_KEY });
      void qc.invalidateQueries({ queryKey: INBOX_KEY });
    },
    onError: (err) => {
      message.error(errorMessage(err));
      setRows(batch.projects);
      void qc.invalidateQueries({ queryKey: BATCH_KEY });
    },
  });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= rows.length || from === to) return;
    const next = [...rows];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x);
    setRows(next);
    save.mutate(next.map((r) => r.id));
  };
  const columns: ColumnsType<BatchProject> = [
    { title: <span className="gg-sr-only">拖动</span>, key: 'drag', width: 32, render: () => (disabled ? null : <HolderOutlined className="gg-rv-drag-handle" aria-hidden />) },
    { title: '排序', key: 'order', width: 56, render: (_, __, i) => <strong>{i + 1}</strong> },
    {
      title: '项目名称 / 申报单位',
      dataIndex: 'name',
      render: (v: string, r) => (
        <div>
          <Link to={`/recommender/reviews/${r.id}`}>{v}</Link>
          <div className="gg-muted gg-small">{r.applicantName}</div>
        </div>
      ),
    },
    {
      title: '申报方向 / 产业链',
      dataIndex: 'direction',
      width: 150,
      render: (v: string | null, r) => (
        <div>
          <div>{v ? DIRECTION_LABELS[v as Direction] ?? v : '—'}</div>
          <div className="gg-muted gg-small">{r.chain ?? '—'}</div>
        </div>
      ),
    },
    {
      title: '调整',
      key: 'move',
      width: 90,
      render: (_, r, i) => (
        <Space size={2}>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={disabled || i === 0 || save.isPending} aria-label={`上移《${r.name}》`} onClick={() => move(i, i - 1)} />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={disabled || i === rows.length - 1 || save.isPending}
            aria-label={`下移《${r.name}》`}
            onClick={() => move(i, i + 1)}
          />
        </Space>
      ),
    },
  ];
  const gaps = !disabled && rows.some((r, i) => r.recommendOrder !== i + 1);
  return (
    <>
    {gaps && (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="推荐排序不连续（应为 1 至 N），请核对顺序后确认"
        action={
          <Button size="small" type="primary" loading={save.isPending} onClick={() => save.mutate(rows.map((r) => r.id))}>
            按当前顺序确认排序
          </Button>
        }
      />
    )}
    <Table<BatchProject>
      rowKey="id"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={rows}
      loading={save.isPending}
      locale={{ emptyText: '暂无已推荐的项目。请在“申报审核”中推荐项目后再报送。' }}
      data-testid="batch-projects"
      rowClassName={(_, i) => (drag?.from === i ? 'gg-rv-order-row-dragging' : drag?.over === i ? 'gg-rv-order-row-over' : '')}
      onRow={(_, i) =>
        disabled
          ? {}
          : {
              draggable: true,
              onDragStart: (e) => {
                e.dataTransfer.effectAllowed = 'move';
                setDrag({ from: i!, over: null });
              },
              onDragOver: (e) => {
                e.preventDefault();
                if (drag && drag.over !== i) setDrag({ ...drag, over: i! });
              },
              onDrop: (e) => {
                e.preventDefault();
                if (drag) move(drag.from, i!);
                setDrag(null);
              },
              onDragEnd: () => setDrag(null),
            }
      }
    />
    </>
  );
}
