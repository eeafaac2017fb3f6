/** 申报书 steps 6 and 7: expected benefits, existing basis (IP, appraisals, standards) and quality infrastructure. */
import { CheckCircleFilled } from '@ant-design/icons';
import {
  Alert,
  Col,
  Row,
  Select,
} from 'antd';
import { isMeasurable } from '../../../../domain/eligibility';
import {
  BENEFIT_AREA_LABELS,
  INFRASTRUCTURE_KINDS,
  INFRASTRUCTURE_LABELS,
  STANDARD_LEVEL_LABELS,
  STANDARD_LEVELS,
} from '../../../../domain/application-form';
import {
  CheckGroup,
  DateInput,
  NumberText,
  RowList,
  TextBox,
  TextIn,
} from '../../../components/application/controls';
import { Field, ListNotes, useFormKit } from '../../../components/application/FieldKit';
import { half } from './step-layout';

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
                  <span style={{ color: '#8a5300' }}>请写明具体数值，如“不良率由3.8%降至1.2%”“年节电12万千瓦时”</span>
                )
              ) : (
                '请写明具体、可衡量的预期成效'
              )
            }
          >
            {(p) => <TextBox {...p} minRows={2} maxRows={6} />}
          </Field>
        );
      })}
      <Row gutter={16}>
        <Col {...half}>
          <Field<number | undefined> path="benefits.economic" label="预期经济效益（万元）" empty={undefined}>
            {(p) => <NumberText {...p} suffix="万元" />}
          </Field>
        </Col>
      </Row>
      <Field<string> path="benefits.economicNote" label="经济效益测算说明">
        {(p) => <TextBox {...p} minRows={2} maxRows={6} />}
      </Field>
      <Field<string> path="benefits.social" label="预期社会效益">
        {(p) => <TextBox {...p} minRows={2} maxRows={6} />}
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
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col xs={24} md={10}>
              <Field<string> path={`${prefix}.number`} label="专利号">
                {(p) => <TextIn {...p} />}
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
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col xs={24} md={10}>
              <Field<string> path={`${prefix}.number`} label="登记号">
                {(p) => <TextIn {...p} />}
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
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field<string> path={`${prefix}.organ`} label="鉴定机构">
                {(p) => <TextIn {...p} />}
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
                {(p) => <TextIn {...p} placeholder="如：T/TJSX 001-2025" />}
              </Field>
            </Col>
            <Col xs={24} md={12}>
              <Field<string> path={`${prefix}.title`} label="标准名称">
                {(p) => <TextIn {...p} />}
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
        {(p) => <CheckGroup {...p} disabled={p.disabled} label="运用的质量基础设施" options={INFRASTRUCTURE_KINDS.map((k) => ({ value: k, label: INFRASTRUCTURE_LABELS[k] }))} />}
      </Field>
      <Field<string> path="infrastructureNote" label="质量基础设施支撑说明">
        {(p) => <TextBox {...p} minRows={4} maxRows={10} placeholder="如：委托天津市计量监督检测科学研究院开展关键参数校准……" />}
      </Field>
    </>
  );
}
