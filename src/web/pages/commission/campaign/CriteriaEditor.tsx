/**
 * 成果评定指标 (config.evaluation, 程序七): sections and items, 否决项, level bands, group size and
 * the trimmed-mean rule, checked with the domain's criteriaIssues at each field. Read-only once an
 * evaluation group of the campaign has been committed (the server refuses the change too).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, ConfigProvider, Form, Input, Row } from 'antd';
import { useEffect } from 'react';
import { criteriaTotal, type EvaluationCriteria } from '../../../../domain/evaluation';
import { api } from '../../../api';
import { numberRule, schemaRule } from '../../../components/schema-rule';
import { TagsEditor } from '../../../components/TagsEditor';
import { bandShape, CRITERIA_PATH, CROSS_FIELDS, issueRule, vetoShape } from './criteria-rules';
import { CriteriaSections } from './CriteriaSections';
import { FormNumber } from './form-controls';

const P = (...rest: string[]) => [...CRITERIA_PATH, ...rest];

/** Shows the running total; every change re-checks the rules that read other fields. */
function CriteriaTotal({ value }: { value?: EvaluationCriteria }) {
  const form = Form.useFormInstance();
  useEffect(() => {
    if (value) void form.validateFields(CROSS_FIELDS).catch(() => undefined);
  }, [form, value]);
  const total = value ? criteriaTotal({ ...value, sections: value.sections.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, max: typeof i.max === 'number' ? i.max : 0 })) })) }) : 0;
  return (
    <span data-testid="criteria-total" className={total === 100 ? undefined : 'gg-field-error'}>
      {total} 分（应为100分）
    </span>
  );
}

export function CriteriaEditor({ campaignId }: { campaignId: string }) {
  const form = Form.useFormInstance();
  const lock = useQuery({ queryKey: ['campaigns', campaignId, 'criteria-lock'], queryFn: () => api.get<{ locked: boolean; reason: string | null }>(`/api/campaigns/${campaignId}/criteria-lock`) });
  const locked = !!lock.data?.locked;
  const n = (label: string, key: string[], rules: object[], suffix?: string) => (
    <Form.Item label={label} name={P(...key)} rules={rules}>
      <FormNumber aria-label={label} suffix={suffix} />
    </Form.Item>
  );
  return (
    <Card title="成果评定指标" className="gg-section-card" extra={<span className="gg-muted gg-small">程序七；附件2未公开，默认值为推断，待市市场监管委确认</span>}>
      {locked && <Alert type="warning" showIcon role="status" style={{ marginBottom: 12 }} title="评定指标已锁定，仅可查看" description={lock.data?.reason} data-testid="criteria-locked" />}
      <ConfigProvider componentDisabled={locked}>
        <CriteriaSections locked={locked} />
        <Form.Item label="评分项满分合计" name={CRITERIA_PATH} rules={[issueRule(form, 'sections')]}>
          <CriteriaTotal />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>{n('优秀分数线', ['bands', 'excellent'], [numberRule(bandShape.excellent, '优秀分数线', { required: true }), issueRule(form, 'bands')], '分')}</Col>
          <Col xs={24} sm={8}>{n('良好分数线', ['bands', 'good'], [numberRule(bandShape.good, '良好分数线', { required: true })], '分')}</Col>
          <Col xs={24} sm={8}>{n('合格分数线', ['bands', 'qualified'], [numberRule(bandShape.qualified, '合格分数线', { required: true })], '分')}</Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>{n('评定组人数', ['groupSize'], [{ required: true, message: '请填写评定组人数' }, issueRule(form, 'groupSize')], '人')}</Col>
          <Col xs={24} sm={8}>{n('评定组最少人数', ['minGroupSize'], [{ required: true, message: '请填写评定组最少人数' }, issueRule(form, 'minGroupSize')], '人')}</Col>
          <Col xs={24} sm={8}>
            {n('达到此人数时去掉一个最高分和一个最低分', ['trimFrom'], [{ required: true, message: '请填写去掉最高分和最低分的起始人数' }, issueRule(form, 'trimFrom')], '人')}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>{n('评定意见最少字数', ['opinion', 'min'], [{ required: true, message: '请填写评定意见最少字数' }], '字')}</Col>
          <Col xs={24} sm={8}>{n('评定意见最多字数', ['opinion', 'max'], [{ required: true, message: '请填写评定意见最多字数' }, issueRule(form, 'opinion')], '字')}</Col>
        </Row>
        <Form.Item label="通用专业领域（专业专家不足时补充）" name={P('generalFields')}>
          <TagsEditor label="通用专业领域" maxItemLength={30} />
        </Form.Item>
        <div className="gg-muted gg-small" style={{ marginBottom: 8 }}>
          否决项（任一专家勾选即评为不合格）
        </div>
        <Form.List name={P('vetoItems')}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item name={[f.name, 'text']} style={{ flex: 1, marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: '请填写否决项内容' }, schemaRule(vetoShape.text, null)]}>
                    <Input aria-label={`评定否决项${i + 1}`} count={{ show: true, max: 100 }} />
                  </Form.Item>
                  {!locked && <Button danger type="text" icon={<DeleteOutlined />} aria-label={`删除评定否决项${i + 1}`} onClick={() => remove(f.name)} />}
                </div>
              ))}
              {!locked && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: `veto-${Date.now().toString(36)}`, text: '' })}>
                  添加否决项
                </Button>
              )}
            </>
          )}
        </Form.List>
      </ConfigProvider>
    </Card>
  );
}
