/**
 * 公示 (public, phone-friendly): the list under 公示 and the objection form — written and named
 * (姓名或单位名称, 联系电话), evidence optional; refused when anonymous or after the closing day.
 */
import { Alert, Button, Form, Input, Radio, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { OBJECTION_CONTENT_MAX, OBJECTION_CONTENT_MIN, type PublicPublicity } from '../../../shared/publicity';
import { ApiError, api, errorMessage } from '../../api';
import { Panel } from '../../components/Panel';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatBeijing } from '../../time';
import { usePublicity } from './publicity-api';
import { lengthRule } from '../../components/schema-rule';

interface ObjectionForm {
  projectId: string;
  objectorKind: 'person' | 'organisation';
  objectorName: string;
  contact: string;
  content: string;
}

function ObjectionFormPanel({ p }: { p: PublicPublicity }) {
  const [form] = Form.useForm<ObjectionForm>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const submit = async (v: ObjectionForm) => {
    setBusy(true);
    setError(null);
    try {
      let evidenceFileId: string | undefined;
      if (file) {
        const fd = new FormData();
        fd.append('file', file);
        evidenceFileId = (await api.post<{ id: string }>(`/api/public/publicity/${p.id}/evidence`, fd, { noSessionFlow: true })).id;
      }
      const res = await api.post<{ message: string }>(`/api/public/publicity/${p.id}/objections`, { ...v, evidenceFileId }, { noSessionFlow: true });
      setReceipt(res.message);
      form.resetFields();
      setFile(null);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        form.setFields(Object.entries(err.fields).filter(([k]) => k !== 'evidenceFileId' && k !== 'file').map(([name, e]) => ({ name: name as keyof ObjectionForm, errors: [e] })));
        const fileError = err.fields.file ?? err.fields.evidenceFileId;
        setError(fileError ?? err.message);
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  if (receipt) return <Alert type="success" showIcon title="异议已受理" description={receipt} data-testid="objection-receipt" />;
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark initialValues={{ objectorKind: 'person' }} aria-label="提交异议">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="projectId" label="异议针对的项目" rules={[{ required: true, message: '请选择异议针对的项目' }]}>
        <Select placeholder="请选择项目" options={p.rows.map((r) => ({ value: r.projectId, label: `${r.name}（${r.unit}）` }))} />
      </Form.Item>
      <Form.Item name="objectorKind" label="异议人类型" rules={[{ required: true, message: '请选择异议人类型' }]}>
        <Radio.Group options={[{ value: 'person', label: '个人' }, { value: 'organisation', label: '单位' }]} />
      </Form.Item>
      <Form.Item name="objectorName" label="姓名或单位名称（须实名，匿名不予受理）" rules={[{ required: true, message: '请填写异议人姓名或单位名称' }, lengthRule('姓名或单位名称', 100)]}>
        <Input count={{ show: true, max: 100 }} autoComplete="name" />
      </Form.Item>
      <Form.Item name="contact" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, lengthRule('联系电话', 30)]}>
        <Input inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="content" label={`异议内容（${OBJECTION_CONTENT_MIN}–${OBJECTION_CONTENT_MAX}字，请写明事实和理由）`} rules={[{ required: true, message: '请填写异议内容' }]}>
        <Input.TextArea rows={5} maxLength={OBJECTION_CONTENT_MAX} showCount />
      </Form.Item>
      <Form.Item label="佐证材料（可选，PDF或图片）" htmlFor="objection-evidence">
        <input id="objection-evidence" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Form.Item>
      <p className="gg-muted gg-small">市市场监管委对异议人身份保密。异议受理截止：{formatBeijing(p.deadline, 'seconds')}（北京时间），逾期不予受理。</p>
      <Button type="primary" htmlType="submit" loading={busy} block>
        提交异议
      </Button>
    </Form>
  );
}

export default function PublicityPage() {
  const { id } = useParams();
  const q = usePublicity(id);
  const p = q.data;
  usePageTitle(p?.title ?? '公示');
  return (
    <PublicShell>
      <div className="gg-container gg-section">
        {q.error && <Alert type="error" showIcon title="公示加载失败" description={errorMessage(q.error)} />}
        {p && (
          <>
            <h1 className="gg-page-title">{p.title}</h1>
            <p className="gg-muted">
              {p.documentNo} · 公示期 {p.opensOn} 至 {p.closesOn}（{p.stateLabel}）
              {p.publicationId && (
                <>
                  {' '}
                  · <Link to={`/publications/${p.publicationId}`}>正式文件（PDF/Excel）</Link>
                </>
              )}
            </p>
            <Panel title="公示名单">
              <Table
                rowKey="projectId"
                size="small"
                pagination={false}
                scroll={{ x: 640 }}
                dataSource={p.rows}
                columns={[
                  { title: '序号', dataIndex: 'seq', width: 56 },
                  { title: '项目名称', dataIndex: 'name' },
                  { title: '承担单位', dataIndex: 'unit' },
                  { title: '所在区', dataIndex: 'district', width: 90 },
                  { title: '推荐单位', dataIndex: 'recommender' },
                  { title: '技术评定等级', dataIndex: 'level', width: 110 },
                ]}
              />
            </Panel>
            <Panel title="异议受理" className="gg-section">
              <p className="gg-small">
                对公示项目有异议的，请在公示期内以书面形式实名提出，并提供必要的证明材料。受理单位：{p.contact}。
              </p>
              {p.accepting ? <ObjectionFormPanel p={p} /> : <Alert type="info" showIcon title={p.state === 'open' ? '公示尚未开始受理异议' : '公示期已结束，逾期不予受理异议'} />}
            </Panel>
          </>
        )}
      </div>
    </PublicShell>
  );
}
