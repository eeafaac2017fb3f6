/** 申报书 step 2: project name (naming guide checked live), direction, targets, chain, benefit areas, dates, recommender. */
import { BulbOutlined, CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import {
  Button,
  Col,
  Form,
  Radio,
  Row,
  Select,
  Space,
  Tag,
} from 'antd';
import { useMemo } from 'react';
import { checkProjectName, type NameViolation } from '../../../../domain/project-name';
import { BENEFIT_AREA_LABELS, BENEFIT_AREAS, type BenefitArea, type Direction } from '../../../../domain/application-form';
import type { RecommenderOption } from '../../../../shared/applications';
import { CheckGroup, DateInput, TextIn } from '../../../components/application/controls';
import { Field, ListNotes, useFormKit } from '../../../components/application/FieldKit';
import { fieldId } from '../../../components/application/form-paths';
import type { PublicCampaign } from '../../../types';
import { half } from './step-layout';

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
        <li key={v.ruleId} style={{ color: v.severity === 'error' ? '#c62828' : '#8a5300' }}>
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
  const maxRule = campaign?.namingRules?.find((r) => r.id === 'max-length' && r.enabled !== false)?.params?.max;
  const nameMax = typeof maxRule === 'number' ? maxRule : 30;
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
        limit={nameMax}
        extra={<NamingHints campaign={campaign} serverNaming={serverNaming} />}
      >
        {(p) => <TextIn {...p} />}
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
        {(p) => <CheckGroup {...p} disabled={p.disabled || !dir} label="攻关目标类别" options={(dir?.targets ?? []).map((t) => ({ value: t, label: t }))} />}
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
              {(p) => <TextIn {...p} />}
            </Field>
          </Col>
        )}
      </Row>
      <Field<BenefitArea[]> path="project.benefitAreas" label="预期成效类别" required empty={[]} extra="申报条件：至少在一个方面取得明显成效，并在“预期效益”中填写可衡量的预期成效">
        {(p) => <CheckGroup {...p} disabled={p.disabled} label="预期成效类别" options={BENEFIT_AREAS.map((a) => ({ value: a, label: BENEFIT_AREA_LABELS[a] }))} />}
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
