/** The form steps of the 申报书 editor (every field of src/shared/application-form.ts). */
import { BulbOutlined, CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Tag } from 'antd';
import { useMemo } from 'react';
import { isMeasurable } from '../../../../domain/eligibility';
import { checkProjectName, type NameViolation } from '../../../../domain/project-name';
import {
  BENEFIT_AREA_LABELS,
  BENEFIT_AREAS,
  INFRASTRUCTURE_KINDS,
  INFRASTRUCTURE_LABELS,
  PARTNER_TYPE_LABELS,
  PARTNER_TYPES,
  STANDARD_LEVEL_LABELS,
  STANDARD_LEVELS,
  UNIT_NATURE_LABELS,
  UNIT_NATURES,
  type BenefitArea,
  type Direction,
} from '../../../../shared/application-form';
import type { RecommenderOption } from '../../../../shared/applications';
import { DateInput, MaskedIdInput, RowList } from '../../../components/application/controls';
import { Field, ListNotes, useFormKit } from '../../../components/application/FieldKit';
import { fieldId } from '../../../components/application/form-paths';
import { TagsEditor } from '../../../components/TagsEditor';
import type { PublicCampaign } from '../../../types';

const { TextArea } = Input;

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };
const quarter = { xs: 24, sm: 12, lg: 6 };

