/**
 * 申报单位注册 (/register): the organisation and its first account in one form. The 统一社会信用代码
 * is checked live on the server (GB 32100-2015: which character is wrong, which district it names);
 * the recommender defaults to the code's district bureau. On success the person is logged in.
 * Only type imports from the shared zod modules: this public chunk stays free of zod.
 */
import { CheckCircleFilled, InfoCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../../shared/auth';
import type { UnitNature } from '../../../domain/application-form';
import type { RecommenderOption, RegisterRequest, RegisterResponse, UsccCheckResponse } from '../../../shared/applications';
import { api, ApiError, errorMessage } from '../../api';
import { Panel } from '../../components/Panel';
import { PasswordRules, passwordChecks } from '../../components/PasswordRules';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSession } from '../../session/session';
import '../../components/application/application.css';
import { lengthRule } from '../../components/schema-rule';

/** Copy of UNIT_NATURE_LABELS (src/shared/application-form.ts) without pulling zod into this chunk. */
const NATURES: { value: UnitNature; label: string; hint: string }[] = [
  { value: 'enterprise', label: '企业', hint: '在天津市行政区域内登记注册的企业' },
  { value: 'institution', label: '事业单位', hint: '在天津市行政区域内登记的事业单位' },
  { value: 'industry_org', label: '行业质量管理专业组织', hint: '经行业主管部门认可的行业质量管理专业组织（可非天津市注册）' },
];

const REGISTER_NOTICES_KEY = 'gg_register_notices';

interface Values {
  organisation: {
    name: string;
    uscc: string;
    nature: UnitNature;
    address: string;
    contactName: string;
    contactPhone: string;
    recommenderOrgId?: string;
  };
  account: { username: string; displayName: string; phone: string; email: string; password: string; confirm: string };
}

const normalize = (s: string) => s.replace(/[\s\u3000]/g, '').toUpperCase();

/** The 18 characters with the wrong ones and the division code (chars 3–8) marked. */
function UsccChars({ code, bad }: { code: string; bad: Set<number> }) {
  return (
    <div className="gg-app-uscc" aria-hidden>
      {code.split('').map((c, i) => (
        <span key={i} className={bad.has(i + 1) ? 'gg-bad' : i >= 2 && i < 8 ? 'gg-div' : undefined} title={`第${i + 1}位`}>
          {c}
        </span>
      ))}
    </div>
  );
}

function UsccStatus({ code, check, loading, nature }: { code: string; check: UsccCheckResponse | null; loading: boolean; nature?: UnitNature }) {
  const n = normalize(code);
  if (!n) return <span className="gg-muted">18位，由数字和大写字母组成（不含 I、O、Z、S、V），见营业执照或法人登记证书</span>;
  if (n.length < 18)
    return (
      <span className="gg-muted">
        已输入 {n.length} / 18 位
      </span>
    );
  if (loading && !check)
    return (
      <span className="gg-muted">
        <LoadingOutlined aria-hidden /> 正在校验…
      </span>
    );
  if (!check) return null;
  const bad = new Set(check.errors.map((e) => e.position).filter((p): p is number => typeof p === 'number'));
  return (
    <div data-testid="uscc-status">
      <UsccChars code={check.normalized} bad={bad} />
      {!check.valid ? (
        <ul style={{ margin: '6px 0 0', paddingLeft: 0, listStyle: 'none', color: '#c62828' }}>
          {check.errors.map((e, i) => (
            <li key={i}>
              <WarningOutlined aria-hidden /> {e.position ? `第${e.position}位：` : ''}
              {e.message}
            </li>
          ))}
        </ul>
      ) : check.categoryRefusal ? (
        <Alert style={{ marginTop: 8 }} type="error" showIcon title={`该代码的机构类别为“${check.categoryName}”，不能注册申报`} description={check.categoryRefusal} />
      ) : check.tianjin ? (
        <div style={{ color: '#237804', marginTop: 6 }}>
          <CheckCircleFilled aria-hidden /> 代码有效（{check.categoryName}），登记管理机关行政区划：{check.district ?? '天津市'}（{check.divisionCode}
          {check.formerDivision ? `，原${check.formerDivision}` : ''}）
          {check.defaultRecommender ? `，默认推荐单位为${check.defaultRecommender.name}` : '。市级登记单位没有默认的区市场监管局，请在下方选择推荐单位'}
        </div>
      ) : (
        <Alert
          style={{ marginTop: 8 }}
          type={nature === 'industry_org' ? 'info' : 'warning'}
          showIcon
          title={`该代码的登记管理机关行政区划为 ${check.divisionCode ?? '—'}${check.district ? `（${check.district}）` : ''}，不属于天津市`}
          description={
            nature === 'industry_org'
              ? '行业质量管理专业组织可以注册：注册后请在“单位信息”中上传行业主管部门的认可证明，由所选推荐单位（行业主管部门或行业协会）确认后方可提交申报。'
              : '只有在天津市行政区域内注册的企事业单位可以申报。如本单位是经行业主管部门认可的行业质量管理专业组织，请将“单位性质”选为“行业质量管理专业组织”，并选择负责确认的推荐单位。'
          }
        />
      )}
    </div>
  );
}

