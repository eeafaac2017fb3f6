/**
 * 年度活动配置: view and edit a year's campaign (optimistic version), copy it to the next year,
 * and grant 补报窗口 (window reopenings) to recommenders.
 */
import { CopyOutlined, DeleteOutlined, ExclamationCircleOutlined, PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { certificateNoFormatProblem, DEFAULT_CERTIFICATE_NO_FORMAT, formatCertificateNo } from '../../../domain/certificate-number';
import { DEFAULT_PROJECT_NO_FORMAT, formatProjectNo, projectNoFormatProblem } from '../../../domain/project-number';
import type { WindowKey } from '../../../shared/campaign';
import { DEFAULT_ATTENDEES_PER_PROJECT } from '../../../shared/training';
import { WINDOW_KEYS, WINDOW_LABELS } from '../../labels';
import { ApiError, api, errorMessage, idempotencyHeaders } from '../../api';
import { DraftRestorePrompt } from '../../components/DraftRestorePrompt';
import { TagsEditor } from '../../components/TagsEditor';
import { useDraftPersistence } from '../../hooks/useDraftPersistence';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing, fromPickerValue, toPickerValue } from '../../time';
import type { CampaignConfig, CampaignDto, Reopening } from '../../types';
import { useOrganisations } from './queries';
import { calendarUsedText, HolidayCalendarCard } from './campaign/HolidayCalendarCard';
import { CAMPAIGN_STATUS_LABELS, DUPLICATE_TARGET_LABELS, NAMING_RULE_LABELS, RECOMMENDER_SUBTYPE_LABELS } from './labels';

const CAMPAIGNS_KEY = ['campaigns'] as const;
const DATETIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

type WindowForm = { opensAt: Dayjs | null; applicantClosesAt: Dayjs | null; closesAt: Dayjs | null };

interface CampaignForm {
  title: string;
  documentNo: string;
  status: CampaignDto['status'];
  windows: Record<WindowKey, WindowForm>;
  config: Omit<CampaignConfig, 'windows'>;
}

/** The form content as plain JSON (for the draft store). */
interface CampaignFormWire {
  title: string;
  documentNo: string;
  status: CampaignDto['status'];
  windows: Record<WindowKey, { opensAt: string | null; applicantClosesAt: string | null; closesAt: string | null }>;
  config: Omit<CampaignConfig, 'windows'>;
}

function toForm(c: CampaignDto): CampaignForm {
  const { windows, ...rest } = c.config;
  const w = (k: WindowKey): WindowForm => ({
    opensAt: toPickerValue(windows[k].opensAt),
    applicantClosesAt: toPickerValue(windows[k].applicantClosesAt),
    closesAt: toPickerValue(windows[k].closesAt),
  });
  return { title: c.title, documentNo: c.documentNo ?? '', status: c.status, windows: { application: w('application'), results: w('results') }, config: { ...structuredClone(rest), training: rest.training ?? { attendeesPerProject: DEFAULT_ATTENDEES_PER_PROJECT } } };
}

function toWire(f: CampaignForm): CampaignFormWire {
  const w = (x: WindowForm | undefined) => ({
    opensAt: fromPickerValue(x?.opensAt),
    applicantClosesAt: fromPickerValue(x?.applicantClosesAt),
    closesAt: fromPickerValue(x?.closesAt),
  });
  return { title: f.title, documentNo: f.documentNo, status: f.status, windows: { application: w(f.windows?.application), results: w(f.windows?.results) }, config: f.config };
}

function fromWire(w: CampaignFormWire): CampaignForm {
  const x = (k: WindowKey): WindowForm => ({
    opensAt: toPickerValue(w.windows[k].opensAt),
    applicantClosesAt: toPickerValue(w.windows[k].applicantClosesAt),
    closesAt: toPickerValue(w.windows[k].closesAt),
  });
  return { ...w, windows: { application: x('application'), results: x('results') } };
}