function Person({ prefix, who, fields }: { prefix: string; who: string; fields: ('name' | 'position' | 'title' | 'phone' | 'email')[] }) {
  const label = { name: '姓名', position: '职务', title: '职称', phone: '联系电话', email: '电子邮箱' };
  const required = (f: string) => (prefix === 'unit.qualityHead' && f === 'name') || ((prefix === 'unit.projectLead' || prefix === 'unit.contact') && (f === 'name' || f === 'phone'));
  return (
    <>
      <div className="gg-app-section-title">{who}</div>
      <Row gutter={16}>
        {fields.map((f) => (
          <Col key={f} {...(fields.length > 3 ? third : third)}>
            <Field<string> path={`${prefix}.${f}`} label={`${who}${label[f]}`} required={required(f)}>
              {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={f === 'email' ? 100 : f === 'phone' ? 30 : 50} autoComplete="off" />}
            </Field>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function UnitStep() {
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="单位名称、统一社会信用代码、注册地址已从注册信息带入，如有变更请同时联系推荐单位更新注册信息。" />
      <Row gutter={16}>
        <Col {...half}>
          <Field<string> path="unit.name" label="单位名称" required>
            {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} />}
          </Field>
        </Col>
        <Col {...half}>
          <Field<string> path="unit.uscc" label="统一社会信用代码" required>
            {(p) => <Input {...p} className="gg-mono" onChange={(e) => p.onChange(e.target.value.toUpperCase())} maxLength={30} />}
          </Field>
        </Col>
        <Col {...half}>
          <Field<string> path="unit.address" label="注册地址" required>
            {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={200} />}
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field<string> path="unit.district" label="所属区">
            {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={20} />}
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field<string | undefined> path="unit.nature" label="单位性质" required empty={undefined}>
            {(p) => <Select {...p} placeholder="请选择" options={UNIT_NATURES.map((n) => ({ value: n, label: UNIT_NATURE_LABELS[n] }))} />}
          </Field>
        </Col>
        <Col {...third}>
          <Field<string> path="unit.industry" label="所属行业">
            {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} placeholder="如：通用设备制造业" />}
          </Field>
        </Col>
        <Col {...third}>
          <Field<number | undefined> path="unit.employees" label="员工人数" empty={undefined}>
            {(p) => <InputNumber {...p} value={p.value ?? null} onChange={(v) => p.onChange(v ?? undefined)} min={0} max={10_000_000} precision={0} style={{ width: '100%' }} suffix="人" />}
          </Field>
        </Col>
        <Col {...third}>
          <Field<number | undefined> path="unit.lastYearRevenue" label="上年营业收入（万元）" empty={undefined}>
            {(p) => <InputNumber {...p} value={p.value ?? null} onChange={(v) => p.onChange(v ?? undefined)} min={0} max={1e9} precision={2} style={{ width: '100%' }} suffix="万元" />}
          </Field>
        </Col>
      </Row>
      <Person prefix="unit.qualityHead" who="质量负责人" fields={['name', 'title', 'phone']} />
      <Person prefix="unit.projectLead" who="项目负责人" fields={['name', 'position', 'title', 'phone', 'email']} />
      <Person prefix="unit.contact" who="联系人" fields={['name', 'phone', 'email']} />
    </>
  );
}

/** Live naming-guide check (campaign rules), merged with the server's answer of the last save. */
function NamingHints({ campaign, serverNaming }: { campaign: PublicCampaign | undefined; serverNaming: NameViolation[] | null }) {
  const kit = useFormKit();
  const name = kit.form.project?.name ?? '';
  const live = useMemo(
    () => (name.trim() ? checkProjectName(name, { rules: campaign?.namingRules, direction: kit.form.project?.direction, unitName: kit.form.unit?.name }) : []),
    [name, campaign?.namingRules, kit.form.project?.direction, kit.form.unit?.name],
  );
  const all = [...live];
  for (const s of serverNaming ?? []) if (!all.some((v) => v.ruleId === s.ruleId)) all.push(s);
  if (!name.trim()) return <div className="gg-muted gg-small">名称应简明扼要，包含攻关对象和质量特性（如“焊接机器人减速器装配一次合格率提升”），不超过30个字。</div>;
  if (all.length === 0)
    return (
      <div className="gg-small" style={{ color: '#237804' }} role="status" data-testid="naming-ok">
        <CheckCircleFilled aria-hidden /> 项目名称符合《天津市质量攻关项目名称规范指引》要求（{name.length}字）
      </div>
    );
  return (
    <ul className="gg-app-naming gg-small" aria-label="项目名称规范检查" data-testid="naming-hints" style={{ paddingLeft: 0, listStyle: 'none' }}>
      {all.map((v) => (
        <li key={v.ruleId} style={{ color: v.severity === 'error' ? '#c62828' : '#ad6800' }}>
          <WarningOutlined aria-hidden /> {v.severity === 'error' ? '必须修改：' : '建议：'}
          {v.message}
          {v.suggestion && !kit.readOnly && (
            <Button size="small" type="link" icon={<BulbOutlined />} onClick={() => kit.set('project.name', v.suggestion)} aria-label={`采用建议名称“${v.suggestion}”`}>
              采用“{v.suggestion}”
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ProjectStep({
  campaign,
  recommenders,
  recommenderOrgId,
  onRecommender,
  recommenderLocked,
  serverNaming,
}: {
  campaign: PublicCampaign | undefined;
  recommenders: RecommenderOption[];
  recommenderOrgId: string | null;
  onRecommender(id: string | null): void;
  recommenderLocked: boolean;
  serverNaming: NameViolation[] | null;
}) {
  const kit = useFormKit();
  const direction = kit.form.project?.direction;
  const dir = campaign?.directions.find((d) => d.code === direction);
  const chain = kit.form.project?.chain;
  const groups = useMemo(() => {
    const by = new Map<string, RecommenderOption[]>();
    for (const r of recommenders) by.set(r.subtypeLabel, [...(by.get(r.subtypeLabel) ?? []), r]);
    return [...by.entries()].map(([label, items]) => ({ label, title: label, options: items.map((r) => ({ value: r.id, label: r.name })) }));
  }, [recommenders]);
  return (
    <>
      <Field<string>
        path="project.name"
        label="项目名称"
        required
        extra={<NamingHints campaign={campaign} serverNaming={serverNaming} />}
      >
        {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} showCount={{ formatter: ({ count }) => `${count} / 30 字` }} />}
      </Field>
      <Field<string | undefined> path="project.direction" label="申报方向" required empty={undefined}>
        {(p) => (
          <Radio.Group
            id={p.id}
            aria-describedby={p['aria-describedby']}
            disabled={p.disabled}
            value={p.value}
            onChange={(e) => {
              const next = e.target.value as Direction;
              const allowed = campaign?.directions.find((d) => d.code === next)?.targets ?? [];
              kit.set('project', { ...kit.form.project, direction: next, targets: (kit.form.project?.targets ?? []).filter((t) => allowed.includes(t)) });
            }}
            style={{ width: '100%' }}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              {(campaign?.directions ?? []).map((d) => (
                <Radio key={d.code} value={d.code}>
                  <strong>{d.label}</strong> {d.preferred && <Tag color="red">本年度倾斜支持</Tag>}
                  <div className="gg-muted gg-small">{d.description}</div>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        )}
      </Field>
      <Field<string[]> path="project.targets" label="攻关目标类别" required empty={[]} extra={dir ? `“${dir.label}”方向的攻关目标（可多选）` : '请先选择申报方向'}>
        {(p) => (
          <div id={p.id} role="group" aria-label="攻关目标类别" aria-describedby={p['aria-describedby']}>
            <Checkbox.Group
            disabled={p.disabled || !dir}
            value={p.value}
            onChange={(v) => p.onChange(v as string[])}
            options={(dir?.targets ?? []).map((t) => ({ value: t, label: t }))}
          />
          </div>
        )}
      </Field>
      <Row gutter={16}>
        <Col {...half}>
          <Field<string | undefined> path="project.chain" label="所属重点产业链" required empty={undefined}>
            {(p) => (
              <Select
                {...p}
                placeholder="请选择"
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { label: '重点产业链', title: '重点产业链', options: (campaign?.focusChains ?? []).map((c) => ({ value: c, label: c })) },
                  { label: '民生产业', title: '民生产业', options: (campaign?.livelihoodIndustries ?? []).map((c) => ({ value: c, label: c })) },
                  { label: '其他', title: '其他', options: [{ value: '其他', label: '其他（请说明）' }] },
                ]}
              />
            )}
          </Field>
        </Col>
        {chain === '其他' && (
          <Col {...half}>
            <Field<string> path="project.chainOther" label="其他产业链/领域说明" required>
              {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} />}
            </Field>
          </Col>
        )}
      </Row>
      <Field<BenefitArea[]> path="project.benefitAreas" label="预期成效类别" required empty={[]} extra="申报条件：至少在一个方面取得明显成效，并在“预期效益”中填写可衡量的预期成效">
        {(p) => (
          <div id={p.id} role="group" aria-label="预期成效类别" aria-describedby={p['aria-describedby']}>
            <Checkbox.Group
            disabled={p.disabled}
            value={p.value}
            onChange={(v) => p.onChange(v as BenefitArea[])}
            options={BENEFIT_AREAS.map((a) => ({ value: a, label: BENEFIT_AREA_LABELS[a] }))}
          />
          </div>
        )}
      </Field>
      <Row gutter={16}>
        <Col {...half}>
          <Field<string | undefined> path="project.startDate" label="项目开始日期" required empty={undefined} extra={campaign ? `应不早于 ${campaign.earliestStartDate}（${campaign.earliestStartDate.slice(0, 4)}年以来启动实施）` : undefined}>
            {(p) => <DateInput {...p} />}
          </Field>
        </Col>
        <Col {...half}>
          <Field<string | undefined> path="project.endDate" label="项目计划完成日期" required empty={undefined}>
            {(p) => <DateInput {...p} />}
          </Field>
        </Col>
      </Row>
      <div id={fieldId('recommenderOrgId')}>
        <Form.Item
          label="推荐单位"
          htmlFor="f-recommender"
          required
          validateStatus={kit.issues.recommenderOrgId?.length ? 'error' : undefined}
          help={kit.issues.recommenderOrgId?.length ? <ListNotes path="recommenderOrgId" /> : undefined}
          extra={recommenderLocked ? '退回补正期间不能更换推荐单位。' : '默认为本单位所在区的市场监督管理局；也可选择市级行业主管部门或行业协会。'}
        >
          <Select
            id="f-recommender"
            style={{ width: '100%', maxWidth: 520 }}
            placeholder="请选择推荐单位"
            value={recommenderOrgId ?? undefined}
            disabled={kit.readOnly || recommenderLocked}
            onChange={(v?: string) => onRecommender(v ?? null)}
            showSearch={{ optionFilterProp: 'label' }}
            options={groups}
          />
        </Form.Item>
      </div>
    </>
  );
}

const QUALITY_METHODS = ['PDCA循环', 'QC七大手法', '六西格玛', 'FMEA', 'SPC统计过程控制', 'DOE试验设计', '5W1H', '鱼骨图', '帕累托图', '精益生产', 'QFD质量功能展开', '8D'];

export function ContentStep() {
  const kit = useFormKit();
  const methods = kit.form.content?.qualityMethods ?? [];
  return (
    <>
      <Field<string> path="content.background" label="立项背景与质量问题描述" required extra="说明存在的质量问题、现状数据及其影响（找准质量问题，进行质量诊断）">
        {(p) => <TextArea {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={5000} showCount autoSize={{ minRows: 5, maxRows: 14 }} />}
      </Field>
      <div className="gg-app-section-title">
        <span style={{ color: '#c62828' }}>* </span>攻关目标与量化指标（现状值 → 目标值）
      </div>
      <RowList
        path="content.goals"
        itemName="指标"
        max={30}
        newItem={() => ({ indicator: '', unit: '', baseline: '', target: '' })}
        row={(prefix) => (
          <Row gutter={12}>
            <Col xs={24} lg={9}>
              <Field<string> path={`${prefix}.indicator`} label="指标名称" required>
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} placeholder="如：产品一次交检合格率" />}
              </Field>
            </Col>
            <Col xs={8} lg={4}>
              <Field<string> path={`${prefix}.unit`} label="单位">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={20} placeholder="%" />}
              </Field>
            </Col>
            <Col xs={8} lg={5}>
              <Field<string> path={`${prefix}.baseline`} label="现状值" required>
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} />}
              </Field>
            </Col>
            <Col xs={8} lg={6}>
              <Field<string> path={`${prefix}.target`} label="目标值" required>
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} />}
              </Field>
            </Col>
          </Row>
        )}
      />
      <div style={{ height: 16 }} />
      <Field<string> path="content.technicalRoute" label="技术路线与实施方案" required>
        {(p) => <TextArea {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={5000} showCount autoSize={{ minRows: 5, maxRows: 14 }} />}
      </Field>
      <Field<string[]> path="content.qualityMethods" label="拟运用的质量管理工具与方法" required empty={[]}>
        {(p) => (
          <div>
            <TagsEditor id={p.id} label="质量工具方法" value={p.value} onChange={kit.readOnly ? undefined : p.onChange} />
            {!kit.readOnly && (
              <div style={{ marginTop: 8 }} className="gg-small">
                <span className="gg-muted">常用：</span>
                {QUALITY_METHODS.filter((m) => !methods.includes(m)).map((m) => (
                  <Button key={m} size="small" type="link" onClick={() => p.onChange([...methods, m])} aria-label={`添加质量工具方法“${m}”`}>
                    +{m}
                  </Button>
                ))}
              </div>
            )}
          </div>
        )}
      </Field>
      <div className="gg-app-section-title">PDCA 实施计划</div>
      <ListNotes path="content.pdca" />
      <Row gutter={16}>
        {(
          [
            ['plan', '计划（P）', '现状调查、原因分析、目标设定与对策制定'],
            ['do', '执行（D）', '对策实施的步骤、资源和责任分工'],
            ['check', '检查（C）', '效果检查的方法、指标和频次'],
            ['act', '处理（A）', '标准化、巩固措施和遗留问题的处理'],
          ] as const
        ).map(([k, label, hint]) => (
          <Col key={k} {...half}>
            <Field<string> path={`content.pdca.${k}`} label={label}>
              {(p) => <TextArea {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={3000} autoSize={{ minRows: 3, maxRows: 8 }} placeholder={hint} />}
            </Field>
          </Col>
        ))}
      </Row>
      <div className="gg-app-section-title">进度安排（里程碑）</div>
      <RowList
        path="content.milestones"
        itemName="里程碑"
        newItem={() => ({ date: '', title: '', deliverable: '' })}
        row={(prefix) => (
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Field<string | undefined> path={`${prefix}.date`} label="里程碑日期" empty={undefined}>
                {(p) => <DateInput {...p} allowEmptyString />}
              </Field>
            </Col>
            <Col xs={24} md={9}>
              <Field<string> path={`${prefix}.title`} label="里程碑内容">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={200} />}
              </Field>
            </Col>
            <Col xs={24} md={9}>
              <Field<string> path={`${prefix}.deliverable`} label="里程碑成果">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={500} />}
              </Field>
            </Col>
          </Row>
        )}
      />
    </>
  );
}

export function TeamStep() {
  const kit = useFormKit();
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="身份证号为选填项，仅用于成果认定后的证书制作；页面和导出文件中均脱敏显示（如 1201**********1234），输入时点击输入框可查看完整号码。"
      />
      <RowList
        path="team"
        itemName="成员"
        newItem={() => ({ name: '', unit: kit.form.unit?.name ?? '', title: '', role: '', idNumber: '' })}
        row={(prefix) => (
          <Row gutter={12}>
            <Col {...quarter}>
              <Field<string> path={`${prefix}.name`} label="成员姓名" required>
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} />}
              </Field>
            </Col>
            <Col {...quarter}>
              <Field<string> path={`${prefix}.unit`} label="成员单位">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} />}
              </Field>
            </Col>
            <Col {...quarter}>
              <Field<string> path={`${prefix}.title`} label="成员职称">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} />}
              </Field>
            </Col>
            <Col {...quarter}>
              <Field<string> path={`${prefix}.idNumber`} label="身份证号">
                {(p) => <MaskedIdInput {...p} />}
              </Field>
            </Col>
            <Col span={24}>
              <Field<string> path={`${prefix}.role`} label="项目分工">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} />}
              </Field>
            </Col>
          </Row>
        )}
      />
    </>
  );
}

