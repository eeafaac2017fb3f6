/**
 * 单位管理: the organisations the commission runs (district bureaus, municipal industry departments,
 * associations, training providers, the expert pool) — create, edit, enable/disable, add an
 * account; Excel import of organisations with their accounts (all or nothing, row-by-row errors).
 * Accounts themselves (reset password, unlock, disable) are managed on 账户管理.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  MANAGED_ORG_TYPE_LABELS,
  MANAGED_ORG_TYPES,
  ROLE_OF_ORG_TYPE,
  type ManagedOrganisation,
  type ManagedOrgType,
  type OrganisationImportResult,
} from '../../../shared/organisations';
import { ApiError, api, errorMessage, idempotencyHeaders } from '../../api';
import { TemporaryPasswordModal, type TemporaryPasswordInfo } from '../../components/TemporaryPasswordModal';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { ImportErrorTable } from '../../components/ImportErrorTable';
import { lengthRule } from '../../components/schema-rule';
import { LimitedSearch } from '../../components/list/LimitedSearch';

const KEY = ['admin', 'organisation-directory'] as const;
const TYPE_OPTIONS = MANAGED_ORG_TYPES.map((t) => ({ value: t, label: MANAGED_ORG_TYPE_LABELS[t] }));

interface OrgForm {
  type: ManagedOrgType;
  name: string;
  shortName?: string;
  divisionCode?: string;
  uscc?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
}

function applyFieldErrors<T extends object>(form: ReturnType<typeof Form.useForm<T>>[0], err: unknown): boolean {
  if (!(err instanceof ApiError) || !Object.keys(err.fields).length) return false;
  form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as never, errors: [msg] })));
  return true;
}

function FormModal(p: { open: boolean; title: string; okText: string; pending: boolean; error: string | null; onSubmit(): void; onClose(): void; onClosed(): void; children: ReactNode }) {
  return (
    <Modal open={p.open} title={p.title} okText={p.okText} cancelText="取消" confirmLoading={p.pending} onOk={p.onSubmit} onCancel={p.onClose} destroyOnHidden afterOpenChange={(o) => !o && p.onClosed()}>
      {p.error && <Alert type="error" showIcon message={p.error} style={{ marginBottom: 12 }} />}
      {p.children}
    </Modal>
  );
}

function initialOf(o: ManagedOrganisation): OrgForm {
  const v = (x: string | null) => x ?? undefined;
  return { type: o.type, name: o.name, shortName: v(o.shortName), divisionCode: v(o.divisionCode), uscc: v(o.uscc), address: v(o.address), contactName: v(o.contactName), contactPhone: v(o.contactPhone) };
}

function OrganisationModal({ editing, open, onClose }: { editing: ManagedOrganisation | null; open: boolean; onClose(): void }) {
  const [form] = Form.useForm<OrgForm>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const type = Form.useWatch('type', form) ?? editing?.type;
  const save = useMutation({
    mutationFn: (v: OrgForm) =>
      editing ? api.put<ManagedOrganisation>(`/api/admin/organisations/${editing.id}`, { ...v, type: undefined, version: editing.version }) : api.post<ManagedOrganisation>('/api/admin/organisations', v),
    onSuccess: (org) => {
      message.success(editing ? `已保存“${org.name}”` : `已新建${org.typeLabel}“${org.name}”`);
      void qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (err) => setError(applyFieldErrors(form, err) ? null : errorMessage(err)),
  });
  return (
    <FormModal
      open={open}
      title={editing ? `修改单位：${editing.name}` : '新建单位'}
      okText="保存单位"
      pending={save.isPending}
      error={error}
      onSubmit={() => form.submit()}
      onClose={onClose}
      onClosed={() => setError(null)}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)} initialValues={editing ? initialOf(editing) : { type: 'industry_department' }}>
        <Form.Item name="type" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select options={TYPE_OPTIONS} disabled={!!editing} aria-label="单位类型" />
        </Form.Item>
        <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }, { max: 100, message: '单位名称不能超过100个字' }]}>
          <Input placeholder="如：天津市交通运输委员会" />
        </Form.Item>
        <Form.Item name="shortName" label="简称" rules={[{ max: 30, message: '简称不能超过30个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label="行政区划代码"
          extra={type === 'district_bureau' ? '区市场监管局必填：所在区的6位代码，如滨海新区120116' : '可不填；市级单位为120000'}
          rules={[{ required: type === 'district_bureau', message: '区市场监管局须填写所在区的行政区划代码' }, { pattern: /^\d{6}$/, message: '行政区划代码应为6位数字' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="uscc" label="统一社会信用代码" rules={[lengthRule('统一社会信用代码', 30)]}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ max: 200, message: '地址不能超过200个字' }]}>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="contactName" label="联系人" style={{ flex: 1 }} rules={[{ max: 30, message: '联系人不能超过30个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话" style={{ flex: 1 }} rules={[{ max: 30, message: '联系电话不能超过30个字' }]}>
            <Input />
          </Form.Item>
        </Space.Compact>
      </Form>
    </FormModal>
  );
}

interface UserForm {
  username: string;
  displayName: string;
  phone?: string;
  email?: string;
  isAdmin?: boolean;
}

function AddUserModal({ org, onClose, onCreated }: { org: ManagedOrganisation | null; onClose(): void; onCreated(info: TemporaryPasswordInfo): void }) {
  const [form] = Form.useForm<UserForm>();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [headers, setHeaders] = useState(() => idempotencyHeaders());
  const create = useMutation({
    mutationFn: (v: UserForm) =>
      api.post<{ user: { username: string }; temporaryPassword: string }>('/api/admin/users', { ...v, role: ROLE_OF_ORG_TYPE[org!.type], organisationId: org!.id }, { headers }),
    onSuccess: (res, v) => {
      void qc.invalidateQueries({ queryKey: KEY });
      void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
      onCreated({ title: `已为“${org!.name}”创建账户`, username: res.user.username, displayName: v.displayName, password: res.temporaryPassword });
      setHeaders(idempotencyHeaders());
    },
    onError: (err) => setError(applyFieldErrors(form, err) ? null : errorMessage(err)),
  });
  return (
    <FormModal
      open={!!org}
      title={org ? `新建账户：${org.name}` : ''}
      okText="创建账户"
      pending={create.isPending}
      error={error}
      onSubmit={() => form.submit()}
      onClose={onClose}
      onClosed={() => setError(null)}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[a-zA-Z0-9_.-]{3,64}$/, message: '用户名应为3-64位字母、数字、下划线、点或短横线' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }, { max: 50, message: '姓名不能超过50个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="手机">
          <Input />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱">
          <Input />
        </Form.Item>
        {org?.type === 'commission' && (
          <Form.Item name="isAdmin" valuePropName="checked">
            <Checkbox>管理员（可管理单位与账户）</Checkbox>
          </Form.Item>
        )}
        <p className="gg-muted gg-small">创建后显示一次临时密码，首次登录须修改密码。</p>
      </Form>
    </FormModal>
  );
}

function ImportCard() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [result, setResult] = useState<OrganisationImportResult | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<OrganisationImportResult>('/api/admin/organisations/import', body);
    },
    onSuccess: (r) => {
      setResult(r);
      if (r.imported) {
        message.success(`导入成功：新建单位${r.organisationsCreated}个，新建账户${r.users.length}个`);
        void qc.invalidateQueries({ queryKey: KEY });
        void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
      } else message.error(`导入未生效：${r.errors.length}处错误`);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Card title="批量导入单位与账户" style={{ marginBottom: 20 }}>
      <p className="gg-muted">
        每行一个账户，同一单位写多行。<strong>任一行有误则整份文件不导入</strong>，下方逐行列出错误，改正后重新上传；导入成功后各账户的临时密码只显示这一次。
      </p>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href="/api/admin/organisations/import-template">
          下载导入模板
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
            选择 Excel 文件导入
          </Button>
        </Upload>
      </Space>
      {result && !result.imported && <ImportErrorTable errors={result.errors} columnWidth={140} />}
      {result?.imported && result.users.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="username"
          title={() => <strong>已创建的账户及临时密码（只显示这一次，请转交本人；首次登录须修改密码）</strong>}
          dataSource={result.users}
          pagination={false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 80 },
            { title: '单位', dataIndex: 'organisation' },
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '临时密码', dataIndex: 'temporaryPassword', render: (p: string) => <code>{p}</code> },
          ]}
        />
      )}
    </Card>
  );
}

export default function OrganisationsPage() {
  usePageTitle('单位管理');
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [type, setType] = useState<ManagedOrgType | undefined>();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<ManagedOrganisation | null>(null);
  const [creating, setCreating] = useState(false);
  const [addUserTo, setAddUserTo] = useState<ManagedOrganisation | null>(null);
  const [password, setPassword] = useState<TemporaryPasswordInfo | null>(null);
  const query = { type, q: q || undefined, includeInactive: includeInactive ? 'true' : undefined };
  const list = useQuery({ queryKey: [...KEY, query], queryFn: () => api.get<{ items: ManagedOrganisation[] }>('/api/admin/organisation-directory', query) });
  const toggle = useMutation({
    mutationFn: (o: ManagedOrganisation) => api.post<ManagedOrganisation>(`/api/admin/organisations/${o.id}/active`, { active: !o.active, version: o.version }),
    onSuccess: (o) => {
      message.success(o.active ? `已启用“${o.name}”` : `已停用“${o.name}”，其账户已退出登录`);
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const columns: ColumnsType<ManagedOrganisation> = [
    { title: '单位名称', dataIndex: 'name', render: (name: string, o) => (o.shortName ? `${name}（${o.shortName}）` : name) },
    { title: '类型', dataIndex: 'typeLabel', width: 140 },
    { title: '所在区', dataIndex: 'district', width: 120, render: (d: string | null, o) => (d ? `${d}${o.divisionCode ? ` ${o.divisionCode}` : ''}` : '—') },
    { title: '联系人', dataIndex: 'contactName', width: 160, render: (n: string | null, o) => [n, o.contactPhone].filter(Boolean).join(' ') || '—' },
    { title: '账户', dataIndex: 'userCount', width: 90, render: (n: number) => <Link to="/commission/accounts">{n}个</Link> },
    { title: '状态', dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Badge status="success" text="启用" /> : <Badge status="default" text="已停用" />) },
    {
      title: '操作',
      width: 230,
      render: (_: unknown, o) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(o)}>
            修改
          </Button>
          <Button type="link" size="small" disabled={!o.active} onClick={() => setAddUserTo(o)}>
            新建账户
          </Button>
          <Button
            type="link"
            size="small"
            danger={o.active}
            onClick={() =>
              o.active
                ? modal.confirm({ title: `停用“${o.name}”？`, content: '停用后本单位全部账户立即退出且不能登录，已有数据保留；可随时重新启用。', okText: '停用', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => toggle.mutateAsync(o) })
                : toggle.mutate(o)
            }
          >
            {o.active ? '停用' : '启用'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="单位管理"
        subtitle={
          <>
            推荐单位（区市场监管局、市级行业主管部门、行业协会）、培训服务机构、专家库和本委；账户的重置密码、解锁、停用在<Link to="/commission/accounts">账户管理</Link>
          </>
        }
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建单位
          </Button>
        }
      />
      <ImportCard />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder="全部类型" aria-label="单位类型筛选" style={{ width: 180 }} value={type} onChange={setType} options={TYPE_OPTIONS} />
          <LimitedSearch label="搜索单位" placeholder="单位名称、简称或所在区" max={50} onSearch={setQ} />
          <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
            显示已停用
          </Checkbox>
        </Space>
        {list.isError && <Alert type="error" showIcon message="单位列表加载失败" description={errorMessage(list.error)} />}
        <Table rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 个单位` }} />
      </Card>
      <OrganisationModal open={creating || !!editing} editing={editing} onClose={() => (setCreating(false), setEditing(null))} />
      <AddUserModal org={addUserTo} onClose={() => setAddUserTo(null)} onCreated={(info) => (setAddUserTo(null), setPassword(info))} />
      <TemporaryPasswordModal info={password} onClose={() => setPassword(null)} />
    </>
  );
}
