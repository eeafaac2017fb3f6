/** 通知中心: the organisation's notices with filters; mark read / all read; each opens its object. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, List, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationItem, NotificationList } from '../../../shared/notifications';
import { api, errorMessage } from '../../api';
import { UNREAD_KEY } from '../../components/NotificationBell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { LimitedSearch } from '../../components/list/LimitedSearch';

type Status = 'all' | 'unread' | 'read';

export default function NotificationsPage() {
  usePageTitle('通知中心');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = { status, q: q || undefined, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['notifications', 'list', query], queryFn: () => api.get<NotificationList>('/api/notifications', query), placeholderData: keepPreviousData });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`), onSuccess: refresh, onError: (e) => message.error(errorMessage(e)) });
  const readAll = useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: () => {
      message.success('已全部标为已读');
      refresh();
      void qc.invalidateQueries({ queryKey: UNREAD_KEY });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const open = async (n: NotificationItem) => {
    if (!n.read) await markRead.mutateAsync(n.id).catch(() => undefined);
    if (n.link) navigate(n.link);
  };
  return (
    <>
      <PageHeader
        title="通知中心"
        subtitle={list.data ? `未读 ${list.data.unread} 条` : undefined}
        extra={
          <Button onClick={() => readAll.mutate()} loading={readAll.isPending} disabled={!list.data?.unread}>
            全部标为已读
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<Status>
            aria-label="通知状态"
            value={status}
            onChange={(v) => (setStatus(v), setPage(1))}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: '未读' },
              { value: 'read', label: '已读' },
            ]}
          />
          <LimitedSearch label="搜索通知" placeholder="搜索标题或内容" max={50} onSearch={(v) => (setQ(v), setPage(1))} />
        </Space>
        {list.isError && <Alert type="error" showIcon message="通知加载失败" description={errorMessage(list.error)} />}
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: status === 'unread' ? '没有未读通知' : '暂无通知' }}
          pagination={list.data && list.data.total > 20 ? { current: page, pageSize: 20, total: list.data.total, onChange: setPage, showTotal: (n) => `共 ${n} 条` } : false}
          renderItem={(n) => (
            <List.Item
              data-testid="notification-item"
              actions={[
                n.link ? (
                  <Button key="open" type="link" onClick={() => void open(n)}>
                    查看
                  </Button>
                ) : null,
                !n.read ? (
                  <Button key="read" type="link" onClick={() => markRead.mutate(n.id)}>
                    标为已读
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {n.read ? <Badge status="default" /> : <Badge status="processing" />}
                    <span style={{ fontWeight: n.read ? 400 : 600 }}>{n.title}</span>
                  </Space>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <div className="gg-muted gg-small">{formatBeijing(n.createdAt)}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
