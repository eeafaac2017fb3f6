/** 申报书 step 3: background, quantified goals, technical route, quality methods, PDCA and milestones. */
import { Button, Col, Row } from 'antd';
import { DateInput, RowList, TextBox, TextIn } from '../../../components/application/controls';
import { Field, ListNotes, useFormKit } from '../../../components/application/FieldKit';
import { TagsEditor } from '../../../components/TagsEditor';
import { half } from './step-layout';

const QUALITY_METHODS = ['PDCA循环', 'QC七大手法', '六西格玛', 'FMEA', 'SPC统计过程控制', 'DOE试验设计', '5W1H', '鱼骨图', '帕累托图', '精益生产', 'QFD质量功能展开', '8D'];

export function ContentStep() {
  const kit = useFormKit();
  const methods = kit.form.content?.qualityMethods ?? [];
  return (
    <>
      <Field<string> path="content.background" label="立项背景与质量问题描述" required extra="说明存在的质量问题、现状数据及其影响（找准质量问题，进行质量诊断）">
        {(p) => <TextBox {...p} minRows={5} maxRows={14} />}
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
                {(p) => <TextIn {...p} placeholder="如：产品一次交检合格率" />}
              </Field>
            </Col>
            <Col xs={8} lg={4}>
              <Field<string> path={`${prefix}.unit`} label="单位">
                {(p) => <TextIn {...p} placeholder="%" />}
              </Field>
            </Col>
            <Col xs={8} lg={5}>
              <Field<string> path={`${prefix}.baseline`} label="现状值" required>
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col xs={8} lg={6}>
              <Field<string> path={`${prefix}.target`} label="目标值" required>
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
          </Row>
        )}
      />
      <div style={{ height: 16 }} />
      <Field<string> path="content.technicalRoute" label="技术路线与实施方案" required>
        {(p) => <TextBox {...p} minRows={5} maxRows={14} />}
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
              {(p) => <TextBox {...p} minRows={3} maxRows={8} placeholder={hint} />}
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
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
            <Col xs={24} md={9}>
              <Field<string> path={`${prefix}.deliverable`} label="里程碑成果">
                {(p) => <TextIn {...p} />}
              </Field>
            </Col>
          </Row>
        )}
      />
    </>
  );
}
