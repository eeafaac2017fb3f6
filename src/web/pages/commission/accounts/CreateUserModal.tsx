/** 新建账户 dialog of 账户管理: role → organisation, a draft kept in the browser, the temporary password shown once. */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { RoleCode } from '../../../../shared/auth';
import { ApiError, api, errorMessage, idempotencyHeaders } from '../../../api';
import { DraftRestorePrompt } from '../../../components/DraftRestorePrompt';
import type { TemporaryPasswordInfo } from '../../../components/TemporaryPasswordModal';
import { useDraftPersistence } from '../../../hooks/useDraftPersistence';
import { ROLE_LABELS } from '../../../labels';
import type { AdminUser } from '../../../types';
import { MANAGED_ROLES, ORG_KIND_FOR_ROLE, RECOMMENDER_SUBTYPE_LABELS } from '../labels';
import { useOrganisations } from '../queries';

interface CreateForm {
  username: string;
  displayName: string;
  role: RoleCode;
  organisationId: string;
  phone?: string;
  email?: string;
  isAdmin?: boolean;
}

export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(info: TemporaryPasswordInfo): void }) {
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
