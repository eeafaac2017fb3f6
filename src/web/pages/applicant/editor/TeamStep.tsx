/** 申报书 steps 4 and 5: the project team and the consortium. */
import { Alert, Col, Row, Select } from 'antd';
import { PARTNER_TYPE_LABELS, PARTNER_TYPES } from '../../../../domain/application-form';
import { MaskedIdInput, RowList, TextIn } from '../../../components/application/controls';
import { Field, useFormKit } from '../../../components/application/FieldKit';
import { quarter } from './step-layout';

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
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col {...quarter}>
              <Field<string> path={`${prefix}.unit`} label="成员单位">
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col {...quarter}>
              <Field<string> path={`${prefix}.title`} label="成员职称">
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col {...quarter}>
              <Field<string> path={`${prefix}.idNumber`} label="身份证号">
                {(p) => <MaskedIdInput {...p} />}
              </Field>
            </Col>
            <Col span={24}>
              <Field<string> path={`${prefix}.role`} label="项目分工">
                {(p) => <TextIn {...p} />}
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
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col xs={24} md={7}>
              <Field<string | undefined> path={`${prefix}.type`} label="联合单位类型" required={common} empty={undefined}>
                {(p) => <Select {...p} placeholder="请选择" options={PARTNER_TYPES.map((t) => ({ value: t, label: PARTNER_TYPE_LABELS[t] }))} />}
              </Field>
            </Col>
            <Col xs={24} md={7}>
              <Field<string> path={`${prefix}.region`} label="所在地区">
                {(p) => <TextIn {...p} placeholder="如：天津市西青区、河北省沧州市" />}
              </Field>
            </Col>
            <Col xs={24} md={10}>
              <Field<string> path={`${prefix}.uscc`} label="统一社会信用代码">
                {(p) => <TextIn {...p} className="gg-mono" upper />}
              </Field>
            </Col>
            <Col xs={24} md={14}>
              <Field<string> path={`${prefix}.role`} label="分工">
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
          </Row>
        )}
      />
    </>
  );
}
