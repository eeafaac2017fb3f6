/** 申报书 step 9: the commitment and the veto declarations. */
import { Checkbox, Col, Row } from 'antd';
import { DateInput, TextIn } from '../../../components/application/controls';
import { Field, ListNotes, useFormKit } from '../../../components/application/FieldKit';
import type { PublicCampaign } from '../../../types';
import { half } from './step-layout';

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
              {(p) => <TextIn {...p} />}
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