export function ConsortiumStep() {
  const kit = useFormKit();
  const common = kit.form.project?.direction === 'common';
  return (
    <>
      <Alert
        type={common ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={common ? '质量共性技术攻关项目须由链主企业牵头组建质量技术创新联合体' : '本项目为质量精准提升攻关，联合体为选填项'}
        description={
          common
            ? '请填写牵头单位以外至少一家成员单位（链上企业、高校、科研院所、质量技术机构、行业协会等），鼓励跨区域协作。'
            : '如有供应商、客户或服务机构参与，可在此填写。'
        }
      />
      <RowList
        path="consortium"
        itemName="成员单位"
        newItem={() => ({ name: '', uscc: '', region: '', role: '' })}
        row={(prefix) => (
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Field<string> path={`${prefix}.name`} label="联合单位名称" required={common}>
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} />}
              </Field>
            </Col>
            <Col xs={24} md={7}>
              <Field<string | undefined> path={`${prefix}.type`} label="联合单位类型" required={common} empty={undefined}>
                {(p) => <Select {...p} placeholder="请选择" options={PARTNER_TYPES.map((t) => ({ value: t, label: PARTNER_TYPE_LABELS[t] }))} />}
              </Field>
            </Col>
            <Col xs={24} md={7}>
              <Field<string> path={`${prefix}.region`} label="所在地区">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} placeholder="如：天津市西青区、河北省沧州市" />}
              </Field>
            </Col>
            <Col xs={24} md={10}>
              <Field<string> path={`${prefix}.uscc`} label="统一社会信用代码">
                {(p) => <Input {...p} className="gg-mono" onChange={(e) => p.onChange(e.target.value.toUpperCase())} maxLength={30} />}
              </Field>
            </Col>
            <Col xs={24} md={14}>
              <Field<string> path={`${prefix}.role`} label="分工">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={200} />}
              </Field>
            </Col>
          </Row>
        )}
      />
    </>
  );
}