/** Server field path (e.g. "config.windows.results.closesAt") → form field name. */
function formNameFor(path: string): (string | number)[] {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'config' && parts[1] === 'windows') return parts.slice(1);
  return parts;
}

/** The server refuses changing a window of a non-draft campaign once it has opened (补报窗口 instead). */
function WindowFields({ k, lockedSince }: { k: WindowKey; lockedSince: string | null }) {
  const pickerProps = { showTime: { format: 'HH:mm:ss' }, format: DATETIME_FORMAT, style: { width: '100%' }, disabled: !!lockedSince } as const;
  return (
    <Card type="inner" title={WINDOW_LABELS[k]} className="gg-fill">
      {lockedSince && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`窗口已于 ${formatBeijing(lockedSince)} 开始，时间不可再修改`}
          description="如需延长个别推荐单位的报送时间，请在下方“补报窗口”中开通（单独记录并写入审计日志）。"
        />
      )}
      <Form.Item label="开始时间（北京时间）" name={['windows', k, 'opensAt']} rules={[{ required: true, message: '请选择开始时间' }]}>
        <DatePicker {...pickerProps} />
      </Form.Item>
      <Form.Item
        label="申报单位提交截止（北京时间）"
        name={['windows', k, 'applicantClosesAt']}
        extra="申报单位须在此前提交推荐单位；留空则与报送截止相同"
      >
        <DatePicker {...pickerProps} />
      </Form.Item>
      <Form.Item
        label="推荐单位报送截止（北京时间）"
        name={['windows', k, 'closesAt']}
        dependencies={[['windows', k, 'opensAt']]}
        rules={[
          { required: true, message: '请选择截止时间' },
          ({ getFieldValue }) => ({
            validator: (_, v: Dayjs | null) => {
              const open = getFieldValue(['windows', k, 'opensAt']) as Dayjs | null;
              return !v || !open || v.isAfter(open) ? Promise.resolve() : Promise.reject(new Error('截止时间须晚于开始时间'));
            },
          }),
        ]}
        extra="含当秒：23:59:59 表示当天结束前均可报送"
      >
        <DatePicker {...pickerProps} />
      </Form.Item>
    </Card>
  );
}

function NamingRulesTable() {
  return (
    <Form.List name={['config', 'namingRules']}>
      {(fields) => (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={fields}
          columns={[
            {
              title: '规则',
              key: 'label',
              render: (_, f) => (
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const id = getFieldValue(['config', 'namingRules', f.name, 'id']) as string;
                    return (
                      <div>
                        <div>{NAMING_RULE_LABELS[id] ?? '自定义规则'}</div>
                      </div>
                    );
                  }}
                </Form.Item>
              ),
            },
            {
              title: '处理方式',
              key: 'severity',
              width: 180,
              render: (_, f) => (
                <Form.Item name={[f.name, 'severity']} noStyle>
                  <Select
                    aria-label="处理方式"
                    style={{ width: 160 }}
                    options={[
                      { value: 'error', label: '错误（不可提交）' },
                      { value: 'warning', label: '提醒（可提交）' },
                    ]}
                  />
                </Form.Item>
              ),
            },
            {
              title: '启用',
              key: 'enabled',
              width: 90,
              render: (_, f) => (
                <Form.Item name={[f.name, 'enabled']} valuePropName="checked" noStyle>
                  <Switch aria-label="启用该规则" checkedChildren="启用" unCheckedChildren="停用" />
                </Form.Item>
              ),
            },
          ]}
        />
      )}
    </Form.List>
  );
}

