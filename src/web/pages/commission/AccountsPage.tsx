/** 账户管理: list, search and filter accounts; create; reset password; unlock; enable/disable. */
import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Row, Col, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import type { RoleCode } from '../../../shared/auth';
import { ROLE_LABELS } from '../../labels';
import { ApiError, api, errorMessage, idempotencyHeaders } from '../../api';
import { DraftRestorePrompt } from '../../components/DraftRestorePrompt';
import { TemporaryPasswordModal, type TemporaryPasswordInfo } from '../../components/TemporaryPasswordModal';
import { useDraftPersistence } from '../../hooks/useDraftPersistence';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { useSession } from '../../session/session';
import { formatBeijing } from '../../time';
import type { AdminUser, Paged } from '../../types';
import { useOrganisations } from './queries';
import { MANAGED_ROLES, ORG_KIND_FOR_ROLE, RECOMMENDER_SUBTYPE_LABELS } from './labels';

interface Filters {
  q: string;
  role: RoleCode | '';
  page: number;
  pageSize: number;
}

interface CreateForm {
  username: string;
  displayName: string;
  role: RoleCode;
  organisationId: string;
  phone?: string;
  email?: string;
  isAdmin?: boolean;
}

const USERS_KEY = ['admin', 'users'] as const;

function statusTags(u: AdminUser) {
  const tags = [];
  tags.push(u.active ? <Badge key="a" status="success" text="启用" /> : <Badge key="a" status="default" text="已停用" />);
  if (u.locked) tags.push(<Tag key="l" color="red">已锁定</Tag>);
  if (u.mustChangePassword) tags.push(<Tag key="m" color="orange">待修改密码</Tag>);
  return <Space size={4} wrap>{tags}</Space>;
}


function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(info: TemporaryPasswordInfo): void }) {
  const [form] = Form.useForm<CreateForm>();
  const { message } = App.useApp();
  const values = Form.useWatch([], form) as CreateForm | undefined;
  const role = Form.useWatch('role', form);
  const orgs = useOrganisations(role ? ORG_KIND_FOR_ROLE[role] : undefined);
  const [error, setError] = useState<string | null>(null);
  const [idemKey, setIdemKey] = useState(() => idempotencyHeaders());
  const draft = useDraftPersistence<CreateForm>('admin-create-user', open ? values : undefined, { enabled: open });

  useEffect(() => {
    if (open) {
      setError(null);
      setIdemKey(idempotencyHeaders());
    }
  }, [open]);

  const create = useMutation({
    mutationFn: (body: CreateForm) =>
      api.post<{ user: AdminUser; temporaryPassword: string }>(
        '/api/admin/users',
        { ...body, phone: body.phone?.trim() || undefined, email: body.email?.trim() || undefined, isAdmin: body.role === 'commission' ? !!body.isAdmin : undefined },
        { headers: idemKey },
      ),
    onSuccess: (res) => {
      draft.clear();
      form.resetFields();
      message.success(`账户 ${res.user.username} 已创建`);
      onCreated({ title: '账户已创建', username: res.user.username, displayName: res.user.displayName, password: res.temporaryPassword });
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        const known = new Set(['username', 'displayName', 'role', 'organisationId', 'phone', 'email', 'isAdmin']);
        form.setFields(Object.entries(err.fields).filter(([k]) => known.has(k)).map(([name, msg]) => ({ name: name as keyof CreateForm, errors: [msg] })));
      }
      setError(errorMessage(err));
    },
  });

  const orgOptions = useMemo(
    () =>
      (orgs.data?.items ?? []).map((o) => ({
        value: o.id,
        label: o.subtype && RECOMMENDER_SUBTYPE_LABELS[o.subtype] ? `${o.name}（${RECOMMENDER_SUBTYPE_LABELS[o.subtype]}）` : o.name,
      })),
    [orgs.data],
  );

  return (
    <Modal
      open={open}
      title="新建账户"
      onCancel={onClose}
      okText="创建账户"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      forceRender
      width={560}
      mask={{ closable: false }}
    >
      {draft.pending && (
        <DraftRestorePrompt
          savedAt={draft.pending.savedAt}
          onRestore={() => {
            const v = draft.restore();
            if (v) form.setFieldsValue(v);
          }}
          onDiscard={draft.discard}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="create-user-error" />}
      <Form<CreateForm>
        form={form}
        layout="vertical"
        name="create-user"
        initialValues={{ role: 'recommender', isAdmin: false }}
        onFinish={(v) => {
          setError(null);
          create.mutate(v);
        }}
        onValuesChange={(changed: Partial<CreateForm>) => {
          if (changed.role) form.setFieldValue('organisationId', undefined);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
<Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]} extra="字母、数字、下划线、点或短横线，3–64 位">
            <Input autoComplete="off" />
          </Form.Item>
</Col>
          <Col xs={24} sm={12}>
<Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input autoComplete="off" />
          </Form.Item>
</Col>
        </Row>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={MANAGED_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="所属单位" name="organisationId" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgs.isFetching}
            options={orgOptions}
            placeholder={orgs.isError ? '单位列表加载失败' : '请选择所属单位'}
            notFoundContent={orgs.isFetching ? '加载中…' : '暂无可选单位'}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
<Form.Item label="手机号码" name="phone">
            <Input autoComplete="off" inputMode="tel" />
          </Form.Item>
</Col>
          <Col xs={24} sm={12}>
<Form.Item label="电子邮箱" name="email">
            <Input autoComplete="off" inputMode="email" />
          </Form.Item>
</Col>
        </Row>
        {role === 'commission' && (
          <Form.Item name="isAdmin" valuePropName="checked">
            <Checkbox>授予管理员权限（可管理账户）</Checkbox>
          </Form.Item>
        )}
      </Form>
      <Alert type="info" showIcon title="创建后系统将生成临时密码，使用人首次登录须修改密码。" />
    </Modal>
  );
}

export default function AccountsPage() {
  usePageTitle('账户管理');
  const { me } = useSession();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ q: '', role: '', page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [createOpen, setCreateOpen] = useState(false);
  const [temp, setTemp] = useState<TemporaryPasswordInfo | null>(null);

  const list = useQuery({
    queryKey: [...USERS_KEY, filters],
    queryFn: () => api.get<Paged<AdminUser>>('/api/admin/users', { q: filters.q, role: filters.role, page: filters.page, pageSize: filters.pageSize }),
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
            <Button type="link" size="small" disabled={self} onClick={() => confirmReset(u)} aria-label={`重置 ${u.username} 的密码`}>
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
        <form
          className="gg-filter-bar"
          role="search"
          aria-label="账户筛选"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters((f) => ({ ...f, q: search.trim(), page: 1 }));
          }}
        >
          <label className="gg-filter-field">
            <span>关键词</span>
            <Input
              allowClear
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                if (!e.target.value) setFilters((f) => ({ ...f, q: '', page: 1 }));
              }}
              placeholder="用户名、姓名或单位名称"
              style={{ width: 260 }}
            />
          </label>
          <label className="gg-filter-field">
            <span>角色</span>
            <Select
              aria-label="角色"
              value={filters.role}
              style={{ width: 160 }}
              onChange={(role) => setFilters((f) => ({ ...f, role, page: 1 }))}
              options={[{ value: '', label: '全部角色' }, ...Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))]}
            />
          </label>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Tooltip title="刷新">
              <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void refresh()} />
            </Tooltip>
          </Space>
        </form>
        {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
        <Table<AdminUser>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1500 }}
          locale={{ emptyText: '没有符合条件的账户' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page: pageSize !== f.pageSize ? 1 : page, pageSize })),
          }}
        />
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
