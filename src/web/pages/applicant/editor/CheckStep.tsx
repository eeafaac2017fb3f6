/** 检查与提交: the server's checklist (POST /check) with links to the fields, then the submit. */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Progress, Space, Spin, Tag } from 'antd';
import type { ApplicationCheck } from '../../../../shared/applications';
import { TextBox } from '../../../components/application/controls';
import { Field } from '../../../components/application/FieldKit';
import { EDITOR_STEPS, stepOfPath } from '../../../components/application/form-paths';
import { Highlighted, similarityTexts } from '../../../components/review/DuplicateMatches';
import { useFormKit } from '../../../components/application/FieldKit';
import { formatBeijing } from '../../../time';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

const STATUS_ICON = {
  pass: <CheckCircleFilled style={{ color: '#389e0d' }} aria-hidden />,
  fail: <CloseCircleFilled style={{ color: '#c62828' }} aria-hidden />,
  warning: <ExclamationCircleFilled style={{ color: '#d48806' }} aria-hidden />,
  pending: <MinusCircleOutlined style={{ color: '#8c8c8c' }} aria-hidden />,
};
const STATUS_TEXT = { pass: '符合', fail: '不符合', warning: '提示', pending: '待确认' };

export function CheckStep({
  check,
  running,
  error,
  onRun,
  onSubmit,
  goTo,
  submitAllowed,
  submitReason,
  submitting,
  submitError,
}: {
  check: ApplicationCheck | null;
  running: boolean;
  error: string | null;
  onRun(): void;
  onSubmit(): void;
  goTo(path: string): void;
  submitAllowed: boolean;
  submitReason?: string;
  submitting: boolean;
  submitError: string | null;
}) {
  const kit = useFormKit();
  const errors = check?.fieldIssues.filter((i) => i.severity === 'error') ?? [];
  const warnings = check?.fieldIssues.filter((i) => i.severity === 'warning') ?? [];
  const texts = similarityTexts(kit.form);
  const issueLine = (i: ApplicationCheck['fieldIssues'][number], n: number) => {
    const step = stepOfPath(i.path);
    return (
      <li key={`${i.path}-${n}`} className="gg-app-issue">
        {i.severity === 'error' ? STATUS_ICON.fail : STATUS_ICON.warning}
        <span>
          {i.message}{' '}
          {step < EDITOR_STEPS.length - 1 && (
            <button type="button" className="gg-app-link" onClick={() => goTo(i.path)} aria-label={`前往“${EDITOR_STEPS[step].title}”修改${i.label}`}>
              前往“{EDITOR_STEPS[step].title}”修改
            </button>
          )}
        </span>
      </li>
    );
  };

  return (
    <div data-testid="check-step">
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<ReloadOutlined />} onClick={onRun} loading={running}>
          {check ? '重新检查' : '开始检查'}
        </Button>
        {check && <span className="gg-muted gg-small">检查结果基于最近一次保存的内容</span>}
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      {running && !check && (
        <div style={{ padding: 32, textAlign: 'center' }}>
          <Spin /> <span className="gg-muted">正在检查申报书…</span>
        </div>
      )}
      {check && (
        <>
          <Alert
            type={check.ok ? 'success' : 'error'}
            showIcon
            role="status"
            data-testid="check-summary"
            style={{ marginBottom: 20 }}
            title={check.ok ? '检查通过，可以提交推荐单位审核' : `尚有 ${errors.length + (check.window.open ? 0 : 1) + check.eligibility.filter((e) => e.blocking && e.status === 'fail' && e.id === 'registration').length} 项问题需要处理后才能提交`}
            description={
              check.window.open
                ? `申报截止时间：${formatBeijing(check.window.closesAt, 'datetimeCn')}${check.window.viaReopening ? '（补报窗口）' : ''}`
                : check.window.message
            }
          />

          <section className="gg-app-check-group" aria-labelledby="ck-elig">
            <h3 id="ck-elig">申报条件</h3>
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="eligibility">
              {check.eligibility.map((e) => (
                <li key={e.id} className="gg-app-issue" data-status={e.status}>
                  {STATUS_ICON[e.status]}
                  <span>
                    <strong>{e.label}</strong>
                    <span className="gg-sr-only">（{STATUS_TEXT[e.status]}）</span>
                    <div className="gg-muted gg-small">{e.message}</div>
                  </span>
                </li>
              ))}
            </ul>
          </section>

          <section className="gg-app-check-group" aria-labelledby="ck-fields">
            <h3 id="ck-fields">
              填写完整性 {errors.length > 0 ? <Tag color="red">{errors.length} 项必须修改</Tag> : <Tag color="green">完整</Tag>}
              {warnings.length > 0 && <Tag color="orange">{warnings.length} 项建议</Tag>}
            </h3>
            {errors.length + warnings.length === 0 ? (
              <div className="gg-muted">所有必填项均已填写。</div>
            ) : (
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="field-issues">
                {errors.map(issueLine)}
                {warnings.map(issueLine)}
              </ul>
            )}
          </section>

          <section className="gg-app-check-group" aria-labelledby="ck-name">
            <h3 id="ck-name">项目名称规范</h3>
            {check.naming.length === 0 ? (
              <div className="gg-muted">项目名称符合名称规范指引。</div>
            ) : (
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {check.naming.map((v) => (
                  <li key={v.ruleId} className="gg-app-issue">
                    {v.severity === 'error' ? STATUS_ICON.fail : STATUS_ICON.warning}
                    <span>
                      {v.message}
                      {v.suggestion && <span className="gg-muted">（建议：{v.suggestion}）</span>}{' '}
                      <button type="button" className="gg-app-link" onClick={() => goTo('project.name')}>
                        修改项目名称
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="gg-app-check-group" aria-labelledby="ck-dup">
            <h3 id="ck-dup">
              雷同检查{' '}
              <Tag color={check.duplicates.flagged ? 'orange' : 'green'}>
                最高相似度 {pct(check.duplicates.topScore)}（提示阈值 {pct(check.duplicates.flagThreshold)}）
              </Tag>
            </h3>
            {check.duplicates.matches.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现与历年成果或本年度其他申报相似的项目" />
            ) : (
              <ol style={{ paddingLeft: 0, listStyle: 'none' }} aria-label="相似项目" data-testid="duplicate-matches">
                {check.duplicates.matches.map((m, i) => (
                  <li key={`${m.id ?? m.name}-${i}`} className="gg-app-row" style={{ paddingBottom: 12 }}>
                    <div className="gg-app-row-head">
                      <span>
                        <Tag color={m.source === 'historical' ? 'purple' : 'geekblue'}>{m.sourceLabel}</Tag>
                        {m.name}
                        <span className="gg-muted gg-small"> {[m.unitName, m.year ? `${m.year}年` : '', m.level, m.applicationNo].filter(Boolean).join(' · ')}</span>
                      </span>
                      <span style={{ minWidth: 160 }}>
                        <Progress percent={Math.round(m.score * 1000) / 10} size="small" status={m.score >= check.duplicates.flagThreshold ? 'exception' : 'normal'} format={() => pct(m.score)} aria-label={`相似度 ${pct(m.score)}`} />
                      </span>
                    </div>
                    {m.overlaps
                      .filter((o) => o.queryRanges.length > 0)
                      .map((o) => {
                        const text = check.duplicates.query[o.field] ?? texts[o.field] ?? '';
                        return (
                          <div key={o.field} style={{ marginBottom: 8 }}>
                            <div className="gg-small gg-muted">
                              {o.fieldLabel}（本申报书中的重合内容，分项相似度 {pct(m.fieldScores[o.field])}）
                            </div>
                            <Highlighted text={text} ranges={o.queryRanges} />
                          </div>
                        );
                      })}
                  </li>
                ))}
              </ol>
            )}
            {(check.duplicates.flagged || (kit.form.duplicateExplanation ?? '') !== '') && (
              <Field<string> path="duplicateExplanation" label="雷同情况说明" extra="请说明本项目与相似项目在攻关对象、目标和技术路线上的区别；提交后推荐单位和市市场监管委可见">
                {(p) => <TextBox {...p} minRows={3} maxRows={8} />}
              </Field>
            )}
          </section>
        </>
      )}

      <div className="gg-app-row" style={{ paddingBottom: 12, marginTop: 8 }}>
        {submitError && <Alert type="error" showIcon role="alert" title={submitError} style={{ marginBottom: 12 }} data-testid="submit-error" />}
        {!submitAllowed && submitReason && <Alert type="warning" showIcon title={submitReason} style={{ marginBottom: 12 }} />}
        <Button type="primary" size="large" icon={<SendOutlined />} onClick={onSubmit} loading={submitting} disabled={!submitAllowed || !check?.ok || running}>
          提交推荐单位审核
        </Button>
        {!check?.ok && <span className="gg-muted gg-small" style={{ marginLeft: 12 }}>检查通过后方可提交</span>}
      </div>
    </div>
  );
}