export function BenefitsStep() {
  const kit = useFormKit();
  const areas = kit.form.project?.benefitAreas ?? [];
  return (
    <>
      <div className="gg-app-section-title">各成效类别的预期成效</div>
      <ListNotes path="benefits.byArea" />
      {areas.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="尚未在“项目基本情况”中选择预期成效类别" />}
      {areas.map((a) => {
        const text = kit.form.benefits?.byArea?.[a] ?? '';
        return (
          <Field<string>
            key={a}
            path={`benefits.byArea.${a}`}
            label={`${BENEFIT_AREA_LABELS[a]}的预期成效`}
            extra={
              text.trim() ? (
                isMeasurable(text) ? (
                  <span style={{ color: '#237804' }}>
                    <CheckCircleFilled aria-hidden /> 已包含可衡量的数值
                  </span>
                ) : (
                  <span style={{ color: '#ad6800' }}>请写明具体数值，如“不良率由3.8%降至1.2%”“年节电12万千瓦时”</span>
                )
              ) : (
                '请写明具体、可衡量的预期成效'
              )
            }
          >
            {(p) => <TextArea {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />}
          </Field>
        );
      })}
      <Row gutter={16}>
        <Col {...half}>
          <Field<number | undefined> path="benefits.economic" label="预期经济效益（万元）" empty={undefined}>
            {(p) => <InputNumber {...p} value={p.value ?? null} onChange={(v) => p.onChange(v ?? undefined)} min={0} max={1e8} precision={2} style={{ width: '100%' }} suffix="万元" />}
          </Field>
        </Col>
      </Row>
      <Field<string> path="benefits.economicNote" label="经济效益测算说明">
        {(p) => <TextArea {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />}
      </Field>
      <Field<string> path="benefits.social" label="预期社会效益">
        {(p) => <TextArea {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />}
      </Field>

      <h3 className="gg-app-section-title" style={{ marginTop: 24 }}>
        已有基础（知识产权、成果鉴定、标准）
      </h3>
      <p className="gg-muted gg-small">已取得知识产权、科技成果鉴定或国家/行业/地方标准的项目可优先推荐。</p>
      <div className="gg-app-section-title">专利</div>
      <RowList
        path="basis.patents"
        itemName="专利"
        max={100}
        newItem={() => ({ title: '', number: '' })}
        row={(prefix) => (
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Field<string> path={`${prefix}.title`} label="专利名称">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={200} />}
              </Field>
            </Col>
            <Col xs={24} md={10}>
              <Field<string> path={`${prefix}.number`} label="专利号">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} />}
              </Field>
            </Col>
          </Row>
        )}
      />
      <div className="gg-app-section-title" style={{ marginTop: 16 }}>
        软件著作权
      </div>
      <RowList
        path="basis.softwareCopyrights"
        itemName="软件著作权"
        max={100}
        newItem={() => ({ title: '', number: '' })}
        row={(prefix) => (
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Field<string> path={`${prefix}.title`} label="软件名称">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={200} />}
              </Field>
            </Col>
            <Col xs={24} md={10}>
              <Field<string> path={`${prefix}.number`} label="登记号">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} />}
              </Field>
            </Col>
          </Row>
        )}
      />
      <div className="gg-app-section-title" style={{ marginTop: 16 }}>
        科技成果鉴定
      </div>
      <RowList
        path="basis.appraisals"
        itemName="成果鉴定"
        newItem={() => ({ title: '', organ: '', date: '' })}
        row={(prefix) => (
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Field<string> path={`${prefix}.title`} label="成果名称">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={200} />}
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field<string> path={`${prefix}.organ`} label="鉴定机构">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={100} />}
              </Field>
            </Col>
            <Col xs={24} md={6}>
              <Field<string | undefined> path={`${prefix}.date`} label="鉴定日期" empty={undefined}>
                {(p) => <DateInput {...p} allowEmptyString />}
              </Field>
            </Col>
          </Row>
        )}
      />
      <div className="gg-app-section-title" style={{ marginTop: 16 }}>
        标准
      </div>
      <RowList
        path="basis.standards"
        itemName="标准"
        max={100}
        newItem={() => ({ level: 'group', code: '', title: '' })}
        row={(prefix) => (
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Field<string> path={`${prefix}.level`} label="标准级别">
                {(p) => <Select {...p} options={STANDARD_LEVELS.map((l) => ({ value: l, label: STANDARD_LEVEL_LABELS[l] }))} />}
              </Field>
            </Col>
            <Col xs={24} md={6}>
              <Field<string> path={`${prefix}.code`} label="标准编号">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} placeholder="如：T/TJSX 001-2025" />}
              </Field>
            </Col>
            <Col xs={24} md={12}>
              <Field<string> path={`${prefix}.title`} label="标准名称">
                {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={200} />}
              </Field>
            </Col>
          </Row>
        )}
      />
    </>
  );
}

