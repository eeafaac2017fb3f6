/** 页头铃铛: the unread count of the user's notices, linking to the notification centre. */
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { api } from '../api';

export const UNREAD_KEY = ['notifications', 'unread'] as const;

export function NotificationBell({ base }: { base: string }) {
  const unread = useQuery({ queryKey: UNREAD_KEY, queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'), refetchInterval: 60_000, staleTime: 15_000 });
  const n = unread.data?.unread ?? 0;
  return (
    <Link to={`${base}/notifications`} className="gg-header-link" aria-label={n ? `通知中心，${n}条未读` : '通知中心'} data-testid="notification-bell">
      <Badge count={n} size="small" overflowCount={99}>
        <BellOutlined aria-hidden style={{ fontSize: 18 }} />
      </Badge>
    </Link>
  );
}