function VetoChecklist() {
  return (
    <Form.List name={['config', 'vetoChecklist']}>
      {(fields, { add, remove }) => (
        <div>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无否决项" />}
          <ol className="gg-veto-list">
            {fields.map((f, i) => (
              <li key={f.key}>
                <Form.Item name={[f.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写否决项内容' }]} style={{ flex: 1, marginBottom: 8 }}>
                  <Input aria-label={`否决项 ${i + 1}`} maxLength={200} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={`删除否决项 ${i + 1}`} onClick={() => remove(f.name)} danger type="text" />
              </li>
            ))}
          </ol>
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: `veto-${Date.now().toString(36)}`, text: '' })}>
            添加否决项
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function Directions() {
  return (
    <Form.List name={['config', 'directions']}>
      {(fields) => (
        <Row gutter={[16, 16]}>
          {fields.map((f) => (
            <Col xs={24} lg={12} key={f.key}>
              <Card type="inner" className="gg-fill" title={<Form.Item noStyle shouldUpdate>{({ getFieldValue }) => getFieldValue(['config', 'directions', f.name, 'label']) as string}</Form.Item>}>
                <Form.Item label="方向名称" name={[f.name, 'label']} rules={[{ required: true, message: '请填写方向名称' }]}>
                  <Input />
                </Form.Item>
                <Form.Item label="方向说明" name={[f.name, 'description']}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
                </Form.Item>
                <Form.Item label="攻关重点" name={[f.name, 'targets']} rules={[{ type: 'array', min: 1, message: '至少需要一项攻关重点' }]}>
                  <TagsEditor label="攻关重点" />
                </Form.Item>
                <Form.Item label="倾斜支持" name={[f.name, 'preferred']} valuePropName="checked">
                  <Switch checkedChildren="是" unCheckedChildren="否" />
                </Form.Item>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Form.List>
  );
}

function CampaignEditor({ campaign, onSaved, onReload }: { campaign: CampaignDto; onSaved(c: CampaignDto): void; onReload(): Promise<void> }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<CampaignForm>();
  const initial = useMemo(() => toForm(campaign), [campaign]);
  const watched = Form.useWatch([], { form, preserve: true }) as CampaignForm | undefined;
  /** The version the form was last filled from (drafts compare with that state only). */
  const [readyVersion, setReadyVersion] = useState<number | null>(null);
  const [error, setError] = useState<{ message: string; fields: string[] } | null>(null);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initial);
    setReadyVersion(campaign.version);
    setError(null);
  }, [form, initial, campaign.version]);

  const ready = readyVersion === campaign.version;
  const wire = useMemo(() => (ready && watched && watched.windows && watched.config ? toWire(watched) : undefined), [ready, watched]);
  const pristine = useMemo(() => toWire(initial), [initial]);
  const draft = useDraftPersistence<CampaignFormWire>(`campaign:${campaign.id}`, wire, { baselineId: campaign.version, initial: pristine });
  const dirty = !!wire && JSON.stringify(wire) !== JSON.stringify(pristine);

  const save = useMutation({
    mutationFn: (f: CampaignForm) => {
      const w = toWire(f);
      const windows = Object.fromEntries(
        WINDOW_KEYS.map((k) => [k, { opensAt: w.windows[k].opensAt, closesAt: w.windows[k].closesAt, ...(w.windows[k].applicantClosesAt ? { applicantClosesAt: w.windows[k].applicantClosesAt } : {}) }]),
      ) as CampaignConfig['windows'];
      return api.put<CampaignDto>(`/api/campaigns/${campaign.id}`, {
        version: campaign.version,
        title: f.title.trim(),
        documentNo: f.documentNo.trim() || null,
        status: f.status,
        config: { ...campaign.config, ...f.config, windows },
      });
    },
    onSuccess: (c) => {
      draft.clear();
      message.success('年度活动配置已保存');
      onSaved(c);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'stale_version') {
        setStale(true);
        return;
      }
      const fields = err instanceof ApiError ? err.fields : {};
      if (Object.keys(fields).length) form.setFields(Object.entries(fields).map(([path, msg]) => ({ name: formNameFor(path) as never, errors: [msg] })));
      setError({ message: errorMessage(err), fields: Object.values(fields) });
    },
  });

  const reloadLatest = async () => {
    setStale(false);
    // The person's edits stay in the draft store and are offered back over the latest version.
    await onReload();
    message.info('已加载最新配置');
  };

  const confirmCopy = () => {
    let year = campaign.year + 1;
    modal.confirm({
      title: `复制为 ${campaign.year + 1} 年度活动？`,
      icon: <ExclamationCircleOutlined />,
      content: (
        <div>
          <p>将以本年度的方向、产业链、规则和阈值为基础创建新年度活动（草稿状态），所有日期顺延一年，节假日日历需重新录入。</p>
          <label className="gg-inline-field">
            <span>新年度：</span>
            <InputNumber aria-label="新年度" min={2020} max={2100} defaultValue={year} onChange={(v) => (year = Number(v ?? year))} />
          </label>
        </div>
      ),
      okText: '确认复制',
      cancelText: '取消',
      onOk: async () => {
        try {
          const created = await api.post<CampaignDto>(`/api/campaigns/${campaign.id}/copy`, { year }, { headers: idempotencyHeaders() });
          message.success(`已创建 ${created.year} 年度活动（草稿）`);
          onSaved(created);
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  };

  return (
    <>
      {draft.pending && (
        <DraftRestorePrompt
          savedAt={draft.pending.savedAt}
          onRestore={() => {
            const v = draft.restore();
            if (v) form.setFieldsValue(fromWire(v));
          }}
          onDiscard={draft.discard}
        />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title="已被他人修改"
          description="本年度活动配置已被他人修改并保存，您的修改未能保存。请加载最新配置后重新修改（您的修改内容已在本机保留，可在加载后恢复）。"
          action={
            <Button size="small" type="primary" onClick={() => void reloadLatest()}>
              加载最新配置
            </Button>
          }
          data-testid="stale-version"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ closeIcon: true, onClose: () => setError(null), 'aria-label': '关闭错误提示' }}
          style={{ marginBottom: 16 }}
          title={error.message}
          description={error.fields.length > 1 ? <ul className="gg-error-list">{error.fields.map((f) => <li key={f}>{f}</li>)}</ul> : undefined}
        />
      )}
      <Form<CampaignForm>
        form={form}
        layout="vertical"
        name="campaign-config"
        onFinish={() => {
          setError(null);
          // The whole store, not only the registered fields (ids and codes have no inputs).
          save.mutate(form.getFieldsValue(true) as CampaignForm);
        }}
        onFinishFailed={() => message.error('请检查标红的字段')}
        scrollToFirstError
      >
        <div className="gg-sticky-actions">
          <Space wrap>
            <span className="gg-muted">
              版本 {campaign.version}
              {dirty && <Tag color="orange" style={{ marginLeft: 8 }}>有未保存的修改</Tag>}
            </span>
          </Space>
          <Space wrap>
            <Button icon={<CopyOutlined />} onClick={confirmCopy}>
              复制为下一年度
            </Button>
            <Button
              disabled={!dirty}
              onClick={() => {
                form.setFieldsValue(initial);
                draft.discard();
              }}
            >
              撤销修改
            </Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
              保存配置
            </Button>
          </Space>
        </div>

        <Card title="基本信息" className="gg-section-card">
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item label="活动标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写活动标题' }, { min: 2, max: 100, message: '标题长度为 2–100 个字符' }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="文号" name="documentNo">
                <Input maxLength={50} placeholder="如 津市场监管质发〔2026〕2号" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="状态" name="status" extra="同一时间仅一个年度活动为“进行中”">
                <Select options={Object.entries(CAMPAIGN_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="项目最早启动日期" name={['config', 'earliestStartDate']} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="时间窗口" className="gg-section-card" extra={<span className="gg-muted gg-small">所有时间均为北京时间，截止判断以服务器时间为准</span>}>
          <Row gutter={[16, 16]}>
            {WINDOW_KEYS.map((k) => (
              <Col xs={24} lg={12} key={k}>
                <WindowFields k={k} lockedSince={campaign.status !== 'draft' && Date.parse(campaign.config.windows[k].opensAt) <= Date.now() ? campaign.config.windows[k].opensAt : null} />
              </Col>
            ))}
          </Row>
        </Card>

        <Card title="申报方向" className="gg-section-card">
          <Directions />
        </Card>

        <Card title="重点产业链" className="gg-section-card">
          <Form.Item label="重点产业链" name={['config', 'focusChains']}>
            <TagsEditor label="产业链" />
          </Form.Item>
          <Form.Item label="民生产业" name={['config', 'livelihoodIndustries']}>
            <TagsEditor label="民生产业" color="geekblue" />
          </Form.Item>
          <Form.Item name={['config', 'allowOtherChain']} valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>允许选择“其他”产业链申报</Checkbox>
          </Form.Item>
        </Card>

        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title="公示" className="gg-section-card gg-fill">
              <Form.Item label="公示期（工作日）" name={['config', 'publicityWorkingDays']} rules={[{ required: true, message: '请填写公示期' }]} extra={calendarUsedText(campaign).text}>
                <InputNumber min={1} max={30} addonAfter="个工作日" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="查重阈值" className="gg-section-card gg-fill">
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item label="提示阈值" name={['config', 'duplicate', 'showThreshold']} extra="相似度达到此值即向申报单位提示">
                    <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    label="标记阈值"
                    name={['config', 'duplicate', 'flagThreshold']}
                    dependencies={[['config', 'duplicate', 'showThreshold']]}
                    extra="达到此值即标记给推荐单位和市市场监管委"
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, v: number | null) => {
                          const show = getFieldValue(['config', 'duplicate', 'showThreshold']) as number | null;
                          return v == null || show == null || v >= show ? Promise.resolve() : Promise.reject(new Error('标记阈值不能低于提示阈值'));
                        },
                      }),
                    ]}
                  >
                    <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="比对范围" name={['config', 'duplicate', 'targets']} rules={[{ type: 'array', min: 1, message: '至少选择一项比对范围' }]} style={{ marginBottom: 0 }}>
                <Checkbox.Group options={Object.entries(DUPLICATE_TARGET_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Card>
          </Col>
        </Row>

        <HolidayCalendarCard campaign={campaign} onSaved={onSaved} />

        <Card title="立项审核" className="gg-section-card" extra={<span className="gg-muted gg-small">各推荐单位报送截止后方可立项；立项编号按立项顺序连续分配</span>}>
          <Form.Item
            label="立项编号格式"
            name={['config', 'projectNoFormat']}
            extra={`{year} 为年度，{nnnn} 为序号（n 的个数即位数）；留空则使用默认格式 ${DEFAULT_PROJECT_NO_FORMAT}，如 ${formatProjectNo(undefined, campaign.year, 1)}`}
            // Cleared → undefined → left out of the saved config → the default applies.
            normalize={(v: string | undefined) => (v?.trim() ? v : undefined)}
            rules={[
              { validator: (_, v: string | undefined) => (!v?.trim() || !projectNoFormatProblem(v.trim()) ? Promise.resolve() : Promise.reject(new Error(projectNoFormatProblem(v.trim())!))) },
            ]}
            style={{ marginBottom: 0, maxWidth: 420 }}
          >
            <Input placeholder={DEFAULT_PROJECT_NO_FORMAT} maxLength={40} />
          </Form.Item>
        </Card>

        <Card title="证书发放" className="gg-section-card" extra={<span className="gg-muted gg-small">证书编号按发放顺序连续分配，作废后重新发放使用新编号</span>}>
          <Form.Item
            label="证书编号格式"
            name={['config', 'certificateNoFormat']}
            extra={`{year} 为年度，{nnn} 为序号（n 的个数即位数）；留空则使用默认格式 ${DEFAULT_CERTIFICATE_NO_FORMAT}，如 ${formatCertificateNo(undefined, campaign.year, 1)}`}
            normalize={(v: string | undefined) => (v?.trim() ? v : undefined)}
            rules={[
              { validator: (_, v: string | undefined) => (!v?.trim() || !certificateNoFormatProblem(v.trim()) ? Promise.resolve() : Promise.reject(new Error(certificateNoFormatProblem(v.trim())!))) },
            ]}
            style={{ marginBottom: 0, maxWidth: 420 }}
          >
            <Input placeholder={DEFAULT_CERTIFICATE_NO_FORMAT} maxLength={40} aria-label="证书编号格式" />
          </Form.Item>
        </Card>

        <Card title="宣贯培训" className="gg-section-card" extra={<span className="gg-muted gg-small">立项项目的质量负责人、项目负责人和技术骨干参训</span>}>
          <Form.Item
            label="每个项目每场报名人数上限"
            name={['config', 'training', 'attendeesPerProject']}
            rules={[{ required: true, message: '请填写每个项目每场报名人数上限' }]}
            extra={`申报单位为一个已立项项目在同一场培训中最多报名的人数（默认 ${DEFAULT_ATTENDEES_PER_PROJECT} 人）`}
            style={{ marginBottom: 0 }}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} aria-label="每个项目每场报名人数上限" />
          </Form.Item>
        </Card>

        <Card title="项目名称规范" className="gg-section-card" extra={<span className="gg-muted gg-small">依据附件4《项目名称规范指引》，“错误”级规则不满足时不可提交</span>}>
          <NamingRulesTable />
        </Card>

        <Card title="否决项清单" className="gg-section-card" extra={<span className="gg-muted gg-small">申报单位须逐项承诺</span>}>
          <VetoChecklist />
        </Card>

        <Card title="联系方式" className="gg-section-card">
          <Row gutter={16}>
            <Col xs={24} md={12} lg={6}>
              <Form.Item label="联系处室" name={['config', 'contact', 'division']}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={6}>
              <Form.Item label="联系人" name={['config', 'contact', 'people']}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={6}>
              <Form.Item label="联系电话" name={['config', 'contact', 'phone']}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={6}>
              <Form.Item label="电子邮箱" name={['config', 'contact', 'email']}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>
    </>
  );
}

interface ReopenForm {
  window: WindowKey;
  organisationId: string;
  closesAt: Dayjs | null;
  reason: string;
}

function Reopenings({ campaign }: { campaign: CampaignDto }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReopenForm>();
  const key = ['campaigns', campaign.id, 'reopenings'];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<{ items: Reopening[] }>(`/api/campaigns/${campaign.id}/reopenings`) });
  const recommenders = useOrganisations('recommender');
  const [idem, setIdem] = useState(() => idempotencyHeaders());
  const [error, setError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (v: ReopenForm) =>
      api.post<{ id: string }>(
        `/api/campaigns/${campaign.id}/reopenings`,
        { window: v.window, organisationId: v.organisationId, closesAt: fromPickerValue(v.closesAt), reason: v.reason.trim() },
        { headers: idem },
      ),
    onSuccess: () => {
      message.success('补报窗口已开通');
      form.resetFields();
      setIdem(idempotencyHeaders());
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fields).length)
        form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as keyof ReopenForm, errors: [msg] })));
      setError(errorMessage(err));
    },
  });

  return (
    <Card title="补报窗口" className="gg-section-card" extra={<span className="gg-muted gg-small">年度截止时间本身不会被修改；补报窗口单独记录并写入审计日志</span>}>
      <Row gutter={[24, 16]}>
        <Col xs={24}>
          {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
          <Table<Reopening>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: '暂无补报窗口' }}
            columns={[
              { title: '窗口', dataIndex: 'window', width: 130, render: (v: string) => WINDOW_LABELS[v as WindowKey]?.replace(/（.*）/, '') ?? v },
              { title: '推荐单位', dataIndex: 'organisationName', render: (v: string | null) => v ?? '—' },
              { title: '补报截止', dataIndex: 'closesAt', width: 150, render: (v: string) => formatBeijing(v) },
              { title: '原因', dataIndex: 'reason', ellipsis: true },
              { title: '开通时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatBeijing(v) },
              { title: '状态', dataIndex: 'revoked', width: 80, render: (v: boolean) => (v ? <Tag>已撤销</Tag> : <Tag color="green">有效</Tag>) },
            ]}
          />
        </Col>
        <Col xs={24}>
          <div className="gg-subform">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              开通补报窗口
            </Typography.Title>
            {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
            <Form<ReopenForm>
              form={form}
              layout="vertical"
              name="reopening"
              initialValues={{ window: 'application' }}
              onFinish={(v) => {
                setError(null);
                create.mutate(v);
              }}
            >
              <Row gutter={16}>
                <Col xs={24} md={12} xl={5}>
              <Form.Item label="窗口" name="window" rules={[{ required: true, message: '请选择窗口' }]}>
                <Select options={WINDOW_KEYS.map((k) => ({ value: k, label: WINDOW_LABELS[k] }))} />
              </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={7}>
              <Form.Item label="推荐单位" name="organisationId" rules={[{ required: true, message: '请选择推荐单位' }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={recommenders.isFetching}
                  placeholder="请选择推荐单位"
                  options={(recommenders.data?.items ?? []).map((o) => ({
                    value: o.id,
                    label: o.subtype && RECOMMENDER_SUBTYPE_LABELS[o.subtype] ? `${o.name}（${RECOMMENDER_SUBTYPE_LABELS[o.subtype]}）` : o.name,
                  }))}
                />
              </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={5}>
              <Form.Item label="补报截止时间（北京时间）" name="closesAt" rules={[{ required: true, message: '请选择补报截止时间' }]}>
                <DatePicker showTime={{ format: 'HH:mm:ss' }} format={DATETIME_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
                </Col>
                <Col xs={24} md={12} xl={7}>
              <Form.Item label="开通原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写开通原因' }]}>
                <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                开通补报窗口
              </Button>
            </Form>
          </div>
        </Col>
      </Row>
    </Card>
  );
}

export default function CampaignConfigPage() {
  usePageTitle('年度活动配置');
  const qc = useQueryClient();
  const list = useQuery({ queryKey: CAMPAIGNS_KEY, queryFn: () => api.get<{ items: CampaignDto[] }>('/api/campaigns') });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const selected = items.find((c) => c.id === selectedId) ?? items.find((c) => c.status === 'active') ?? items[0];

  const reload = async () => {
    await qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    await list.refetch();
  };

  return (
    <>
      <PageHeader
        title="年度活动配置"
        subtitle="每一年度的申报方向、重点产业链、时间窗口、规则和阈值均为配置数据，调整后即时生效"
        extra={
          <Space wrap>
            <label className="gg-inline-field">
              <span>年度</span>
              <Select
                aria-label="选择年度"
                style={{ width: 200 }}
                value={selected?.id}
                onChange={setSelectedId}
                options={items.map((c) => ({ value: c.id, label: `${c.year} 年度（${CAMPAIGN_STATUS_LABELS[c.status]}）` }))}
              />
            </label>
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void reload()} />
          </Space>
        }
      />
      {list.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      )}
      {list.isError && <Result status="warning" title="年度活动加载失败" subTitle={errorMessage(list.error)} />}
      {!list.isPending && !list.isError && !selected && <Empty description="暂无年度活动" />}
      {selected && (
        <>
          <CampaignEditor
            key={selected.id}
            campaign={selected}
            onReload={reload}
            onSaved={(c) => {
              qc.setQueryData<{ items: CampaignDto[] }>(CAMPAIGNS_KEY, (old) => {
                const rest = (old?.items ?? []).filter((x) => x.id !== c.id);
                return { items: [...rest, c].sort((a, b) => b.year - a.year) };
              });
              setSelectedId(c.id);
              void qc.invalidateQueries({ queryKey: ['public', 'campaign'] });
            }}
          />
          <Reopenings campaign={selected} />
        </>
      )}
    </>
  );
}