export function InfrastructureStep() {
  return (
    <>
      <Field<string[]> path="infrastructure" label="运用的质量基础设施" empty={[]} extra="计量、标准、检验检测、认证认可等质量基础设施对项目的技术支撑（可多选）">
        {(p) => (
          <div id={p.id} role="group" aria-label="运用的质量基础设施" aria-describedby={p['aria-describedby']}>
            <Checkbox.Group
            disabled={p.disabled}
            value={p.value}
            onChange={(v) => p.onChange(v as string[])}
            options={INFRASTRUCTURE_KINDS.map((k) => ({ value: k, label: INFRASTRUCTURE_LABELS[k] }))}
          />
          </div>
        )}
      </Field>
      <Field<string> path="infrastructureNote" label="质量基础设施支撑说明">
        {(p) => <TextArea {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 10 }} placeholder="如：委托天津市计量监督检测科学研究院开展关键参数校准……" />}
      </Field>
    </>
  );
}

export const COMMITMENT_TEXT = [
  '本单位所填报的申报书内容及提供的附件材料真实、准确、完整；',
  '申报项目不存在抄袭、剽窃他人成果的情况，不与历年质量攻关优秀成果项目雷同；',
  '申报材料不涉及国家秘密，不违反保密规定；',
  '如有不实，本单位愿意承担相应责任，并接受取消申报或认定资格的处理。',
];

