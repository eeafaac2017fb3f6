/** 申报书 step 1: the applicant unit, its quality head, project lead and contact. */
import { Alert, Col, Row, Select } from 'antd';
import { UNIT_NATURE_LABELS, UNIT_NATURES } from '../../../../domain/application-form';
import { NumberText, TextIn } from '../../../components/application/controls';
import { Field } from '../../../components/application/FieldKit';
import { half, third } from './step-layout';

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
              {(p) => <TextIn {...p} autoComplete="off" inputMode={f === 'phone' ? 'tel' : f === 'email' ? 'email' : undefined} />}
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
            {(p) => <TextIn {...p} />}
          </Field>
        </Col>
        <Col {...half}>
          <Field<string> path="unit.uscc" label="统一社会信用代码" required>
            {(p) => <TextIn {...p} className="gg-mono" upper />}
          </Field>
        </Col>
        <Col {...half}>
          <Field<string> path="unit.address" label="注册地址" required>
            {(p) => <TextIn {...p} />}
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field<string> path="unit.district" label="所属区">
            {(p) => <TextIn {...p} />}
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field<string | undefined> path="unit.nature" label="单位性质" required empty={undefined}>
            {(p) => <Select {...p} placeholder="请选择" options={UNIT_NATURES.map((n) => ({ value: n, label: UNIT_NATURE_LABELS[n] }))} />}
          </Field>
        </Col>
        <Col {...third}>
          <Field<string> path="unit.industry" label="所属行业">
            {(p) => <TextIn {...p} placeholder="如：通用设备制造业" />}
          </Field>
        </Col>
        <Col {...third}>
          <Field<number | undefined> path="unit.employees" label="员工人数" empty={undefined}>
            {(p) => <NumberText {...p} suffix="人" />}
          </Field>
        </Col>
        <Col {...third}>
          <Field<number | undefined> path="unit.lastYearRevenue" label="上年营业收入（万元）" empty={undefined}>
            {(p) => <NumberText {...p} suffix="万元" />}
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
