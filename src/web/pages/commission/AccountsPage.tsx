/** 账户管理: list, search and filter accounts (in the URL); create; reset password; unlock; enable/disable. */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { RoleCode } from '../../../shared/auth';
import { ROLE_LABELS } from '../../labels';
import { ApiError, api, errorMessage, idempotencyHeaders } from '../../api';
import { FilterBar, ListTable, optionsOf } from '../../components/list';
import { TemporaryPasswordModal, type TemporaryPasswordInfo } from '../../components/TemporaryPasswordModal';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { useSession } from '../../session/session';
import { formatBeijing } from '../../time';
import type { AdminUser, Paged } from '../../types';
import { CreateUserModal } from './accounts/CreateUserModal';

const USERS_KEY = ['admin', 'users'] as const;

function statusTags(u: AdminUser) {
  const tags = [];
  tags.push(u.active ? <Badge key="a" status="success" text="启用" /> : <Badge key="a" status="default" text="已停用" />);
  if (u.locked) tags.push(<Tag key="l" color="red">已锁定</Tag>);
  if (u.mustChangePassword) tags.push(<Tag key="m" color="orange">待修改密码</Tag>);
  return <Space size={4} wrap>{tags}</Space>;
}


export default function AccountsPage() {
  usePageTitle('账户管理');
  const { me } = useSession();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const list = useListState({ filters: { q: '', role: '' } });
  const [createOpen, setCreateOpen] = useState(false);
  const [temp, setTemp] = useState<TemporaryPasswordInfo | null>(null);

  const users = useQuery({
    queryKey: [...USERS_KEY, list.query],
    queryFn: () => api.get<Paged<AdminUser>>('/api/admin/users', list.query),
    placeholderData: keepPreviousData,
  });

  const refresh = () => qc.invalidateQueries({ queryKey: USERS_KEY });

  const onActionError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'stale_version') {
      message.warning('该账户已被他人修改，已刷新为最新数据，请重新操作');
      void refresh();
      return;
    }
    message.error(errorMessage(err));
  };

  const resetPassword = useMutation({
    mutationFn: (u: AdminUser) => api.post<{ temporaryPassword: string }>(`/api/admin/users/${u.id}/reset-password`, {}, { headers: idempotencyHeaders() }),
    onSuccess: (res, u) => {
      setTemp({ title: '密码已重置', username: u.username, displayName: u.displayName, password: res.temporaryPassword });
      void refresh();
    },
    onError: onActionError,
  });
  const unlock = useMutation({
    mutationFn: (u: AdminUser) => api.post(`/api/admin/users/${u.id}/unlock`, {}),
    onSuccess: (_r, u) => {
      message.success(`账户 ${u.username} 已解锁`);
      void refresh();
    },
    onError: onActionError,
  });
  const setActive = useMutation({
    mutationFn: (u: AdminUser) => api.post(`/api/admin/users/${u.id}/active`, { active: !u.active, version: u.version }),
    onSuccess: (_r, u) => {
      message.success(u.active ? `账户 ${u.username} 已停用` : `账户 ${u.username} 已启用`);
      void refresh();
    },
    onError: onActionError,
  });

  const confirmReset = (u: AdminUser) =>
    modal.confirm({
      title: `重置 ${u.displayName}（${u.username}）的密码？`,
      content: '重置后原密码立即失效，该账户在所有设备上的登录将被退出，系统生成的临时密码仅显示一次。',
      okText: '重置密码',
      cancelText: '取消',
      onOk: () => resetPassword.mutateAsync(u).catch(() => undefined),
    });

  const columns: ColumnsType<AdminUser> = [
    { title: '用户名', dataIndex: 'username', width: 210, render: (v: string) => <span className="gg-mono">{v}</span> },
    { title: '姓名', dataIndex: 'displayName', width: 220, ellipsis: true },
    {
      title: '角色',
      dataIndex: 'role',
      width: 130,
      render: (r: RoleCode, u) => (
        <Space size={4}>
          {ROLE_LABELS[r]}
          {u.isAdmin && <Tag color="gold">管理员</Tag>}
        </Space>
      ),
    },
    { title: '所属单位', dataIndex: 'organisationName', width: 240, ellipsis: true },
    { title: '联系方式', key: 'contact', width: 170, render: (_, u) => <span className="gg-small">{[u.phone, u.email].filter(Boolean).join(' / ') || '—'}</span> },
    { title: '状态', key: 'status', width: 160, render: (_, u) => statusTags(u) },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? formatBeijing(v) : '从未登录') },
    {
      title: '操作',
      key: 'actions',
      width: 210,
      fixed: 'right',
      render: (_, u) => {
        const self = u.id === me?.id;
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" disabled={self} onClick={() => confirmReset(u)} aria-label={`重置密码：${u.username}`}>
              重置密码
            </Button>
            {u.locked && (
              <Button type="link" size="small" onClick={() => unlock.mutate(u)} aria-label={`解锁 ${u.username}`}>
                解锁
              </Button>
            )}
            <Popconfirm
              title={u.active ? `停用账户 ${u.username}？` : `启用账户 ${u.username}？`}
              description={u.active ? '停用后该账户将无法登录，已登录的会话立即失效。' : '启用后该账户可重新登录。'}
              okText={u.active ? '停用' : '启用'}
              cancelText="取消"
              okButtonProps={{ danger: u.active }}
              onConfirm={() => setActive.mutateAsync(u).catch(() => undefined)}
              disabled={self}
            >
              <Button type="link" size="small" danger={u.active} disabled={self} aria-label={`${u.active ? '停用' : '启用'} ${u.username}`}>
                {u.active ? '停用' : '启用'}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="账户管理"
        subtitle="管理市市场监管委、推荐单位、评定专家及培训机构账户；申报单位账户由单位自行注册"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
            新建账户
          </Button>
        }
      />
      <Card>
        <FilterBar
          list={list}
          label="账户筛选"
          onRefresh={() => void refresh()}
          fields={[
            { key: 'q', kind: 'text', label: '关键词', placeholder: '用户名、姓名或单位名称', width: 260, maxLength: 50 },
            { key: 'role', kind: 'select', label: '角色', width: 160, allLabel: '全部角色', instant: true, options: optionsOf(ROLE_LABELS) },
          ]}
        />
        <ListTable<AdminUser> list={list} result={users} what="账户列表" empty="暂无账户" noMatch="没有符合条件的账户" columns={columns} scroll={{ x: 1500 }} />
      </Card>
      <CreateUserModal
        open={createOpen}
        onClose={() => setCreateOpen(false)}
        onCreated={(info) => {
          setCreateOpen(false);
          setTemp(info);
          void refresh();
        }}
      />
      <TemporaryPasswordModal info={temp} onClose={() => setTemp(null)} />
    </>
  );
}