export function CommitmentStep({ campaign }: { campaign: PublicCampaign | undefined }) {
  const kit = useFormKit();
  return (
    <>
      <section aria-labelledby="commit-h" className="gg-app-row" style={{ paddingBottom: 12 }}>
        <h3 id="commit-h" className="gg-app-section-title">
          申报单位承诺
        </h3>
        <ol style={{ paddingLeft: 20, lineHeight: 1.9 }}>
          {COMMITMENT_TEXT.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ol>
        <Field<boolean | undefined> path="commitment.agreed" label="承诺确认" required empty={false}>
          {(p) => (
            <Checkbox id={p.id} aria-describedby={p['aria-describedby']} disabled={p.disabled} checked={p.value === true} onChange={(e) => p.onChange(e.target.checked || undefined)}>
              本单位已阅读并同意上述承诺
            </Checkbox>
          )}
        </Field>
        <Row gutter={16}>
          <Col {...half}>
            <Field<string> path="commitment.signer" label="承诺人" required extra="法定代表人或其授权人姓名">
              {(p) => <Input {...p} onChange={(e) => p.onChange(e.target.value)} maxLength={50} />}
            </Field>
          </Col>
          <Col {...half}>
            <Field<string | undefined> path="commitment.date" label="承诺日期" empty={undefined}>
              {(p) => <DateInput {...p} />}
            </Field>
          </Col>
        </Row>
      </section>
      <section aria-labelledby="veto-h" style={{ marginTop: 16 }}>
        <h3 id="veto-h" className="gg-app-section-title">
          否决事项声明
        </h3>
        <p className="gg-muted gg-small">存在下列任一情形的，不得申报。请逐项确认。</p>
        <ListNotes path="vetoDeclarations" />
        {(campaign?.vetoChecklist ?? []).map((item) => (
          <Field<boolean> key={item.id} path={`vetoDeclarations.${item.id}`} label={null} required empty={false}>
            {(p) => (
              <Checkbox id={p.id} aria-describedby={p['aria-describedby']} disabled={p.disabled} checked={p.value === true} onChange={(e) => p.onChange(e.target.checked)}>
                本单位确认：{item.text}
              </Checkbox>
            )}
          </Field>
        ))}
        {!kit.readOnly && (campaign?.vetoChecklist.length ?? 0) === 0 && <div className="gg-muted">本年度未设置否决事项。</div>}
      </section>
    </>
  );
}