export default function RegisterPage() {
  usePageTitle('申报单位注册');
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { setMe } = useSession();
  const uscc = Form.useWatch(['organisation', 'uscc'], form) ?? '';
  const nature = Form.useWatch(['organisation', 'nature'], form) as UnitNature | undefined;
  const username = Form.useWatch(['account', 'username'], form) ?? '';
  const password = Form.useWatch(['account', 'password'], form) ?? '';
  const [check, setCheck] = useState<UsccCheckResponse | null>(null);
  const [checking, setChecking] = useState(false);
  const [recommenders, setRecommenders] = useState<RecommenderOption[]>([]);
  const [recError, setRecError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string[] | null>(null);
  const recommenderTouched = useRef(false);

  useEffect(() => {
    api
      .get<{ items: RecommenderOption[] }>('/api/public/recommenders', undefined, { noSessionFlow: true })
      .then((r) => setRecommenders(r.items))
      .catch((err) => setRecError(errorMessage(err)));
  }, []);

  // Live check of the credit code (debounced).
  useEffect(() => {
    const code = normalize(uscc);
    if (code.length < 18) {
      setCheck(null);
      return;
    }
    setChecking(true);
    const ctl = new AbortController();
    const t = window.setTimeout(() => {
      api
        .get<UsccCheckResponse>(`/api/public/uscc/${encodeURIComponent(code)}`, undefined, { noSessionFlow: true, signal: ctl.signal })
        .then((r) => {
          setCheck(r);
          if (!recommenderTouched.current && r.defaultRecommender) form.setFieldValue(['organisation', 'recommenderOrgId'], r.defaultRecommender.id);
        })
        .catch((err) => {
          if (!ctl.signal.aborted) setCheck({ valid: false, normalized: code, tianjin: false, errors: [{ message: errorMessage(err) }] });
        })
        .finally(() => {
          if (!ctl.signal.aborted) setChecking(false);
        });
    }, 350);
    return () => {
      ctl.abort();
      window.clearTimeout(t);
    };
  }, [uscc, form]);

  const groups = useMemo(() => {
    const by = new Map<string, RecommenderOption[]>();
    for (const r of recommenders) by.set(r.subtypeLabel, [...(by.get(r.subtypeLabel) ?? []), r]);
    return [...by.entries()].map(([label, items]) => ({ label, title: label, options: items.map((r) => ({ value: r.id, label: r.name })) }));
  }, [recommenders]);

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setFormError(null);
    const body: RegisterRequest = {
      organisation: { ...v.organisation, uscc: normalize(v.organisation.uscc), recommenderOrgId: v.organisation.recommenderOrgId || undefined },
      account: { username: v.account.username.trim(), displayName: v.account.displayName, phone: v.account.phone, email: v.account.email, password: v.account.password },
    };
    try {
      const res = await api.post<RegisterResponse>('/api/public/register', body, { noSessionFlow: true });
      try {
        if (res.notices.length) window.sessionStorage.setItem(REGISTER_NOTICES_KEY, JSON.stringify(res.notices));
      } catch {
        // ignore
      }
      const me = await api.get<{ user: Me }>('/api/auth/me', undefined, { noSessionFlow: true });
      setMe(me.user);
      navigate('/applicant', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        const known = new Set(['organisation', 'account']);
        const rest: string[] = [];
        const fields = Object.entries(err.fields).map(([k, msg]) => {
          const path = k.replace(/^\/+/, '').replace(/\//g, '.').replace(/^body\./, '').split('.');
          if (!known.has(path[0])) rest.push(msg);
          return { name: path, errors: [msg] };
        });
        form.setFields(fields.filter((f) => known.has(f.name[0])) as Parameters<typeof form.setFields>[0]);
        setFormError([err.message, ...rest]);
        const first = fields.find((f) => known.has(f.name[0]));
        if (first) form.scrollToField(first.name, { block: 'center', focus: true });
      } else setFormError([errorMessage(err)]);
    } finally {
      setSubmitting(false);
    }
  };

  const phoneRule = { pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '请输入11位手机号码或带区号的固定电话' };

  return (
    <PublicShell>
      <div className="gg-narrow" style={{ maxWidth: 920 }}>
        <Panel>
          <h1 style={{ marginTop: 0 }}>申报单位注册</h1>
          <p className="gg-muted">
            在天津市行政区域内注册的企业、事业单位，或经行业主管部门认可的行业质量管理专业组织，可注册后填报质量攻关项目申报书。已注册的单位请直接 <Link to="/login">登录</Link>
            ；同一单位只需注册一次。
          </p>
          {formError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="register-error"
              style={{ marginBottom: 16 }}
              title={formError[0]}
              description={formError.length > 1 ? formError.slice(1).join('；') : '请根据各栏目下方的提示修改后重新提交，已填写的内容均已保留。'}
            />
          )}
          <Form<Values>
            form={form}
            layout="vertical"
            name="register"
            onFinish={onFinish}
            initialValues={{ organisation: { nature: 'enterprise' } }}
            scrollToFirstError={{ block: 'center', focus: true }}
            onValuesChange={(changed: Partial<Values>) => {
              if (changed.organisation && 'recommenderOrgId' in changed.organisation) recommenderTouched.current = true;
            }}
          >
            <h2 className="gg-app-section-title">一、单位信息</h2>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name={['organisation', 'name']} label="单位名称" rules={[{ required: true, message: '请输入单位名称' }, { min: 2, max: 100, message: '单位名称应为2～100个字' }]} extra="与营业执照或法人登记证书一致">
                  <Input count={{ show: true, max: 100 }} autoComplete="organization" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name={['organisation', 'uscc']}
                  label="统一社会信用代码"
                  rules={[
                    { required: true, message: '请输入统一社会信用代码' },
                    {
                      validator: async (_, v: string) => {
                        const n = normalize(v ?? '');
                        if (n && n.length !== 18) throw new Error(`统一社会信用代码应为18位（当前${n.length}位）`);
                      },
                    },
                  ]}
                  extra={<UsccStatus code={uscc} check={check} loading={checking} nature={nature} />}
                >
                  <Input className="gg-mono" autoComplete="off" aria-describedby="uscc-live" />
                </Form.Item>
                <span id="uscc-live" className="gg-sr-only" aria-live="polite">
                  {check ? (check.valid ? `代码有效，${check.tianjin ? `所属${check.district ?? '天津市'}` : '不属于天津市'}` : `代码有误：${check.errors.map((e) => (e.position ? `第${e.position}位` : '') + e.message).join('；')}`) : ''}
                </span>
              </Col>
            </Row>
            <Form.Item name={['organisation', 'nature']} label="单位性质" rules={[{ required: true, message: '请选择单位性质' }]}>
              <Radio.Group>
                {NATURES.map((n) => (
                  <Radio key={n.value} value={n.value} title={n.hint}>
                    {n.label}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name={['organisation', 'address']} label="注册地址" rules={[{ required: true, message: '请输入注册地址' }, { min: 2, max: 200, message: '注册地址应为2～200个字' }]}>
              <Input count={{ show: true, max: 200 }} autoComplete="street-address" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name={['organisation', 'contactName']} label="单位联系人" rules={[{ required: true, message: '请输入单位联系人' }, lengthRule('单位联系人', 50)]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['organisation', 'contactPhone']} label="单位联系电话" rules={[{ required: true, message: '请输入单位联系电话' }, phoneRule]}>
                  <Input autoComplete="tel" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name={['organisation', 'recommenderOrgId']}
              label="推荐单位"
              rules={[{ required: !!check?.valid && !check.tianjin, message: '非天津市注册的行业质量管理专业组织请选择负责确认认可的推荐单位' }]}
              extra={
                <span>
                  <InfoCircleOutlined aria-hidden /> 默认为统一社会信用代码所属区的市场监督管理局；也可选择市级行业主管部门或行业协会。填写申报书时仍可更换。
                  {recError && <span className="gg-app-err"> 推荐单位列表加载失败：{recError}</span>}
                </span>
              }
            >
              <Select allowClear placeholder="请选择推荐单位" showSearch={{ optionFilterProp: 'label' }} options={groups} />
            </Form.Item>

            <h2 className="gg-app-section-title" style={{ marginTop: 8 }}>
              二、管理员账号
            </h2>
            <p className="gg-muted gg-small">该账号用于登录平台填报和管理本单位的申报书。</p>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name={['account', 'username']}
                  label="用户名"
                  rules={[
                    { required: true, message: '请输入用户名' },
                    { min: 3, max: 64, message: '用户名应为3～64个字符' },
                    { pattern: /^[a-zA-Z0-9_.-]+$/, message: '用户名只能包含字母、数字、下划线、点和短横线' },
                  ]}
                >
                  <Input autoComplete="username" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['account', 'displayName']} label="姓名" rules={[{ required: true, message: '请输入姓名' }, lengthRule('姓名', 50)]}>
                  <Input autoComplete="name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['account', 'phone']} label="手机号码" rules={[{ required: true, message: '请输入手机号码' }, phoneRule]}>
                  <Input autoComplete="tel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['account', 'email']} label="电子邮箱" rules={[{ required: true, message: '请输入电子邮箱' }, { type: 'email', message: '电子邮箱格式不正确' }, lengthRule('电子邮箱', 100)]}>
                  <Input autoComplete="email" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name={['account', 'password']}
                  label="密码"
                  rules={[
                    { required: true, message: '请输入密码' },
                    {
                      validator: async (_, v: string) => {
                        if (v && !passwordChecks(v, username).ok) throw new Error('密码不符合下方要求');
                      },
                    },
                  ]}
                  dependencies={[['account', 'username']]}
                >
                  <Input.Password autoComplete="new-password" aria-describedby="pw-rules" />
                </Form.Item>
                <div id="pw-rules">
                  <PasswordRules password={password} username={username} />
                </div>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name={['account', 'confirm']}
                  label="确认密码"
                  dependencies={[['account', 'password']]}
                  rules={[
                    { required: true, message: '请再次输入密码' },
                    ({ getFieldValue }) => ({
                      validator: async (_, v: string) => {
                        if (v && v !== getFieldValue(['account', 'password'])) throw new Error('两次输入的密码不一致');
                      },
                    }),
                  ]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
            </Row>
            <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 8 }}>
              <Button type="primary" size="large" htmlType="submit" loading={submitting}>
                注册并登录
              </Button>
              <Link to="/login">已有账号，去登录</Link>
            </div>
          </Form>
        </Panel>
      </div>
    </PublicShell>
  );
}
