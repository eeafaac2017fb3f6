/**
 * 本人信息与关联申报 (expert, issue 18): the expert keeps its own record (employer, credit code,
 * title, specialities, district, contact) and declares its relations with organisations; the
 * platform turns declarations and employer into 回避 findings for the commission.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { declarationSchema, expertSelfUpdateSchema, type ExpertDto } from '../../../shared/experts';
import { api, errorMessage } from '../../api';
import { schemaRule } from '../../components/schema-rule';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';

const KEY = ['expert', 'profile'];
const F = expertSelfUpdateSchema.shape;
const D = declarationSchema.shape;

export default function ProfilePage() {
  usePageTitle('本人信息与关联申报');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<ExpertDto>('/api/expert/profile') });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.put<ExpertDto>('/api/expert/profile', { ...v, declarations: (v.declarations as unknown[] | undefined) ?? [], version: q.data!.version }),
    onSuccess: (d) => {
      message.success('已保存；关联关系将用于评定回避');
      qc.setQueryData(KEY, d);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <>
      <PageHeader title="本人信息与关联申报" subtitle="请如实填写工作单位并申报与相关单位的关系（任职、顾问、亲属任职、经济利益等），评定时将据此回避。" />
      <Card loading={q.isLoading}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 760 }}>
          {/* Limits from the shared schema at the field, counters without a hard maxLength: nothing typed is cut. */}
          <Form.Item name="employer" label="工作单位" rules={[{ required: true, whitespace: true, message: '请填写工作单位' }, schemaRule(F.employer, null)]}>
            <Input count={{ show: true, max: 100 }} aria-label="工作单位" />
          </Form.Item>
          <Form.Item name="employerUscc" label="工作单位统一社会信用代码" rules={[schemaRule(F.employerUscc, null)]}>
            <Input aria-label="工作单位统一社会信用代码" />
          </Form.Item>
          <Form.Item name="title" label="职称" rules={[{ required: true, whitespace: true, message: '请填写职称' }, schemaRule(F.title, null)]}>
            <Input count={{ show: true, max: 30 }} aria-label="职称" />
          </Form.Item>
          <Form.Item name="fields" label="专业领域" rules={[{ required: true, message: '请至少填写1个专业领域' }, schemaRule(F.fields, null)]}>
            <Select mode="tags" aria-label="专业领域" tokenSeparators={['、', ',', '，']} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="district" label="所在区" rules={[schemaRule(F.district, null)]}>
              <Input aria-label="所在区" />
            </Form.Item>
            <Form.Item name="phone" label="联系电话" rules={[schemaRule(F.phone, null)]}>
              <Input aria-label="联系电话" inputMode="tel" />
            </Form.Item>
            <Form.Item name="email" label="电子邮箱" rules={[schemaRule(F.email, null)]}>
              <Input aria-label="电子邮箱" inputMode="email" />
            </Form.Item>
          </Space>
          <h3>申报的关联关系</h3>
          <Form.List name="declarations">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'organisation']} rules={[{ required: true, whitespace: true, message: '请填写关联单位名称' }, schemaRule(D.organisation, null)]}>
                      <Input aria-label="关联单位名称" placeholder="关联单位名称" style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'uscc']} rules={[schemaRule(D.uscc, null)]}>
                      <Input aria-label="统一社会信用代码" placeholder="统一社会信用代码（选填）" style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'relation']} rules={[{ required: true, whitespace: true, message: '请填写关系说明' }, schemaRule(D.relation, null)]}>
                      <Input aria-label="关系说明" placeholder="关系说明" style={{ width: 240 }} />
                    </Form.Item>
                    <MinusCircleOutlined aria-label="删除此关系" onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                  添加关联关系
                </Button>
              </>
            )}
          </Form.List>
          <div>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          </div>
        </Form>
      </Card>
    </>
  );
}
